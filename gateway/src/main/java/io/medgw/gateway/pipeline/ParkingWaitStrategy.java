package io.medgw.gateway.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import org.agrona.concurrent.NanoClock;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * {@code pipeline.idle.strategy = parking}: the first stage spins briefly, yields the core for up to
 * {@code pipeline.busy.poll.us} since it ran out of work, then parks until the publisher unparks it. The publisher (a Netty event loop) pays one volatile read per publish, and a
 * {@code LockSupport.unpark} (one futex wake, no lock) only when the stage is actually parked.
 * <p>
 * Why: {@code sleeping} parks for 100 ns at a time, which Linux rounds up to its 50 µs timer slack;
 * with one request at a time the stage is nearly always parked when a request lands, so every
 * request waited for a random part of that 50 µs. Here it is woken when the slot is published. On a
 * virtual machine the wake-up of a halted vCPU itself costs tens of µs, which is what the yield
 * window avoids: a stage that yields keeps its vCPU running but gives it to any other runnable
 * thread (the event loop, a co-located client), unlike {@code busy-spin}.
 * <p>
 * Only the stage that waits on the ring's cursor (the one stage thread, or settle in the
 * three-thread topology) parks. Later stages wait on the stage before them, which never signals,
 * so they spin, yield and then sleep briefly like {@code sleeping}.
 * <p>
 * Ordering: the stage publishes itself in {@link #waiter} (volatile) and then re-reads the cursor;
 * the publisher advances the cursor (a CAS) before it reads {@link #waiter}. So either the stage
 * sees the new cursor and does not park, or the publisher sees the stage and unparks it. A bounded
 * park ({@value #PARK_BOUND_NS} ns) is a safety net only.
 */
public final class ParkingWaitStrategy implements WaitStrategy
{
    static final int SPIN_TRIES = 200;
    static final int YIELD_TRIES = 100;
    static final long PARK_BOUND_NS = 1_000_000L;
    private static final long DEPENDENT_SLEEP_NS = 100L;

    private final NanoClock clock;
    private final long yieldWindowNs;
    private final IntSupplier idleWork;
    private volatile Thread waiter;

    /**
     * @param clock         time source for the yield window (read once per yield).
     * @param yieldWindowNs how long to yield after running out of work before parking; 0 parks after the spins.
     * @param idleWork      run in the yield window instead of a yield while it reports work done (the
     *                      ledger writer pre-faulting its file); it runs on the waiting stage's thread,
     *                      so pass it only when that thread owns what it touches. May be null.
     */
    public ParkingWaitStrategy(final NanoClock clock, final long yieldWindowNs, final IntSupplier idleWork)
    {
        this.clock = clock;
        this.yieldWindowNs = yieldWindowNs;
        this.idleWork = idleWork;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException
    {
        long available;
        int tries = 0;
        long yieldStartNs = 0;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (tries < SPIN_TRIES)
            {
                tries++;
                Thread.onSpinWait();
            }
            else if (dependentSequence != cursor)
            {
                // a later stage: nobody signals progress of the stage before it
                if (tries++ < SPIN_TRIES + YIELD_TRIES)
                {
                    Thread.yield();
                }
                else
                {
                    LockSupport.parkNanos(DEPENDENT_SLEEP_NS);
                }
            }
            else if (tries++ == SPIN_TRIES)
            {
                yieldStartNs = clock.nanoTime();
            }
            else if (clock.nanoTime() - yieldStartNs < yieldWindowNs)
            {
                if (idleWork == null || idleWork.getAsInt() == 0)
                {
                    Thread.yield();
                }
            }
            else
            {
                park(sequence, cursor, barrier);
            }
        }
        return available;
    }

    private void park(final long sequence, final Sequence cursor, final SequenceBarrier barrier) throws AlertException
    {
        waiter = Thread.currentThread();
        try
        {
            while (cursor.get() < sequence)
            {
                barrier.checkAlert();
                LockSupport.parkNanos(this, PARK_BOUND_NS);
            }
        }
        finally
        {
            waiter = null;
        }
    }

    @Override
    public void signalAllWhenBlocking()
    {
        final Thread w = waiter;
        if (w != null)
        {
            LockSupport.unpark(w);
        }
    }
}
