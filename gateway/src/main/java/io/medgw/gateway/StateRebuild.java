package io.medgw.gateway;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.pipeline.TransactionDeskAdapter;
import io.medgw.gateway.state.SettlementState;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerReader;

import java.util.Objects;

/**
 * Rebuilds the gateway's state from the ledger at start: every record, in ledger order, applied
 * with the same calls the live path made (settlements and cancellations to the
 * {@link SettlementState}, every record to the desk), so the state after a restart is the state
 * before it.
 * <pre>
 *   reader thread:  LedgerReader.next ─▶ slot (request, result, index) ─┐  ring of 256 slots
 *   calling thread: ◀───────────────────────────────────────────────────┘  state.apply, desk.apply
 * </pre>
 * Decoding a record is about 40% of the work of a restart, so a second thread decodes the next
 * records while the calling thread applies (on 2 cores the two overlap; a restart of a million
 * settlements is otherwise bound by one core). The calling thread is the state's single writer:
 * nothing else touches the state or the desk until {@link #run} returns. A damaged record stops the
 * rebuild with the reader's exception (the gateway then refuses to start).
 */
public final class StateRebuild
{
    private static final int RING_SIZE = 256;

    private StateRebuild()
    {
    }

    /**
     * What a rebuild did.
     *
     * @param records records read and applied.
     * @param ms      how long it took.
     */
    public record Result(long records, long ms)
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
        return run(ledger, state, desk, true);
    }

    /**
     * @param ledger       the open ledger.
     * @param state        the settlement state (fresh).
     * @param desk         the transaction desk (fresh).
     * @param readerThread false: decode and apply on the calling thread only (a baseline for benchmarks).
     * @return records applied and time taken.
     */
    public static Result run(final Ledger ledger, final SettlementState state, final TransactionDeskAdapter desk,
        final boolean readerThread)
    {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(desk, "desk");
        final long t0 = System.nanoTime();
        if (!readerThread)
        {
            try (LedgerReader reader = openReader(ledger))
            {
                final long n = reader.forEach((index, sequence, appendMs, req, res) -> apply(state, desk, req, res, index));
                return new Result(n, (System.nanoTime() - t0) / 1_000_000);
            }
        }
        final RingBuffer<Slot> ring = RingBuffer.createSingleProducer(Slot::new, RING_SIZE, new YieldingWaitStrategy());
        final Sequence applied = new Sequence(-1);
        ring.addGatingSequences(applied);
        final SequenceBarrier barrier = ring.newBarrier();
        final Thread reader = new Thread(() -> read(ledger, ring), "medgw-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        long records = 0;
        long next = 0;
        try
        {
            while (true)
            {
                final long available = barrier.waitFor(next);
                for (; next <= available; next++)
                {
                    final Slot s = ring.get(next);
                    if (s.end)
                    {
                        applied.set(next);
                        reader.join();
                        if (s.failure != null)
                        {
                            throw s.failure;
                        }
                        return new Result(records, (System.nanoTime() - t0) / 1_000_000);
                    }
                    apply(state, desk, s.request, s.result, s.index);
                    records++;
                }
                applied.set(available);
            }
        }
        catch (final AlertException | TimeoutException | InterruptedException ex)
        {
            reader.interrupt();
            throw new IllegalStateException("ledger rebuild interrupted", ex);
        }
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
        // A settlement's rebuild needs its amounts and effects, not its fee lines' strings (most of a
        // record): decode those in full only for the desk's records (visit uploads keep their lines).
        return ledger.reader().fullLinesOnlyFor(txn -> SettlementEvent.kindOf(txn) == SettlementEvent.KIND_OTHER);
    }

    /** The reader thread: decode into the next free slot until the end of the ledger (or a failure). */
    private static void read(final Ledger ledger, final RingBuffer<Slot> ring)
    {
        try (LedgerReader reader = openReader(ledger))
        {
            while (true)
            {
                final long seq = ring.next();
                final Slot s = ring.get(seq);
                try
                {
                    s.end = !reader.next(s.request, s.result);
                    s.index = reader.lastIndex();
                }
                catch (final RuntimeException ex)
                {
                    s.end = true;
                    s.failure = ex;
                }
                ring.publish(seq);
                if (s.end)
                {
                    return;
                }
            }
        }
    }

    /** One decoded record travelling from the reader thread to the applying thread. */
    private static final class Slot
    {
        final SettlementRequest request = new SettlementRequest();
        final SettlementResult result = new SettlementResult();
        long index;
        boolean end;
        RuntimeException failure;
    }
}
