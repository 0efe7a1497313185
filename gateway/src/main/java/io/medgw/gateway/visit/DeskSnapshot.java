package io.medgw.gateway.visit;

import io.medgw.gateway.state.IdSequence;
import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;

/**
 * What the parts of the {@link TransactionDesk}'s snapshot section share: the section's tags and
 * version, id sequences, and the sharing of repeated code values on read. Each part's own layout
 * sits next to its class ({@code writeTo} / {@code readFrom}); the section is
 * <pre>
 *   int tag DESK, int version
 *   sign-in registry · reconciliation index · files · visits · re-send answers
 *   int tag END (a reader that drifted fails here, not later)
 * </pre>
 * Big-endian {@link DataOutput} primitives and {@link SnapshotData} strings throughout.
 */
public final class DeskSnapshot
{
    /** "DESK": starts the desk's section. */
    static final int TAG = 0x4445_534B;
    /** "DEND": ends it. */
    static final int END_TAG = 0x4445_4E44;
    /** Layout version; a reader refuses any other. */
    static final int VERSION = 1;

    private DeskSnapshot()
    {
    }

    /**
     * @param out the payload.
     * @param seq an id sequence.
     * @throws IOException when writing fails.
     */
    public static void writeSequence(final DataOutput out, final IdSequence seq) throws IOException
    {
        out.writeLong(seq.last());
    }

    /**
     * Moves a fresh sequence to where {@link #writeSequence} found it. {@link IdSequence} only learns
     * ids it observes, so this observes the id numbered {@code last} (the format is public:
     * prefix, tag, {@link IdSequence#DIGITS} digits; the prefix and tag are the fresh sequence's).
     *
     * @param in  the payload.
     * @param seq a sequence that has seen nothing yet.
     * @throws IOException when reading fails or the number is impossible.
     */
    public static void readSequence(final DataInput in, final IdSequence seq) throws IOException
    {
        final long last = in.readLong();
        if (last == 0)
        {
            return;
        }
        final String digits = Long.toString(last);
        if (last < 0 || digits.length() > IdSequence.DIGITS)
        {
            throw new IOException("snapshot id sequence out of range: " + last);
        }
        final String first = seq.next();
        seq.observe(first.substring(0, first.length() - IdSequence.DIGITS) +
            "0".repeat(IdSequence.DIGITS - digits.length()) + digits);
        if (seq.last() != last)
        {
            throw new IllegalStateException("id sequence was not fresh: at " + seq.last() + ", snapshot " + last);
        }
    }

    /**
     * One instance per distinct value of the code-like strings a snapshot repeats (institution
     * codes, insutype, med_type, batch and catalogue codes): the live structures share them, and a
     * million rows of fresh copies would cost tens of megabytes. Never used for per-request values.
     * One reader, one thread.
     */
    public static final class Canon
    {
        private final HashMap<String, String> values = new HashMap<>(1 << 10);

        /**
         * @param in the payload.
         * @return the next {@link SnapshotData} string, shared with equal values read before; or null.
         * @throws IOException when reading fails.
         */
        public String read(final DataInput in) throws IOException
        {
            return of(SnapshotData.readString(in));
        }

        /** @param s a value read, or null. @return the shared instance equal to it, or null. */
        public String of(final String s)
        {
            if (s == null)
            {
                return null;
            }
            final String shared = values.putIfAbsent(s, s);
            return shared == null ? s : shared;
        }
    }
}
