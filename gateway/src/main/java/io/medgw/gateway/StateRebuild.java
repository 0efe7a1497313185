package io.medgw.gateway;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.pipeline.TransactionDeskAdapter;
import io.medgw.gateway.snapshot.StateSnapshots;
import io.medgw.gateway.state.SettlementState;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerReader;
import io.medgw.ledger.snapshot.Snapshot;

import java.io.IOException;
import java.util.Objects;

/**
 * Rebuilds the gateway's state at start: from the newest snapshot, if any, then every ledger record
 * after it; or from the ledger alone. Every record, in ledger order, is applied
 * with the same calls the live path made (settlements and cancellations to the
 * {@link SettlementState}, every record to the desk), so the state after a restart is the state
 * before it. Runs on the calling thread, which is the state's single writer until {@link #run}
 * returns. A damaged record stops the rebuild with the reader's exception (the gateway then refuses
 * to start).
 * <p>
 * Why one thread: decoding is about half of the work, but a reader thread handing decoded records
 * to the applying thread through a ring was no faster on 2 cores (1M records: 10.6–11.3 s against
 * 10.8 s; the collector needs the second core, and the decoded strings cross caches). What made
 * restart fast is decoding less (see {@link #openReader}) and keeping less (the compact
 * {@code SettlementRecord}).
 */
public final class StateRebuild
{
    private StateRebuild()
    {
    }

    /**
     * What a rebuild did.
     *
     * @param records      records read from the ledger and applied (after the snapshot, if any).
     * @param ms           how long it took in all.
     * @param snapshot     the snapshot the state started from, or null (the whole ledger was applied).
     * @param snapshotMs   how long reading the snapshot took (0 without one).
     * @param lastIndex    index of the ledger's last record, or -1 when it is empty.
     * @param lastSequence its sequence, or 0.
     * @param lastAppendMs its append time, or 0.
     */
    public record Result(long records, long ms, Snapshot snapshot, long snapshotMs, long lastIndex, long lastSequence,
        long lastAppendMs)
    {
    }

    /**
     * Applies every record of the ledger, from its first, to {@code state} and {@code desk}.
     *
     * @param ledger the open ledger.
     * @param state  the settlement state (fresh).
     * @param desk   the transaction desk (fresh).
     * @return records applied and time taken.
     */
    public static Result run(final Ledger ledger, final SettlementState state, final TransactionDeskAdapter desk)
    {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(desk, "desk");
        final long t0 = System.nanoTime();
        try (LedgerReader reader = openReader(ledger))
        {
            return replay(reader, state, desk, t0, null, 0);
        }
    }

    /**
     * Reads {@code snapshot} into {@code state} and {@code desk}, then applies the ledger records
     * after the one it covers.
     *
     * @param ledger   the open ledger.
     * @param state    the settlement state (fresh).
     * @param desk     the transaction desk (fresh; {@link TransactionDeskAdapter#snapshots()}).
     * @param snapshot a verified snapshot.
     * @return records applied after the snapshot and time taken.
     * @throws IOException when the snapshot does not belong to this ledger (its record is not there,
     * or has another sequence), or its payload is damaged or reads back to other digests. State and
     * desk are then half-filled: the caller starts again from fresh ones with {@link #run(Ledger,
     * SettlementState, TransactionDeskAdapter)}.
     */
    public static Result run(final Ledger ledger, final SettlementState state, final TransactionDeskAdapter desk,
        final Snapshot snapshot) throws IOException
    {
        final long t0 = System.nanoTime();
        try (LedgerReader reader = openReader(ledger))
        {
            final SettlementRequest req = new SettlementRequest();
            final SettlementResult res = new SettlementResult();
            if (!reader.readAt(snapshot.ledgerIndex(), req, res) || reader.lastSequence() != snapshot.ledgerSequence() ||
                reader.lastAppendTimeMs() != snapshot.ledgerAppendMs())
            {
                throw new IOException("snapshot " + snapshot.path().getFileName() + " covers ledger record " +
                    snapshot.ledgerSequence() + " at index " + Long.toHexString(snapshot.ledgerIndex()) +
                    ", which this ledger does not have: it belongs to another ledger");
            }
            new StateSnapshots(state, desk).restore(snapshot);
            final long snapshotMs = (System.nanoTime() - t0) / 1_000_000;
            return replay(reader, state, desk, t0, snapshot, snapshotMs);
        }
    }

    /**
     * Applies the first {@code maxRecords} records of the ledger (benchmarks: the state a snapshot
     * would have been taken of).
     *
     * @param ledger     the open ledger.
     * @param state      the settlement state (fresh).
     * @param desk       the transaction desk (fresh).
     * @param maxRecords how many records to apply at most.
     * @return records applied and where they end.
     */
    public static Result runUpTo(final Ledger ledger, final SettlementState state, final TransactionDeskAdapter desk,
        final long maxRecords)
    {
        final long t0 = System.nanoTime();
        final SettlementRequest req = new SettlementRequest();
        final SettlementResult res = new SettlementResult();
        long n = 0;
        try (LedgerReader reader = openReader(ledger))
        {
            while (n < maxRecords && reader.next(req, res))
            {
                apply(state, desk, req, res, reader.lastIndex());
                n++;
            }
            return new Result(n, (System.nanoTime() - t0) / 1_000_000, null, 0, reader.lastIndex(), reader.lastSequence(),
                reader.lastAppendTimeMs());
        }
    }

    private static Result replay(final LedgerReader reader, final SettlementState state, final TransactionDeskAdapter desk,
        final long t0, final Snapshot snapshot, final long snapshotMs)
    {
        final long n = reader.forEach((index, sequence, appendMs, req, res) -> apply(state, desk, req, res, index));
        final long lastIndex = n > 0 ? reader.lastIndex() : snapshot != null ? snapshot.ledgerIndex() : -1;
        final long lastSequence = n > 0 ? reader.lastSequence() : snapshot != null ? snapshot.ledgerSequence() : 0;
        final long lastAppendMs = n > 0 ? reader.lastAppendTimeMs() : snapshot != null ? snapshot.ledgerAppendMs() : 0;
        return new Result(n, (System.nanoTime() - t0) / 1_000_000, snapshot, snapshotMs, lastIndex, lastSequence, lastAppendMs);
    }

    private static void apply(final SettlementState state, final TransactionDeskAdapter desk,
        final SettlementRequest req, final SettlementResult res, final long index)
    {
        if (SettlementEvent.kindOf(req.txn) != SettlementEvent.KIND_OTHER)
        {
            state.apply(req, res); // desk records live in the desk only, as they did live
        }
        desk.apply(req, res, index);
    }

    private static LedgerReader openReader(final Ledger ledger)
    {
        // A settlement's rebuild needs its keys, amounts and effects and its lines' feedetl_sn, not
        // the rest of its request's strings (most of a record): decode those in full only for the
        // desk's records (visit uploads keep their lines, sign-ins their operators).
        return ledger.reader().fullDecodeOnlyFor(txn -> SettlementEvent.kindOf(txn) == SettlementEvent.KIND_OTHER);
    }
}
