package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.state.SettlementState;
import io.medgw.gateway.state.StateHash;
import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * settlement-rules.md §8 for the state-changing transactions of the {@link TransactionDesk}
 * (9001, 9002, 9101, 2201–2205, 2301, 2302, 2401, 2402, 2404, 2405, 3202): (fixmedins_code, msgid)
 * → the first answer, successes and business refusals alike, kept for the retention window
 * measured in inf_time and rebuilt on restart from the journaled answers. System errors and E3001
 * are never remembered. Thread: the state-writer thread.
 */
final class DeskAnswers
{
    private final long retentionSec;
    private final HashMap<String, HashMap<String, Answer>> answers = new HashMap<>();
    private final ArrayDeque<Answer> order = new ArrayDeque<>();

    DeskAnswers(final long retentionSec)
    {
        this.retentionSec = retentionSec;
    }

    /** The part of a first answer a re-send gets back. */
    static final class Answer
    {
        final String fixmedinsCode;
        final String msgid;
        final String infno;
        final long digestHi;
        final long digestLo;
        final long time;
        final ErrorCode error;
        final String errorMessage;
        final String mdtrtId;
        final String psnNo;
        final String medType;
        final String insutype;
        final String issuedNo;
        final String answerText;
        final int setlDay;
        final long setlTime;

        Answer(final SettlementRequest req, final SettlementResult res)
        {
            fixmedinsCode = req.fixmedinsCode;
            msgid = req.msgid;
            infno = req.infno;
            digestHi = req.bodyDigestHi;
            digestLo = req.bodyDigestLo;
            time = timeOf(req, res);
            error = res.error;
            errorMessage = res.errorMessage;
            mdtrtId = res.mdtrtId;
            psnNo = res.psnNo;
            medType = res.medType;
            insutype = res.insutype;
            issuedNo = res.issuedNo;
            answerText = res.answerText;
            setlDay = res.setlDay;
            setlTime = res.setlTime;
        }

        /** Reads what {@link #writeTo} wrote. */
        Answer(final DataInput in, final DeskSnapshot.Canon canon) throws IOException
        {
            fixmedinsCode = canon.read(in);
            msgid = SnapshotData.readString(in);
            infno = canon.read(in);
            digestHi = in.readLong();
            digestLo = in.readLong();
            time = in.readLong();
            final int errorId = in.readInt();
            error = ErrorCode.ofId(errorId);
            if (error == null)
            {
                throw new IOException("snapshot answer " + msgid + ": unknown error code id " + errorId);
            }
            errorMessage = SnapshotData.readString(in);
            mdtrtId = SnapshotData.readString(in);
            psnNo = SnapshotData.readString(in);
            medType = canon.read(in);
            insutype = canon.read(in);
            issuedNo = SnapshotData.readString(in);
            answerText = SnapshotData.readString(in);
            setlDay = in.readInt();
            setlTime = in.readLong();
        }

        /**
         * <pre>
         *   string fixmedins_code, msgid, infno · long body digest hi, lo · long time ·
         *   int error id · string error message, mdtrt_id, psn_no, med_type, insutype, issued no,
         *   answer text · int setl day · long setl time
         * </pre>
         */
        void writeTo(final DataOutput out) throws IOException
        {
            SnapshotData.writeString(out, fixmedinsCode);
            SnapshotData.writeString(out, msgid);
            SnapshotData.writeString(out, infno);
            out.writeLong(digestHi);
            out.writeLong(digestLo);
            out.writeLong(time);
            out.writeInt(error.id());
            SnapshotData.writeString(out, errorMessage);
            SnapshotData.writeString(out, mdtrtId);
            SnapshotData.writeString(out, psnNo);
            SnapshotData.writeString(out, medType);
            SnapshotData.writeString(out, insutype);
            SnapshotData.writeString(out, issuedNo);
            SnapshotData.writeString(out, answerText);
            out.writeInt(setlDay);
            out.writeLong(setlTime);
        }

        boolean sameRequest(final SettlementRequest req)
        {
            return digestHi == req.bodyDigestHi && digestLo == req.bodyDigestLo &&
                (infno == null ? req.infno == null : infno.equals(req.infno));
        }

        boolean sameAnswer(final SettlementRequest req, final SettlementResult res)
        {
            return sameRequest(req) && error == res.error && setlTime == res.setlTime &&
                (issuedNo == null || res.issuedNo == null || issuedNo.equals(res.issuedNo));
        }

        void copyTo(final SettlementResult res)
        {
            res.error = error;
            res.errorMessage = errorMessage;
            res.mdtrtId = mdtrtId;
            res.psnNo = psnNo;
            res.medType = medType;
            res.insutype = insutype;
            res.issuedNo = issuedNo;
            res.answerText = answerText;
            res.setlDay = setlDay;
            res.setlTime = setlTime;
        }

        long hash()
        {
            long h = StateHash.of(fixmedinsCode);
            h = StateHash.combine(h, StateHash.of(msgid));
            h = StateHash.combine(h, digestHi);
            h = StateHash.combine(h, error.id());
            h = StateHash.combine(h, StateHash.of(mdtrtId));
            h = StateHash.combine(h, StateHash.of(issuedNo));
            h = StateHash.combine(h, setlTime);
            // the rest a re-send gets back (and a snapshot restores)
            h = StateHash.combine(h, StateHash.of(infno));
            h = StateHash.combine(h, digestLo);
            h = StateHash.combine(h, time);
            h = StateHash.combine(h, StateHash.of(errorMessage));
            h = StateHash.combine(h, StateHash.of(psnNo));
            h = StateHash.combine(h, StateHash.of(medType));
            h = StateHash.combine(h, StateHash.of(insutype));
            h = StateHash.combine(h, StateHash.of(answerText));
            return StateHash.combine(h, setlDay);
        }
    }

    /**
     * Rules §8 before a state-changing transaction: a re-send (same institution, msgid, infno and
     * body) gets the first answer ({@code e.answered}; a re-sent 2204/2301 has its lines priced
     * again for result[]); the same msgid with another body, or a msgid a settlement used, E3001.
     *
     * @param e      the started slot.
     * @param now    the gateway clock (when the request has no inf_time).
     * @param state  the settlement state (msgids of settlements).
     * @param visits the visit desk (re-pricing).
     * @return true when the slot is answered.
     */
    boolean answerResend(final SettlementEvent e, final long now, final SettlementState state, final VisitDesk visits)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final long t = req.infTime != SettlementRequest.ABSENT ? req.infTime : now;
        final Answer first = find(req, t);
        if (first != null && first.sameRequest(req))
        {
            first.copyTo(res);
            if (res.ok() && (req.txn == 2204 || req.txn == 2301))
            {
                visits.reprice(e, first.setlDay);
            }
            e.answered = true;
            return true;
        }
        if (first != null || state.answer(req.fixmedinsCode, req.msgid, t) != null)
        {
            res.refuse(ErrorCode.E3001, "报文ID重复使用但内容不同：fixmedins_code=" + req.fixmedinsCode + " msgid=" + req.msgid +
                (first != null ? "，原交易 infno=" + first.infno : "") +
                " (msgid reused with a different body; send a new msgid for a new request)");
            e.answered = true;
            return true;
        }
        return false;
    }

    /**
     * @param req a request.
     * @param now its time (inf_time, else the clock).
     * @return the first answer to (institution, msgid) within the window, or null.
     */
    Answer find(final SettlementRequest req, final long now)
    {
        final HashMap<String, Answer> inner = req.fixmedinsCode == null ? null : answers.get(req.fixmedinsCode);
        final Answer a = inner == null || req.msgid == null ? null : inner.get(req.msgid);
        return a == null || now - a.time > retentionSec ? null : a;
    }

    /**
     * Remembers an answer (not system errors, not E3001), then drops entries older than the window.
     *
     * @param req the request.
     * @param res its answer.
     * @return false when this exact answer was already remembered (a journaled record read twice).
     */
    boolean remember(final SettlementRequest req, final SettlementResult res)
    {
        if (res.error.isSystem() || res.error == ErrorCode.E3001 || req.fixmedinsCode == null || req.msgid == null)
        {
            return true;
        }
        final HashMap<String, Answer> inner = answers.computeIfAbsent(req.fixmedinsCode, k -> new HashMap<>());
        final Answer known = inner.get(req.msgid);
        if (known != null && known.sameAnswer(req, res))
        {
            return false;
        }
        final Answer a = new Answer(req, res);
        inner.put(req.msgid, a);
        order.addLast(a);
        Answer head;
        while ((head = order.peekFirst()) != null && a.time - head.time > retentionSec)
        {
            order.pollFirst();
            final HashMap<String, Answer> m = answers.get(head.fixmedinsCode);
            if (m != null && m.get(head.msgid) == head)
            {
                m.remove(head.msgid);
            }
        }
        return true;
    }

    /**
     * @param req a request.
     * @param res its answer.
     * @return true when this exact answer is already remembered.
     */
    boolean known(final SettlementRequest req, final SettlementResult res)
    {
        final HashMap<String, Answer> inner = req.fixmedinsCode == null ? null : answers.get(req.fixmedinsCode);
        final Answer a = inner == null || req.msgid == null ? null : inner.get(req.msgid);
        return a != null && a.sameAnswer(req, res);
    }

    /**
     * @return a hash of the answers kept and of the expiry order (order-sensitive: it decides what
     * the next {@link #remember} drops; a replaced answer stays in it until it expires).
     */
    long digest()
    {
        long sum = 0;
        for (final Map.Entry<String, HashMap<String, Answer>> e : answers.entrySet())
        {
            for (final Answer a : e.getValue().values())
            {
                sum += StateHash.mix(a.hash());
            }
        }
        long queue = order.size();
        for (final Answer a : order)
        {
            queue = StateHash.combine(queue, StateHash.combine(a.hash(), isKept(a) ? 1 : 0));
        }
        return StateHash.combine(sum, queue);
    }

    boolean isEmpty()
    {
        return answers.isEmpty() && order.isEmpty();
    }

    /**
     * Snapshot part: the expiry order, oldest first; each answer says whether it is the one kept
     * for its (institution, msgid) — the map holds exactly those, so it is rebuilt from the order.
     * <pre>
     *   int answers × { answer ({@link Answer#writeTo}) · boolean kept }
     * </pre>
     */
    void writeTo(final DataOutput out) throws IOException
    {
        out.writeInt(order.size());
        for (final Answer a : order)
        {
            a.writeTo(out);
            out.writeBoolean(isKept(a));
        }
    }

    /** Fills an {@link #isEmpty empty} table from {@link #writeTo}. */
    void readFrom(final DataInput in, final DeskSnapshot.Canon canon) throws IOException
    {
        for (int i = SnapshotData.readCount(in); i > 0; i--)
        {
            final Answer a = new Answer(in, canon);
            order.addLast(a);
            if (in.readBoolean())
            {
                answers.computeIfAbsent(a.fixmedinsCode, k -> new HashMap<>()).put(a.msgid, a);
            }
        }
    }

    private boolean isKept(final Answer a)
    {
        final HashMap<String, Answer> inner = answers.get(a.fixmedinsCode);
        return inner != null && inner.get(a.msgid) == a;
    }

    static long timeOf(final SettlementRequest req, final SettlementResult res)
    {
        return req.infTime != SettlementRequest.ABSENT ? req.infTime : res.setlTime;
    }
}
