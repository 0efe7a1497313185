package io.medgw.gateway.pipeline;

import com.lmax.disruptor.EventHandler;
import io.medgw.codec.ErrorCode;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayCounters;
import io.medgw.gateway.status.LedgerMeters;
import io.medgw.ledger.LedgerWriter;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends each state-changing slot to the ledger and, at the end of every Disruptor batch, calls
 * {@link LedgerWriter#endOfBatch()} — in {@code fsync} durability that forces the batch to disk
 * (group commit). The reply stage runs behind this one, so no reply leaves before its record and
 * its batch's force have returned.
 * <p>
 * A failed append or force is fatal: the state already moved, the ledger did not, so the gateway
 * fails closed — this slot and every later one answer E9002 (infcode −1: the HIS must 冲正 or
 * retry), readiness turns false, and a restart rebuilds the state from the ledger.
 * <p>
 * Thread: the "journal" thread. Reads {@code slot.journal}, the event; writes
 * {@code slot.ledgerIndex}, {@code slot.systemError}.
 */
public final class JournalHandler implements EventHandler<PipelineSlot>
{
    private final LedgerWriter writer;
    private final EpochClock epochClock;
    private final NanoClock nanoClock;
    private final GatewayCounters counters;
    private final LedgerMeters meters;
    private final Runnable onFatal;
    private final boolean forcesToDisk;
    private boolean failed;
    private int pendingInBatch;
    private long batchStart = -1;
    private long lastIndex = -1;
    private long lastAppendMs;
    private final AtomicLong lastSequence = new AtomicLong();
    private volatile long failedFromSequence = Long.MAX_VALUE;

    /**
     * @param writer     the ledger.
     * @param epochClock wall clock stamped on records.
     * @param nanoClock  times appends and ends of batch.
     * @param counters   gateway counters.
     * @param meters     append and end-of-batch latency histograms.
     * @param onFatal    called once when the ledger fails (turns readiness off).
     * @param forcesToDisk true in fsync durability (the fsync counter counts only real forces).
     */
    public JournalHandler(final LedgerWriter writer, final EpochClock epochClock, final NanoClock nanoClock,
        final GatewayCounters counters, final LedgerMeters meters, final Runnable onFatal, final boolean forcesToDisk)
    {
        this.nanoClock = nanoClock;
        this.meters = meters;
        this.forcesToDisk = forcesToDisk;
        this.writer = writer;
        this.epochClock = epochClock;
        this.counters = counters;
        this.onFatal = onFatal;
    }

    @Override
    public void onEvent(final PipelineSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (batchStart < 0)
        {
            batchStart = sequence;
        }
        if (slot.snapshot != null)
        {
            slot.snapshot.tag(lastIndex, lastSequence.get(), lastAppendMs, failed);
        }
        else if (failed)
        {
            slot.systemError = ErrorCode.E9002;
        }
        else if (slot.journal)
        {
            try
            {
                final long t0 = nanoClock.nanoTime();
                final long nowMs = epochClock.time();
                slot.ledgerIndex = writer.append(slot.event.request, slot.event.result, nowMs);
                lastIndex = slot.ledgerIndex;
                lastAppendMs = nowMs;
                lastSequence.lazySet(lastSequence.get() + 1); // the writer numbers records 1, 2, 3, ...
                meters.onAppend(nanoClock.nanoTime() - t0);
                pendingInBatch++;
                counters.increment(GatewayCounter.LEDGER_APPENDS);
            }
            catch (final RuntimeException ex)
            {
                fail(slot, ex);
            }
        }
        if (endOfBatch && pendingInBatch > 0 && !failed)
        {
            try
            {
                final long t0 = nanoClock.nanoTime();
                writer.endOfBatch();
                meters.onEndOfBatch(nanoClock.nanoTime() - t0);
                if (forcesToDisk)
                {
                    counters.increment(GatewayCounter.LEDGER_FSYNCS);
                }
            }
            catch (final RuntimeException ex)
            {
                fail(slot, ex);
            }
            pendingInBatch = 0;
        }
        if (endOfBatch)
        {
            batchStart = -1;
        }
    }

    /**
     * Where the ledger ended when the pipeline started (before this handler's first append).
     *
     * @param index    index of the ledger's last record, or -1 when empty.
     * @param sequence its sequence, or 0.
     * @param appendMs its append time, or 0.
     * @return this.
     */
    public JournalHandler startingAfter(final long index, final long sequence, final long appendMs)
    {
        lastIndex = index;
        lastAppendMs = appendMs;
        lastSequence.set(sequence);
        return this;
    }

    /** @return index of the last record in the ledger (journal thread, or after the pipeline stopped). */
    public long lastIndex()
    {
        return lastIndex;
    }

    /** @return append time of the last record in the ledger (as {@link #lastIndex}). */
    public long lastAppendMs()
    {
        return lastAppendMs;
    }

    /** @return sequence of the last record in the ledger (any thread). */
    public long lastSequence()
    {
        return lastSequence.get();
    }

    /**
     * @param sequence a slot's ring sequence.
     * @return true if that slot must answer E9002: its batch (or an earlier one) was not made durable.
     */
    public boolean failedAt(final long sequence)
    {
        return sequence >= failedFromSequence;
    }

    /** @return true once the ledger has failed. */
    public boolean failed()
    {
        return failed;
    }

    private void fail(final PipelineSlot slot, final RuntimeException ex)
    {
        failed = true;
        failedFromSequence = batchStart;
        batchStart = -1;
        slot.systemError = ErrorCode.E9002;
        counters.increment(GatewayCounter.FATAL_ERRORS);
        onFatal.run();
        throw ex; // reported by the counted exception handler, which keeps the processor running
    }

    /**
     * Idle-time work of the ledger writer (pre-faulting the file ahead of the next append). Only on
     * this handler's thread.
     *
     * @return pages touched (0: nothing to do).
     */
    int doIdleWork()
    {
        return writer.doIdleWork();
    }
}
