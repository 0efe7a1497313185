package io.medgw.gateway.reference;

/** Benefit class of a med_type (settlement-rules.md §1). Ordinals are stored in ledger records: append only. */
public enum BenefitClass
{
    OUTPATIENT("outpatient"),
    CHRONIC("chronic"),
    INPATIENT("inpatient"),
    PHARMACY("pharmacy"),
    MATERNITY("maternity");

    private static final BenefitClass[] VALUES = values();
    private final String label;

    BenefitClass(final String label)
    {
        this.label = label;
    }

    /** @return the name used in reference files ({@code outpatient}, ...). */
    public String label()
    {
        return label;
    }

    /** @param ordinal a stored ordinal. @return the class. */
    public static BenefitClass of(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /** @param label a reference-file name. @return the class, or null. */
    public static BenefitClass ofLabel(final String label)
    {
        for (final BenefitClass c : VALUES)
        {
            if (c.label.equals(label))
            {
                return c;
            }
        }
        return null;
    }

    /**
     * @param medType the request's med_type.
     * @return its class: 11, 12, 13, 19 outpatient; 14 chronic; 21–24 inpatient; 41 pharmacy;
     * 51–53 maternity; null for any other (E1031).
     */
    public static BenefitClass ofMedType(final String medType)
    {
        if (medType == null || medType.length() != 2)
        {
            return null;
        }
        switch (medType)
        {
            case "11": case "12": case "13": case "19": return OUTPATIENT;
            case "14": return CHRONIC;
            case "21": case "22": case "23": case "24": return INPATIENT;
            case "41": return PHARMACY;
            case "51": case "52": case "53": return MATERNITY;
            default: return null;
        }
    }
}
