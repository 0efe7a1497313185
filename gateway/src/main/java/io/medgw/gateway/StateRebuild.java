package io.medgw.gateway;

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
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(desk, "desk");
        final long t0 = System.nanoTime();
        try (LedgerReader reader = openReader(ledger))
        {
            final long n = reader.forEach((index, sequence, appendMs, req, res) -> apply(state, desk, req, res, index));
            return new Result(n, (System.nanoTime() - t0) / 1_000_000);
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
        // A settlement's rebuild needs its keys, amounts and effects and its lines' feedetl_sn, not
        // the rest of its request's strings (most of a record): decode those in full only for the
        // desk's records (visit uploads keep their lines, sign-ins their operators).
        return ledger.reader().fullDecodeOnlyFor(txn -> SettlementEvent.kindOf(txn) == SettlementEvent.KIND_OTHER);
    }
}
