package io.medgw.loadtest.region;

import static io.medgw.loadtest.region.PolicyFigures.*;

import io.medgw.codec.Units;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@code policy_cells.csv} and {@code policy_funds.csv}: for each region × {310, 390} ×
 * {2025, 2026}, a complete policy. Every psn_type of the insutype has cells for outpatient,
 * inpatient and maternity at levels 1–3, chronic at 0–3 and pharmacy at 0 (390 maternity cells
 * have ratio 0: maternity is for 310 only).
 */
final class PolicyWriter
{
    static final int[] YEARS = {2025, 2026};
    static final String[] TYPES_310 = {"1101", "1102", "1103", "1201", "1202", "1203", "1300"};
    static final String[] TYPES_390 = {"1401", "1402", "1403", "1404", "1405", "1501"};
    private static final long Y = 100L;

    /** Rows written. @param cells policy_cells rows @param funds policy_funds rows @param policies policies */
    record Counts(int cells, int funds, int policies)
    {
    }

    private PolicyWriter()
    {
    }

    /**
     * @param dir target directory.
     * @return rows written.
     * @throws IOException on a write failure.
     */
    static Counts write(final Path dir) throws IOException
    {
        int policies = 0;
        try (CsvOut cells = CsvOut.open(dir.resolve("policy_cells.csv"), "insuplc_admdvs", "insutype", "year",
            "benefit_class", "hosp_lv", "psn_type", "deductible", "ratio");
            CsvOut funds = CsvOut.open(dir.resolve("policy_funds.csv"), "insuplc_admdvs", "insutype", "year", "fund",
                "key", "ratio", "cap", "deductible", "classes", "fund_pay_type", "name"))
        {
            for (int r = 0; r < DemoRegions.ALL.size(); r++)
            {
                for (final String insutype : new String[] {"310", "390"})
                {
                    for (final int year : YEARS)
                    {
                        final Key k = new Key(DemoRegions.ALL.get(r).admdvs(), insutype, year, r);
                        writeCells(cells, k);
                        new FundRows(funds, k).write();
                        policies++;
                    }
                }
            }
            return new Counts(cells.rows(), funds.rows(), policies);
        }
    }

    /** One policy. @param admdvs 参保地 @param insutype insutype @param year year @param r region index */
    record Key(String admdvs, String insutype, int year, int r)
    {
        boolean employee()
        {
            return "310".equals(insutype);
        }

        /** @return 0 for 2025, 1 for 2026. */
        int y()
        {
            return year == 2026 ? 1 : 0;
        }
    }

    private static void writeCells(final CsvOut csv, final Key k) throws IOException
    {
        final int r = k.r();
        final int late = k.y();
        for (final String pt : k.employee() ? TYPES_310 : TYPES_390)
        {
            final boolean ret = pt.charAt(1) == '2' || pt.charAt(1) == '3';
            final boolean student = "320100".equals(k.admdvs()) && pt.compareTo("1405") < 0 && pt.startsWith("14");
            for (int lv = 1; lv <= 3; lv++)
            {
                final int ded = k.employee() ? (ret ? OUT_DED_310_RET : OUT_DED_310_IN)[r][lv]
                    : student && lv == 1 ? NANJING_STUDENT_DED : OUT_DED_390[r][lv];
                final int ratio = k.employee() ? (ret ? OUT_RATIO_310_RET : OUT_RATIO_310_IN)[r][lv] : OUT_RATIO_390[r][lv];
                cell(csv, k, "outpatient", lv, pt, ded, ratio);
            }
            for (int lv = 0; lv <= 3; lv++)
            {
                final int base = (k.employee() ? CHRONIC_RATIO_310 : CHRONIC_RATIO_390)[r][lv];
                final int ratio = plus(base, (ret ? 500 : 0) + (late == 1 && lv == 1 ? 100 : 0));
                cell(csv, k, "chronic", lv, pt, (k.employee() ? CHRONIC_DED_310 : CHRONIC_DED_390)[r], ratio);
            }
            for (int lv = 1; lv <= 3; lv++)
            {
                final int base = k.employee() ? (ret ? IN_RATIO_310_RET : IN_RATIO_310_IN)[r][lv] : IN_RATIO_390[r][lv];
                cell(csv, k, "inpatient", lv, pt, (k.employee() ? IN_DED_310 : IN_DED_390)[r][lv],
                    plus(base, late == 1 && lv == 3 ? 100 : 0));
            }
            if (k.employee())
            {
                cell(csv, k, "pharmacy", 0, pt, (ret ? OUT_DED_310_RET : OUT_DED_310_IN)[r][1],
                    plus((ret ? OUT_RATIO_310_RET : OUT_RATIO_310_IN)[r][1], -PHARMACY_310_RATIO_CUT));
            }
            else
            {
                cell(csv, k, "pharmacy", 0, pt, student ? NANJING_STUDENT_DED : PHARMACY_DED_390[r], PHARMACY_RATIO_390[r]);
            }
            for (int lv = 1; lv <= 3; lv++)
            {
                cell(csv, k, "maternity", lv, pt, 0, k.employee() ? Units.FULL_BP : 0);
            }
        }
    }

    private static void cell(final CsvOut csv, final Key k, final String benefitClass, final int lv, final String psnType,
        final int deductibleYuan, final int ratioBp) throws IOException
    {
        csv.text(k.admdvs()).text(k.insutype()).num(k.year()).text(benefitClass).num(lv).text(psnType)
            .money(deductibleYuan * Y).ratio(ratioBp);
        csv.end();
    }

    /** The policy_funds rows of one policy. */
    private static final class FundRows
    {
        private final CsvOut csv;
        private final Key k;

        FundRows(final CsvOut csv, final Key k)
        {
            this.csv = csv;
            this.k = k;
        }

        void write() throws IOException
        {
            final int r = k.r();
            final boolean e = k.employee();
            row("pool_cap", "main", null, yuan(e ? MAIN_CAP_310[r] : MAIN_CAP_390[r]), null, null);
            row("pool_cap", "outpatient", null, yuan((e ? OUT_CAP_310 : OUT_CAP_390)[k.y()][r]), null, null);
            row("pool_cap", "maternity", null, e ? yuan(MATERNITY_CAP_310[r]) : Units.NO_CAP, null, null);
            capGroup("outpatient", "outpatient");
            capGroup("chronic", "main");
            capGroup("inpatient", "main");
            capGroup("pharmacy", "outpatient");
            capGroup("maternity", "maternity");
            if (e)
            {
                row("large", "", LARGE_RATIO[r], yuan(LARGE_CAP[r]), null, null);
                row("civil", "", CIVIL_RATIO[r], yuan(CIVIL_CAP[r]), null, null);
            }
            else
            {
                row("serious", "", null, yuan(SERIOUS_CAP[r]), SERIOUS_T[r] * Y, null);
                for (int b = 0; b < SERIOUS_BAND_FROM[r].length; b++)
                {
                    row("serious_band", Long.toString(SERIOUS_BAND_FROM[r][b]), SERIOUS_BAND_RATIO[r][b], Units.NO_CAP,
                        null, null);
                }
            }
            for (int c = 0; c < ASSIST_CATEGORIES.length; c++)
            {
                final long cap = ASSIST_CAP[c] * ASSIST_CAP_PCT[r] / 100 + (k.y() == 1 ? 5_000 : 0);
                row("assist", ASSIST_CATEGORIES[c], ASSIST_RATIO[c], cap * Y, ASSIST_DED[c] * Y, null);
            }
            nFund("vet", 5000, (k.y() == 1 ? 12_000 : 10_000) * Y, null, "999997", "优抚对象医疗补助");
            nFund("dis", 3000, 5_000 * Y, "outpatient;inpatient", "610102", "残疾人医疗再救助");
            if (r == 2)
            {
                nFund("poor", 2000, 20_000 * Y, "inpatient;chronic", "610103", "健康扶贫基金");
            }
            for (int t = 0; t < 4; t++)
            {
                row("cross_region_adjust", Integer.toString(t + 1), CROSS_ADJUST[r][t], Units.NO_CAP, null, null);
            }
        }

        private static long yuan(final long v)
        {
            return v == Units.NO_CAP ? Units.NO_CAP : v * Y;
        }

        private void capGroup(final String benefitClass, final String group) throws IOException
        {
            prefix("cap_group", benefitClass).empty().empty().empty().empty().empty().text(group);
            csv.end();
        }

        private void nFund(final String flag, final int ratio, final long capFen, final String classes,
            final String fundPayType, final String name) throws IOException
        {
            prefix("n", flag).ratio(ratio).cap(capFen).empty().text(classes).text(fundPayType).text(name);
            csv.end();
        }

        private void row(final String fund, final String key, final Integer ratio, final long capFen,
            final Long deductibleFen, final String classes) throws IOException
        {
            prefix(fund, key);
            if (ratio == null)
            {
                csv.empty();
            }
            else
            {
                csv.ratio(ratio);
            }
            csv.cap(capFen);
            if (deductibleFen == null)
            {
                csv.empty();
            }
            else
            {
                csv.money(deductibleFen);
            }
            csv.text(classes).empty().empty();
            csv.end();
        }

        private CsvOut prefix(final String fund, final String key)
        {
            return csv.text(k.admdvs()).text(k.insutype()).num(k.year()).text(fund).text(key);
        }
    }
}
