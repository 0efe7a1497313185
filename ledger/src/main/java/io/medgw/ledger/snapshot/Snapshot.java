package io.medgw.ledger.snapshot;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One verified snapshot file: the state after applying every ledger record up to and including
 * {@link #ledgerIndex()}. Restart = {@link #read} the state, then replay the ledger from
 * {@code reader.moveAfter(ledgerIndex())}. Immutable.
 */
public final class Snapshot
{
    private final Path path;
    private final long ledgerIndex;
    private final long ledgerSequence;
    private final long ledgerAppendMs;
    private final long createdEpochMs;
    private final long stateDigestHi;
    private final long stateDigestLo;
    private final long payloadLength;
    private final int payloadCrc;

    Snapshot(final Path path, final long ledgerIndex, final long ledgerSequence, final long ledgerAppendMs, final long createdEpochMs,
        final long stateDigestHi, final long stateDigestLo, final long payloadLength, final int payloadCrc)
    {
        this.path = path;
        this.ledgerIndex = ledgerIndex;
        this.ledgerSequence = ledgerSequence;
        this.ledgerAppendMs = ledgerAppendMs;
        this.createdEpochMs = createdEpochMs;
        this.stateDigestHi = stateDigestHi;
        this.stateDigestLo = stateDigestLo;
        this.payloadLength = payloadLength;
        this.payloadCrc = payloadCrc;
    }

    /**
     * Reads the payload's sections, each into its reader: section 0 on the calling thread, the
     * others each on a thread of its own at the same time (a restart's state and desk are
     * independent, and on 2 cores reading both at once is faster). Checks each reader consumed
     * exactly its section and that each section's CRC-32C still matches.
     *
     * @param readers one per section, in the order the sections were written.
     * @throws IOException when the file cannot be read, is damaged, has another number of sections,
     * or a reader failed or read too little (the first such error; the others are suppressed).
     */
    public void read(final SnapshotReader... readers) throws IOException
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            final Section[] sections = sections(channel);
            if (sections.length != readers.length)
            {
                throw new IOException("snapshot " + path.getFileName() + " has " + sections.length +
                    " section(s); the reader expects " + readers.length);
            }
            final IOException[] failures = new IOException[sections.length];
            final Thread[] threads = new Thread[sections.length];
            for (int i = 1; i < sections.length; i++)
            {
                final int s = i;
                threads[i] = new Thread(() -> failures[s] = readSection(channel, sections[s], readers[s], s),
                    "medgw-snapshot-read-" + i);
                threads[i].start();
            }
            failures[0] = readSection(channel, sections[0], readers[0], 0);
            join(threads);
            IOException first = null;
            for (final IOException f : failures)
            {
                if (f != null && first == null)
                {
                    first = f;
                }
                else if (f != null)
                {
                    first.addSuppressed(f);
                }
            }
            if (first != null)
            {
                throw first;
            }
        }
    }

    private record Section(long offset, long length, int crc)
    {
    }

    private Section[] sections(final FileChannel channel) throws IOException
    {
        final DataInputStream table = new DataInputStream(
            new ChannelPayloadInput(channel, SnapshotFormat.HEADER_LENGTH, payloadLength, 4096));
        final int count = table.readInt();
        if (count < 1 || count > 64)
        {
            throw new IOException("snapshot " + path.getFileName() + ": impossible section count " + count);
        }
        final Section[] sections = new Section[count];
        long offset = SnapshotFormat.HEADER_LENGTH + 4L + (long)PendingSnapshot.TABLE_ENTRY_BYTES * count;
        for (int i = 0; i < count; i++)
        {
            final long length = table.readLong();
            sections[i] = new Section(offset, length, table.readInt());
            offset += length;
        }
        if (offset != SnapshotFormat.HEADER_LENGTH + payloadLength)
        {
            throw new IOException("snapshot " + path.getFileName() + ": sections do not add up to the payload");
        }
        return sections;
    }

    private IOException readSection(final FileChannel channel, final Section section, final SnapshotReader reader, final int i)
    {
        try
        {
            final ChannelPayloadInput bytes = new ChannelPayloadInput(channel, section.offset(), section.length(), 256 * 1024);
            final DataInputStream in = new DataInputStream(bytes);
            reader.readFrom(in);
            if (in.read() != -1)
            {
                return new IOException("snapshot reader left bytes of section " + i + " unread in " + path);
            }
            if (bytes.crc() != section.crc())
            {
                return new IOException("snapshot section " + i + " CRC-32C mismatch in " + path);
            }
            return null;
        }
        catch (final IOException ex)
        {
            return ex;
        }
        catch (final RuntimeException | Error ex)
        {
            return new IOException("snapshot section " + i + " could not be read: " + ex, ex);
        }
    }

    private static void join(final Thread[] threads) throws IOException
    {
        for (final Thread t : threads)
        {
            if (t == null)
            {
                continue;
            }
            try
            {
                t.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading a snapshot", ex);
            }
        }
    }

    /** @return the file. */
    public Path path()
    {
        return path;
    }

    /** @return the index of the last ledger record the state includes. */
    public long ledgerIndex()
    {
        return ledgerIndex;
    }

    /** @return the sequence of that record. */
    public long ledgerSequence()
    {
        return ledgerSequence;
    }

    /** @return the append time of that record, epoch ms (with index and sequence, it identifies the record). */
    public long ledgerAppendMs()
    {
        return ledgerAppendMs;
    }

    /** @return when the snapshot was taken, epoch ms. */
    public long createdEpochMs()
    {
        return createdEpochMs;
    }

    /** @return high half of the caller's state digest at that point (compare after replay). */
    public long stateDigestHi()
    {
        return stateDigestHi;
    }

    /** @return low half of the state digest. */
    public long stateDigestLo()
    {
        return stateDigestLo;
    }

    /** @return payload bytes. */
    public long payloadLength()
    {
        return payloadLength;
    }
}
