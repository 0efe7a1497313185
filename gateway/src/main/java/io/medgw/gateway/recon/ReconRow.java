package io.medgw.gateway.recon;

import io.medgw.gateway.state.StateHash;
import io.medgw.gateway.visit.DeskSnapshot;
import io.medgw.gateway.visit.SnapshotBlocks;

import java.io.IOException;

/**
 * One settlement (refd_setl_flag 0) or cancellation / 冲正 (refd_setl_flag 1, amounts negative) as
 * reconciliation sees it: what the gateway settled for an institution. Immutable but for the
 * ledger index, which is learnt when the record is appended.
 */
public final class ReconRow
{
    final String fixmedinsCode;
    final String setlId;
    /** For a cancellation: the setl_id it cancels; else null. */
    final String origSetlId;
    final String mdtrtId;
    final String psnNo;
    final String msgid;
    final String insutype;
    final String clrType;
    final int day;
    final long medfeeSumamt;
    final long fundPaySumamt;
    final long acctPay;
    final long psnCashPay;
    /** 0 settlement, 1 cancellation. */
    final int refdSetlFlag;
    long ledgerIndex = -1;
    private long hash; // 0: not computed yet (a hash that is 0 is just recomputed)

    ReconRow(final String fixmedinsCode, final String setlId, final String origSetlId, final String mdtrtId,
        final String psnNo, final String msgid, final String insutype, final String clrType, final int day,
        final long medfeeSumamt, final long fundPaySumamt, final long acctPay, final long psnCashPay,
        final int refdSetlFlag)
    {
        this.fixmedinsCode = fixmedinsCode;
        this.setlId = setlId;
        this.origSetlId = origSetlId;
        this.mdtrtId = mdtrtId;
        this.psnNo = psnNo;
        this.msgid = msgid;
        this.insutype = insutype;
        this.clrType = clrType;
        this.day = day;
        this.medfeeSumamt = medfeeSumamt;
        this.fundPaySumamt = fundPaySumamt;
        this.acctPay = acctPay;
        this.psnCashPay = psnCashPay;
        this.refdSetlFlag = refdSetlFlag;
    }

    /**
     * Snapshot part of one row; the institution and day are the group's it is written in.
     * <pre>
     *   string setl_id, orig_setl_id, mdtrt_id, psn_no, msgid, insutype, clr_type ·
     *   long medfee_sumamt, fund_pay_sumamt, acct_pay, psn_cash_pay · byte refd_setl_flag ·
     *   long ledger index
     * </pre>
     */
    void writeTo(final SnapshotBlocks.Writer out)
    {
        out.writeString(setlId);
        out.writeString(origSetlId);
        out.writeString(mdtrtId);
        out.writeString(psnNo);
        out.writeString(msgid);
        out.writeString(insutype);
        out.writeString(clrType);
        out.writeLong(medfeeSumamt);
        out.writeLong(fundPaySumamt);
        out.writeLong(acctPay);
        out.writeLong(psnCashPay);
        out.writeByte(refdSetlFlag);
        out.writeLong(ledgerIndex);
    }

    static ReconRow readFrom(final SnapshotBlocks.Reader in, final String fixmedinsCode, final int day, final DeskSnapshot.Canon canon)
        throws IOException
    {
        final ReconRow r = new ReconRow(fixmedinsCode, in.readString(), in.readString(),
            in.readString(), in.readString(), in.readString(), canon.of(in.readString()),
            canon.of(in.readString()), day, in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readByte());
        r.ledgerIndex = in.readLong();
        return r;
    }

    /** @return setl_id. */
    public String setlId()
    {
        return setlId;
    }

    /** @return the setl_id a cancellation cancels, or null. */
    public String origSetlId()
    {
        return origSetlId;
    }

    /** @return mdtrt_id, or null. */
    public String mdtrtId()
    {
        return mdtrtId;
    }

    /** @return psn_no. */
    public String psnNo()
    {
        return psnNo;
    }

    /** @return the msgid of the request that made it take effect. */
    public String msgid()
    {
        return msgid;
    }

    /** @return insutype. */
    public String insutype()
    {
        return insutype;
    }

    /** @return clr_type. */
    public String clrType()
    {
        return clrType;
    }

    /** @return fund_pay_sumamt, fen. */
    public long fundPaySumamt()
    {
        return fundPaySumamt;
    }

    /** @return acct_pay, fen. */
    public long acctPay()
    {
        return acctPay;
    }

    /** @return the institution. */
    public String fixmedinsCode()
    {
        return fixmedinsCode;
    }

    /** @return the settlement day (epoch day of its inf_time). */
    public int day()
    {
        return day;
    }

    /** @return 0 settlement, 1 cancellation. */
    public int refdSetlFlag()
    {
        return refdSetlFlag;
    }

    /** @return medfee_sumamt, fen (negative for a cancellation). */
    public long medfeeSumamt()
    {
        return medfeeSumamt;
    }

    /** @return the record's ledger index, or -1 while unknown. */
    public long ledgerIndex()
    {
        return ledgerIndex;
    }

    /**
     * @return the row's hash for the index's digest (not the ledger index, which a live desk learns
     * late). Memoized: every field it reads is final, and a snapshot digests a million rows while
     * the pipeline waits.
     */
    long hash()
    {
        if (hash == 0)
        {
            hash = computeHash();
        }
        return hash;
    }

    private long computeHash()
    {
        long h = StateHash.of(setlId);
        h = StateHash.combine(h, StateHash.of(fixmedinsCode));
        h = StateHash.combine(h, StateHash.of(msgid));
        h = StateHash.combine(h, day);
        h = StateHash.combine(h, medfeeSumamt);
        h = StateHash.combine(h, fundPaySumamt);
        h = StateHash.combine(h, acctPay);
        h = StateHash.combine(h, refdSetlFlag);
        h = StateHash.combine(h, StateHash.of(origSetlId));
        h = StateHash.combine(h, StateHash.of(mdtrtId));
        h = StateHash.combine(h, StateHash.of(psnNo));
        h = StateHash.combine(h, StateHash.of(insutype));
        h = StateHash.combine(h, StateHash.of(clrType));
        return StateHash.combine(h, psnCashPay);
    }
}
