package io.medgw.ledger;

import java.io.IOException;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.record.LedgerRecordEncoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.util.MicroTouched;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;
import org.agrona.ExpandableArrayBuffer;

/**
 * The Chronicle Queue {@link LedgerWriter}: encodes a record once into a reused heap buffer, then
 * copies the raw bytes into one excerpt inside a try-with-resources document context (rolled back
 * on failure). Owns the appender; used by one thread (the one that called {@link Ledger#writer()}).
 */
final class ChronicleLedgerWriter implements LedgerWriter, AutoCloseable
{
    private static final int INITIAL_CAPACITY = 16 * 1024;
    private static final long PAGE_BYTES = 4096;
    /** How far ahead of the write position {@link #doIdleWork()} keeps pages touched (~700 records). */
    private static final long TOUCH_AHEAD_BYTES = 2L << 20;
    /** Pages one {@link #doIdleWork()} call touches at most, so an idle call stays short. */
    private static final int TOUCH_PAGES_PER_CALL = 64;

    private final ExcerptAppender appender;
    private final CycleFileSync sync;
    private final LedgerRecordEncoder encoder = new LedgerRecordEncoder();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_CAPACITY);
    private long sequence;
    private long touchedTo;
    private int touchedCycle = Integer.MIN_VALUE;
    private Throwable failure;
    private boolean closed;

    /**
     * @param appender     a fresh appender, created on the writing thread.
     * @param sync         forces files in FSYNC mode, or null in PROCESS mode.
     * @param lastSequence sequence of the last record already in the queue (0 when empty).
     */
    ChronicleLedgerWriter(final ExcerptAppender appender, final CycleFileSync sync, final long lastSequence)
    {
        this.appender = appender;
        this.sync = sync;
        this.sequence = lastSequence;
    }

    @Override
    public long append(final SettlementRequest req, final SettlementResult res, final long nowEpochMs)
    {
        checkUsable();
        final int length = encoder.wrap(buffer, 0).encode(sequence + 1, nowEpochMs, req, res);
        final long index;
        try
        {
            index = write(length);
            if (sync != null)
            {
                sync.onAppended(appender);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            failure = ex;
            throw new LedgerException("ledger append failed", ex);
        }
        sequence++;
        return index;
    }

    private long write(final int length)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            try
            {
                dc.wire().bytes().write(buffer.byteArray(), 0, length);
                return dc.index();
            }
            catch (final RuntimeException | Error ex)
            {
                dc.rollbackOnClose();
                throw ex;
            }
        }
    }

    @Override
    public void endOfBatch()
    {
        checkUsable();
        if (sync != null)
        {
            try
            {
                sync.force();
            }
            catch (final IOException | RuntimeException ex)
            {
                failure = ex;
                throw new LedgerException("ledger fsync failed", ex);
            }
        }
        // Touch the pages the next records will land on now, between batches, so an append does not
        // take the page fault (Chronicle's open-source micro-toucher; the background pretoucher is
        // not in the open-source build).
        if (appender instanceof MicroTouched)
        {
            ((MicroTouched)appender).microTouch();
        }
    }

    @Override
    public int doIdleWork()
    {
        if (closed || failure != null)
        {
            return 0;
        }
        final Wire wire = appender.wire();
        if (wire == null)
        {
            return 0; // nothing appended yet: no file mapped
        }
        final Bytes<?> bytes = wire.bytes();
        final BytesStore<?, ?> chunk = bytes.bytesStore();
        final long position = bytes.writePosition();
        final int cycle = appender.cycle();
        if (cycle != touchedCycle || touchedTo < position)
        {
            touchedCycle = cycle;
            touchedTo = (position + PAGE_BYTES - 1) & -PAGE_BYTES;
        }
        final long end = position + TOUCH_AHEAD_BYTES;
        int touched = 0;
        while (touched < TOUCH_PAGES_PER_CALL && touchedTo < end && chunk.inside(touchedTo, Long.BYTES))
        {
            chunk.compareAndSwapLong(touchedTo, 0L, 0L);
            touchedTo += PAGE_BYTES;
            touched++;
        }
        return touched;
    }

    /** @return group-commit forces so far (0 in PROCESS mode). */
    long forceCount()
    {
        return sync == null ? 0 : sync.forceCount();
    }

    /** @return the cycle whose file the FSYNC mode holds open, or {@code Integer.MIN_VALUE}. */
    int syncedCycle()
    {
        return sync == null ? Integer.MIN_VALUE : sync.cycle();
    }

    /** @return the sequence of the last record appended (0 if none). */
    long sequence()
    {
        return sequence;
    }

    private void checkUsable()
    {
        if (closed)
        {
            throw new LedgerException("ledger writer is closed", null);
        }
        if (failure != null)
        {
            throw new LedgerException("ledger writer failed earlier; refusing to continue", failure);
        }
    }

    /** Forces (FSYNC mode) and releases the file channel and the appender. Idempotent. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (sync != null)
            {
                sync.close(failure == null);
            }
        }
        catch (final IOException ex)
        {
            throw new LedgerException("ledger fsync on close failed", ex);
        }
        finally
        {
            appender.close();
        }
    }
}
