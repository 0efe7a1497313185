package io.medgw.loadtest.region;

import java.util.SplittableRandom;

/**
 * The national item list the three regional catalogues are drawn from: code (national coding
 * style), name, list type, 收费类别, 甲/乙/丙 and the national restrictions. Regional attributes
 * (乙类先行自付, price caps, validity) are added by {@link CatalogueWriter}.
 */
final class CatalogueMaster
{
    /**
     * One national item.
     *
     * @param code           med_list_codg.
     * @param name           item name.
     * @param listType       101, 102, 201 or 301.
     * @param medChrgitmType 01–14.
     * @param lv             1 甲, 2 乙, 3 丙.
     * @param minHospLv      0, 2 or 3.
     * @param opspOnly       门诊慢特病 only.
     * @param dualChannel    双通道 drug.
     * @param versions       0 one open version from 2025; 1 two versions (new cap from 2026);
     *                       2 listed from 2026 only; 3 delisted at the end of 2025.
     */
    record Item(String code, String name, String listType, String medChrgitmType, int lv, int minHospLv,
        boolean opspOnly, boolean dualChannel, int versions)
    {
    }

    private static final char[] LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private CatalogueMaster()
    {
    }

    /**
     * @param rng   random source.
     * @param count number of items.
     * @return the items; codes are unique (each embeds the item's serial number).
     */
    static Item[] generate(final SplittableRandom rng, final int count)
    {
        final Item[] items = new Item[count];
        final StringBuilder code = new StringBuilder(32);
        final StringBuilder name = new StringBuilder(64);
        for (int i = 0; i < count; i++)
        {
            code.setLength(0);
            name.setLength(0);
            final int kind = rng.nextInt(100);
            final String listType;
            final String type;
            if (kind < 45)
            {
                listType = "101";
                type = "09";
                west(rng, i, code, name);
            }
            else if (kind < 60)
            {
                listType = "101";
                type = "11";
                tcm(rng, i, code, name);
            }
            else if (kind < 65)
            {
                listType = "102";
                type = "10";
                herb(rng, i, code, name);
            }
            else if (kind < 85)
            {
                listType = "201";
                type = service(rng, i, code, name);
            }
            else
            {
                listType = "301";
                type = "08";
                material(rng, i, code, name);
            }
            items[i] = item(rng, code.toString(), name.toString(), listType, type);
        }
        return items;
    }

    private static Item item(final SplittableRandom rng, final String code, final String name, final String listType,
        final String type)
    {
        final int l = rng.nextInt(100);
        final int lv = l < 35 ? 1 : l < 90 ? 2 : 3;
        final int r = rng.nextInt(1000);
        final int minHospLv = "10".equals(type) ? 0 : r < 50 ? 2 : r < 70 ? 3 : 0;
        final boolean drug = "09".equals(type) || "11".equals(type);
        final int f = rng.nextInt(1000);
        final boolean dual = drug && lv != 3 && f < 15;
        final boolean opsp = drug && lv != 3 && !dual && f >= 15 && f < 45;
        final int v = rng.nextInt(1000);
        final int versions = v < 10 ? 1 : v < 15 ? 2 : v < 18 ? 3 : 0;
        return new Item(code, name, listType, type, lv, minHospLv, opsp, dual, versions);
    }

    // X + ATC level 4 + D + generic no. + A + form no. + 9 digits (2 random, 7 serial): 23 chars.
    private static void west(final SplittableRandom rng, final int serial, final StringBuilder code, final StringBuilder name)
    {
        final int g = rng.nextInt(CatalogueNames.WEST_NAMES.length);
        final int f = rng.nextInt(CatalogueNames.WEST_FORMS.length);
        code.append('X').append(CatalogueNames.WEST_ATC[g]).append('D');
        digits(code, g, 3).append('A');
        digits(code, f + 1, 3);
        digits(code, rng.nextInt(100), 2);
        digits(code, serial, 7);
        final String[] form = CatalogueNames.WEST_FORMS[f];
        name.append(form[0]).append(CatalogueNames.WEST_NAMES[g]).append(form[1])
            .append(CatalogueNames.westSpec(f, rng.nextInt(5)));
    }

    // Z + letter + 2 digits + 2 letters + A + 3 digits + 10 digits (3 random, 7 serial): 20 chars.
    private static void tcm(final SplittableRandom rng, final int serial, final StringBuilder code, final StringBuilder name)
    {
        final int g = rng.nextInt(CatalogueNames.TCM_PATENT.length);
        code.append('Z').append(LETTERS[g % 12]);
        digits(code, 1 + g % 9, 2).append(LETTERS[g % 7]).append(LETTERS[(g / 7) % 6]).append('A');
        digits(code, g, 3);
        digits(code, rng.nextInt(1000), 3);
        digits(code, serial, 7);
        final String n = CatalogueNames.TCM_PATENT[g];
        name.append(n).append(CatalogueNames.tcmSpec(n, rng.nextInt(3)));
    }

    // T + 2 digits + 7 serial: 10 chars (T001700643 style).
    private static void herb(final SplittableRandom rng, final int serial, final StringBuilder code, final StringBuilder name)
    {
        final int g = rng.nextInt(CatalogueNames.HERBS.length);
        code.append('T');
        digits(code, g % 100, 2);
        digits(code, serial, 7);
        name.append(CatalogueNames.HERB_PREP[rng.nextInt(CatalogueNames.HERB_PREP.length)])
            .append(CatalogueNames.HERBS[g]).append("(饮片)");
    }

    // 00 + 4-digit category + 2 digits + 7 serial: 15 digits (001102000010000 style).
    private static String service(final SplittableRandom rng, final int serial, final StringBuilder code,
        final StringBuilder name)
    {
        final String[] s = CatalogueNames.SERVICES[rng.nextInt(CatalogueNames.SERVICES.length)];
        code.append("00").append(s[1]);
        digits(code, rng.nextInt(100), 2);
        digits(code, serial, 7);
        name.append(s[2]).append(CatalogueNames.SERVICE_VARIANTS[rng.nextInt(CatalogueNames.SERVICE_VARIANTS.length)]);
        return s[0];
    }

    // C + 2-digit class + 2-digit subclass + 8 random digits + 7 serial: 20 chars.
    private static void material(final SplittableRandom rng, final int serial, final StringBuilder code,
        final StringBuilder name)
    {
        final int g = rng.nextInt(CatalogueNames.CONSUMABLES.length);
        code.append('C');
        digits(code, 1 + g % 18, 2);
        digits(code, 1 + rng.nextInt(20), 2);
        digits(code, rng.nextInt(100_000_000), 8);
        digits(code, serial, 7);
        name.append(CatalogueNames.CONSUMABLES[g])
            .append(CatalogueNames.CONSUMABLE_SPECS[rng.nextInt(CatalogueNames.CONSUMABLE_SPECS.length)]);
    }

    /**
     * Appends {@code value} zero-padded to {@code width} digits.
     *
     * @param b     target.
     * @param value non-negative value below 10^width.
     * @param width digits.
     * @return b.
     */
    static StringBuilder digits(final StringBuilder b, final long value, final int width)
    {
        long p = 1;
        for (int i = 1; i < width; i++)
        {
            p *= 10;
        }
        for (long d = p; d > 0; d /= 10)
        {
            b.append((char)('0' + (value / d) % 10));
        }
        return b;
    }
}
