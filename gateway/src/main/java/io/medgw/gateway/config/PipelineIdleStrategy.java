package io.medgw.gateway.config;

/**
 * How an idle pipeline thread waits for work: a deployment choice, never hard-coded in a handler.
 * The pipeline maps each name onto its Disruptor wait strategy / Agrona idle strategy.
 * <p>
 * Spinning strategies keep a core busy per pipeline thread and only pay off with dedicated cores.
 * Note the time-to-safepoint caveat of spinning in counted loops: a thread that spins without a
 * safepoint poll delays every stop-the-world pause of the JVM.
 */
public enum PipelineIdleStrategy
{
    /** Spin on the sequence: lowest latency, one full core per waiting thread. */
    BUSY_SPIN("busy-spin"),
    /** Spin, then {@code Thread.yield()}: low latency, cores stay busy but can be shared. */
    YIELDING("yielding"),
    /** Spin, yield, then park for short periods (Linux rounds each up to ~50 µs): no cost to the publisher. */
    SLEEPING("sleeping"),
    /**
     * The default: spin briefly, yield for pipeline.busy.poll.us, then park until the publisher unparks the stage
     * (no lock; a wake-up call only when parked).
     */
    PARKING("parking"),
    /** Spin, yield, then park with growing periods up to a bound. */
    BACKOFF("backoff"),
    /** Lock and condition: least CPU, but the publisher (a Netty event loop) takes a lock. */
    BLOCKING("blocking");

    private final String configName;

    PipelineIdleStrategy(final String configName)
    {
        this.configName = configName;
    }

    /** @return the value used in the configuration file. */
    public String configName()
    {
        return configName;
    }

    /**
     * @param text a configuration value (case-insensitive).
     * @return the matching constant, or null.
     */
    public static PipelineIdleStrategy byConfigName(final String text)
    {
        for (final PipelineIdleStrategy s : values())
        {
            if (s.configName.equalsIgnoreCase(text))
            {
                return s;
            }
        }
        return null;
    }
}
