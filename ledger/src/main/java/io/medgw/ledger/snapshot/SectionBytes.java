package io.medgw.ledger.snapshot;

import org.agrona.BufferUtil;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One payload section held in memory while its snapshot waits to be committed: a list of 4 MiB
 * off-heap chunks, freed by {@link #free}. Off-heap because a payload is hundreds of MB that
 * live through a few young collections: as heap arrays G1 copied every one of them into the old
 * generation, and capturing 1M settlements took 5–7 s instead of about 2 s. Unlike
 * {@code ByteArrayOutputStream} or {@code BufferedOutputStream} its methods are not synchronized:
 * a {@code DataOutputStream} makes a call per byte of every {@code writeInt}, and on Java 17 (no
 * biased locking) each took a lock. Written by one thread, then handed (with a happens-before
 * edge) to the committing thread.
 */
final class SectionBytes extends OutputStream
{
    private static final int CHUNK = 4 << 20;

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final List<ByteBuffer> chunks = new ArrayList<>();
    private ByteBuffer current = ByteBuffer.allocateDirect(CHUNK);
    private long length;

    @Override
    public void write(final int b)
    {
        if (!current.hasRemaining())
        {
            nextChunk();
        }
        current.put((byte)b);
        length++;
    }

    @Override
    public void write(final byte[] b, final int off, final int len)
    {
        int from = off;
        int left = len;
        while (left > 0)
        {
            if (!current.hasRemaining())
            {
                nextChunk();
            }
            final int n = Math.min(left, current.remaining());
            current.put(b, from, n);
            from += n;
            left -= n;
        }
        length += len;
    }

    /** @return bytes written. */
    long length()
    {
        return length;
    }

    /** @return CRC-32C of the bytes written. */
    int crc()
    {
        final CRC32C crc = new CRC32C();
        for (final ByteBuffer chunk : all())
        {
            crc.update(chunk.duplicate().flip());
        }
        return (int)crc.getValue();
    }

    /**
     * Writes every byte to the channel at its position, updating {@code payloadCrc}.
     *
     * @param channel    the file.
     * @param payloadCrc the whole payload's checksum.
     * @throws IOException when writing fails.
     */
    void writeTo(final FileChannel channel, final CRC32C payloadCrc) throws IOException
    {
        for (final ByteBuffer chunk : all())
        {
            payloadCrc.update(chunk.duplicate().flip());
            final ByteBuffer b = chunk.duplicate().flip();
            while (b.hasRemaining())
            {
                channel.write(b);
            }
        }
    }

    /** Releases the off-heap chunks now (else the collector's cleaner does, later). Idempotent. */
    void free()
    {
        for (final ByteBuffer chunk : all())
        {
            BufferUtil.free(chunk);
        }
        chunks.clear();
        current = EMPTY;
    }

    private List<ByteBuffer> all()
    {
        final List<ByteBuffer> all = new ArrayList<>(chunks);
        all.add(current);
        return all;
    }

    private void nextChunk()
    {
        chunks.add(current);
        current = ByteBuffer.allocateDirect(CHUNK);
    }
}
