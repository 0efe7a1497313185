package io.medgw.gateway.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * All of the gateway's meters in one Prometheus registry: the {@link GatewayCounters}, the
 * per-infno {@link RequestMeters}, and the {@link GatewayGauge}s wired at startup. Everything is
 * created once; scraping ({@link #scrape()}) runs on the admin thread.
 */
public final class GatewayMetrics implements AutoCloseable
{
    private final PrometheusMeterRegistry registry;
    private final GatewayCounters counters;
    private final RequestMeters requests;
    private final LedgerMeters ledger;
    private final Set<GatewayGauge> registeredGauges = EnumSet.noneOf(GatewayGauge.class);
    private JvmGcMetrics gcMetrics;

    /** A fresh registry with the default infno set. */
    public GatewayMetrics()
    {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), RequestMeters.DEFAULT_INFNOS);
    }

    /**
     * @param registry the registry to fill.
     * @param infnos transaction numbers that get their own outcome series.
     */
    public GatewayMetrics(final PrometheusMeterRegistry registry, final int[] infnos)
    {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.counters = new GatewayCounters(registry);
        this.requests = new RequestMeters(registry, counters, infnos);
        this.ledger = new LedgerMeters(registry);
    }

    /** @return the ledger append and end-of-batch timers. */
    public LedgerMeters ledger()
    {
        return ledger;
    }

    /**
     * Registers a gauge; call once per gauge at startup.
     *
     * @param gauge which.
     * @param supplier thread-safe, cheap sampler (called on the scrape thread).
     * @throws IllegalStateException if the gauge was already registered.
     */
    public synchronized void gauge(final GatewayGauge gauge, final LongSupplier supplier)
    {
        Objects.requireNonNull(supplier, "supplier");
        if (!registeredGauges.add(gauge))
        {
            throw new IllegalStateException("gauge registered twice: " + gauge);
        }
        // Strong reference: suppliers are usually method references nobody else holds (Micrometer keeps gauges weakly).
        Gauge.builder(gauge.meterName(), supplier, LongSupplier::getAsLong).description(gauge.label()).strongReference(true)
            .register(registry);
    }

    /** Adds JVM memory, GC, thread, CPU and uptime meters (once, from the main). */
    public synchronized void bindJvmMetrics()
    {
        if (gcMetrics == null)
        {
            new JvmMemoryMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            gcMetrics = new JvmGcMetrics();
            gcMetrics.bindTo(registry);
        }
    }

    /** @return the registry. */
    public PrometheusMeterRegistry registry()
    {
        return registry;
    }

    /** @return the enum counters. */
    public GatewayCounters counters()
    {
        return counters;
    }

    /** @return per-infno outcomes and latency. */
    public RequestMeters requests()
    {
        return requests;
    }

    /** @return the Prometheus text exposition (allocates: admin thread only). */
    public String scrape()
    {
        return registry.scrape();
    }

    /** Releases the GC listeners and closes the registry. */
    public synchronized void close()
    {
        if (gcMetrics != null)
        {
            gcMetrics.close();
            gcMetrics = null;
        }
        registry.close();
    }

    /**
     * A latency timer published as a Prometheus histogram (quantiles come from its buckets).
     *
     * @param registry    where.
     * @param name        the meter name ({@code medgw.….latency}).
     * @param description what one sample measures.
     * @param min         the smallest latency expected.
     * @param max         the largest latency expected.
     * @return the registered timer.
     */
    static Timer latencyHistogram(final MeterRegistry registry, final String name, final String description,
        final Duration min, final Duration max)
    {
        return Timer.builder(name).description(description).publishPercentileHistogram()
            .minimumExpectedValue(min).maximumExpectedValue(max).register(registry);
    }
}
