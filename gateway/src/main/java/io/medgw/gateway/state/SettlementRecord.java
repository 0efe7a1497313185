package io.medgw.gateway.state;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An immutable snapshot of one answered request: the request's key fields (institution, msgid,
 * infno, body digest) and every field of its {@link SettlementResult} (outcome, ids, person,
 * amounts, setldetail rows, accumulator effects). It is both the settlement record a cancel reads
 * (rules §7) and the stored answer idempotency returns (rules §8). Only {@link #cancelled()}
 * changes, and only through {@link SettlementState}. Stored compactly, because the state keeps one
 * per settlement for the life of the process (a million after a busy month): strings and arrays
 * with few distinct values (person fields, codes, fund-row names) are shared, amounts are packed
 * varints, so a record costs about 400 bytes with its ids.
 */
public final class SettlementRecord
{
    private static final String[] NO_STRINGS = new String[0];
    /** Amounts packed first, in this order; then balc, the effects, each row's three amounts, the N funds. */
    private static final int AMOUNTS = 18;
    private static final int PERSON_FIELDS = 11;
    private static final int VISIT_FIELDS = 5;

    // ---- request key ----
    private final String fixmedinsCode;
    private final String msgid;
    private final String infno;
    private final int txn;
    private final long digestHi;
    private final long digestLo;

    // ---- result snapshot (shared strings and arrays come from the state's StringCanon) ----
    private final ErrorCode error;
    private final String errorMessage;
    private final String setlId;
    private final String mdtrtId;
    private final String origSetlId;
    private final String refVersion;
    private final int setlDay;
    private final long setlTime;
    private final int sign;
    /** The person's own fields (the same for each of their settlements: shared per psn_no). */
    private final String[] person;
    private long hash; // 0: not computed yet (a hash that is 0 is just recomputed)
    /** This visit's kind: mdtrt_cert_type, med_type, clr_optins, clr_type, clr_way (few distinct). */
    private final String[] visit;
    private final int benefitClass;
    private final int hospLv;
    private final boolean crossRegion;
    private final int poolRatioBp;
    private final String[] rowTypeThenName;
    private final int accYear;
    private final int dedClass;
    private final int poolGroup;
    private final String[] nFundCode;
    private final byte[] numbers;
    private final String mulaidHolderPsnNo;
    private final String explainText;

    private boolean cancelled;

    private SettlementRecord(final SettlementRequest req, final SettlementResult res, final StringCanon canon,
        final PackedLongs pack)
    {
        fixmedinsCode = canon.of(req.fixmedinsCode);
        msgid = req.msgid;
        infno = canon.of(req.infno);
        txn = req.txn;
        digestHi = req.bodyDigestHi;
        digestLo = req.bodyDigestLo;
        error = res.error;
        errorMessage = res.errorMessage;
        setlId = res.setlId;
        mdtrtId = res.mdtrtId;
        origSetlId = res.origSetlId;
        refVersion = canon.of(res.refVersion);
        setlDay = res.setlDay;
        setlTime = res.setlTime;
        sign = res.sign;
        final String[] p = {
            res.psnNo, res.psnName, res.psnCertType, res.certno, res.gend, res.naty, res.brdy, res.insutype,
            res.psnType, res.cvlservFlag, res.insuplcAdmdvs };
        person = res.psnNo == null ? canon.of(p) : canon.ofKeyed(p);
        visit = canon.ofFew(new String[] { res.mdtrtCertType, res.medType, res.clrOptins, res.clrType, res.clrWay });
        benefitClass = res.benefitClass;
        hospLv = res.hospLv;
        crossRegion = res.crossRegion;
        poolRatioBp = res.poolRatioBp;
        final int rows = res.fundRowCount;
        if (rows == 0)
        {
            rowTypeThenName = NO_STRINGS;
        }
        else
        {
            final String[] r = new String[2 * rows];
            System.arraycopy(res.fundPayType, 0, r, 0, rows);
            System.arraycopy(res.fundPayTypeName, 0, r, rows, rows);
            rowTypeThenName = canon.ofFew(r);
        }
        accYear = res.accYear;
        dedClass = res.dedClass;
        poolGroup = res.poolGroup;
        final int n = res.nFundCount;
        if (n == 0)
        {
            nFundCode = NO_STRINGS;
        }
        else
        {
            final String[] c = new String[n];
            System.arraycopy(res.nFundCode, 0, c, 0, n);
            nFundCode = canon.ofFew(c);
        }
        numbers = packNumbers(res, pack.reset());
        mulaidHolderPsnNo = canon.of(res.mulaidHolderPsnNo);
        explainText = res.explain != null && res.explain.length() > 0 ? res.explain.toString() : null;
    }

    /** Reads what {@link #writeTo} wrote, sharing strings and arrays as the apply constructor does. */
    private SettlementRecord(final DataInput in, final CanonRefs.Reader refs) throws IOException
    {
        fixmedinsCode = refs.string();
        msgid = SnapshotData.readString(in);
        infno = refs.string();
        txn = in.readInt();
        digestHi = in.readLong();
        digestLo = in.readLong();
        final int errorId = in.readInt();
        error = ErrorCode.ofId(errorId);
        if (error == null)
        {
            throw new IOException("snapshot record: unknown error id " + errorId);
        }
        errorMessage = SnapshotData.readString(in);
        setlId = SnapshotData.readString(in);
        mdtrtId = SnapshotData.readString(in);
        origSetlId = SnapshotData.readString(in);
        refVersion = refs.string();
        setlDay = in.readInt();
        setlTime = in.readLong();
        sign = in.readByte();
        person = refs.personArray();
        visit = refs.fewArray();
        benefitClass = in.readInt();
        hospLv = in.readInt();
        crossRegion = in.readBoolean();
        poolRatioBp = in.readInt();
        rowTypeThenName = orEmpty(refs.fewArray());
        accYear = in.readInt();
        dedClass = in.readInt();
        poolGroup = in.readInt();
        nFundCode = orEmpty(refs.fewArray());
        numbers = SnapshotData.readBytes(in);
        mulaidHolderPsnNo = refs.string();
        explainText = SnapshotData.readString(in);
        cancelled = in.readBoolean();
        if (person == null || person.length != PERSON_FIELDS || visit == null || visit.length != VISIT_FIELDS || numbers == null ||
            rowTypeThenName.length % 2 != 0)
        {
            throw new IOException("snapshot record " + setlId + " (msgid " + msgid + "): damaged shape");
        }
    }

    private static String[] orEmpty(final String[] a)
    {
        return a == null || a.length == 0 ? NO_STRINGS : a;
    }

    /**
     * Writes every field, the cancelled flag included (the snapshot format of one record): shared
     * strings and arrays through {@code refs}, the amounts as their packed bytes.
     *
     * @param out  the payload.
     * @param refs the snapshot's shared values.
     * @throws IOException when writing fails.
     */
    void writeTo(final DataOutput out, final CanonRefs.Writer refs) throws IOException
    {
        refs.string(fixmedinsCode);
        SnapshotData.writeString(out, msgid);
        refs.string(infno);
        out.writeInt(txn);
        out.writeLong(digestHi);
        out.writeLong(digestLo);
        out.writeInt(error.id());
        SnapshotData.writeString(out, errorMessage);
        SnapshotData.writeString(out, setlId);
        SnapshotData.writeString(out, mdtrtId);
        SnapshotData.writeString(out, origSetlId);
        refs.string(refVersion);
        out.writeInt(setlDay);
        out.writeLong(setlTime);
        out.writeByte(sign);
        refs.array(person);
        refs.array(visit);
        out.writeInt(benefitClass);
        out.writeInt(hospLv);
        out.writeBoolean(crossRegion);
        out.writeInt(poolRatioBp);
        refs.array(rowTypeThenName);
        out.writeInt(accYear);
        out.writeInt(dedClass);
        out.writeInt(poolGroup);
        refs.array(nFundCode);
        SnapshotData.writeBytes(out, numbers);
        refs.string(mulaidHolderPsnNo);
        SnapshotData.writeString(out, explainText);
        out.writeBoolean(cancelled);
    }

    /**
     * @param in   the payload.
     * @param refs the snapshot's shared values (the reading state's canon).
     * @return the record {@link #writeTo} wrote, cancelled flag included.
     * @throws IOException when the payload is damaged or ends early.
     */
    static SettlementRecord readFrom(final DataInput in, final CanonRefs.Reader refs) throws IOException
    {
        return new SettlementRecord(in, refs);
    }

    private static byte[] packNumbers(final SettlementResult res, final PackedLongs p)
    {
        p.add(res.medfeeSumamt).add(res.fulamtOwnpayAmt).add(res.overlmtSelfpay).add(res.preselfpayAmt)
            .add(res.inscpScpAmt).add(res.actPayDedc).add(res.hifpPay).add(res.hifobPay).add(res.hifmiPay)
            .add(res.cvlservPay).add(res.mafPay).add(res.othPay).add(res.fundPaySumamt).add(res.psnPartAmt)
            .add(res.acctPay).add(res.acctMulaidPay).add(res.psnCashPay).add(res.hospPartAmt);
        p.add(res.balc);
        p.add(res.dedUsed).add(res.poolPaid).add(res.largePaid).add(res.seriousBase).add(res.seriousPaid)
            .add(res.civilPaid).add(res.assistDedUsed).add(res.assistPaid);
        for (int i = 0; i < res.fundRowCount; i++)
        {
            p.add(res.fundPayamt[i]).add(res.fundInscpAmt[i]).add(res.fundCrtPaybLmt[i]);
        }
        for (int i = 0; i < res.nFundCount; i++)
        {
            p.add(res.nFundPaid[i]);
        }
        return p.toBytes();
    }

    /**
     * Snapshots an answer (allocates: this is what must be kept). Strings and arrays with few
     * distinct values are shared through {@code canon}; the amounts are packed (a few hundred bytes
     * per record, which is what bounds the heap and the GC work of a restart).
     *
     * @param req   the request (key fields only are read).
     * @param res   the answer.
     * @param canon the state's shared values.
     * @param pack  a scratch buffer for the amounts.
     * @return the record.
     */
    static SettlementRecord of(final SettlementRequest req, final SettlementResult res, final StringCanon canon,
        final PackedLongs pack)
    {
        return new SettlementRecord(req, res, canon, pack);
    }

    /**
     * A record outside any state, sharing nothing (tests and tools; allocates).
     *
     * @param req the request (key fields only are read).
     * @param res the answer.
     * @return the record.
     */
    public static SettlementRecord of(final SettlementRequest req, final SettlementResult res)
    {
        return new SettlementRecord(req, res, new StringCanon(), new PackedLongs());
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
        res.poolRatioBp = poolRatioBp;
        final PackedLongs.Cursor c = new PackedLongs.Cursor(numbers);
        copyAmounts(res, m, c);
        res.balc = c.next();
        copyEffects(res, m, c);
        final int rows = rowTypeThenName.length / 2;
        for (int i = 0; i < rows; i++)
        {
            final long payamt = c.next();
            final long inscp = c.next();
            res.addFundRow(rowTypeThenName[i], rowTypeThenName[rows + i], m * payamt, m * inscp, c.next());
        }
        res.nFundCount = nFundCode.length;
        for (int i = 0; i < nFundCode.length; i++)
        {
            res.nFundCode[i] = nFundCode[i];
            res.nFundPaid[i] = m * c.next();
        }
        res.mulaidHolderPsnNo = mulaidHolderPsnNo;
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
        res.insuplcAdmdvs = p[10];
        final String[] v = visit;
        res.mdtrtCertType = v[0];
        res.medType = v[1];
        res.clrOptins = v[2];
        res.clrType = v[3];
        res.clrWay = v[4];
    }

    private static void copyAmounts(final SettlementResult res, final int m, final PackedLongs.Cursor c)
    {
        res.medfeeSumamt = m * c.next();
        res.fulamtOwnpayAmt = m * c.next();
        res.overlmtSelfpay = m * c.next();
        res.preselfpayAmt = m * c.next();
        res.inscpScpAmt = m * c.next();
        res.actPayDedc = m * c.next();
        res.hifpPay = m * c.next();
        res.hifobPay = m * c.next();
        res.hifmiPay = m * c.next();
        res.cvlservPay = m * c.next();
        res.mafPay = m * c.next();
        res.othPay = m * c.next();
        res.fundPaySumamt = m * c.next();
        res.psnPartAmt = m * c.next();
        res.acctPay = m * c.next();
        res.acctMulaidPay = m * c.next();
        res.psnCashPay = m * c.next();
        res.hospPartAmt = m * c.next();
    }

    private void copyEffects(final SettlementResult res, final int m, final PackedLongs.Cursor c)
    {
        res.accYear = accYear;
        res.dedClass = dedClass;
        res.dedUsed = m * c.next();
        res.poolGroup = poolGroup;
        res.poolPaid = m * c.next();
        res.largePaid = m * c.next();
        res.seriousBase = m * c.next();
        res.seriousPaid = m * c.next();
        res.civilPaid = m * c.next();
        res.assistDedUsed = m * c.next();
        res.assistPaid = m * c.next();
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

    long hash()
    {
        // memoized: every field it reads is final, and a snapshot digests a million records on
        // the settle thread while the pipeline waits (2 s computed each time, 0.1 s memoized)
        if (hash == 0)
        {
            hash = computeHash();
        }
        return hash;
    }

    private long computeHash()
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
        final PackedLongs.Cursor c = new PackedLongs.Cursor(numbers);
        for (int i = 0; i < AMOUNTS; i++)
        {
            h = StateHash.combine(h, c.next());
        }
        h = StateHash.combine(h, c.next()); // balc
        for (int i = 0; i < 8; i++)
        {
            h = StateHash.combine(h, c.next()); // effects
        }
        return h;
    }
}
