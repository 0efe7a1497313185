package io.medgw.ledger;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import net.openhft.chronicle.core.io.AbstractCloseable;
import net.openhft.chronicle.core.io.AbstractReferenceCounted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hygiene for every Chronicle-backed test: a temp directory per test, a global timeout, and a
 * check that every queue, appender, tailer and mapped file was closed and released.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class LedgerTestSupport
{
    @TempDir
    Path dir;

    @BeforeEach
    void enableTracing()
    {
        AbstractCloseable.enableCloseableTracing();
        AbstractReferenceCounted.enableReferenceTracing();
    }

    @AfterEach
    void assertEverythingReleased()
    {
        try
        {
            AbstractCloseable.assertCloseablesClosed();
            AbstractReferenceCounted.assertReferencesReleased();
        }
        finally
        {
            AbstractCloseable.disableCloseableTracing();
            AbstractReferenceCounted.disableReferenceTracing();
        }
    }

    /** A mutable clock for rolling cycles. */
    static final class TestClock implements org.agrona.concurrent.EpochClock
    {
        long timeMs;

        TestClock(final long timeMs)
        {
            this.timeMs = timeMs;
        }

        @Override
        public long time()
        {
            return timeMs;
        }
    }
}
