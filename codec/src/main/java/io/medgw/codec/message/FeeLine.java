package io.medgw.codec.message;

/**
 * One fee line (a 2204/2301 {@code feedetail} row, or a line inline in a settlement request), with
 * the catalogue stage's outputs per line. Mutable and reused: owned by one slot, one thread at a
 * time.
 * <p>
 * Inputs are filled by the decoder; {@code parseError} non-zero means the decoder could not read a
 * numeric field (then the identity stage refuses with E2001). Outputs are filled by pricing.
 */
public final class FeeLine
{
    // ---- inputs (decoder) ----
    public String feedetlSn;
    public String mdtrtId;
    public String psnNo;
    public String chrgBchno;
    public String diseCodg;
    public String rxno;
    public String feeOcurTime;
    public String medListCodg;
    public String medinsListCodg;
    /** det_item_fee_sumamt in fen. */
    public long amountFen;
    /** cnt × 10,000. */
    public long quantity4;
    /** pric in micro-yuan. */
    public long priceMicro;
    /** 0 = fine; else the field that could not be read: 1 amount, 2 quantity, 3 price (see {@link #badField()}). */
    public int parseError;
    /** Text of the field that could not be read, for the message. */
    public String parseErrorText;

    // ---- outputs (pricing) ----
    public long fulamtOwnpayAmt;
    public long overlmtAmt;
    public long preselfpayAmt;
    public long inscpScpAmt;
    /** 1 甲, 2 乙, 3 丙; 0 if not in catalogue. */
    public int chrgitmLv;
    public int selfpayPropBp;
    /** Price cap in micro-yuan, or -1 for none. */
    public long pricUplmtMicro;
    public String medChrgitmType;
    /** Why the line went 全自费, or null (shown in {@code memo}). */
    public String ownpayReason;
    /**
     * The catalogue's versions of this line's code, found by the identity stage's E2003 check and
     * reused by pricing so each line's code is looked up once (opaque here: the gateway's type).
     * Transient: a lookup cache, never journaled.
     */
    public transient Object catalogueVersions;

    /** @return the wire name of the field named by {@link #parseError}, or null. */
    public String badField()
    {
        switch (parseError)
        {
            case 1: return "det_item_fee_sumamt";
            case 2: return "cnt";
            case 3: return "pric";
            default: return null;
        }
    }

    /** Resets every field so a reused line never leaks the previous request. */
    public void clear()
    {
        feedetlSn = null;
        mdtrtId = null;
        psnNo = null;
        chrgBchno = null;
        diseCodg = null;
        rxno = null;
        feeOcurTime = null;
        medListCodg = null;
        medinsListCodg = null;
        amountFen = 0;
        quantity4 = 0;
        priceMicro = 0;
        parseError = 0;
        parseErrorText = null;
        clearOutputs();
    }

    /** Resets the pricing outputs only. */
    public void clearOutputs()
    {
        fulamtOwnpayAmt = 0;
        overlmtAmt = 0;
        preselfpayAmt = 0;
        inscpScpAmt = 0;
        chrgitmLv = 0;
        selfpayPropBp = 0;
        pricUplmtMicro = -1;
        medChrgitmType = null;
        ownpayReason = null;
        catalogueVersions = null;
    }

    /** Copies the inputs of {@code other} into this line (for visit state kept across requests). */
    public void copyInputsFrom(final FeeLine other)
    {
        feedetlSn = other.feedetlSn;
        mdtrtId = other.mdtrtId;
        psnNo = other.psnNo;
        chrgBchno = other.chrgBchno;
        diseCodg = other.diseCodg;
        rxno = other.rxno;
        feeOcurTime = other.feeOcurTime;
        medListCodg = other.medListCodg;
        medinsListCodg = other.medinsListCodg;
        amountFen = other.amountFen;
        quantity4 = other.quantity4;
        priceMicro = other.priceMicro;
        parseError = other.parseError;
        parseErrorText = other.parseErrorText;
    }
}
