package io.medgw.gateway.snapshot;

import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayCounters;
import io.medgw.ledger.snapshot.Snapshot;
import io.medgw.ledger.snapshot.SnapshotStore;
import org.agrona.concurrent.EpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Takes the gateway's snapshots, so that a restart reads the newest one and replays only the
 * ledger records after it:
 * <ul>
 * <li>while running, every {@code snapshot.every.records} ledger records: the snapshot thread checks
 * once a second and publishes a {@link SnapshotRequest} into the ring; the settle thread captures
 * the payload in memory (the pipeline waits meanwhile: about 2 s per million settlements known, see
 * docs/operations.md), the snapshot thread writes and commits it;</li>
 * <li>on request ({@code POST /admin/snapshot});</li>
 * <li>at a graceful stop, after the ring has drained: {@link #takeAtStop}.</li>
 * </ul>
 * One snapshot at a time. A snapshot that cannot be written is counted and logged; the gateway goes
 * on (the ledger is still the source of truth; only the next restart is slower).
 */
public final class SnapshotTaker implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTaker.class);

    private final SnapshotStore store;
    private final StateSnapshots snapshots;
    private final long everyRecords;
    private final EpochClock clock;
    private final GatewayCounters counters;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "medgw-snapshot");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private Predicate<SnapshotRequest> publisher;
    private LongSupplier journaledSequence;
    private volatile long coveredSequence;

    /**
     * @param store           where snapshots go.
     * @param snapshots       the state and desk to write.
     * @param everyRecords    ledger records between two snapshots while running (0: none while running).
     * @param coveredSequence ledger sequence the newest snapshot on disk covers (0: none).
     * @param clock           creation times.
     * @param counters        {@code medgw_snapshots_total}.
     */
    public SnapshotTaker(final SnapshotStore store, final StateSnapshots snapshots, final long everyRecords,
        final long coveredSequence, final EpochClock clock, final GatewayCounters counters)
    {
        this.store = store;
        this.snapshots = snapshots;
        this.everyRecords = everyRecords;
        this.coveredSequence = coveredSequence;
        this.clock = clock;
        this.counters = counters;
    }

    /**
     * Starts the periodic check (when {@code everyRecords > 0}).
     *
     * @param publisher         publishes a request into the ring; false when the ring is full.
     * @param journaledSequence the ledger sequence of the last record appended (any thread).
     * @return this.
     */
    public SnapshotTaker start(final Predicate<SnapshotRequest> publisher, final LongSupplier journaledSequence)
    {
        this.publisher = publisher;
        this.journaledSequence = journaledSequence;
        if (everyRecords > 0)
        {
            thread.scheduleWithFixedDelay(this::requestIfDue, 1, 1, TimeUnit.SECONDS);
        }
        return this;
    }

    /** @return true when a snapshot was requested now; false when one is in progress or the ring is full. */
    public boolean request()
    {
        if (publisher == null || !inFlight.compareAndSet(false, true))
        {
            return false;
        }
        if (!publisher.test(new SnapshotRequest(this)))
        {
            inFlight.set(false);
            return false;
        }
        return true;
    }

    /** @return the ledger sequence the newest snapshot covers (0: none). */
    public long coveredSequence()
    {
        return coveredSequence;
    }

    private void requestIfDue()
    {
        if (journaledSequence.getAsLong() - coveredSequence >= everyRecords)
        {
            request();
        }
    }

    void capture(final SnapshotRequest r)
    {
        final long t0 = System.nanoTime();
        try
        {
            r.captured = snapshots.capture(store);
        }
        catch (final IOException | RuntimeException ex)
        {
            r.failure = ex;
        }
        r.captureNs = System.nanoTime() - t0;
    }

    void commitLater(final SnapshotRequest r)
    {
        try
        {
            thread.execute(() -> commit(r));
        }
        catch (final RejectedExecutionException ex)
        {
            if (r.captured != null)
            {
                r.captured.pending().free();
            }
            inFlight.set(false); // stopping: the stop takes its own snapshot
        }
    }

    private void commit(final SnapshotRequest r)
    {
        try
        {
            if (r.failure != null || r.captured == null)
            {
                fail("could not be written", r.failure);
            }
            else if (r.ledgerFailed)
            {
                r.captured.pending().free();
                fail("dropped: the ledger has failed", null);
            }
            else if (r.ledgerIndex < 0 || r.ledgerSequence <= coveredSequence)
            {
                r.captured.pending().free();
                LOG.info("snapshot not written: the ledger has no record since the last snapshot (ledger record {})",
                    coveredSequence); // say so: POST /admin/snapshot promised a log line
            }
            else
            {
                final long t0 = System.nanoTime();
                final Snapshot s = store.commit(r.captured.pending(), r.ledgerIndex, r.ledgerSequence, r.ledgerAppendMs,
                    r.captured.stateDigest(), r.captured.deskDigest(), clock.time());
                written(s, r.captureNs, System.nanoTime() - t0);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            fail("could not be committed", ex);
        }
        finally
        {
            inFlight.set(false);
        }
    }

    /**
     * At a graceful stop, once the pipeline has stopped (the caller is then the state's only user):
     * waits for a snapshot in progress, then writes one covering the ledger's end if it is newer.
     *
     * @param lastIndex    index of the last record in the ledger (-1: none).
     * @param lastSequence its sequence.
     * @param lastAppendMs its append time.
     * @param timeoutMs    how long to wait for a snapshot in progress.
     */
    public void takeAtStop(final long lastIndex, final long lastSequence, final long lastAppendMs, final long timeoutMs)
    {
        close(timeoutMs);
        if (lastIndex < 0 || lastSequence <= coveredSequence)
        {
            return;
        }
        try
        {
            final long t0 = System.nanoTime();
            final StateSnapshots.Captured c = snapshots.capture(store);
            final long captureNs = System.nanoTime() - t0;
            final long t1 = System.nanoTime();
            final Snapshot s = store.commit(c.pending(), lastIndex, lastSequence, lastAppendMs, c.stateDigest(), c.deskDigest(), clock.time());
            written(s, captureNs, System.nanoTime() - t1);
        }
        catch (final IOException | RuntimeException ex)
        {
            fail("at stop could not be written", ex);
        }
    }

    private void written(final Snapshot s, final long captureNs, final long commitNs)
    {
        coveredSequence = s.ledgerSequence();
        counters.increment(GatewayCounter.SNAPSHOTS_WRITTEN);
        LOG.info("snapshot {} written: state up to ledger record {}, {} KiB, payload in {} ms, committed in {} ms",
            s.path().getFileName(), s.ledgerSequence(), s.payloadLength() >> 10, captureNs / 1_000_000, commitNs / 1_000_000);
    }

    private void fail(final String what, final Exception ex)
    {
        counters.increment(GatewayCounter.SNAPSHOT_FAILURES);
        LOG.warn("snapshot {} (the next restart replays more of the ledger)", what, ex);
    }

    private void close(final long timeoutMs)
    {
        thread.shutdown();
        try
        {
            if (!thread.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS))
            {
                thread.shutdownNow();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close()
    {
        close(10_000);
    }
}
