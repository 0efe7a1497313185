package io.medgw.gateway.visit;

import io.medgw.codec.message.FeeLine;
import io.medgw.gateway.state.StateHash;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;

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

    /** One uploaded fee line: its inputs, its pricing at upload, and the settlement that paid it. */
    public static final class Line
    {
        final FeeLine fee = new FeeLine();
        String setlId;

        Line(final FeeLine from)
        {
            copy(from, fee);
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
