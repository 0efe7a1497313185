package io.medgw.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

/**
 * Configuration of a {@link Ledger}: fluent setters, then {@link #conclude()} fills defaults and
 * validates before the queue is opened. Read nothing from system properties here (the gateway's
 * main does that). Not thread-safe; hand it to {@link Ledger#open} once concluded.
 * <p>
 * Defaults: durability {@link Durability#FSYNC}, roll cycle {@link RollCycles#FAST_DAILY} (one
 * file per day), rolling at midnight in {@link ZoneOffset#UTC}, {@link SystemEpochClock}, read-write.
 */
public final class LedgerContext
{
    private Path dir;
    private Durability durability = Durability.FSYNC;
    private RollCycle rollCycle;
    private ZoneId rollTimeZone;
    private EpochClock epochClock;
    private boolean readOnly;
    private boolean concluded;

    /**
     * Preset for the gateway: group-committed fsync, daily files rolling at midnight in {@code zone}.
     *
     * @param dir  the ledger directory.
     * @param zone the gateway's time zone.
     * @return a context, not yet concluded.
     */
    public static LedgerContext gateway(final Path dir, final ZoneId zone)
    {
        return new LedgerContext().dir(dir).durability(Durability.FSYNC).rollTimeZone(zone);
    }

    /**
     * Preset for replay and tools: read-only.
     *
     * @param dir the ledger directory (must exist).
     * @return a context, not yet concluded.
     */
    public static LedgerContext replay(final Path dir)
    {
        return new LedgerContext().dir(dir).readOnly(true);
    }

    /**
     * Fills defaults and validates; creates the directory when writable.
     *
     * @return this.
     * @throws IllegalStateException when the directory is missing or not a directory.
     */
    public LedgerContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(durability, "durability");
        if (rollCycle == null)
        {
            rollCycle = RollCycles.FAST_DAILY;
        }
        if (rollTimeZone == null)
        {
            rollTimeZone = ZoneOffset.UTC;
        }
        if (epochClock == null)
        {
            epochClock = SystemEpochClock.INSTANCE;
        }
        if (readOnly)
        {
            if (!Files.isDirectory(dir))
            {
                throw new IllegalStateException("ledger directory does not exist: " + dir);
            }
        }
        else
        {
            try
            {
                Files.createDirectories(dir);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot create ledger directory " + dir, ex);
            }
        }
        concluded = true;
        return this;
    }

    /** @param dir the directory holding the queue's cycle files. @return this. */
    public LedgerContext dir(final Path dir)
    {
        this.dir = dir;
        return this;
    }

    /** @return the queue directory. */
    public Path dir()
    {
        return dir;
    }

    /** @param durability what endOfBatch guarantees. @return this. */
    public LedgerContext durability(final Durability durability)
    {
        this.durability = durability;
        return this;
    }

    /** @return what endOfBatch guarantees. */
    public Durability durability()
    {
        return durability;
    }

    /** @param rollCycle the Chronicle roll cycle (a daily one in production). @return this. */
    public LedgerContext rollCycle(final RollCycle rollCycle)
    {
        this.rollCycle = rollCycle;
        return this;
    }

    /** @return the roll cycle. */
    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    /** @param rollTimeZone zone whose midnight starts a new cycle file. @return this. */
    public LedgerContext rollTimeZone(final ZoneId rollTimeZone)
    {
        this.rollTimeZone = rollTimeZone;
        return this;
    }

    /** @return zone whose midnight starts a new cycle file. */
    public ZoneId rollTimeZone()
    {
        return rollTimeZone;
    }

    /** @param epochClock the clock that decides the cycle (inject a test clock to roll). @return this. */
    public LedgerContext epochClock(final EpochClock epochClock)
    {
        this.epochClock = epochClock;
        return this;
    }

    /** @return the clock that decides the cycle. */
    public EpochClock epochClock()
    {
        return epochClock;
    }

    /** @param readOnly true to open for reading only (no writer). @return this. */
    public LedgerContext readOnly(final boolean readOnly)
    {
        this.readOnly = readOnly;
        return this;
    }

    /** @return true when opened for reading only. */
    public boolean readOnly()
    {
        return readOnly;
    }
}
