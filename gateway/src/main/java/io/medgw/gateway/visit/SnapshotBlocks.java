package io.medgw.gateway.visit;

import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The bulk parts of the desk's snapshot (a million reconciliation rows, the visits) go through
 * these instead of the stream's one call per int: values are encoded as {@link DataOutput} and
 * {@link SnapshotData} would (big-endian, strings as int length + UTF-8, -1 for null) into a byte
 * array, sent in blocks of whole records:
 * <pre>
 *   { int length &gt; 0 · that many bytes } ... · int 0
 * </pre>
 * A record never spans two blocks (the writer cuts only at {@link Writer#endRecord}), so the reader
 * refills only when a block is used up, and a read that would cross a block is a damaged payload.
 */
public final class SnapshotBlocks
{
    private static final int BLOCK = 64 * 1024;

    private SnapshotBlocks()
    {
    }

    /** Encodes records into blocks written to a {@link DataOutput}. One thread. */
    public static final class Writer
    {
        private final DataOutput out;
        private byte[] buf = new byte[BLOCK + 1024];
        private int pos;

        /** @param out the payload. */
        public Writer(final DataOutput out)
        {
            this.out = out;
        }

        /** @param v a value, as {@link DataOutput#writeInt}. */
        public void writeInt(final int v)
        {
            ensure(4);
            buf[pos] = (byte)(v >>> 24);
            buf[pos + 1] = (byte)(v >>> 16);
            buf[pos + 2] = (byte)(v >>> 8);
            buf[pos + 3] = (byte)v;
            pos += 4;
        }

        /** @param v a value, as {@link DataOutput#writeLong}. */
        public void writeLong(final long v)
        {
            writeInt((int)(v >>> 32));
            writeInt((int)v);
        }

        /** @param v a value, as {@link DataOutput#writeByte}. */
        public void writeByte(final int v)
        {
            ensure(1);
            buf[pos++] = (byte)v;
        }

        /** @param s a string or null, as {@link SnapshotData#writeString}. */
        public void writeString(final String s)
        {
            if (s == null)
            {
                writeInt(-1);
                return;
            }
            final int n = s.length();
            for (int i = 0; i < n; i++)
            {
                if (s.charAt(i) >= 0x80)
                {
                    final byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    writeInt(b.length);
                    ensure(b.length);
                    System.arraycopy(b, 0, buf, pos, b.length);
                    pos += b.length;
                    return;
                }
            }
            writeInt(n);
            ensure(n);
            for (int i = 0; i < n; i++) // ASCII (ids, codes): UTF-8 is the chars themselves
            {
                buf[pos + i] = (byte)s.charAt(i);
            }
            pos += n;
        }

        /**
         * Ends a record: the block is sent once it is full.
         *
         * @throws IOException when writing fails.
         */
        public void endRecord() throws IOException
        {
            if (pos >= BLOCK)
            {
                flush();
            }
        }

        /**
         * Sends what is left and the end mark.
         *
         * @throws IOException when writing fails.
         */
        public void finish() throws IOException
        {
            flush();
            out.writeInt(0);
        }

        private void flush() throws IOException
        {
            if (pos > 0)
            {
                out.writeInt(pos);
                out.write(buf, 0, pos);
                pos = 0;
            }
        }

        private void ensure(final int n)
        {
            if (pos + n > buf.length)
            {
                final byte[] bigger = new byte[Math.max(buf.length * 2, pos + n)];
                System.arraycopy(buf, 0, bigger, 0, pos);
                buf = bigger;
            }
        }
    }

    /** Decodes what a {@link Writer} wrote. One thread. */
    public static final class Reader
    {
        private final DataInput in;
        private byte[] buf = new byte[BLOCK + 1024];
        private int pos;
        private int limit;

        /** @param in the payload. */
        public Reader(final DataInput in)
        {
            this.in = in;
        }

        /** @return the next int. @throws IOException when the blocks are damaged or cut short. */
        public int readInt() throws IOException
        {
            need(4);
            final int v = (buf[pos] & 0xFF) << 24 | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | buf[pos + 3] & 0xFF;
            pos += 4;
            return v;
        }

        /** @return the next long. @throws IOException when the blocks are damaged or cut short. */
        public long readLong() throws IOException
        {
            final long hi = readInt();
            return hi << 32 | readInt() & 0xFFFF_FFFFL;
        }

        /** @return the next byte. @throws IOException when the blocks are damaged or cut short. */
        public byte readByte() throws IOException
        {
            need(1);
            return buf[pos++];
        }

        /** @return a count, checked as {@link SnapshotData#readCount}. @throws IOException when out of range. */
        public int readCount() throws IOException
        {
            final int n = readInt();
            if (n < 0 || n > SnapshotData.MAX_COUNT)
            {
                throw new IOException("snapshot count or length out of range: " + n);
            }
            return n;
        }

        /** @return the next string, or null. @throws IOException when the blocks are damaged or cut short. */
        public String readString() throws IOException
        {
            final int n = readInt();
            if (n == -1)
            {
                return null;
            }
            if (n < 0 || n > limit - pos)
            {
                throw new IOException("snapshot string length out of range or across a block: " + n);
            }
            final String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        /**
         * Checks every block was read, up to the end mark.
         *
         * @throws IOException when bytes are left or the end mark is missing.
         */
        public void finish() throws IOException
        {
            if (pos != limit)
            {
                throw new IOException("snapshot block has " + (limit - pos) + " bytes no record read");
            }
            final int end = in.readInt();
            if (end != 0)
            {
                throw new IOException("snapshot blocks: expected the end mark, found a block of " + end + " bytes");
            }
        }

        private void need(final int n) throws IOException
        {
            if (pos + n <= limit)
            {
                return;
            }
            if (pos != limit)
            {
                throw new IOException("snapshot record runs across a block end (damaged payload)");
            }
            final int length = in.readInt();
            if (length <= 0 || length > SnapshotData.MAX_COUNT)
            {
                throw new IOException("snapshot blocks ended early or are damaged: block length " + length);
            }
            if (length > buf.length)
            {
                buf = new byte[length];
            }
            in.readFully(buf, 0, length);
            pos = 0;
            limit = length;
            if (n > length)
            {
                throw new IOException("snapshot record runs across a block end (damaged payload)");
            }
        }
    }
}
