package io.medgw.gateway.visit;

import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.gateway.state.StateHash;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The single-writer store of multi-step visits: visits by mdtrt_id, the live visits of each
 * institution by ipt_otp_no (outpatient and inpatient numbers are separate namespaces), and which
 * visit each settlement paid. Only state changes live here; the checks and refusals are
 * {@link VisitDesk}'s. Every method runs on the state-writer thread; a restart rebuilds the store by
 * re-applying the journaled answers in order ({@link VisitDesk#apply}), and every mutation is
 * idempotent for a record read twice.
 * <p>
 * Retention: visits stay for the life of the process (a restart rebuilds those the ledger still
 * holds); a cancelled or fully settled visit costs one map entry and its lines.
 */
public final class VisitStore
{
    /** chrg_bchno meaning "every unsettled batch" (2205). */
    public static final String ALL_BATCHES = "0000";

    private final HashMap<String, Visit> byMdtrtId = new HashMap<>();
    private final HashMap<String, HashMap<String, Visit>> byNumber = new HashMap<>();
    private final HashMap<String, Visit> bySetlId = new HashMap<>();

    /** @param mdtrtId an mdtrt_id. @return the visit, or null. */
    public Visit visit(final String mdtrtId)
    {
        return mdtrtId == null ? null : byMdtrtId.get(mdtrtId);
    }

    /**
     * @param fixmedinsCode an institution.
     * @param inpatient     true for 住院号, false for 门诊号.
     * @param iptOtpNo      the number.
     * @return the live (not cancelled) visit holding that number, or null.
     */
    public Visit byNumber(final String fixmedinsCode, final boolean inpatient, final String iptOtpNo)
    {
        final HashMap<String, Visit> inner = byNumber.get(fixmedinsCode);
        return inner == null || iptOtpNo == null ? null : inner.get(numberKey(inpatient, iptOtpNo));
    }

    /** @param setlId a setl_id. @return the visit that settlement paid, or null. */
    public Visit settledVisit(final String setlId)
    {
        return setlId == null ? null : bySetlId.get(setlId);
    }

    /** @return the number of visits kept. */
    public int visitCount()
    {
        return byMdtrtId.size();
    }

    // ------------------------------------------------------------------ mutations

    /**
     * Registers a visit (2201/2401); a visit already known by that mdtrt_id is left as is.
     *
     * @return the visit.
     */
    Visit register(final String mdtrtId, final String fixmedinsCode, final String psnNo, final String iptOtpNo,
        final boolean inpatient, final long begntime)
    {
        final Visit known = byMdtrtId.get(mdtrtId);
        if (known != null)
        {
            return known;
        }
        final Visit v = new Visit(mdtrtId, fixmedinsCode, psnNo, iptOtpNo, inpatient, begntime);
        byMdtrtId.put(mdtrtId, v);
        if (iptOtpNo != null)
        {
            byNumber.computeIfAbsent(fixmedinsCode, k -> new HashMap<>()).put(numberKey(inpatient, iptOtpNo), v);
        }
        return v;
    }

    /** Cancels a registration or admission: drops its unsettled lines and frees its number. */
    void cancel(final Visit v)
    {
        v.status = Visit.CANCELLED;
        removeUnsettled(v, ALL_BATCHES);
        final HashMap<String, Visit> inner = byNumber.get(v.fixmedinsCode);
        if (inner != null && v.iptOtpNo != null && inner.get(numberKey(v.inpatient, v.iptOtpNo)) == v)
        {
            inner.remove(numberKey(v.inpatient, v.iptOtpNo));
        }
    }

    /** Adds the request's lines (inputs and pricing); a serial already on the visit is skipped. */
    void addLines(final Visit v, final SettlementRequest req)
    {
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            final FeeLine l = req.line(i);
            if (l.feedetlSn != null && !v.lines.containsKey(l.feedetlSn))
            {
                v.lines.put(l.feedetlSn, new Visit.Line(l));
            }
        }
    }

    /**
     * Removes unsettled lines of one batch, or of every batch ({@link #ALL_BATCHES} or null).
     *
     * @return the number removed.
     */
    int removeUnsettled(final Visit v, final String chrgBchno)
    {
        int n = 0;
        final Iterator<Visit.Line> it = v.lines.values().iterator();
        while (it.hasNext())
        {
            final Visit.Line l = it.next();
            if (l.setlId == null && inBatch(l.fee, chrgBchno))
            {
                it.remove();
                n++;
            }
        }
        return n;
    }

    /** Removes one unsettled line. @return true if it was there and unsettled. */
    boolean removeUnsettledLine(final Visit v, final String feedetlSn)
    {
        final Visit.Line l = v.lines.get(feedetlSn);
        if (l == null || l.setlId != null)
        {
            return false;
        }
        v.lines.remove(feedetlSn);
        return true;
    }

    /**
     * Copies the visit's unsettled lines of one batch (or all: {@link #ALL_BATCHES} or null) into
     * {@code req}, in upload order.
     *
     * @return the number copied.
     */
    int fill(final Visit v, final String chrgBchno, final SettlementRequest req)
    {
        int n = 0;
        for (final Visit.Line l : v.lines.values())
        {
            if (l.setlId == null && inBatch(l.fee, chrgBchno))
            {
                req.addLine().copyInputsFrom(l.fee);
                n++;
            }
        }
        return n;
    }

    /**
     * A settlement took effect: the visit's unsettled lines named by the request's lines are marked
     * settled by {@code setlId}. A setl_id already seen, or a visit of another institution, is
     * ignored.
     *
     * @param setlId        the settlement.
     * @param mdtrtId       its visit.
     * @param fixmedinsCode its institution.
     * @param req           the settlement request (its lines).
     */
    void onSettled(final String setlId, final String mdtrtId, final String fixmedinsCode, final SettlementRequest req)
    {
        final Visit v = visit(mdtrtId);
        if (v == null || setlId == null || bySetlId.containsKey(setlId) || !v.fixmedinsCode.equals(fixmedinsCode))
        {
            return;
        }
        bySetlId.put(setlId, v);
        v.liveSetlIds.add(setlId);
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            final Visit.Line l = v.lines.get(req.line(i).feedetlSn);
            if (l != null && l.setlId == null)
            {
                l.setlId = setlId;
            }
        }
    }

    /**
     * A cancellation (or 冲正) of {@code origSetlId} took effect: its lines become unsettled again.
     * Idempotent.
     *
     * @param origSetlId the settlement cancelled.
     */
    void onCancelled(final String origSetlId)
    {
        final Visit v = settledVisit(origSetlId);
        if (v == null || !v.liveSetlIds.remove(origSetlId))
        {
            return;
        }
        for (final Visit.Line l : v.lines.values())
        {
            if (origSetlId.equals(l.setlId))
            {
                l.setlId = null;
            }
        }
    }

    /** @return a deterministic hash of every visit and both indexes (equal after a replay). */
    public long digest()
    {
        long sum = 0;
        for (final Map.Entry<String, Visit> e : byMdtrtId.entrySet())
        {
            sum += StateHash.mix(e.getValue().hash());
        }
        long settled = 0;
        for (final Map.Entry<String, Visit> e : bySetlId.entrySet())
        {
            settled += StateHash.mix(StateHash.combine(StateHash.of(e.getKey()), StateHash.of(e.getValue().mdtrtId)));
        }
        long numbers = 0;
        for (final Map.Entry<String, HashMap<String, Visit>> e : byNumber.entrySet())
        {
            for (final Map.Entry<String, Visit> n : e.getValue().entrySet())
            {
                long h = StateHash.combine(StateHash.of(e.getKey()), StateHash.of(n.getKey()));
                numbers += StateHash.mix(StateHash.combine(h, StateHash.of(n.getValue().mdtrtId)));
            }
        }
        final long h = StateHash.combine(StateHash.combine(sum, bySetlId.size()), settled);
        return StateHash.combine(h, numbers);
    }

    /** @return true when no visit was ever registered. */
    boolean isEmpty()
    {
        return byMdtrtId.isEmpty() && bySetlId.isEmpty() && byNumber.isEmpty();
    }

    /**
     * Snapshot part: every visit ({@link Visit#writeTo}; its live setl_ids rebuild most of the
     * setl_id index), the setl_ids whose settlement was cancelled (still indexed), and the numbers
     * of each institution (kept as they are: a number freed by a cancel is not re-derivable).
     * <pre>
     *   int visits × visit · int cancelled × { string setl_id, string mdtrt_id } ·
     *   int institutions × { string code · int numbers × { string key, string mdtrt_id } }
     * </pre>
     * in {@link SnapshotBlocks}.
     */
    void writeTo(final DataOutput stream) throws IOException
    {
        final SnapshotBlocks.Writer out = new SnapshotBlocks.Writer(stream);
        out.writeInt(byMdtrtId.size());
        for (final Visit v : byMdtrtId.values())
        {
            v.writeTo(out);
            out.endRecord();
        }
        int cancelled = 0;
        for (final Map.Entry<String, Visit> e : bySetlId.entrySet())
        {
            cancelled += e.getValue().liveSetlIds.contains(e.getKey()) ? 0 : 1;
        }
        out.writeInt(cancelled);
        for (final Map.Entry<String, Visit> e : bySetlId.entrySet())
        {
            if (!e.getValue().liveSetlIds.contains(e.getKey()))
            {
                out.writeString(e.getKey());
                out.writeString(e.getValue().mdtrtId);
                out.endRecord();
            }
        }
        out.writeInt(byNumber.size());
        for (final Map.Entry<String, HashMap<String, Visit>> e : byNumber.entrySet())
        {
            out.writeString(e.getKey());
            out.writeInt(e.getValue().size());
            for (final Map.Entry<String, Visit> n : e.getValue().entrySet())
            {
                out.writeString(n.getKey());
                out.writeString(n.getValue().mdtrtId);
                out.endRecord();
            }
        }
        out.finish();
    }

    /**
     * Fills an {@link #isEmpty empty} store from {@link #writeTo}.
     *
     * @param setlIds the shared instance of a setl_id (the reconciliation index's), or the argument.
     */
    void readFrom(final DataInput stream, final DeskSnapshot.Canon canon, final UnaryOperator<String> setlIds)
        throws IOException
    {
        final SnapshotBlocks.Reader in = new SnapshotBlocks.Reader(stream);
        for (int i = in.readCount(); i > 0; i--)
        {
            final Visit v = Visit.readFrom(in, canon, setlIds);
            byMdtrtId.put(v.mdtrtId, v);
            for (final String id : v.liveSetlIds)
            {
                bySetlId.put(id, v);
            }
        }
        for (int i = in.readCount(); i > 0; i--)
        {
            final String id = setlIds.apply(in.readString());
            bySetlId.put(id, known(in.readString()));
        }
        for (int i = in.readCount(); i > 0; i--)
        {
            final String code = canon.of(in.readString());
            final int n = in.readCount();
            final HashMap<String, Visit> inner = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
            for (int j = 0; j < n; j++)
            {
                inner.put(in.readString(), known(in.readString()));
            }
            byNumber.put(code, inner);
        }
        in.finish();
    }

    private Visit known(final String mdtrtId) throws IOException
    {
        final Visit v = mdtrtId == null ? null : byMdtrtId.get(mdtrtId);
        if (v == null)
        {
            throw new IOException("snapshot names a visit it does not hold: mdtrt_id=" + mdtrtId);
        }
        return v;
    }

    static boolean inBatch(final FeeLine l, final String chrgBchno)
    {
        return chrgBchno == null || ALL_BATCHES.equals(chrgBchno) || chrgBchno.equals(l.chrgBchno);
    }

    private static String numberKey(final boolean inpatient, final String iptOtpNo)
    {
        return (inpatient ? "I:" : "O:") + iptOtpNo;
    }
}
