package io.medgw.ledger;

import net.openhft.chronicle.core.time.TimeProvider;
import org.agrona.concurrent.EpochClock;

/** Adapts the context's {@link EpochClock} to Chronicle's {@link TimeProvider} (it decides the cycle). */
final class EpochClockTimeProvider implements TimeProvider
{
    private final EpochClock clock;

    EpochClockTimeProvider(final EpochClock clock)
    {
        this.clock = clock;
    }

    @Override
    public long currentTimeMillis()
    {
        return clock.time();
    }
}
