package io.medgw.loadtest.region;

import io.medgw.codec.Units;
import io.medgw.loadtest.region.CatalogueMaster.Item;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes {@code catalogue.csv}: each region takes all but a few of the national items and adds its
 * own 乙类先行自付比例 (each region its own mix of 0.05–0.20) and price caps.
 */
final class CatalogueWriter
{
    /** 乙类先行自付 choices (bp) and their cumulative weights (%), per region in {@link DemoRegions#ALL} order. */
    private static final int[][] SELFPAY_BP = {{500, 1000, 1500, 2000}, {500, 1000, 1500}, {1000, 1500, 2000}};
    private static final int[][] SELFPAY_CUM = {{20, 80, 95, 100}, {50, 90, 100}, {40, 70, 100}};

    private CatalogueWriter()
    {
    }

    /**
     * @param dir       target directory.
     * @param rng       random source.
     * @param perRegion distinct codes each region's catalogue must have.
     * @return rows written.
     * @throws IOException on a write failure.
     */
    static int write(final Path dir, final SplittableRandom rng, final int perRegion) throws IOException
    {
        final int extra = Math.max(1, perRegion / 25);
        final Item[] master = CatalogueMaster.generate(rng.split(), perRegion + extra);
        try (CsvOut csv = CsvOut.open(dir.resolve("catalogue.csv"), "admdvs", "med_list_codg", "name", "list_type",
            "med_chrgitm_type", "chrgitm_lv", "selfpay_prop", "pric_uplmt", "min_hosp_lv", "opsp_only", "dual_channel",
            "begin_date", "end_date"))
        {
            for (int r = 0; r < DemoRegions.ALL.size(); r++)
            {
                final SplittableRandom regionRng = rng.split();
                final boolean[] dropped = chooseDropped(regionRng, master.length, extra);
                final String admdvs = DemoRegions.ALL.get(r).admdvs();
                for (int i = 0; i < master.length; i++)
                {
                    if (!dropped[i])
                    {
                        writeItem(csv, regionRng, r, admdvs, master[i]);
                    }
                }
            }
            return csv.rows();
        }
    }

    private static boolean[] chooseDropped(final SplittableRandom rng, final int n, final int count)
    {
        final boolean[] dropped = new boolean[n];
        int left = count;
        while (left > 0)
        {
            final int i = rng.nextInt(n);
            if (!dropped[i])
            {
                dropped[i] = true;
                left--;
            }
        }
        return dropped;
    }

    private static void writeItem(final CsvOut csv, final SplittableRandom rng, final int region, final String admdvs,
        final Item item) throws IOException
    {
        final int selfpay = item.lv() == 2 ? selfpay(rng, region) : 0;
        final long typical = ItemPrices.typicalMicro(item.code(), item.medChrgitmType());
        final long cap = hasCap(rng, item) ? ItemPrices.scaled(typical, 1050 + rng.nextInt(201), item.code(),
            item.medChrgitmType()) : Units.NO_CAP;
        switch (item.versions())
        {
            case 1:
                twoVersions(csv, rng, admdvs, item, selfpay, typical, cap);
                break;
            case 2:
                row(csv, admdvs, item, selfpay, cap, Days.Y2026, Days.OPEN);
                break;
            case 3:
                row(csv, admdvs, item, selfpay, cap, Days.Y2025, Days.END_2025);
                break;
            default:
                row(csv, admdvs, item, selfpay, cap, Days.Y2025, Days.OPEN);
                break;
        }
    }

    // The 2025 version ends on 2025-12-31; from 2026 a lower cap applies (e.g. after 集采).
    private static void twoVersions(final CsvOut csv, final SplittableRandom rng, final String admdvs, final Item item,
        final int selfpay, final long typical, final long cap) throws IOException
    {
        final String code = item.code();
        final String type = item.medChrgitmType();
        final long oldCap = cap == Units.NO_CAP ? ItemPrices.scaled(typical, 1150, code, type) : cap;
        long newCap = ItemPrices.scaled(oldCap, 800 + rng.nextInt(151), code, type);
        if (newCap == oldCap)
        {
            newCap = oldCap + ItemPrices.stepMicro(code, type);
        }
        row(csv, admdvs, item, selfpay, oldCap, Days.Y2025, Days.END_2025);
        row(csv, admdvs, item, selfpay, newCap, Days.Y2026, Days.OPEN);
    }

    private static void row(final CsvOut csv, final String admdvs, final Item item, final int selfpayBp, final long cap,
        final int begin, final int end) throws IOException
    {
        csv.text(admdvs).text(item.code()).text(item.name()).text(item.listType()).text(item.medChrgitmType());
        csv.text(item.lv() == 1 ? "01" : item.lv() == 2 ? "02" : "03").ratio(selfpayBp).price(cap);
        csv.num(item.minHospLv()).flag(item.opspOnly()).flag(item.dualChannel()).date(begin).endDate(end);
        csv.end();
    }

    private static int selfpay(final SplittableRandom rng, final int region)
    {
        final int p = rng.nextInt(100);
        final int[] cum = SELFPAY_CUM[region];
        for (int i = 0; i < cum.length; i++)
        {
            if (p < cum[i])
            {
                return SELFPAY_BP[region][i];
            }
        }
        return SELFPAY_BP[region][cum.length - 1];
    }

    // Caps: 25 % of drugs, 45 % of materials, 10 % of services, 5 % of 饮片.
    private static boolean hasCap(final SplittableRandom rng, final Item item)
    {
        final int p = rng.nextInt(100);
        switch (item.medChrgitmType())
        {
            case "09": case "11": return p < 25;
            case "08": return p < 45;
            case "10": return p < 5;
            default: return p < 10;
        }
    }
}
