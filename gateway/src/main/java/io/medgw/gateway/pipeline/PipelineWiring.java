package io.medgw.gateway.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.medgw.gateway.config.PipelineIdleStrategy;
import io.medgw.gateway.reply.ReplyHandler;
import io.medgw.gateway.snapshot.SnapshotRequest;
import io.medgw.gateway.status.CountedErrorHandler;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayCounters;
import org.agrona.concurrent.NanoClock;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The only class that knows the pipeline's topology.
 * <pre>
 *   Netty I/O threads ──tryPublish (decode into the slot; ring full → E9001 at once)──┐
 *                                                                                     v
 *   ring (power of two) ──> 1. settle (S): idempotency → identity → pricing → split → commit,
 *                              or the transaction desk; the one writer of business state
 *                        ──> 2. journal (J): ledger append; at end of batch force (fsync mode)
 *                        ──> 3. reply (R): encode the envelope, hand it to the connection
 * </pre>
 * Each stage is one thread ({@code pipeline.threads = 3}), or all three run on one thread
 * ({@code pipeline.threads = 1}, replies released at the end of each batch); either way a slot
 * reaches R only after J has appended it and forced its batch.
 */
public final class PipelineWiring implements AutoCloseable
{
    private static final String[] STAGE_NAMES = {"medgw-settle", "medgw-journal", "medgw-reply"};
    private static final EventTranslatorOneArg<PipelineSlot, SnapshotRequest> SNAPSHOT_TRANSLATOR = (slot, sequence, r) ->
    {
        slot.reset();
        slot.reply = null;
        slot.event.clear();
        slot.snapshot = r;
    };

    private final Disruptor<PipelineSlot> disruptor;
    private final RingBuffer<PipelineSlot> ring;

    /**
     * Builds and starts the pipeline.
     *
     * @param ringSize  ring size, a power of two.
     * @param threads   1: the three stages on one thread; 3: one thread each.
     * @param idle      how idle stages wait.
     * @param idleClock time source of the parking strategy's yield window.
     * @param busyPollUs yield window of the parking strategy, microseconds.
     * @param settle    stage 1.
     * @param journal   stage 2.
     * @param reply     stage 3.
     * @param counters  gateway counters (handler errors).
     */
    public PipelineWiring(final int ringSize, final int threads, final PipelineIdleStrategy idle, final NanoClock idleClock,
        final int busyPollUs, final SettleHandler settle,
        final JournalHandler journal, final ReplyHandler reply, final GatewayCounters counters)
    {
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ring size must be a power of two: " + ringSize);
        }
        disruptor = new Disruptor<>(PipelineSlot::new, ringSize, stageThreads(), ProducerType.MULTI, waitStrategy(idle, idleClock, busyPollUs,
            threads == 1 ? journal::doIdleWork : null)); // one thread: the waiting stage owns the ledger writer
        final SlotExceptionHandler errors = new SlotExceptionHandler(
            CountedErrorHandler.logging("pipeline", counters, GatewayCounter.HANDLER_ERRORS));
        if (threads == 1)
        {
            // 1+2+3 on one thread: settle, journal, and at the end of each batch reply to it
            final SingleThreadStages all = new SingleThreadStages(settle, journal, reply, errors, ringSize);
            disruptor.handleEventsWith(all);
            disruptor.handleExceptionsFor(all).with(errors);
        }
        else
        {
            // 1. settle (S), 2. journal (J) after S, 3. reply (R) after J
            disruptor.handleEventsWith(settle).then(journal).then(reply);
            disruptor.handleExceptionsFor(settle).with(errors);
            disruptor.handleExceptionsFor(journal).with(errors);
            disruptor.handleExceptionsFor(reply).with(errors);
        }
        ring = disruptor.start();
    }

    /** @return the ring the I/O threads publish into. */
    public RingBuffer<PipelineSlot> ring()
    {
        return ring;
    }

    /**
     * Publishes a snapshot slot (any thread; the ring is multi-producer).
     *
     * @param request the snapshot.
     * @return false when the ring is full (nothing published).
     */
    public boolean tryPublishSnapshot(final SnapshotRequest request)
    {
        return ring.tryPublishEvent(SNAPSHOT_TRANSLATOR, request);
    }

    /** @return slots published and not yet released by the reply stage. */
    public long occupancy()
    {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    /**
     * Waits until every published slot has been answered, then stops the stages.
     *
     * @param timeoutMs how long to wait for the drain.
     * @return true if drained in time.
     */
    public boolean drainAndStop(final long timeoutMs)
    {
        try
        {
            disruptor.shutdown(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        }
        catch (final TimeoutException ex)
        {
            disruptor.halt();
            return false;
        }
    }

    @Override
    public void close()
    {
        drainAndStop(10_000);
    }

    static WaitStrategy waitStrategy(final PipelineIdleStrategy idle, final NanoClock clock, final int busyPollUs,
        final IntSupplier idleWork)
    {
        switch (idle)
        {
            case BUSY_SPIN: return new BusySpinWaitStrategy();
            case YIELDING: return new YieldingWaitStrategy();
            case SLEEPING: return new SleepingWaitStrategy();
            case BACKOFF: return PhasedBackoffWaitStrategy.withLiteLock(10, 100, TimeUnit.MICROSECONDS);
            case BLOCKING: return new BlockingWaitStrategy();
            case PARKING:
            default: return new ParkingWaitStrategy(clock, busyPollUs * 1_000L, idleWork);
        }
    }

    private static ThreadFactory stageThreads()
    {
        final AtomicInteger n = new AtomicInteger();
        return r ->
        {
            final int i = n.getAndIncrement();
            final Thread t = new Thread(r, i < STAGE_NAMES.length ? STAGE_NAMES[i] : "medgw-stage-" + i);
            t.setDaemon(true);
            return t;
        };
    }
}
