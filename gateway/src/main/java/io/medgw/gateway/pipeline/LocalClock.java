package io.medgw.gateway.pipeline;

import org.agrona.concurrent.EpochClock;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The gateway's wall clock in its configured zone, as "local epoch seconds" (the unit inf_time is
 * carried in). The zone's offset is looked up once a minute, not per call.
 */
public final class LocalClock
{
    private final EpochClock epochClock;
    private final ZoneId zone;
    private long offsetValidUntilMs;
    private long offsetSec;

    /** @param epochClock UTC epoch-ms clock. @param zone the gateway's zone. */
    public LocalClock(final EpochClock epochClock, final ZoneId zone)
    {
        this.epochClock = epochClock;
        this.zone = zone;
    }

    /** @return now as local epoch seconds. Single-threaded use. */
    public long nowLocalEpochSec()
    {
        final long ms = epochClock.time();
        if (ms >= offsetValidUntilMs)
        {
            offsetSec = zone.getRules().getOffset(Instant.ofEpochMilli(ms)).getTotalSeconds();
            offsetValidUntilMs = ms + 60_000;
        }
        return Math.floorDiv(ms, 1000) + offsetSec;
    }

    /** @return the UTC epoch-ms clock. */
    public EpochClock epochClock()
    {
        return epochClock;
    }

    /** @return the zone. */
    public ZoneId zone()
    {
        return zone;
    }
}
