package io.medgw.loadtest.region;

import io.medgw.loadtest.region.DemoRegions.Region;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes and writes {@code institutions.csv}: hospitals of levels 1–3 and retail pharmacies in each
 * region. Each region starts with a fixed set (a cross-region L3 and L2 hospital, an L1 hospital, a
 * dual-channel, a plain and a cross-region pharmacy, all with valid agreements) so that even the
 * smallest scale has every kind; the rest are drawn: about 40 % hospitals (L1 55 %, L2 30 %, L3
 * 15 %; about 20 % open for 异地), 60 % pharmacies (30 % dual-channel), 3 % with an agreement that
 * ended in 2025.
 */
final class InstitutionWriter
{
    /**
     * One institution.
     *
     * @param code        fixmedins_code: H or P + admdvs + 5 digits.
     * @param name        fixmedins_name.
     * @param pharmacy    a retail pharmacy.
     * @param hospLv      1–3, 0 for a pharmacy.
     * @param region      index in {@link DemoRegions#ALL}.
     * @param begin       agreement begin (epoch day).
     * @param end         agreement end (epoch day).
     * @param crossRegion open for 异地.
     * @param dualChannel 双通道 pharmacy.
     */
    record Inst(String code, String name, boolean pharmacy, int hospLv, int region, int begin, int end,
        boolean crossRegion, boolean dualChannel)
    {
        /** @return true if the agreement holds through 2027. */
        boolean valid()
        {
            return end >= Days.END_2027;
        }
    }

    private static final String[] CHAINS = {"老百姓大药房", "益丰大药房", "国大药房", "大参林药店", "华润堂大药房",
        "同仁堂药店", "百姓缘大药房", "一心堂药店", "漱玉平民大药房", "本地医药连锁药房"};
    private static final String[] STREETS = {"人民路", "解放路", "建设路", "中山路", "新华路", "和平路", "文化路", "开发区",
        "东大街", "西大街", "南环路", "北京路"};
    private static final String[] TOWNS = {"城东", "城西", "城南", "城北", "新城", "老城", "开发区", "高新区", "湖滨", "河西"};

    private InstitutionWriter()
    {
    }

    /**
     * @param dir   target directory.
     * @param rng   random source.
     * @param total institutions over all regions (at least 6 per region are made).
     * @return the institutions, in file order.
     * @throws IOException on a write failure.
     */
    static List<Inst> write(final Path dir, final SplittableRandom rng, final int total) throws IOException
    {
        final int[] perRegion = DemoRegions.split(total);
        final List<Inst> all = new ArrayList<>(total + 18);
        for (int r = 0; r < perRegion.length; r++)
        {
            make(rng, r, Math.max(6, perRegion[r]), all);
        }
        try (CsvOut csv = CsvOut.open(dir.resolve("institutions.csv"), "fixmedins_code", "fixmedins_name", "type",
            "hosp_lv", "admdvs", "agreement_begin", "agreement_end", "cross_region", "dual_channel"))
        {
            for (final Inst i : all)
            {
                csv.text(i.code()).text(i.name()).text(i.pharmacy() ? "pharmacy" : "hospital").num(i.hospLv())
                    .text(DemoRegions.ALL.get(i.region()).admdvs()).date(i.begin()).date(i.end())
                    .flag(i.crossRegion()).flag(i.dualChannel());
                csv.end();
            }
        }
        return all;
    }

    private static void make(final SplittableRandom rng, final int r, final int n, final List<Inst> out)
    {
        final Region region = DemoRegions.ALL.get(r);
        final int[] serial = {0, 0};
        for (int i = 0; i < n; i++)
        {
            final boolean pharmacy;
            int lv;
            boolean cross;
            boolean dual = false;
            if (i < 6)
            {
                pharmacy = i >= 3;
                lv = pharmacy ? 0 : 3 - i;
                cross = i == 0 || i == 1 || i == 5;
                dual = i == 3;
            }
            else
            {
                pharmacy = rng.nextInt(100) >= 40;
                final int l = rng.nextInt(100);
                lv = pharmacy ? 0 : l < 55 ? 1 : l < 85 ? 2 : 3;
                final int c = rng.nextInt(100);
                cross = pharmacy ? c < 10 : lv == 3 ? c < 50 : lv == 2 ? c < 20 : c < 8;
                dual = pharmacy && rng.nextInt(100) < 30;
            }
            final String code = code(pharmacy ? 'P' : 'H', region.admdvs(), ++serial[pharmacy ? 1 : 0]);
            final int begin = Days.between(rng, Days.of(2019, 1, 1), Days.of(2024, 12, 31));
            final boolean expired = i >= 6 && rng.nextInt(100) < 3;
            final int end = expired ? Days.between(rng, Days.of(2025, 3, 31), Days.END_2025) : Days.END_2027;
            out.add(new Inst(code, name(rng, region, pharmacy, lv, serial[pharmacy ? 1 : 0]), pharmacy, lv, r, begin, end,
                cross, dual));
        }
    }

    private static String code(final char kind, final String admdvs, final int serial)
    {
        final StringBuilder b = new StringBuilder(12).append(kind).append(admdvs);
        return CatalogueMaster.digits(b, serial, 5).toString();
    }

    private static String name(final SplittableRandom rng, final Region region, final boolean pharmacy, final int lv,
        final int serial)
    {
        final String district = region.districts()[rng.nextInt(region.districts().length)];
        final StringBuilder b = new StringBuilder(32);
        if (pharmacy)
        {
            return b.append(CHAINS[rng.nextInt(CHAINS.length)]).append('(').append(district)
                .append(STREETS[rng.nextInt(STREETS.length)]).append(serial).append("号店)").toString();
        }
        switch (lv)
        {
            case 3:
                final int k = rng.nextInt(4);
                return k == 0 ? b.append(region.city()).append("第").append(1 + serial % 9).append("人民医院").toString()
                    : k == 1 ? b.append(region.city()).append("中医院").append(serial > 3 ? "分院" + serial : "").toString()
                    : k == 2 ? b.append(region.city()).append("妇幼保健院").toString()
                    : b.append(region.shortName()).append("医学院附属医院").toString();
            case 2:
                return b.append(district).append(rng.nextBoolean() ? "人民医院" : "中医医院").toString();
            default:
                return b.append(district).append(TOWNS[rng.nextInt(TOWNS.length)])
                    .append(rng.nextBoolean() ? "社区卫生服务中心" : "卫生院").toString();
        }
    }
}
