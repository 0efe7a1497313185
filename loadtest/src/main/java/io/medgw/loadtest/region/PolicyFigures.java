package io.medgw.loadtest.region;

import io.medgw.codec.Units;

/**
 * The demo policies' figures, per region in {@link DemoRegions#ALL} order (盐城, 南京, 商洛). Outpatient,
 * inpatient, pool caps, 大额 and 大病 come from /work/shared/data/demo-policies.md, converted as its
 * mapping section says (levels: community and tier1 → 1; in-service → 1101/1102/1103, retiree →
 * 1201/1202/1203/1300; the percentage-point reading of the 异地 factors). Chronic, pharmacy,
 * maternity, civil servant, assistance and N funds are not in that source: they are our demo values.
 * Deductibles and caps in yuan, ratios in bp, arrays indexed by institution level (0 = pharmacy).
 * 2026 differs from 2025 by: higher outpatient caps, +1 point on L3 inpatient ratios, +1 point on
 * L1 chronic ratios, assistance caps +5,000 and the 优抚 cap +2,000.
 */
final class PolicyFigures
{
    static final int[][] OUT_DED_310_IN = {{0, 700, 700, 700}, {0, 0, 0, 0}, {0, 30, 60, 90}};
    /** 盐城 retirees: 300 (the figure the dataset quotes; its tier fields say 700). */
    static final int[][] OUT_DED_310_RET = {{0, 300, 300, 300}, {0, 0, 0, 0}, {0, 30, 60, 90}};
    static final int[][] OUT_RATIO_310_IN = {{0, 7500, 7000, 6000}, {0, 8500, 7000, 6000}, {0, 7000, 6500, 6000}};
    static final int[][] OUT_RATIO_310_RET = {{0, 8500, 8000, 7000}, {0, 9000, 7500, 6500}, {0, 7500, 7000, 6500}};
    static final int[][] OUT_DED_390 = {{0, 0, 200, 200}, {0, 200, 0, 0}, {0, 0, 0, 0}};
    static final int[][] OUT_RATIO_390 = {{0, 6000, 5000, 4000}, {0, 6000, 0, 0}, {0, 5000, 0, 0}};
    /** 南京 居民 students and children (1401–1404): 普通门诊 deductible 100 instead of 200. */
    static final int NANJING_STUDENT_DED = 100;

    static final int[][] IN_DED_310 = {{0, 200, 500, 800}, {0, 300, 500, 1000}, {0, 300, 400, 600}};
    static final int[][] IN_DED_390 = {{0, 200, 500, 800}, {0, 300, 500, 1000}, {0, 300, 400, 500}};
    static final int[][] IN_RATIO_310_IN = {{0, 9500, 9100, 8700}, {0, 9500, 9200, 8800}, {0, 9400, 9300, 9200}};
    static final int[][] IN_RATIO_310_RET = {{0, 9800, 9400, 9100}, {0, 9800, 9500, 9300}, {0, 9600, 9500, 9400}};
    static final int[][] IN_RATIO_390 = {{0, 8500, 7500, 6500}, {0, 9000, 8500, 6500}, {0, 8000, 7500, 7000}};

    static final int[] CHRONIC_DED_310 = {300, 0, 200};
    static final int[] CHRONIC_DED_390 = {300, 300, 200};
    /** Retirees get 500 bp more, capped at 10000. */
    static final int[][] CHRONIC_RATIO_310 = {{8500, 8500, 8000, 7500}, {8500, 9000, 8500, 8000}, {8000, 8500, 8000, 7500}};
    static final int[][] CHRONIC_RATIO_390 = {{6500, 7000, 6500, 6000}, {6500, 7000, 6500, 6000}, {6000, 6500, 6000, 5500}};

    /** 310 pharmacy: the L1 outpatient deductible, and the L1 outpatient ratio minus this. */
    static final int PHARMACY_310_RATIO_CUT = 1000;
    static final int[] PHARMACY_DED_390 = {0, 200, 0};
    static final int[] PHARMACY_RATIO_390 = {5000, 5000, 0};

    static final long[] MAIN_CAP_310 = {300_000, 360_000, 280_000};
    static final long[] MAIN_CAP_390 = {250_000, 360_000, 130_000};
    static final long[][] OUT_CAP_310 = {{6_000, 15_000, 1_500}, {6_500, 16_000, 1_800}};
    static final long[][] OUT_CAP_390 = {{800, 1_200, 100}, {900, 1_300, 150}};
    static final long[] MATERNITY_CAP_310 = {8_000, 10_000, 6_000};

    static final int[] LARGE_RATIO = {9000, 6000, 9000};
    static final long[] LARGE_CAP = {400_000, Units.NO_CAP, Units.NO_CAP};

    static final long[] SERIOUS_T = {15_000, 15_000, 10_000};
    static final long[][] SERIOUS_BAND_FROM = {{0, 35_000, 85_000}, {0, 35_000}, {0, 20_000, 90_000}};
    static final int[][] SERIOUS_BAND_RATIO = {{6000, 7000, 8000}, {6000, 7000}, {6000, 7000, 8000}};
    static final long[] SERIOUS_CAP = {300_000, Units.NO_CAP, 300_000};

    static final int[] CIVIL_RATIO = {5000, 6000, 5000};
    static final long[] CIVIL_CAP = {30_000, 50_000, 20_000};

    static final String[] ASSIST_CATEGORIES = {"01", "02", "03", "04"};
    static final long[] ASSIST_DED = {0, 0, 1_000, 2_000};
    static final int[] ASSIST_RATIO = {9000, 7500, 7000, 6000};
    static final long[] ASSIST_CAP = {60_000, 50_000, 40_000, 30_000};
    /** Assistance caps scaled per region, percent. */
    static final int[] ASSIST_CAP_PCT = {100, 150, 80};

    /** dsgn_type 1..4 → signed adjustment of the pool ratio for 异地. */
    static final int[][] CROSS_ADJUST = {{0, 0, -1000, -3000}, {0, 0, -1000, -3000}, {0, 0, -1000, -1500}};

    private PolicyFigures()
    {
    }

    /** @param bp a ratio. @param add points to add. @return the sum, clamped to [0, 10000]. */
    static int plus(final int bp, final int add)
    {
        return Math.max(0, Math.min(Units.FULL_BP, bp + add));
    }
}
