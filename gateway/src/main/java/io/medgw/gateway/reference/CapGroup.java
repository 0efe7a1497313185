package io.medgw.gateway.reference;

/** Basic-pool annual cap groups (settlement-rules.md §4.2). Ordinals are stored in ledger records: append only. */
public enum CapGroup
{
    MAIN("main"),
    OUTPATIENT("outpatient"),
    MATERNITY("maternity");

    private static final CapGroup[] VALUES = values();
    private final String label;

    CapGroup(final String label)
    {
        this.label = label;
    }

    /** @return the name used in reference files. */
    public String label()
    {
        return label;
    }

    /** @param ordinal a stored ordinal. @return the group. */
    public static CapGroup of(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /** @param label a reference-file name. @return the group, or null. */
    public static CapGroup ofLabel(final String label)
    {
        for (final CapGroup g : VALUES)
        {
            if (g.label.equals(label))
            {
                return g;
            }
        }
        return null;
    }

    /** @param c a class. @return its default group: inpatient and chronic main; outpatient and pharmacy outpatient; maternity maternity. */
    public static CapGroup defaultFor(final BenefitClass c)
    {
        switch (c)
        {
            case INPATIENT: case CHRONIC: return MAIN;
            case MATERNITY: return MATERNITY;
            default: return OUTPATIENT;
        }
    }
}
