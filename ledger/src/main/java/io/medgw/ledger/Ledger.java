package io.medgw.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.medgw.ledger.record.LedgerFormatException;
import io.medgw.ledger.record.LedgerRecordDecoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;

/**
 * The settlement ledger: a Chronicle Queue of binary records ({@link io.medgw.ledger.record}), one
 * file per day, the gateway's source of truth. Hands out one {@link LedgerWriter} and any number
 * of {@link LedgerReader}s, and closes them all (then the queue) on {@link #close()}.
 * <p>
 * <b>Threading.</b> {@link #writer()} must be called on the thread that will append (Chronicle
 * appenders are single-threaded); each reader is used by one thread; open/close from the owner.
 * On open, the sequence of the last valid record is recovered so sequences stay dense across
 * restarts (a torn tail record still consumes its sequence number).
 */
public final class Ledger implements AutoCloseable
{
    private static final long DAY_MS = 86_400_000L;

    private final LedgerContext ctx;
    private final SingleChronicleQueue queue;
    private final long recoveredSequence;
    private final List<ChronicleLedgerReader> readers = new ArrayList<>();
    private ChronicleLedgerWriter writer;
    private boolean closed;

    private Ledger(final LedgerContext ctx)
    {
        this.ctx = ctx;
        this.queue = buildQueue(ctx);
        try
        {
            this.recoveredSequence = findLastSequence(queue);
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw ex;
        }
    }

    /**
     * Opens (creating when writable and missing) the ledger in {@code ctx.dir()}.
     *
     * @param ctx the configuration; concluded here if it was not.
     * @return the open ledger.
     */
    public static Ledger open(final LedgerContext ctx)
    {
        return new Ledger(ctx.conclude());
    }

    private static SingleChronicleQueue buildQueue(final LedgerContext ctx)
    {
        final RollCycle rollCycle = ctx.rollCycle();
        final SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.binary(ctx.dir().toFile())
            .rollCycle(rollCycle)
            .timeProvider(new EpochClockTimeProvider(ctx.epochClock()))
            .readOnly(ctx.readOnly());
        if (rollCycle.lengthInMillis() % DAY_MS == 0)
        {
            builder.epoch(rollEpochMs(ctx));
        }
        return builder.build();
    }

    /**
     * The roll epoch that starts each daily cycle at midnight in the context's zone. Chronicle's
     * open-source build refuses {@code rollTime(time, zone)} for a zone other than UTC ("Enterprise
     * feature"), but accepts an epoch offset: {@code -offset} makes the cycle number the zone's
     * local epoch day. The zone's standard offset at the clock's current time is used (a zone with
     * daylight saving would roll at standard-time midnight; China has none).
     */
    static long rollEpochMs(final LedgerContext ctx)
    {
        final ZoneOffset offset = ctx.rollTimeZone().getRules()
            .getStandardOffset(Instant.ofEpochMilli(ctx.epochClock().time()));
        return -offset.getTotalSeconds() * 1000L;
    }

    private static long findLastSequence(final SingleChronicleQueue queue)
    {
        final LedgerRecordDecoder decoder = new LedgerRecordDecoder();
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16 * 1024);
        long skipped = 0;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return skipped;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final int length = (int)bytes.readRemaining();
                    buffer.checkLimit(length);
                    bytes.read(buffer.byteArray(), 0, length);
                    try
                    {
                        decoder.wrap(buffer, 0, length).verify();
                        return decoder.sequence() + skipped;
                    }
                    catch (final LedgerFormatException | IndexOutOfBoundsException ex)
                    {
                        skipped++;
                    }
                }
            }
        }
    }

    /**
     * Returns the ledger's single writer, creating its appender on the calling thread the first time.
     *
     * @return the writer.
     * @throws IllegalStateException when the ledger is read-only or closed.
     */
    public synchronized LedgerWriter writer()
    {
        checkOpen();
        if (ctx.readOnly())
        {
            throw new IllegalStateException("ledger opened read-only: " + ctx.dir());
        }
        if (writer == null)
        {
            final CycleFileSync sync = ctx.durability() == Durability.FSYNC ? new CycleFileSync(ctx.dir()) : null;
            writer = new ChronicleLedgerWriter(queue.createAppender(), sync, recoveredSequence);
        }
        return writer;
    }

    /**
     * Opens a reader at the first record (a plain tailer: it does not remember its position).
     *
     * @return a new reader; close it when done (the ledger closes any left open).
     */
    public synchronized LedgerReader reader()
    {
        checkOpen();
        return track(new ChronicleLedgerReader(this, queue.createTailer()));
    }

    /**
     * Opens a named, restartable reader: it resumes after the last record it fully read, even
     * after a restart (Chronicle keeps the position in the queue's metadata).
     *
     * @param name the tailer's name, e.g. {@code "replay"}.
     * @return a new reader; close it when done.
     */
    public synchronized LedgerReader reader(final String name)
    {
        checkOpen();
        return track(new ChronicleLedgerReader(this, queue.createTailer(name)));
    }

    private LedgerReader track(final ChronicleLedgerReader reader)
    {
        readers.add(reader);
        return reader;
    }

    synchronized void onReaderClosed(final ChronicleLedgerReader reader)
    {
        readers.remove(reader);
    }

    /**
     * @return the sequence of the last record written (0 for an empty ledger); exact on the writer's
     * thread, a recent value elsewhere.
     */
    public synchronized long lastSequence()
    {
        return writer != null ? writer.sequence() : recoveredSequence;
    }

    /**
     * @param index a record index.
     * @return the cycle (day number since the roll epoch) the index belongs to.
     */
    public int cycleOf(final long index)
    {
        return ctx.rollCycle().toCycle(index);
    }

    /** @return the concluded context. */
    public LedgerContext context()
    {
        return ctx;
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw new IllegalStateException("ledger closed: " + ctx.dir());
        }
    }

    /** Closes the writer (forcing in FSYNC mode), every open reader, then the queue. Idempotent. */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (writer != null)
            {
                writer.close();
            }
        }
        finally
        {
            for (final ChronicleLedgerReader reader : new ArrayList<>(readers))
            {
                reader.close();
            }
            queue.close();
        }
    }
}
