package io.medgw.ledger.record;

import java.nio.ByteOrder;

/**
 * The on-disk format of one ledger record (format version 2; version 1 is still read): one record
 * per state-changing transaction, written as the raw bytes of one Chronicle Queue excerpt. All numbers are
 * little-endian; offsets are from the start of the record.
 *
 * <pre>
 * Header (fixed, {@link #HEADER_LENGTH} = 40 bytes)
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |  format version (short) = 2   |  header length (short) = 40   |  0
 *  +-------------------------------+-------------------------------+
 *  |              record length (int, header included)             |  4
 *  +---------------------------------------------------------------+
 *  |          CRC-32C (int) of bytes [12, record length)           |  8
 *  +---------------------------------------------------------------+
 *  |          record type (int) = request txn, e.g. 2207           | 12
 *  +---------------------------------------------------------------+
 *  |                 flags (int, see FLAG_* below)                 | 16
 *  +---------------------------------------------------------------+
 *  |                     reserved (int) = 0                        | 20
 *  +---------------------------------------------------------------+
 *  |             ledger sequence (long, 1, 2, 3, ...)              | 24
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |            wall-clock append time (long, epoch ms)            | 32
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * Variable part, in this order, starting at the header length:
 *   string  refVersion                    (reference-data version; SettlementResult.refVersion)
 *   request fixed block  (101 bytes)      12 longs, int lineCount, byte acctUsedFlag
 *   request strings      (51 strings)
 *   bytes   fileData                      (9101 upload content; same prefix as a string, raw bytes)
 *   lineCount x { line fixed block (76 bytes): 8 longs, 3 ints; 12 line strings }
 *   result fixed block   (269 bytes)      28 longs, 11 ints, byte crossRegion
 *   result strings       (24 strings)
 *   bytes   answerBytes                   (9102 download; null in journaled records)
 *   fundRowCount x { string type, string name, long payamt, long inscp, long crtPaybLmt }
 *   nFundCount x   { string code, long paid }
 *   string  explain
 *
 * A string is an int byte length followed by that many UTF-8 bytes; length -1 means null, 0 the
 * empty string:
 *  +-----------------------+------------------ ... ---+
 *  | length (int) or -1    |  UTF-8 bytes (length)     |
 *  +-----------------------+------------------ ... ---+
 * A line string (version 2) may also be the bare length -2 ({@link #SAME_AS_PREVIOUS_LINE}): the
 * same text as that field of the previous fee line (never in the first line). The visit id, person,
 * batch, prescription and time repeat on every line of a bill, so the 10-line record of the append
 * benchmark shrinks from 3,658 to 2,938 bytes and its append encodes 792 instead of 1,512
 * characters. Version 1 is version 2 without that marker.
 * </pre>
 * The exact order of every field is listed in docs/ledger.md and is the order of the
 * {@link LedgerRecordEncoder} methods. A future format version bumps {@link #FORMAT_VERSION};
 * fields may be appended to the header (readers honour the header length) without a new version.
 */
public final class LedgerRecordLayout
{
    /** The format version this code writes (it reads this one and {@link #FORMAT_VERSION_1}). */
    public static final short FORMAT_VERSION = 2;
    /** The first format: as version 2 but without {@link #SAME_AS_PREVIOUS_LINE}; still read. */
    public static final short FORMAT_VERSION_1 = 1;
    /** Every number in a record is little-endian. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    public static final int VERSION_OFFSET = 0;
    public static final int HEADER_LENGTH_OFFSET = 2;
    public static final int RECORD_LENGTH_OFFSET = 4;
    public static final int CHECKSUM_OFFSET = 8;
    public static final int TYPE_OFFSET = 12;
    public static final int FLAGS_OFFSET = 16;
    public static final int RESERVED_OFFSET = 20;
    public static final int SEQUENCE_OFFSET = 24;
    public static final int APPEND_TIME_OFFSET = 32;
    /** Length of the fixed header of versions 1 and 2. */
    public static final int HEADER_LENGTH = 40;
    /** The checksum covers every byte from here to the end of the record. */
    public static final int CHECKSUM_FROM = TYPE_OFFSET;

    /** Size of the request's fixed block: 12 longs, an int and a byte. */
    public static final int REQUEST_FIXED_LENGTH = 12 * 8 + 4 + 1;
    /** Size of one fee line's fixed block: 8 longs and 3 ints. */
    public static final int LINE_FIXED_LENGTH = 8 * 8 + 3 * 4;
    /** Size of the result's fixed block: 28 longs, 11 ints and a byte. */
    public static final int RESULT_FIXED_LENGTH = 28 * 8 + 11 * 4 + 1;
    /** Length prefix of a null string. */
    public static final int NULL_STRING_LENGTH = -1;
    /** Length prefix (version 2, fee-line strings of the second line on): same text as the previous line's. */
    public static final int SAME_AS_PREVIOUS_LINE = -2;
    /** Upper bound on fee lines a reader accepts (a sanity bound against damaged counts). */
    public static final int MAX_LINES = 100_000;

    /** The result is a refusal ({@code error != NONE}). */
    public static final int FLAG_REFUSED = 0x1;
    /** The result is a cancellation ({@code sign == -1}): every amount is negated. */
    public static final int FLAG_REVERSAL = 0x2;
    /** Money moved ({@code sign != 0}). */
    public static final int FLAG_MONEY = 0x4;
    /** The record carries an explanation text. */
    public static final int FLAG_EXPLAIN = 0x8;

    private LedgerRecordLayout()
    {
    }
}
