package io.medgw.loadtest.region;

/**
 * The typical unit price of a catalogue item, derived from its code alone so that the catalogue
 * generator (price caps) and the demo-day generator (prices on fee lines) agree without sharing
 * state. Prices are in micro-yuan; each item has a price step (1 micro-yuan for a per-tablet price,
 * 0.0001 yuan per gram of 饮片, a fen for boxes and materials, half a yuan for services).
 */
public final class ItemPrices
{
    private static final long Y = 1_000_000L;
    private static final long[] WEST = {80_000L, 300_000L, Y, 3 * Y, 8 * Y, 20 * Y, 45 * Y, 120 * Y, 380 * Y};
    private static final long[] TCM = {5 * Y, 12 * Y, 20 * Y, 35 * Y, 60 * Y, 120 * Y};
    private static final long[] HERB = {20_000L, 50_000L, 100_000L, 300_000L, 800_000L, 2_500_000L};
    private static final long[] BED = {25 * Y, 40 * Y, 60 * Y, 120 * Y, 300 * Y};
    private static final long[] CONSULT = {6 * Y, 10 * Y, 20 * Y, 35 * Y, 50 * Y};
    private static final long[] EXAM = {15 * Y, 40 * Y, 120 * Y, 260 * Y, 480 * Y, 750 * Y};
    private static final long[] LAB = {3 * Y, 8 * Y, 15 * Y, 30 * Y, 60 * Y, 120 * Y};
    private static final long[] TREAT = {5 * Y, 12 * Y, 25 * Y, 60 * Y, 150 * Y, 400 * Y};
    private static final long[] SURGERY = {300 * Y, 800 * Y, 1_500 * Y, 3_000 * Y, 6_000 * Y, 12_000 * Y};
    private static final long[] NURSING = {8 * Y, 15 * Y, 30 * Y, 60 * Y};
    private static final long[] MATERIAL = {500_000L, 2 * Y, 8 * Y, 30 * Y, 150 * Y, 800 * Y, 3_000 * Y, 12_000 * Y};
    private static final long[] GENERAL = {10 * Y, 15 * Y, 20 * Y};
    private static final long[] REGISTER = {Y, 5 * Y, 10 * Y, 30 * Y};
    private static final long[] OTHER = {5 * Y, 30 * Y, 100 * Y};
    private static final int[] UNITS_PER_BOX = {12, 24, 28, 30, 36, 48, 100};

    private ItemPrices()
    {
    }

    /**
     * @param code           med_list_codg.
     * @param medChrgitmType med_chrgitm_type (01–14).
     * @return the item's typical unit price in micro-yuan (> 0).
     */
    public static long typicalMicro(final String code, final String medChrgitmType)
    {
        final long h = mix(code.hashCode());
        final long[] tiers = tiers(medChrgitmType);
        final long tier = tiers[(int)((h >>> 8) % tiers.length)];
        final long pct = 70 + (h >>> 24) % 61;
        long price = tier * pct / 100;
        if (perUnit(h, medChrgitmType))
        {
            price /= UNITS_PER_BOX[(int)((h >>> 40) % UNITS_PER_BOX.length)];
        }
        return atStep(price, stepMicro(code, medChrgitmType));
    }

    /**
     * @param code           med_list_codg.
     * @param medChrgitmType med_chrgitm_type.
     * @return the smallest price increment of this item, micro-yuan.
     */
    public static long stepMicro(final String code, final String medChrgitmType)
    {
        final long h = mix(code.hashCode());
        if (perUnit(h, medChrgitmType))
        {
            return 1L;
        }
        switch (medChrgitmType)
        {
            case "10": return 100L;
            case "09": case "11": case "08": return 10_000L;
            default: return 500_000L;
        }
    }

    /**
     * @param typicalMicro   a price.
     * @param permille       factor in 1/1000 (1100 = +10 %).
     * @param code           med_list_codg.
     * @param medChrgitmType med_chrgitm_type.
     * @return {@code typical × permille / 1000} rounded half up to the item's step, at least one step.
     */
    public static long scaled(final long typicalMicro, final int permille, final String code, final String medChrgitmType)
    {
        return atStep(typicalMicro * permille / 1000, stepMicro(code, medChrgitmType));
    }

    private static long atStep(final long micro, final long step)
    {
        final long rounded = (micro + step / 2) / step * step;
        return Math.max(step, rounded);
    }

    // Drugs are sometimes priced per tablet (6 decimals): 30 % of 西药, 20 % of 中成药.
    private static boolean perUnit(final long h, final String type)
    {
        final long d = (h >>> 48) % 10;
        return ("09".equals(type) && d < 3) || ("11".equals(type) && d < 2);
    }

    private static long[] tiers(final String type)
    {
        switch (type)
        {
            case "09": return WEST;
            case "11": return TCM;
            case "10": return HERB;
            case "01": return BED;
            case "02": return CONSULT;
            case "03": return EXAM;
            case "04": return LAB;
            case "05": return TREAT;
            case "06": return SURGERY;
            case "07": return NURSING;
            case "08": return MATERIAL;
            case "12": return GENERAL;
            case "13": return REGISTER;
            default: return OTHER;
        }
    }

    /** SplitMix64 finaliser: a stable, well-spread non-negative hash of the code's String hash. */
    static long mix(final long seed)
    {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
