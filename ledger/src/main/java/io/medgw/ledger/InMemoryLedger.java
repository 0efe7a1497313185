package io.medgw.ledger;

import java.util.ArrayList;
import java.util.List;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.record.LedgerFormatException;
import io.medgw.ledger.record.LedgerRecordDecoder;
import io.medgw.ledger.record.LedgerRecordEncoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Testing only (allocates a {@code byte[]} per append): a {@link LedgerWriter} that keeps the
 * encoded records in memory, for tests of the gateway and replay that need no files. Records go
 * through the real {@link LedgerRecordEncoder}, so what a test reads back is what the file format
 * carries. Indexes are 0, 1, 2, ...; sequences 1, 2, 3, .... Can be told to fail appends or
 * commits to drive the E9002 path. Not thread-safe: one writer thread, readers after it.
 */
public final class InMemoryLedger implements LedgerWriter
{
    private final List<byte[]> records = new ArrayList<>();
    private final LedgerRecordEncoder encoder = new LedgerRecordEncoder();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16 * 1024);
    private int committed;
    private long endOfBatchCount;
    private boolean failAppends;
    private boolean failCommits;

    @Override
    public long append(final SettlementRequest req, final SettlementResult res, final long nowEpochMs)
    {
        if (failAppends)
        {
            throw new LedgerException("injected append failure", null);
        }
        final int length = encoder.wrap(buffer, 0).encode(records.size() + 1L, nowEpochMs, req, res);
        final byte[] copy = new byte[length];
        buffer.getBytes(0, copy);
        records.add(copy);
        return records.size() - 1L;
    }

    /** @return 0: there is no file to pre-fault. */
    @Override
    public int doIdleWork()
    {
        return 0;
    }

    @Override
    public void endOfBatch()
    {
        if (failCommits)
        {
            throw new LedgerException("injected fsync failure", null);
        }
        endOfBatchCount++;
        committed = records.size();
    }

    /** @param fail true to make every later append throw {@link LedgerException}. @return this. */
    public InMemoryLedger failAppends(final boolean fail)
    {
        failAppends = fail;
        return this;
    }

    /** @param fail true to make every later endOfBatch throw {@link LedgerException}. @return this. */
    public InMemoryLedger failCommits(final boolean fail)
    {
        failCommits = fail;
        return this;
    }

    /** @return records appended. */
    public int size()
    {
        return records.size();
    }

    /** @return records covered by an endOfBatch (what a machine crash would keep in FSYNC mode). */
    public int committed()
    {
        return committed;
    }

    /** @return how many times endOfBatch was called. */
    public long endOfBatchCount()
    {
        return endOfBatchCount;
    }

    /** @param index a record index. @return a copy of the record's raw bytes. */
    public byte[] rawRecord(final int index)
    {
        return records.get(index).clone();
    }

    /** @return a reader over the records appended so far (and later ones). */
    public LedgerReader reader()
    {
        return new Reader();
    }

    private final class Reader implements LedgerReader
    {
        private final LedgerRecordDecoder decoder = new LedgerRecordDecoder();
        private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
        private final SettlementRequest ownRequest = new SettlementRequest();
        private final SettlementResult ownResult = new SettlementResult();
        private int position;
        private long lastIndex = -1;

        @Override
        public boolean next(final SettlementRequest req, final SettlementResult res)
        {
            if (position >= records.size())
            {
                return false;
            }
            final int index = position++;
            lastIndex = index;
            final byte[] record = records.get(index);
            view.wrap(record);
            try
            {
                decoder.wrap(view, 0, record.length).decode(req, res);
            }
            catch (final LedgerFormatException ex)
            {
                throw new LedgerFormatException(index, ex);
            }
            return true;
        }

        @Override
        public boolean readAt(final long index, final SettlementRequest req, final SettlementResult res)
        {
            if (index < 0 || index >= records.size())
            {
                return false;
            }
            position = (int)index;
            return next(req, res);
        }

        @Override
        public boolean moveAfter(final long index)
        {
            if (index < 0 || index >= records.size())
            {
                return false;
            }
            position = (int)index + 1;
            return true;
        }

        @Override
        public void toStart()
        {
            position = 0;
        }

        @Override
        public long forEach(final LedgerRecordHandler handler)
        {
            long count = 0;
            while (next(ownRequest, ownResult))
            {
                handler.onRecord(lastIndex, lastSequence(), lastAppendTimeMs(), ownRequest, ownResult);
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
            return lastIndex < 0 ? 0 : decoder.sequence();
        }

        @Override
        public long lastAppendTimeMs()
        {
            return lastIndex < 0 ? 0 : decoder.appendTimeMs();
        }

        @Override
        public int lastFlags()
        {
            return lastIndex < 0 ? 0 : decoder.flags();
        }

        @Override
        public void close()
        {
            position = records.size();
        }
    }
}
