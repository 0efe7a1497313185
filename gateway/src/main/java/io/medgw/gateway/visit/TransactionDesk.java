package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.query.QueryDesk;
import io.medgw.gateway.recon.FileStore;
import io.medgw.gateway.recon.ReconDesk;
import io.medgw.gateway.recon.ReconOutput;
import io.medgw.gateway.recon.ReconciliationIndex;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.signin.SignInDesk;
import io.medgw.gateway.signin.SignInOutput;
import io.medgw.gateway.signin.SignInRegistry;
import io.medgw.gateway.state.SettlementState;
import io.medgw.gateway.state.StateHash;

/**
 * The one entry point of every transaction outside the settlement core: sign-in (9001/9002),
 * files (9101/9102), queries (1101, 2001, 5203, 5204, 5206), visits (2201–2205, 2301, 2302,
 * 2401, 2402, 2404, 2405) and reconciliation (3201, 3202); plus the glue a settlement of a
 * registered visit needs ({@link #fillLines}, {@link #afterSettlement}) and the reconciliation
 * index every settlement feeds.
 * <pre>
 *   live, per request (state-writer thread, after decoding):
 *     handles(txn)?  process(e, now) → true: journal (e.request, e.result), then onAppended(…, index)
 *                    writeReply(e, enc)   (any thread: reads only the slot)
 *     settlement 2206/2207/2303/2304 without lines:  fillLines(req, res) BEFORE identity — it reads
 *                    the visits, so the computing stages of a FILLED request must run after it on
 *                    the state thread (e.g. SettlementEngine.process(e))
 *     after the settlement commit of any settlement/cancel/冲正: afterSettlement(e); after its
 *                    append: onAppended(req, res, index)
 *   restart, per ledger record in order:  replay(req, res, index)  (= apply + onAppended)
 * </pre>
 * <b>State</b> (all single-writer, on the state thread): the {@link SignInRegistry}, the
 * {@link VisitStore}, the {@link FileStore}, the {@link ReconciliationIndex} and the re-send table of
 * this desk's state-changing transactions (rules §8; {@link #changesState}). Ids come from
 * sequences that advance only when an answer is applied — mdtrt_id from the settlement state's
 * sequence, sign_no and file_qury_no from this desk's — so re-applying the same records in the same
 * order rebuilds the same state ({@link #digest}). Only {@link SignInRegistry#signedIn} is read from
 * another thread (the identity stage).
 */
public final class TransactionDesk
{
    private final DeskContext ctx;
    private final SettlementState state;
    private final SignInDesk signIn;
    private final VisitDesk visits;
    private final QueryDesk queries;
    private final ReconDesk recon;
    private final DeskAnswers answers;

    /** @param ctx the configuration; concluded here if it was not. */
    public TransactionDesk(final DeskContext ctx)
    {
        this.ctx = ctx.conclude();
        this.state = ctx.settlement().state();
        final EngineStages stages = new EngineStages(ctx.settlement().signInStatus(), ctx.settlement().maxClockSkewSec());
        this.signIn = new SignInDesk(ctx.signIn());
        this.visits = new VisitDesk(new VisitStore(), stages, state);
        final ReconciliationIndex index = new ReconciliationIndex();
        this.recon = new ReconDesk(index, new FileStore(ctx.settlement().idPrefix(), ctx.maxFiles(),
            ctx.maxTotalFileBytes(), ctx.fileRetentionSec()), ctx.maxFileBytes(), ctx.maxDetailBytes(), ctx.maxDetailRows());
        this.queries = new QueryDesk(state, index, visits.store(), stages, ctx.ledgerReader());
        this.answers = new DeskAnswers(ctx.settlement().idempotencyRetentionSec());
    }

    /** @param txn a numeric transaction. @return true when this desk answers it. */
    public boolean handles(final int txn)
    {
        return txn == 9001 || txn == 9002 || VisitDesk.handles(txn) || QueryDesk.handles(txn) || ReconDesk.handles(txn);
    }

    /**
     * @param txn a numeric transaction this desk answers.
     * @return true when its answers change state and are journaled (9001, 9002, 9101, 3202 and the
     * visit transactions); the queries (1101, 2001, 5203, 5204, 5206, 3201, 9102) are not.
     */
    public static boolean changesState(final int txn)
    {
        return txn == 9001 || txn == 9002 || txn == 9101 || txn == 3202 || VisitDesk.handles(txn);
    }

    /**
     * Answers one decoded request: starts the slot (its reference data, or the context's current
     * one), answers a re-send with the first answer (E3001 for a reused msgid), else checks and
     * applies the transaction.
     *
     * @param e                the slot; {@code e.result} receives the answer.
     * @param nowLocalEpochSec the gateway clock (sign_time, file times, E1024).
     * @return true when the answer must be journaled ({@code e.request}, {@code e.result}) — a
     * state-changing transaction answered for the first time, success or business refusal.
     */
    public boolean process(final SettlementEvent e, final long nowLocalEpochSec)
    {
        final ReferenceData ref = e.ref != null ? e.ref : ctx.settlement().referenceDataSupplier().get();
        e.start(ref, nowLocalEpochSec);
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final int txn = req.txn;
        if (!handles(txn))
        {
            res.refuse(ErrorCode.E5004, "交易编号不由本模块处理：infno=" + req.infno + " (unknown transaction)");
            return false;
        }
        final boolean changes = changesState(txn);
        if (changes && resent(e, nowLocalEpochSec))
        {
            return false;
        }
        if (txn == 9001 || txn == 9002)
        {
            signIn.process(e, nowLocalEpochSec);
        }
        else if (VisitDesk.handles(txn))
        {
            visits.process(e, nowLocalEpochSec);
        }
        else if (QueryDesk.handles(txn))
        {
            queries.process(e, nowLocalEpochSec);
        }
        else
        {
            recon.process(e, nowLocalEpochSec);
        }
        if (!changes || res.error.isSystem())
        {
            return false;
        }
        answers.remember(req, res);
        return true;
    }

    // rules §8: a re-send gets the first answer; the same msgid with another body E3001
    private boolean resent(final SettlementEvent e, final long now)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final long t = req.infTime != SettlementRequest.ABSENT ? req.infTime : now;
        final DeskAnswers.Answer first = answers.find(req, t);
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
     * Before a 2206/2207/2303/2304 without fee lines: copies its visit's unsettled lines into the
     * request (see {@link VisitDesk#fillLines}). State-writer thread.
     *
     * @param req the decoded settlement request.
     * @param res receives a refusal (E5007, E5008); then the settlement stages skip it.
     * @return what was done.
     */
    public VisitDesk.Fill fillLines(final SettlementRequest req, final SettlementResult res)
    {
        return visits.fillLines(req, res);
    }

    /**
     * @param req a decoded request.
     * @return true for a 2206/2207/2303/2304 that names a visit and carries no lines (route it
     * through {@link #fillLines} on the state thread).
     */
    public static boolean needsLines(final SettlementRequest req)
    {
        final int t = req.txn;
        return (t == 2206 || t == 2207 || t == 2303 || t == 2304) && req.lineCount() == 0 && req.mdtrtId != null;
    }

    /**
     * After the settlement core committed a slot: a settlement that took effect settles the visit's
     * lines it paid; a cancellation or 冲正 unsettles the original's; both feed the reconciliation
     * index. Re-sends ({@code e.answered}) and answers that moved no money are ignored.
     *
     * @param e the committed slot.
     */
    public void afterSettlement(final SettlementEvent e)
    {
        if (e.answered)
        {
            return;
        }
        visits.onSettlement(e.request, e.result);
        recon.apply(e.request, e.result);
    }

    /**
     * Re-applies one journaled record (restart): this desk's state-changing transactions, and
     * settlements / cancellations (visit line marks, reconciliation index). Idempotent for a record
     * read twice. Other records are ignored.
     *
     * @param req the journaled request.
     * @param res its journaled answer.
     */
    public void apply(final SettlementRequest req, final SettlementResult res)
    {
        final int txn = req.txn;
        if (!changesState(txn))
        {
            if (res.ok() && res.sign != 0)
            {
                visits.onSettlement(req, res);
                recon.apply(req, res);
            }
            return;
        }
        if (res.error.isSystem() || res.error == ErrorCode.E3001 || answers.known(req, res))
        {
            return;
        }
        if (res.ok())
        {
            if (txn == 9001 || txn == 9002)
            {
                signIn.apply(req, res);
            }
            else if (VisitDesk.handles(txn))
            {
                visits.apply(req, res);
            }
            else
            {
                recon.apply(req, res);
            }
        }
        answers.remember(req, res);
    }

    /**
     * A record was appended to the ledger (live) or read back (restart): remembers the ledger index
     * of a settlement or cancellation, for 5204.
     *
     * @param req         the request.
     * @param res         its answer.
     * @param ledgerIndex the record's index.
     */
    public void onAppended(final SettlementRequest req, final SettlementResult res, final long ledgerIndex)
    {
        recon.onAppended(req, res, ledgerIndex);
    }

    /**
     * Restart: {@link #apply} then {@link #onAppended} for one ledger record.
     *
     * @param req         the journaled request.
     * @param res         its journaled answer.
     * @param ledgerIndex the record's index.
     */
    public void replay(final SettlementRequest req, final SettlementResult res, final long ledgerIndex)
    {
        apply(req, res);
        onAppended(req, res, ledgerIndex);
    }

    /**
     * Encodes the answer of a slot this desk processed: the refusal envelope, or the transaction's
     * output; for a successful 9102 the raw file bytes ({@link #rawReply}). Reads only the slot and
     * the configuration: any thread that owns {@code enc}.
     *
     * @param e   the processed slot.
     * @param enc the encoder, {@link ResponseEncoder#header} already set.
     * @return the sink holding the reply.
     */
    public ByteSink writeReply(final SettlementEvent e, final ResponseEncoder enc)
    {
        final SettlementResult res = e.result;
        if (!res.ok())
        {
            return enc.encodeError(res.error, res.errorMessage);
        }
        final int txn = e.request.txn;
        if (txn == 9001 || txn == 9002)
        {
            return SignInOutput.writeOutput(e, enc);
        }
        if (VisitDesk.handles(txn))
        {
            return VisitOutput.writeOutput(e, enc);
        }
        if (QueryDesk.handles(txn))
        {
            return QueryDesk.writeOutput(e, enc);
        }
        return ReconOutput.writeOutput(e, enc, ctx.fileRetentionSec());
    }

    /**
     * @param e a processed slot.
     * @return true when the reply is a file's raw bytes (a successful 9102: send it as
     * {@code application/zip}, or {@code application/octet-stream}), not a JSON envelope.
     */
    public static boolean rawReply(final SettlementEvent e)
    {
        return e.request.txn == 9102 && e.result.ok() && e.result.answerBytes != null;
    }

    /** @return the sign-in registry (the engine's {@code SignInStatus}). */
    public SignInRegistry signInRegistry()
    {
        return signIn.registry();
    }

    /** @return the visits. */
    public VisitStore visits()
    {
        return visits.store();
    }

    /** @return the reconciliation index. */
    public ReconciliationIndex reconciliationIndex()
    {
        return recon.index();
    }

    /** @return the files. */
    public FileStore files()
    {
        return recon.files();
    }

    /** @return a deterministic hash of everything this desk owns (equal after a replay). */
    public long digest()
    {
        long h = StateHash.combine(signIn.registry().digest(), visits.store().digest());
        h = StateHash.combine(h, recon.index().digest());
        h = StateHash.combine(h, recon.files().digest());
        return StateHash.combine(h, answers.digest());
    }
}
