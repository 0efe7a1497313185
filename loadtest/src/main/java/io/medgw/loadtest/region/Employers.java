package io.medgw.loadtest.region;

import io.medgw.loadtest.region.DemoRegions.Region;

import java.util.SplittableRandom;

/** Plausible employer names (emp_name) by psn_type; empty for 灵活就业 and 居民. */
final class Employers
{
    private static final String[] BRANDS = {"恒达", "华通", "金源", "新宇", "东方", "远航", "瑞丰", "中科", "汇通", "博远",
        "永盛", "天成", "宏远", "海润", "鑫源", "正泰", "银河", "长城", "光明", "盛世"};
    private static final String[] TRADES = {"机械", "纺织", "电子", "建设", "物流", "食品", "化工", "科技", "商贸", "医药",
        "汽车部件", "新能源", "环保", "软件", "建材"};
    private static final String[] FORMS = {"有限公司", "股份有限公司", "集团有限公司"};
    private static final String[] OFFICES = {"人民政府办公室", "教育局", "税务局", "人民法院", "财政局", "市场监督管理局",
        "卫生健康委员会", "自然资源局"};

    private Employers()
    {
    }

    /**
     * @param rng     random source.
     * @param region  the person's region.
     * @param psnType psn_type.
     * @return an employer name, or null for 灵活就业 (1103, 1203) and 居民 (14xx, 15xx).
     */
    static String name(final SplittableRandom rng, final Region region, final String psnType)
    {
        switch (psnType)
        {
            case "1101":
            case "1201":
                return new StringBuilder(24).append(region.city()).append(BRANDS[rng.nextInt(BRANDS.length)])
                    .append(TRADES[rng.nextInt(TRADES.length)]).append(FORMS[rng.nextInt(FORMS.length)]).toString();
            case "1102":
            case "1202":
                final boolean city = rng.nextBoolean();
                return new StringBuilder(24)
                    .append(city ? region.city() : region.districts()[rng.nextInt(region.districts().length)])
                    .append(OFFICES[rng.nextInt(OFFICES.length)]).toString();
            case "1300":
                return region.city() + "委老干部局";
            default:
                return null;
        }
    }
}
