package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.pipeline.TransactionDeskAdapter;
import io.medgw.gateway.query.QueryDesk;
import io.medgw.gateway.recon.FileStore;
import io.medgw.gateway.recon.ReconDesk;
import io.medgw.gateway.recon.ReconOutput;
import io.medgw.gateway.recon.ReconRow;
import io.medgw.gateway.recon.ReconciliationIndex;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.signin.SignInDesk;
import io.medgw.gateway.signin.SignInOutput;
import io.medgw.gateway.signin.SignInRegistry;
import io.medgw.gateway.state.SettlementState;
import io.medgw.gateway.state.StateHash;
import io.medgw.ledger.LedgerReader;
import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;

/**
 * The one entry point of every transaction outside the settlement core — sign-in (9001/9002),
 * files (9101/9102), queries (1101, 2001, 5203, 5204, 5206), visits (2201–2205, 2301, 2302, 2401,
 * 2402, 2404, 2405), reconciliation (3201, 3202) — and the glue a settlement of a registered visit
 * needs. As the pipeline's {@link TransactionDeskAdapter}:
 * <pre>
 *   settle thread   KIND_OTHER: process(e) → true: journal the slot
 *                   settlements: beforeSettlement(e) (fills a visit's lines) → engine →
 *                                afterSettlement(e) when it took effect (line marks, index)
 *   reply thread    writeReply(e, enc) for the slots process(e) answered (reads only the slot;
 *                   a successful 9102 is raw ZIP bytes: {@link #rawReply})
 *   restart         apply(req, res, ledgerIndex) for every ledger record, in order
 * </pre>
 * <b>State</b> (single-writer, the settle thread): the {@link SignInRegistry}, the
 * {@link VisitStore}, the {@link FileStore}, the {@link ReconciliationIndex} and the re-send table of
 * this desk's state-changing transactions (rules §8; {@link #changesState}). Ids come from
 * sequences that advance only when an answer is applied — mdtrt_id from the settlement state's
 * sequence, sign_no and file_qury_no from this desk's — so re-applying the same records in the same
 * order rebuilds the same state ({@link #digest}). Only {@link SignInRegistry#signedIn} is read from
 * another thread (the identity check).
 */
public final class TransactionDesk implements TransactionDeskAdapter
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

    /**
     * Sets the ledger reader 5204 uses (once, before the pipeline runs; then used on the
     * state-writer thread only).
     *
     * @param reader a reader of the gateway's ledger, or null.
     * @return this.
     */
    public TransactionDesk ledgerReader(final LedgerReader reader)
    {
        queries.ledgerReader(reader);
        return this;
    }

    // ------------------------------------------------------------------ TransactionDeskAdapter

    /**
     * {@link #process(SettlementEvent, long)} with the clock the slot was started with.
     *
     * @param e the started slot.
     * @return true when the answer must be journaled.
     */
    @Override
    public boolean process(final SettlementEvent e)
    {
        return process(e, e.nowLocalEpochSec);
    }

    /**
     * Before the settlement stages (same thread): a 2206/2207/2303/2304 that names a visit and
     * carries no lines gets the visit's unsettled lines ({@link VisitDesk#fillLines}; a refusal E5007
     * or E5008 lands in the result and the stages skip the slot).
     *
     * @param e the started slot.
     */
    @Override
    public boolean knowsMsgid(final SettlementEvent e)
    {
        final SettlementRequest req = e.request;
        return answers.find(req, req.infTime != SettlementRequest.ABSENT ? req.infTime : e.nowLocalEpochSec) != null;
    }

    @Override
    public void beforeSettlement(final SettlementEvent e)
    {
        if (needsLines(e.request))
        {
            visits.fillLines(e.request, e.result);
        }
    }

    /**
     * Re-applies one ledger record on restart, in ledger order: this desk's state-changing
     * transactions, and settlements / cancellations (visit line marks, reconciliation index, the
     * record's ledger index for 5204). Idempotent for a record read twice; others are ignored.
     *
     * @param req         the record's request.
     * @param res         the record's result.
     * @param ledgerIndex the record's index.
     */
    @Override
    public void apply(final SettlementRequest req, final SettlementResult res, final long ledgerIndex)
    {
        reapply(req, res);
        onAppended(req, res, ledgerIndex);
    }

    // ------------------------------------------------------------------ transactions

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
        if (changes && answers.answerResend(e, nowLocalEpochSec, state, visits))
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

    /**
     * @param req a decoded request.
     * @return true for a 2206/2207/2303/2304 that names a visit and carries no lines.
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
    @Override
    public void afterSettlement(final SettlementEvent e)
    {
        if (e.answered)
        {
            return;
        }
        visits.onSettlement(e.request, e.result);
        recon.apply(e.request, e.result);
    }

    private void reapply(final SettlementRequest req, final SettlementResult res)
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
     * Optional live hook: a record was appended to the ledger. Remembers the ledger index of a
     * settlement or cancellation for 5204 (without it, 5204 finds the index by reading forward).
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
     * Encodes the answer of a slot this desk processed: the refusal envelope, or the transaction's
     * output; for a successful 9102 the raw file bytes ({@link #rawReply}). Reads only the slot and
     * the configuration: any thread that owns {@code enc}.
     *
     * @param e   the processed slot.
     * @param enc the encoder, {@link ResponseEncoder#header} already set.
     * @return the sink holding the reply.
     */
    @Override
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

    @Override
    public boolean binaryReply(final SettlementEvent e)
    {
        return rawReply(e);
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

    /**
     * @return a deterministic hash of everything this desk owns and a snapshot restores (equal after
     * a replay or a snapshot load), but for the reconciliation rows' ledger indexes (see
     * {@link ReconciliationIndex#digest}). Compared between runs of the same code only.
     */
    @Override
    public long digest()
    {
        long h = StateHash.combine(signIn.registry().digest(), visits.store().digest());
        h = StateHash.combine(h, recon.index().digest());
        h = StateHash.combine(h, recon.files().digest());
        return StateHash.combine(h, answers.digest());
    }

    // ------------------------------------------------------------------ snapshot

    /** @return true: the desk writes and reads its state ({@link #writeSnapshot}). */
    @Override
    public boolean snapshots()
    {
        return true;
    }

    /**
     * Writes the desk's section ({@link DeskSnapshot} gives the layout): the sign-in registry, the
     * reconciliation index, the files, the visits and the re-send table. Scratch objects (the
     * upload's duplicate-serial set, the query and reconciliation buffers) are cleared before each
     * use and are not state. Settle thread, or the starting thread before the pipeline runs.
     *
     * @param out the snapshot payload.
     * @throws IOException when writing fails.
     */
    @Override
    public void writeSnapshot(final DataOutput out) throws IOException
    {
        out.writeInt(DeskSnapshot.TAG);
        out.writeInt(DeskSnapshot.VERSION);
        signIn.registry().writeTo(out);
        recon.index().writeTo(out);
        recon.files().writeTo(out);
        visits.store().writeTo(out);
        answers.writeTo(out);
        out.writeInt(DeskSnapshot.END_TAG);
    }

    /**
     * Fills this desk, which must be fresh, from {@link #writeSnapshot}'s section; then apply the
     * ledger records after the snapshot as usual. The index is read before the visits so both share
     * setl_id strings, as they do live. A failed read leaves the desk part-filled: discard it.
     *
     * @param in the snapshot payload.
     * @throws IOException           when the payload is not a desk section, of another version,
     *                               truncated or damaged.
     * @throws IllegalStateException when something was applied to this desk already.
     */
    @Override
    public void readSnapshot(final DataInput in) throws IOException
    {
        if (!isFresh())
        {
            throw new IllegalStateException("a snapshot loads into a fresh desk only: this one already holds state");
        }
        try
        {
            SnapshotData.expectTag(in, DeskSnapshot.TAG, "transaction desk");
            final int version = in.readInt();
            if (version != DeskSnapshot.VERSION)
            {
                throw new IOException("snapshot section transaction desk: version " + version + ", this gateway reads " +
                    DeskSnapshot.VERSION);
            }
            final DeskSnapshot.Canon canon = new DeskSnapshot.Canon();
            signIn.registry().readFrom(in, canon);
            final ReconciliationIndex index = recon.index();
            index.readFrom(in, canon);
            recon.files().readFrom(in, canon);
            visits.store().readFrom(in, canon, id ->
            {
                final ReconRow row = index.row(id);
                return row != null ? row.setlId() : id;
            });
            answers.readFrom(in, canon);
            SnapshotData.expectTag(in, DeskSnapshot.END_TAG, "transaction desk (end)");
        }
        catch (final EOFException ex)
        {
            throw new IOException("snapshot section transaction desk is truncated (payload ended early)", ex);
        }
    }

    private boolean isFresh()
    {
        return signIn.registry().isEmpty() && recon.index().isEmpty() && recon.files().isEmpty() &&
            visits.store().isEmpty() && answers.isEmpty();
    }
}
