package io.medgw.codec.request;

import io.medgw.codec.message.FeeLine;

/**
 * The fields of a {@code feedetail} / {@code drugdetail} row the decoder fills into {@link FeeLine},
 * with their maximum length (national-interface.md §3.3) or, for the three numbers, their scale
 * and the {@link FeeLine#parseError} code they report. Immutable.
 */
enum LineField
{
    FEEDETL_SN("feedetl_sn", 30),
    MDTRT_ID("mdtrt_id", 30),
    PSN_NO("psn_no", 30),
    CHRG_BCHNO("chrg_bchno", 30),
    DISE_CODG("dise_codg", 30),
    RXNO("rxno", 30),
    FEE_OCUR_TIME("fee_ocur_time", 19),
    MED_LIST_CODG("med_list_codg", 50),
    MEDINS_LIST_CODG("medins_list_codg", 150),
    DET_ITEM_FEE_SUMAMT("det_item_fee_sumamt", 2, 1),
    CNT("cnt", 4, 2),
    PRIC("pric", 6, 3);

    final String wireName;
    /** Max length of a text field; 0 for numbers. */
    final int maxLength;
    /** Decimal places of a number; -1 for text. */
    final int scale;
    /** The {@link FeeLine#parseError} code of a number (1 amount, 2 quantity, 3 price); 0 for text. */
    final int errorCode;

    LineField(final String wireName, final int maxLength)
    {
        this(wireName, maxLength, -1, 0);
    }

    LineField(final String wireName, final int scale, final int errorCode)
    {
        this(wireName, 0, scale, errorCode);
    }

    LineField(final String wireName, final int maxLength, final int scale, final int errorCode)
    {
        this.wireName = wireName;
        this.maxLength = maxLength;
        this.scale = scale;
        this.errorCode = errorCode;
    }

    /** @return true for the three numeric fields. */
    boolean isNumber()
    {
        return scale >= 0;
    }

    /** Stores a text value. @param line target @param v non-null value */
    void set(final FeeLine line, final String v)
    {
        switch (this)
        {
            case FEEDETL_SN -> line.feedetlSn = v;
            case MDTRT_ID -> line.mdtrtId = v;
            case PSN_NO -> line.psnNo = v;
            case CHRG_BCHNO -> line.chrgBchno = v;
            case DISE_CODG -> line.diseCodg = v;
            case RXNO -> line.rxno = v;
            case FEE_OCUR_TIME -> line.feeOcurTime = v;
            case MED_LIST_CODG -> line.medListCodg = v;
            case MEDINS_LIST_CODG -> line.medinsListCodg = v;
            default -> throw new IllegalStateException(name() + " is not a text field");
        }
    }

    /** Stores a parsed number. @param line target @param v value at {@link #scale} */
    void set(final FeeLine line, final long v)
    {
        switch (this)
        {
            case DET_ITEM_FEE_SUMAMT -> line.amountFen = v;
            case CNT -> line.quantity4 = v;
            case PRIC -> line.priceMicro = v;
            default -> throw new IllegalStateException(name() + " is not a numeric field");
        }
    }
}
