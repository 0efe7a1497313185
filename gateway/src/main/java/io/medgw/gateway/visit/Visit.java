package io.medgw.gateway.visit;

import io.medgw.codec.message.FeeLine;
import io.medgw.gateway.state.StateHash;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.function.UnaryOperator;

/**
 * One multi-step visit (就诊): an outpatient registration (2201) or an inpatient stay (2401), with
 * its fee lines in upload order, each unsettled or settled by one setl_id. Owned and written by
 * the {@link VisitStore} only (the state-writer thread); read through the accessors.
 */
public final class Visit
{
    /** Open: fees may be uploaded and settled. */
    public static final int OPEN = 0;
    /** Inpatient only: discharged (2402); fees may still be uploaded until the stay is settled. */
    public static final int DISCHARGED = 1;
    /** Registration (2202) or admission (2404) cancelled: nothing more may happen. */
    public static final int CANCELLED = 2;

    private static final String[] STATUS_NAMES = {"open", "discharged", "cancelled"};

    final String mdtrtId;
    final String fixmedinsCode;
    final String psnNo;
    final String iptOtpNo;
    final boolean inpatient;
    final long begntime;
    String insutype;
    String medType;
    String diseCodg;
    long endtime;
    int status;
    /** setl_ids of the settlements on this visit that took effect and were not cancelled. */
    final ArrayList<String> liveSetlIds = new ArrayList<>(2);
    final LinkedHashMap<String, Line> lines = new LinkedHashMap<>();

    Visit(final String mdtrtId, final String fixmedinsCode, final String psnNo, final String iptOtpNo,
        final boolean inpatient, final long begntime)
    {
        this.mdtrtId = mdtrtId;
        this.fixmedinsCode = fixmedinsCode;
        this.psnNo = psnNo;
        this.iptOtpNo = iptOtpNo;
        this.inpatient = inpatient;
        this.begntime = begntime;
    }

    /** @return mdtrt_id. */
    public String mdtrtId()
    {
        return mdtrtId;
    }

    /** @return the institution that registered it. */
    public String fixmedinsCode()
    {
        return fixmedinsCode;
    }

    /** @return psn_no. */
    public String psnNo()
    {
        return psnNo;
    }

    /** @return ipt_otp_no (门诊号 / 住院号). */
    public String iptOtpNo()
    {
        return iptOtpNo;
    }

    /** @return true for an inpatient stay (2401). */
    public boolean inpatient()
    {
        return inpatient;
    }

    /** @return {@link #OPEN}, {@link #DISCHARGED} or {@link #CANCELLED}. */
    public int status()
    {
        return status;
    }

    /** @return the med_type recorded (2201, 2203, 2401), or null. */
    public String medType()
    {
        return medType;
    }

    /** @return the disease code recorded (2203, 2401, 2402), or null. */
    public String diseCodg()
    {
        return diseCodg;
    }

    /** @return settlements on this visit that took effect and are not cancelled. */
    public int liveSettlements()
    {
        return liveSetlIds.size();
    }

    /** @return the fee lines, upload order (read only). */
    public Collection<Line> lines()
    {
        return lines.values();
    }

    /** @param feedetlSn a fee line serial. @return the line, or null. */
    public Line line(final String feedetlSn)
    {
        return lines.get(feedetlSn);
    }

    /** @return the number of lines not yet settled. */
    public int unsettledCount()
    {
        int n = 0;
        for (final Line l : lines.values())
        {
            n += l.setlId == null ? 1 : 0;
        }
        return n;
    }

    static String statusName(final int status)
    {
        return STATUS_NAMES[status];
    }

    long hash()
    {
        long h = StateHash.of(mdtrtId);
        h = StateHash.combine(h, StateHash.of(fixmedinsCode));
        h = StateHash.combine(h, StateHash.of(psnNo));
        h = StateHash.combine(h, StateHash.of(iptOtpNo));
        h = StateHash.combine(h, inpatient ? 1 : 0);
        h = StateHash.combine(h, begntime);
        h = StateHash.combine(h, StateHash.of(insutype));
        h = StateHash.combine(h, StateHash.of(medType));
        h = StateHash.combine(h, StateHash.of(diseCodg));
        h = StateHash.combine(h, status);
        for (final String id : liveSetlIds)
        {
            h = StateHash.combine(h, StateHash.of(id));
        }
        h = StateHash.combine(h, endtime);
        for (final Line l : lines.values())
        {
            h = StateHash.combine(h, l.hash());
        }
        return h;
    }

    /**
     * Snapshot part: the visit, its live settlements, its lines in upload order.
     * <pre>
     *   string mdtrt_id, fixmedins_code, psn_no, ipt_otp_no · boolean inpatient · long begntime ·
     *   string insutype, med_type, dise_codg · long endtime · int status ·
     *   int live setl_ids × string · int lines × line ({@link Line#writeTo})
     * </pre>
     */
    void writeTo(final SnapshotBlocks.Writer out) throws IOException
    {
        out.writeString(mdtrtId);
        out.writeString(fixmedinsCode);
        out.writeString(psnNo);
        out.writeString(iptOtpNo);
        out.writeByte(inpatient ? 1 : 0);
        out.writeLong(begntime);
        out.writeString(insutype);
        out.writeString(medType);
        out.writeString(diseCodg);
        out.writeLong(endtime);
        out.writeInt(status);
        out.writeInt(liveSetlIds.size());
        for (final String id : liveSetlIds)
        {
            out.writeString(id);
        }
        out.writeInt(lines.size());
        for (final Line l : lines.values())
        {
            l.writeTo(out);
            out.endRecord();
        }
    }

    /**
     * @param in      the payload.
     * @param canon   shares code values.
     * @param setlIds the shared instance of a setl_id (the reconciliation index's), or the argument.
     * @return the visit {@link #writeTo} wrote.
     */
    static Visit readFrom(final SnapshotBlocks.Reader in, final DeskSnapshot.Canon canon, final UnaryOperator<String> setlIds)
        throws IOException
    {
        final Visit v = new Visit(in.readString(), canon.of(in.readString()), in.readString(), in.readString(),
            in.readByte() != 0, in.readLong());
        v.insutype = canon.of(in.readString());
        v.medType = canon.of(in.readString());
        v.diseCodg = canon.of(in.readString());
        v.endtime = in.readLong();
        v.status = in.readInt();
        if (v.status < OPEN || v.status > CANCELLED)
        {
            throw new IOException("snapshot visit " + v.mdtrtId + ": status out of range: " + v.status);
        }
        for (int i = in.readCount(); i > 0; i--)
        {
            v.liveSetlIds.add(setlIds.apply(in.readString()));
        }
        for (int i = in.readCount(); i > 0; i--)
        {
            final Line l = Line.readFrom(in, v, canon);
            v.lines.put(l.fee.feedetlSn, l);
        }
        return v;
    }

    /** @return the live setl_id equal to {@code id} (the shared instance), or {@code id}. */
    private String liveSetlId(final String id)
    {
        for (final String live : liveSetlIds)
        {
            if (live.equals(id))
            {
                return live;
            }
        }
        return id;
    }

    /** One uploaded fee line: its inputs, its pricing at upload, and the settlement that paid it. */
    public static final class Line
    {
        final FeeLine fee = new FeeLine();
        String setlId;

        Line(final FeeLine from)
        {
            copy(from, fee);
        }

        private Line()
        {
        }

        /**
         * Every field {@link #copy} keeps, and the setl_id.
         * <pre>
         *   string feedetl_sn, mdtrt_id, psn_no, chrg_bchno, dise_codg, rxno, fee_ocur_time,
         *   med_list_codg, medins_list_codg, parse error text · long amount, quantity, price ·
         *   int parse error · long fulamt_ownpay, overlmt, preselfpay, inscp_scp, price cap ·
         *   int chrgitm_lv, selfpay_prop · string med_chrgitm_type, ownpay reason, setl_id
         * </pre>
         */
        void writeTo(final SnapshotBlocks.Writer out)
        {
            out.writeString(fee.feedetlSn);
            out.writeString(fee.mdtrtId);
            out.writeString(fee.psnNo);
            out.writeString(fee.chrgBchno);
            out.writeString(fee.diseCodg);
            out.writeString(fee.rxno);
            out.writeString(fee.feeOcurTime);
            out.writeString(fee.medListCodg);
            out.writeString(fee.medinsListCodg);
            out.writeString(fee.parseErrorText);
            out.writeLong(fee.amountFen);
            out.writeLong(fee.quantity4);
            out.writeLong(fee.priceMicro);
            out.writeInt(fee.parseError);
            out.writeLong(fee.fulamtOwnpayAmt);
            out.writeLong(fee.overlmtAmt);
            out.writeLong(fee.preselfpayAmt);
            out.writeLong(fee.inscpScpAmt);
            out.writeLong(fee.pricUplmtMicro);
            out.writeInt(fee.chrgitmLv);
            out.writeInt(fee.selfpayPropBp);
            out.writeString(fee.medChrgitmType);
            out.writeString(fee.ownpayReason);
            out.writeString(setlId);
        }

        static Line readFrom(final SnapshotBlocks.Reader in, final Visit v, final DeskSnapshot.Canon canon) throws IOException
        {
            final Line l = new Line();
            final FeeLine f = l.fee;
            f.feedetlSn = in.readString();
            f.mdtrtId = same(in.readString(), v.mdtrtId);
            f.psnNo = same(in.readString(), v.psnNo);
            f.chrgBchno = canon.of(in.readString());
            f.diseCodg = canon.of(in.readString());
            f.rxno = in.readString();
            f.feeOcurTime = in.readString();
            f.medListCodg = canon.of(in.readString());
            f.medinsListCodg = canon.of(in.readString());
            f.parseErrorText = in.readString();
            f.amountFen = in.readLong();
            f.quantity4 = in.readLong();
            f.priceMicro = in.readLong();
            f.parseError = in.readInt();
            f.fulamtOwnpayAmt = in.readLong();
            f.overlmtAmt = in.readLong();
            f.preselfpayAmt = in.readLong();
            f.inscpScpAmt = in.readLong();
            f.pricUplmtMicro = in.readLong();
            f.chrgitmLv = in.readInt();
            f.selfpayPropBp = in.readInt();
            f.medChrgitmType = canon.of(in.readString());
            f.ownpayReason = canon.of(in.readString());
            final String id = in.readString();
            l.setlId = id == null ? null : v.liveSetlId(id);
            return l;
        }

        private static String same(final String read, final String kept)
        {
            return read != null && read.equals(kept) ? kept : read;
        }

        /** @return the line (inputs and pricing at upload); do not modify. */
        public FeeLine fee()
        {
            return fee;
        }

        /** @return the setl_id that settled it, or null while unsettled. */
        public String setlId()
        {
            return setlId;
        }

        long hash()
        {
            long h = StateHash.of(fee.feedetlSn);
            h = StateHash.combine(h, StateHash.of(fee.chrgBchno));
            h = StateHash.combine(h, StateHash.of(fee.medListCodg));
            h = StateHash.combine(h, fee.amountFen);
            h = StateHash.combine(h, fee.quantity4);
            h = StateHash.combine(h, fee.priceMicro);
            h = StateHash.combine(h, fee.inscpScpAmt);
            // the rest of what the line keeps (and a snapshot restores): inputs, then pricing
            h = StateHash.combine(h, StateHash.of(fee.mdtrtId));
            h = StateHash.combine(h, StateHash.of(fee.psnNo));
            h = StateHash.combine(h, StateHash.of(fee.diseCodg));
            h = StateHash.combine(h, StateHash.of(fee.rxno));
            h = StateHash.combine(h, StateHash.of(fee.feeOcurTime));
            h = StateHash.combine(h, StateHash.of(fee.medinsListCodg));
            h = StateHash.combine(h, StateHash.of(fee.parseErrorText));
            h = StateHash.combine(h, fee.parseError);
            h = StateHash.combine(h, fee.fulamtOwnpayAmt);
            h = StateHash.combine(h, fee.overlmtAmt);
            h = StateHash.combine(h, fee.preselfpayAmt);
            h = StateHash.combine(h, fee.pricUplmtMicro);
            h = StateHash.combine(h, fee.chrgitmLv);
            h = StateHash.combine(h, fee.selfpayPropBp);
            h = StateHash.combine(h, StateHash.of(fee.medChrgitmType));
            h = StateHash.combine(h, StateHash.of(fee.ownpayReason));
            return StateHash.combine(h, StateHash.of(setlId));
        }
    }

    /**
     * Copies a line's inputs and pricing outputs.
     *
     * @param from the source.
     * @param to   the target (overwritten).
     */
    public static void copy(final FeeLine from, final FeeLine to)
    {
        to.copyInputsFrom(from);
        to.fulamtOwnpayAmt = from.fulamtOwnpayAmt;
        to.overlmtAmt = from.overlmtAmt;
        to.preselfpayAmt = from.preselfpayAmt;
        to.inscpScpAmt = from.inscpScpAmt;
        to.chrgitmLv = from.chrgitmLv;
        to.selfpayPropBp = from.selfpayPropBp;
        to.pricUplmtMicro = from.pricUplmtMicro;
        to.medChrgitmType = from.medChrgitmType;
        to.ownpayReason = from.ownpayReason;
    }
}
