package io.medgw.ledger.record;

import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;

/**
 * CRC-32C over a buffer range without allocation: array-backed buffers go straight to the JDK's
 * intrinsic; other buffers are copied through a small scratch array. One instance per thread.
 */
final class RecordChecksum
{
    private static final int CHUNK = 1024;

    private final CRC32C crc = new CRC32C();
    private final byte[] chunk = new byte[CHUNK];

    /**
     * @param buffer holding the bytes.
     * @param index  first byte.
     * @param length byte count.
     * @return the CRC-32C as an int.
     */
    int compute(final DirectBuffer buffer, final int index, final int length)
    {
        crc.reset();
        final byte[] array = buffer.byteArray();
        if (array != null)
        {
            buffer.boundsCheck(index, length);
            crc.update(array, buffer.wrapAdjustment() + index, length);
        }
        else
        {
            int done = 0;
            while (done < length)
            {
                final int n = Math.min(CHUNK, length - done);
                buffer.getBytes(index + done, chunk, 0, n);
                crc.update(chunk, 0, n);
                done += n;
            }
        }
        return (int)crc.getValue();
    }
}
