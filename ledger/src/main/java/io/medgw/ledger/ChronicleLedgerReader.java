package io.medgw.ledger;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.record.LedgerFormatException;
import io.medgw.ledger.record.LedgerRecordDecoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;

/**
 * The Chronicle Queue {@link LedgerReader} over a plain or named (restartable) tailer. Each record
 * is copied out of the excerpt into a reused heap buffer and decoded there, so nothing refers to
 * the mapped file after the document context closes. A named tailer's position moves only when a
 * document context closes. One thread per reader.
 */
final class ChronicleLedgerReader implements LedgerReader
{
    private final Ledger ledger;
    private final ExcerptTailer tailer;
    private final LedgerRecordDecoder decoder = new LedgerRecordDecoder();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16 * 1024);
    private final SettlementRequest ownRequest = new SettlementRequest();
    private final SettlementResult ownResult = new SettlementResult();
    private long lastIndex = -1;
    private long lastSequence;
    private long lastAppendTimeMs;
    private int lastFlags;
    private boolean closed;

    /**
     * @param ledger that created the reader (told on close).
     * @param tailer a fresh tailer, owned from now on.
     */
    ChronicleLedgerReader(final Ledger ledger, final ExcerptTailer tailer)
    {
        this.ledger = ledger;
        this.tailer = tailer;
    }

    private java.util.function.IntPredicate fullDecodeFor;

    @Override
    public boolean next(final SettlementRequest req, final SettlementResult res)
    {
        final int length;
        final long index;
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            length = (int)bytes.readRemaining();
            buffer.checkLimit(length);
            bytes.read(buffer.byteArray(), 0, length);
            index = dc.index();
        }
        try
        {
            decoder.wrap(buffer, 0, length);
            decoder.decode(req, res, fullDecodeFor == null || fullDecodeFor.test(decoder.type()));
        }
        catch (final LedgerFormatException | IndexOutOfBoundsException ex)
        {
            lastIndex = index;
            throw new LedgerFormatException(index, ex instanceof LedgerFormatException ?
                (LedgerFormatException)ex : new LedgerFormatException(ex.toString()));
        }
        lastIndex = index;
        lastSequence = decoder.sequence();
        lastAppendTimeMs = decoder.appendTimeMs();
        lastFlags = decoder.flags();
        return true;
    }

    @Override
    public boolean readAt(final long index, final SettlementRequest req, final SettlementResult res)
    {
        return tailer.moveToIndex(index) && next(req, res) && lastIndex == index;
    }

    @Override
    public boolean moveAfter(final long index)
    {
        if (!tailer.moveToIndex(index))
        {
            return false;
        }
        try (DocumentContext dc = tailer.readingDocument())
        {
            return dc.isPresent() && dc.index() == index;
        }
    }

    @Override
    public void toStart()
    {
        tailer.toStart();
    }

    @Override
    public long forEach(final LedgerRecordHandler handler)
    {
        long count = 0;
        while (next(ownRequest, ownResult))
        {
            handler.onRecord(lastIndex, lastSequence, lastAppendTimeMs, ownRequest, ownResult);
            count++;
        }
        return count;
    }

    @Override
    public long lastIndex()
    {
        return lastIndex;
    }

    @Override
    public long lastSequence()
    {
        return lastSequence;
    }

    @Override
    public long lastAppendTimeMs()
    {
        return lastAppendTimeMs;
    }

    @Override
    public int lastFlags()
    {
        return lastFlags;
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            tailer.close();
            ledger.onReaderClosed(this);
        }
    }

    @Override
    public LedgerReader fullDecodeOnlyFor(final java.util.function.IntPredicate fullDecodeFor)
    {
        this.fullDecodeFor = fullDecodeFor;
        return this;
    }
}
