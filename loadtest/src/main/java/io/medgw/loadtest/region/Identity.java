package io.medgw.loadtest.region;

import io.medgw.codec.Dates;

import java.util.SplittableRandom;

/**
 * Identity parts of a demo person: names, 18-digit ID numbers with a real GB 11643 check digit and
 * a birth date that matches the person's psn_type, numbers for cards and e-vouchers.
 */
final class Identity
{
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
        "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚",
        "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "方", "白", "邹", "孟", "熊",
        "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱",
        "严", "武", "戴", "孔", "汤", "欧阳", "司马"};
    private static final String MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林建国峰文志海成东亮晨阳";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀玲燕婷洁莉雪琳颖慧倩晶欣悦佳蕾梅红兰萍琴云月雯";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String HEX = "0123456789abcdef";

    private Identity()
    {
    }

    /**
     * @param rng  random source.
     * @param male gender.
     * @return a Chinese name of two or three characters.
     */
    static String name(final SplittableRandom rng, final boolean male)
    {
        final String given = male ? MALE : FEMALE;
        final StringBuilder b = new StringBuilder(4).append(SURNAMES[rng.nextInt(SURNAMES.length)])
            .append(given.charAt(rng.nextInt(given.length())));
        if (rng.nextInt(100) < 70)
        {
            b.append(given.charAt(rng.nextInt(given.length())));
        }
        return b.toString();
    }

    /**
     * @param rng     random source.
     * @param psnType psn_type.
     * @return a birth date (epoch day) of an age that fits the psn_type on 2026-01-01.
     */
    static int birthDate(final SplittableRandom rng, final String psnType)
    {
        final int age;
        switch (psnType)
        {
            case "1101": case "1102": case "1103": age = 20 + rng.nextInt(40); break;
            case "1201": case "1202": case "1203": age = 60 + Math.min(rng.nextInt(36), rng.nextInt(36)); break;
            case "1300": age = 88 + rng.nextInt(12); break;
            case "1401": age = 0; break;
            case "1402": age = 1 + rng.nextInt(6); break;
            case "1403": age = 6 + rng.nextInt(12); break;
            case "1404": age = 18 + rng.nextInt(6); break;
            case "1405": age = 1 + rng.nextInt(17); break;
            default: age = 18 + rng.nextInt(73); break;
        }
        final int year = 2025 - age;
        return Days.between(rng, Days.of(year, 1, 1), Days.of(year, 12, 31));
    }

    /**
     * @param district county code (6 digits).
     * @param birth    birth date.
     * @param seq      sequence 0..999; odd for men, even for women (GB 11643).
     * @return the 18-character ID number with its check character.
     */
    static String certno(final String district, final int birth, final int seq)
    {
        final StringBuilder b = new StringBuilder(18).append(district);
        final String ymd = Dates.formatDate(birth);
        b.append(ymd, 0, 4).append(ymd, 5, 7).append(ymd, 8, 10);
        CatalogueMaster.digits(b, seq, 3);
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            sum += (b.charAt(i) - '0') * WEIGHTS[i];
        }
        return b.append(CHECK.charAt(sum % 11)).toString();
    }

    /**
     * @param rng   random source.
     * @param index the person's unique index (keeps tokens unique).
     * @return an e-voucher token: {@code EV} + 16 random hex + 8 hex of the index.
     */
    static String token(final SplittableRandom rng, final int index)
    {
        final StringBuilder b = new StringBuilder(26).append("EV");
        final long r = rng.nextLong();
        for (int s = 60; s >= 0; s -= 4)
        {
            b.append(HEX.charAt((int)(r >>> s) & 15));
        }
        for (int s = 28; s >= 0; s -= 4)
        {
            b.append(HEX.charAt((index >>> s) & 15));
        }
        return b.toString();
    }
}
