package io.medgw.codec.reply;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable, reusable byte buffer the {@link ResponseEncoder} writes a response into: read
 * {@link #buffer()} from 0 to {@link #length()} (valid until the next encode). Grows by doubling,
 * never shrinks, so after warm-up writing allocates nothing. Single-threaded.
 */
public final class ByteSink extends OutputStream
{
    private byte[] buffer;
    private int length;

    /** A sink of 8 KiB to start. */
    public ByteSink()
    {
        this(8192);
    }

    /** @param initialCapacity bytes to start with. */
    public ByteSink(final int initialCapacity)
    {
        buffer = new byte[Math.max(64, initialCapacity)];
    }

    @Override
    public void write(final int b)
    {
        if (length == buffer.length)
        {
            grow(1);
        }
        buffer[length++] = (byte)b;
    }

    @Override
    public void write(final byte[] src, final int off, final int len)
    {
        if (length + len > buffer.length)
        {
            grow(len);
        }
        System.arraycopy(src, off, buffer, length, len);
        length += len;
    }

    /** Appends one byte (the writer's path: no OutputStream contract). */
    void put(final byte b)
    {
        if (length == buffer.length)
        {
            grow(1);
        }
        buffer[length++] = b;
    }

    /** Appends {@code src[off, off + len)}. */
    void put(final byte[] src, final int off, final int len)
    {
        write(src, off, len);
    }

    /**
     * Makes room for up to {@code n} bytes at the end; write them into {@link #buffer()} from the
     * returned index, then {@link #commit} the new end.
     *
     * @return the index of the first free byte.
     */
    int reserve(final int n)
    {
        if (length + n > buffer.length)
        {
            grow(n);
        }
        return length;
    }

    /** @param newLength the end after writing into the room {@link #reserve} made. */
    void commit(final int newLength)
    {
        length = newLength;
    }

    private void grow(final int extra)
    {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
    }

    /** @return the backing array; the content is {@code [0, length())}. */
    public byte[] buffer()
    {
        return buffer;
    }

    /** @return bytes written since the last {@link #reset()}. */
    public int length()
    {
        return length;
    }

    /** Empties the sink, keeping its capacity. */
    public void reset()
    {
        length = 0;
    }

    /** @return a copy of the content (allocates: for tests and tools). */
    public byte[] toByteArray()
    {
        return Arrays.copyOf(buffer, length);
    }

    /** @return the content as UTF-8 text (allocates: for tests, tools and logs). */
    @Override
    public String toString()
    {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }
}
