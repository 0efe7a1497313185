package io.medgw.gateway.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.agrona.concurrent.SystemNanoClock;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
final class ParkingWaitStrategyTest
{
    /** A ring slot for the test: one long. */
    static final class Cell
    {
        long value;
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 200_000L})
    void shouldWakeAParkedStageForEveryPublishAndLetLaterStagesFollow(final long yieldWindowNs) throws Exception
    {
        final int count = 200;
        final AtomicLong settledSum = new AtomicLong();
        final AtomicLong repliedSum = new AtomicLong();
        final CountDownLatch replied = new CountDownLatch(count);
        final Disruptor<Cell> disruptor = new Disruptor<>(Cell::new, 64, r -> new Thread(r, "test-stage"),
            ProducerType.MULTI, new ParkingWaitStrategy(SystemNanoClock.INSTANCE, yieldWindowNs, null));
        final EventHandler<Cell> first = (c, seq, end) -> settledSum.addAndGet(c.value);
        final EventHandler<Cell> second = (c, seq, end) ->
        {
            repliedSum.addAndGet(c.value);
            replied.countDown();
        };
        disruptor.handleEventsWith(first).then(second);
        final RingBuffer<Cell> ring = disruptor.start();
        try
        {
            for (int i = 1; i <= count; i++)
            {
                if (i % 20 == 0)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3)); // long enough for the stage to park
                }
                final long v = i;
                assertThat(ring.tryPublishEvent((c, seq) -> c.value = v)).isTrue();
            }
            assertThat(replied.await(10, TimeUnit.SECONDS)).isTrue();
        }
        finally
        {
            disruptor.shutdown(5, TimeUnit.SECONDS);
        }
        assertThat(settledSum.get()).isEqualTo(count * (count + 1L) / 2);
        assertThat(repliedSum.get()).isEqualTo(settledSum.get());
    }

    @Test
    void shouldLetAParkedStageHaltPromptly() throws Exception
    {
        final java.util.concurrent.atomic.AtomicReference<Thread> stage = new java.util.concurrent.atomic.AtomicReference<>();
        final Disruptor<Cell> disruptor = new Disruptor<>(Cell::new, 64, r ->
        {
            final Thread t = new Thread(r, "test-stage");
            stage.set(t);
            return t;
        }, ProducerType.MULTI, new ParkingWaitStrategy(SystemNanoClock.INSTANCE, 200_000L, null));
        disruptor.handleEventsWith((c, seq, end) -> { });
        disruptor.start();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // the stage is parked by now
        disruptor.halt();
        stage.get().join(2_000);
        assertThat(stage.get().isAlive()).isFalse();
    }

    @Test
    void shouldRunIdleWorkOnTheStageThreadWhileWaitingAndStillHandleEvents() throws Exception
    {
        final java.util.concurrent.atomic.AtomicInteger budget = new java.util.concurrent.atomic.AtomicInteger(50);
        final java.util.concurrent.atomic.AtomicReference<String> idleThread = new java.util.concurrent.atomic.AtomicReference<>();
        final CountDownLatch handled = new CountDownLatch(1);
        final Disruptor<Cell> disruptor = new Disruptor<>(Cell::new, 64, r -> new Thread(r, "test-stage"),
            ProducerType.MULTI, new ParkingWaitStrategy(SystemNanoClock.INSTANCE, 50_000_000L, () ->
            {
                idleThread.set(Thread.currentThread().getName());
                return budget.get() > 0 ? budget.decrementAndGet() + 1 : 0; // 50 calls with work, then none
            }));
        disruptor.handleEventsWith((c, seq, end) -> handled.countDown());
        final RingBuffer<Cell> ring = disruptor.start();
        try
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // inside the 50 ms yield window
            assertThat(budget.get()).as("idle work ran until it had nothing left").isZero();
            assertThat(idleThread.get()).isEqualTo("test-stage");
            assertThat(ring.tryPublishEvent((c, seq) -> c.value = 1)).isTrue();
            assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
        }
        finally
        {
            disruptor.shutdown(5, TimeUnit.SECONDS);
        }
    }
}
