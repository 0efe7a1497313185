package io.medgw.ledger.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The buffered, checksummed, bounded stream under a snapshot section's {@code DataInputStream}:
 * reads the section's bytes from the channel by position (so several sections of one file can be
 * read at once, each by its own thread), one array at a time, and CRC-32Cs what it read. Not
 * synchronized, for the reason given in {@link SectionBytes}. One thread.
 */
final class ChannelPayloadInput extends InputStream
{
    private final FileChannel channel;
    private final CRC32C crc = new CRC32C();
    private final byte[] buffer;
    private final ByteBuffer view;
    private long offset;
    private long remaining;
    private int position;
    private int limit;

    ChannelPayloadInput(final FileChannel channel, final long offset, final long length, final int bufferBytes)
    {
        this.channel = channel;
        this.offset = offset;
        this.remaining = length;
        this.buffer = new byte[bufferBytes];
        this.view = ByteBuffer.wrap(buffer);
    }

    @Override
    public int read() throws IOException
    {
        if (position == limit && !fill())
        {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(final byte[] b, final int off, final int len) throws IOException
    {
        if (len == 0)
        {
            return 0;
        }
        if (position == limit && !fill())
        {
            return -1;
        }
        final int n = Math.min(len, limit - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    /** @return CRC-32C of the payload read so far. */
    int crc()
    {
        return (int)crc.getValue();
    }

    private boolean fill() throws IOException
    {
        if (remaining <= 0)
        {
            return false;
        }
        view.clear().limit((int)Math.min(buffer.length, remaining));
        int n = 0;
        while (view.hasRemaining())
        {
            final int r = channel.read(view, offset + n);
            if (r < 0)
            {
                break;
            }
            n += r;
        }
        if (n == 0)
        {
            throw new IOException("snapshot file ends before its payload does");
        }
        crc.update(buffer, 0, n);
        offset += n;
        remaining -= n;
        position = 0;
        limit = n;
        return true;
    }
}
