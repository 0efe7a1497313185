package io.medgw.loadtest.region;

import java.util.List;

/**
 * The three pooling regions of the demo (盐城 320900 and 南京 320100 in 江苏, 商洛 611000 in 陕西), with
 * what the generator needs to make plausible people and institutions there.
 */
final class DemoRegions
{
    /**
     * One pooling region.
     *
     * @param admdvs        6-digit pooling-region code.
     * @param province      the province code ({@code xx0000}).
     * @param city          city name, e.g. 盐城市.
     * @param shortName     short name used in institution names, e.g. 盐城.
     * @param weight        share of persons and institutions, in percent.
     * @param districtCodes county-level codes (first 6 digits of an ID number) in this city.
     * @param districts     the matching county-level names.
     * @param cardLetter    first letter of this region's social-security card numbers.
     */
    record Region(
        String admdvs,
        String province,
        String city,
        String shortName,
        int weight,
        String[] districtCodes,
        String[] districts,
        char cardLetter)
    {
        /** @param i index. @return the district code. */
        String districtCode(final int i)
        {
            return districtCodes[i];
        }
    }

    static final Region YANCHENG = new Region("320900", "320000", "盐城市", "盐城", 35,
        new String[] {"320902", "320903", "320904", "320981", "320925", "320924", "320923", "320922", "320921"},
        new String[] {"亭湖区", "盐都区", "大丰区", "东台市", "建湖县", "射阳县", "阜宁县", "滨海县", "响水县"}, 'K');

    static final Region NANJING = new Region("320100", "320000", "南京市", "南京", 45,
        new String[] {"320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115", "320116",
            "320117", "320118"},
        new String[] {"玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "雨花台区", "江宁区", "六合区", "溧水区",
            "高淳区"}, 'A');

    static final Region SHANGLUO = new Region("611000", "610000", "商洛市", "商洛", 20,
        new String[] {"611002", "611021", "611022", "611023", "611024", "611025", "611026"},
        new String[] {"商州区", "洛南县", "丹凤县", "商南县", "山阳县", "镇安县", "柞水县"}, 'S');

    /** In this order everywhere (files are written region by region in this order). */
    static final List<Region> ALL = List.of(YANCHENG, NANJING, SHANGLUO);

    /** 备案 areas outside the demo regions: 上海, 北京, 深圳, 杭州, 西安, 苏州. */
    static final String[] ELSEWHERE = {"310000", "110000", "440300", "330100", "610100", "320500"};

    private DemoRegions()
    {
    }

    /**
     * Splits {@code total} over the regions by weight; the rounding remainder goes to the first.
     *
     * @param total what to split.
     * @return the share of each region, in {@link #ALL} order.
     */
    static int[] split(final int total)
    {
        final int[] out = new int[ALL.size()];
        int used = 0;
        for (int i = 1; i < out.length; i++)
        {
            out[i] = total * ALL.get(i).weight() / 100;
            used += out[i];
        }
        out[0] = total - used;
        return out;
    }
}
