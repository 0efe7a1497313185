package io.medgw.gateway.status;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link GatewayCounter}s, each backed by a {@link LongAdder} and bound to one Micrometer
 * {@link FunctionCounter} at construction. Incrementing never touches the registry and allocates
 * nothing after warm-up; keep {@link #adder(GatewayCounter)} in a field on hot paths. Thread-safe:
 * any thread may increment.
 */
public final class GatewayCounters
{
    private final LongAdder[] adders = new LongAdder[GatewayCounter.values().length];

    /**
     * Creates every counter and registers its meter.
     *
     * @param registry where the meters live.
     */
    public GatewayCounters(final MeterRegistry registry)
    {
        for (final GatewayCounter c : GatewayCounter.values())
        {
            final LongAdder adder = new LongAdder();
            adders[c.ordinal()] = adder;
            final FunctionCounter.Builder<LongAdder> b = FunctionCounter.builder(c.meterName(), adder, LongAdder::sum)
                .description(c.label());
            if (c.tagKey() != null)
            {
                b.tag(c.tagKey(), c.tagValue());
            }
            b.register(registry);
        }
    }

    /** @param counter which. @return its adder, to keep in a field. */
    public LongAdder adder(final GatewayCounter counter)
    {
        return adders[counter.ordinal()];
    }

    /** @param counter which to increment by one. */
    public void increment(final GatewayCounter counter)
    {
        adders[counter.ordinal()].increment();
    }

    /** @param counter which. @param delta amount to add. */
    public void add(final GatewayCounter counter, final long delta)
    {
        adders[counter.ordinal()].add(delta);
    }

    /** @param counter which. @return its current value. */
    public long get(final GatewayCounter counter)
    {
        return adders[counter.ordinal()].sum();
    }

    /** @return the sum of every counter flagged {@link GatewayCounter#isError()}. */
    public long errorTotal()
    {
        long total = 0;
        for (final GatewayCounter c : GatewayCounter.values())
        {
            if (c.isError())
            {
                total += get(c);
            }
        }
        return total;
    }
}
