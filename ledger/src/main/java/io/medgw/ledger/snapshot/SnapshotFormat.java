package io.medgw.ledger.snapshot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The snapshot file header (little-endian), followed by the caller's payload:
 * <pre>
 *   0  int   magic 0x50534D47 ("GMSP" read as bytes: 47 4D 53 50)
 *   4  short format version = 2
 *   6  short header length = 72
 *   8  long  ledger index covered (the last record applied)
 *  16  long  ledger sequence of that record
 *  24  long  append time of that record, epoch ms (with index and sequence: which ledger it is)
 *  32  long  created, epoch ms
 *  40  long  state digest, high half
 *  48  long  state digest, low half
 *  56  long  payload length
 *  64  int   CRC-32C of the payload
 *  68  int   CRC-32C of header bytes [0, 68)
 *  72  payload (written by the caller's SnapshotWriter through a DataOutput)
 * </pre>
 * Version 1 (64 bytes, no append time) was never written by a released gateway and is not read.
 */
final class SnapshotFormat
{
    static final int MAGIC = 0x50534D47;
    static final short VERSION = 2;
    static final int HEADER_LENGTH = 72;
    static final int HEADER_CRC_AT = 68;

    private SnapshotFormat()
    {
    }

    static ByteBuffer header(final long ledgerIndex, final long ledgerSequence, final long ledgerAppendMs, final long createdEpochMs,
        final long digestHi, final long digestLo, final long payloadLength, final int payloadCrc)
    {
        final ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putShort(VERSION).putShort((short)HEADER_LENGTH)
            .putLong(ledgerIndex).putLong(ledgerSequence).putLong(ledgerAppendMs).putLong(createdEpochMs)
            .putLong(digestHi).putLong(digestLo).putLong(payloadLength).putInt(payloadCrc);
        b.putInt(crc(b.array(), HEADER_CRC_AT));
        b.flip();
        return b;
    }

    static int crc(final byte[] bytes, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int)crc.getValue();
    }
}
