package io.medgw.gateway.state;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;

/**
 * An immutable snapshot of one answered request: the request's key fields (institution, msgid,
 * infno, body digest) and every field of its {@link SettlementResult} (outcome, ids, person,
 * amounts, setldetail rows, accumulator effects). It is both the settlement record a cancel reads
 * (rules §7) and the stored answer idempotency returns (rules §8). Only {@link #cancelled()}
 * changes, and only through {@link SettlementState}. Rows are stored compactly (arrays sized to
 * what the answer has), so a record costs a few hundred bytes.
 */
public final class SettlementRecord
{
    private static final String[] NO_STRINGS = new String[0];
    private static final long[] NO_LONGS = new long[0];

    // ---- request key ----
    private final String fixmedinsCode;
    private final String msgid;
    private final String infno;
    private final int txn;
    private final long digestHi;
    private final long digestLo;

    // ---- result snapshot ----
    private final ErrorCode error;
    private final String errorMessage;
    private final String setlId;
    private final String mdtrtId;
    private final String origSetlId;
    private final String refVersion;
    private final int setlDay;
    private final long setlTime;
    private final int sign;
    private final String[] person;
    private final int benefitClass;
    private final int hospLv;
    private final boolean crossRegion;
    private final long[] amounts;
    private final int poolRatioBp;
    private final long balc;
    private final String[] rowType;
    private final String[] rowName;
    private final long[] rowPayamt;
    private final long[] rowInscp;
    private final long[] rowLimit;
    private final int accYear;
    private final int dedClass;
    private final int poolGroup;
    private final long[] effects;
    private final String[] nFundCode;
    private final long[] nFundPaid;
    private final String mulaidHolderPsnNo;
    private final String explainText;

    private boolean cancelled;

    private SettlementRecord(final SettlementRequest req, final SettlementResult res)
    {
        fixmedinsCode = req.fixmedinsCode;
        msgid = req.msgid;
        infno = req.infno;
        txn = req.txn;
        digestHi = req.bodyDigestHi;
        digestLo = req.bodyDigestLo;
        error = res.error;
        errorMessage = res.errorMessage;
        setlId = res.setlId;
        mdtrtId = res.mdtrtId;
        origSetlId = res.origSetlId;
        refVersion = res.refVersion;
        setlDay = res.setlDay;
        setlTime = res.setlTime;
        sign = res.sign;
        person = new String[] {
            res.psnNo, res.psnName, res.psnCertType, res.certno, res.gend, res.naty, res.brdy, res.insutype,
            res.psnType, res.cvlservFlag, res.mdtrtCertType, res.medType, res.insuplcAdmdvs, res.clrOptins,
            res.clrType, res.clrWay };
        benefitClass = res.benefitClass;
        hospLv = res.hospLv;
        crossRegion = res.crossRegion;
        amounts = new long[] {
            res.medfeeSumamt, res.fulamtOwnpayAmt, res.overlmtSelfpay, res.preselfpayAmt, res.inscpScpAmt,
            res.actPayDedc, res.hifpPay, res.hifobPay, res.hifmiPay, res.cvlservPay, res.mafPay, res.othPay,
            res.fundPaySumamt, res.psnPartAmt, res.acctPay, res.acctMulaidPay, res.psnCashPay, res.hospPartAmt };
        poolRatioBp = res.poolRatioBp;
        balc = res.balc;
        final int rows = res.fundRowCount;
        rowType = rows == 0 ? NO_STRINGS : copy(res.fundPayType, rows);
        rowName = rows == 0 ? NO_STRINGS : copy(res.fundPayTypeName, rows);
        rowPayamt = rows == 0 ? NO_LONGS : copy(res.fundPayamt, rows);
        rowInscp = rows == 0 ? NO_LONGS : copy(res.fundInscpAmt, rows);
        rowLimit = rows == 0 ? NO_LONGS : copy(res.fundCrtPaybLmt, rows);
        accYear = res.accYear;
        dedClass = res.dedClass;
        poolGroup = res.poolGroup;
        effects = new long[] {
            res.dedUsed, res.poolPaid, res.largePaid, res.seriousBase, res.seriousPaid, res.civilPaid,
            res.assistDedUsed, res.assistPaid };
        final int n = res.nFundCount;
        nFundCode = n == 0 ? NO_STRINGS : copy(res.nFundCode, n);
        nFundPaid = n == 0 ? NO_LONGS : copy(res.nFundPaid, n);
        mulaidHolderPsnNo = res.mulaidHolderPsnNo;
        explainText = res.explain != null && res.explain.length() > 0 ? res.explain.toString() : null;
    }

    /**
     * Snapshots an answer (allocates: this is what must be kept).
     *
     * @param req the request (key fields only are read).
     * @param res the answer.
     * @return the record.
     */
    public static SettlementRecord of(final SettlementRequest req, final SettlementResult res)
    {
        return new SettlementRecord(req, res);
    }

    /**
     * Writes this answer back into {@code res} exactly as it was first given (idempotent re-send).
     * The explanation text is restored only when {@code res.explain} is non-null.
     *
     * @param res the slot's result, overwritten.
     */
    public void copyTo(final SettlementResult res)
    {
        copyTo(res, 1);
    }

    /**
     * Writes this settlement into {@code res} with every amount, row and accumulator effect negated
     * (a cancellation, rules §7). Ids, time, sign and balc are left for the caller to set.
     *
     * @param res the slot's result, overwritten.
     */
    public void negateInto(final SettlementResult res)
    {
        copyTo(res, -1);
    }

    private void copyTo(final SettlementResult res, final int m)
    {
        final StringBuilder explain = res.explain;
        res.clear();
        res.error = error;
        res.errorMessage = errorMessage;
        res.setlId = setlId;
        res.mdtrtId = mdtrtId;
        res.origSetlId = origSetlId;
        res.refVersion = refVersion;
        res.setlDay = setlDay;
        res.setlTime = setlTime;
        res.sign = sign;
        copyPerson(res);
        res.benefitClass = benefitClass;
        res.hospLv = hospLv;
        res.crossRegion = crossRegion;
        copyAmounts(res, m);
        res.poolRatioBp = poolRatioBp;
        res.balc = balc;
        for (int i = 0; i < rowType.length; i++)
        {
            res.addFundRow(rowType[i], rowName[i], m * rowPayamt[i], m * rowInscp[i], rowLimit[i]);
        }
        copyEffects(res, m);
        if (explain != null && explainText != null && m == 1)
        {
            explain.append(explainText);
        }
    }

    private void copyPerson(final SettlementResult res)
    {
        final String[] p = person;
        res.psnNo = p[0];
        res.psnName = p[1];
        res.psnCertType = p[2];
        res.certno = p[3];
        res.gend = p[4];
        res.naty = p[5];
        res.brdy = p[6];
        res.insutype = p[7];
        res.psnType = p[8];
        res.cvlservFlag = p[9];
        res.mdtrtCertType = p[10];
        res.medType = p[11];
        res.insuplcAdmdvs = p[12];
        res.clrOptins = p[13];
        res.clrType = p[14];
        res.clrWay = p[15];
    }

    private void copyAmounts(final SettlementResult res, final int m)
    {
        final long[] a = amounts;
        res.medfeeSumamt = m * a[0];
        res.fulamtOwnpayAmt = m * a[1];
        res.overlmtSelfpay = m * a[2];
        res.preselfpayAmt = m * a[3];
        res.inscpScpAmt = m * a[4];
        res.actPayDedc = m * a[5];
        res.hifpPay = m * a[6];
        res.hifobPay = m * a[7];
        res.hifmiPay = m * a[8];
        res.cvlservPay = m * a[9];
        res.mafPay = m * a[10];
        res.othPay = m * a[11];
        res.fundPaySumamt = m * a[12];
        res.psnPartAmt = m * a[13];
        res.acctPay = m * a[14];
        res.acctMulaidPay = m * a[15];
        res.psnCashPay = m * a[16];
        res.hospPartAmt = m * a[17];
    }

    private void copyEffects(final SettlementResult res, final int m)
    {
        final long[] e = effects;
        res.accYear = accYear;
        res.dedClass = dedClass;
        res.dedUsed = m * e[0];
        res.poolGroup = poolGroup;
        res.poolPaid = m * e[1];
        res.largePaid = m * e[2];
        res.seriousBase = m * e[3];
        res.seriousPaid = m * e[4];
        res.civilPaid = m * e[5];
        res.assistDedUsed = m * e[6];
        res.assistPaid = m * e[7];
        res.nFundCount = nFundCode.length;
        for (int i = 0; i < nFundCode.length; i++)
        {
            res.nFundCode[i] = nFundCode[i];
            res.nFundPaid[i] = m * nFundPaid[i];
        }
        res.mulaidHolderPsnNo = mulaidHolderPsnNo;
    }

    /** @return the institution that sent the request. */
    public String fixmedinsCode()
    {
        return fixmedinsCode;
    }

    /** @return the request's msgid. */
    public String msgid()
    {
        return msgid;
    }

    /** @return the request's infno as sent. */
    public String infno()
    {
        return infno;
    }

    /** @return the numeric transaction (2207, 2208, ...). */
    public int txn()
    {
        return txn;
    }

    /** @return high half of the request body digest. */
    public long digestHi()
    {
        return digestHi;
    }

    /** @return low half of the request body digest. */
    public long digestLo()
    {
        return digestLo;
    }

    /** @param hi digest high half. @param lo digest low half. @return true if the body is the same (rules §8). */
    public boolean sameBody(final long hi, final long lo)
    {
        return digestHi == hi && digestLo == lo;
    }

    /** @return the outcome. */
    public ErrorCode error()
    {
        return error;
    }

    /** @return the setl_id, or null (refusal, pre-settlement). */
    public String setlId()
    {
        return setlId;
    }

    /** @return the setl_id a cancellation cancels, or null. */
    public String origSetlId()
    {
        return origSetlId;
    }

    /** @return the psn_no settled, or null. */
    public String psnNo()
    {
        return person[0];
    }

    /** @return 1 settlement, -1 cancellation, 0 nothing moved. */
    public int sign()
    {
        return sign;
    }

    /** @return inf_time (local epoch seconds) of the request: also the idempotency entry's time. */
    public long setlTime()
    {
        return setlTime;
    }

    /** @return the calendar year whose accumulators the settlement touched. */
    public int accYear()
    {
        return accYear;
    }

    /** @return true for a record that took effect as a settlement (sign 1). */
    public boolean isSettlement()
    {
        return sign == 1 && error == ErrorCode.NONE;
    }

    /** @return true for a record that took effect as a cancellation (sign -1). */
    public boolean isCancellation()
    {
        return sign == -1 && error == ErrorCode.NONE;
    }

    /** @return true once a cancellation of this settlement took effect. */
    public boolean cancelled()
    {
        return cancelled;
    }

    void markCancelled(final boolean value)
    {
        cancelled = value;
    }

    /** @return medfee_sumamt of the answer (negative for a cancellation). */
    public long medfeeSumamt()
    {
        return amounts[0];
    }

    long hash()
    {
        long h = StateHash.of(fixmedinsCode);
        h = StateHash.combine(h, StateHash.of(msgid));
        h = StateHash.combine(h, txn);
        h = StateHash.combine(h, digestHi);
        h = StateHash.combine(h, digestLo);
        h = StateHash.combine(h, error.id());
        h = StateHash.combine(h, StateHash.of(setlId));
        h = StateHash.combine(h, StateHash.of(mdtrtId));
        h = StateHash.combine(h, StateHash.of(origSetlId));
        h = StateHash.combine(h, setlTime);
        h = StateHash.combine(h, sign);
        h = StateHash.combine(h, StateHash.of(person[0]));
        for (final long a : amounts)
        {
            h = StateHash.combine(h, a);
        }
        h = StateHash.combine(h, balc);
        for (final long e : effects)
        {
            h = StateHash.combine(h, e);
        }
        return h;
    }

    private static String[] copy(final String[] from, final int n)
    {
        final String[] to = new String[n];
        System.arraycopy(from, 0, to, 0, n);
        return to;
    }

    private static long[] copy(final long[] from, final int n)
    {
        final long[] to = new long[n];
        System.arraycopy(from, 0, to, 0, n);
        return to;
    }
}
