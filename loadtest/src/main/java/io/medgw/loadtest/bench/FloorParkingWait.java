package io.medgw.loadtest.bench;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * The gateway's default stage wait ({@code pipeline.idle.strategy = parking}), for the one stage that
 * waits on the ring's cursor: spin {@value #SPIN_TRIES} times, yield the core until the yield window
 * has passed since the stage ran out of work, then park until the publisher unparks it. The same
 * parameters as the gateway's package-private {@code ParkingWaitStrategy} (without its idle work, the
 * ledger pre-faulting), so the floor pays the same wake-ups the gateway pays.
 * <p>
 * Ordering: the stage publishes itself in {@link #waiter} and re-reads the cursor; the publisher
 * advances the cursor before it reads {@link #waiter}: either the stage sees the slot or the
 * publisher sees the stage. The bounded park is a safety net only.
 */
public final class FloorParkingWait implements WaitStrategy
{
    private static final int SPIN_TRIES = 200;
    private static final long PARK_BOUND_NS = 1_000_000L;

    private final long yieldWindowNs;
    private volatile Thread waiter;

    /** @param yieldWindowNs how long to yield after running out of work before parking. */
    public FloorParkingWait(final long yieldWindowNs)
    {
        this.yieldWindowNs = yieldWindowNs;
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
            else if (tries++ == SPIN_TRIES)
            {
                yieldStartNs = System.nanoTime();
            }
            else if (System.nanoTime() - yieldStartNs < yieldWindowNs)
            {
                Thread.yield();
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
