package io.medgw.gateway.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ledger timings, recorded by the journal handler: each append ({@code medgw.ledger.append.latency})
 * and each end of batch ({@code medgw.ledger.batch.latency}: the fsync in {@code fsync} durability,
 * the page micro-touch in {@code process}). Prometheus histograms, so a dashboard can show the
 * append p99 a reconciliation operator's "written" depends on. Recording does not allocate.
 */
public final class LedgerMeters
{
    private final Timer append;
    private final Timer endOfBatch;

    LedgerMeters(final MeterRegistry registry)
    {
        append = GatewayMetrics.latencyHistogram(registry, "medgw.ledger.append.latency",
            "one ledger append (encode and write into the queue), per record", Duration.ofNanos(500), Duration.ofSeconds(1));
        endOfBatch = GatewayMetrics.latencyHistogram(registry, "medgw.ledger.batch.latency",
            "end of a batch of appends: the fsync in fsync durability, per batch", Duration.ofNanos(500),
            Duration.ofSeconds(10));
    }

    /** @param ns how long one append took. */
    public void onAppend(final long ns)
    {
        append.record(ns, TimeUnit.NANOSECONDS);
    }

    /** @param ns how long one end of batch took. */
    public void onEndOfBatch(final long ns)
    {
        endOfBatch.record(ns, TimeUnit.NANOSECONDS);
    }

    /** @return the append timer (tests). */
    public Timer appendTimer()
    {
        return append;
    }
}
