package io.medgw.ledger.snapshot;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

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
     * Streams the payload to {@code reader}, then checks it consumed exactly the payload and that
     * the CRC-32C still matches.
     *
     * @param reader rebuilds the caller's state.
     * @throws IOException when the file cannot be read, is damaged, or the reader read too little.
     */
    public void read(final SnapshotReader reader) throws IOException
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            channel.position(SnapshotFormat.HEADER_LENGTH);
            final CheckedInputStream checked = new CheckedInputStream(
                new BoundedInputStream(Channels.newInputStream(channel), payloadLength), new CRC32C());
            final DataInputStream in = new DataInputStream(new BufferedInputStream(checked, 64 * 1024));
            reader.readFrom(in);
            if (in.read() != -1)
            {
                throw new IOException("snapshot reader left bytes unread in " + path);
            }
            if ((int)checked.getChecksum().getValue() != payloadCrc)
            {
                throw new IOException("snapshot payload CRC-32C mismatch in " + path);
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

    /** Stops a reader at the end of the payload. */
    private static final class BoundedInputStream extends InputStream
    {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(final InputStream in, final long limit)
        {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException
        {
            if (remaining <= 0)
            {
                return -1;
            }
            final int b = in.read();
            if (b >= 0)
            {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException
        {
            if (remaining <= 0)
            {
                return -1;
            }
            final int n = in.read(b, off, (int)Math.min(len, remaining));
            if (n > 0)
            {
                remaining -= n;
            }
            return n;
        }
    }
}
