package io.medgw.gateway.state;

import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A deterministic id sequence: ids are {@code prefix + tag + 12 decimal digits}, e.g. with no
 * prefix {@code S000000000001} (setl_id) or {@code M000000000001} (mdtrt_id); at most
 * 16 + 1 + 12 = 29 characters, within the wire's 30. The same inputs in the same order give the
 * same ids. {@link #next()} only proposes the next id; the sequence advances when
 * {@link #observe(String)} sees an id (the live path and the restart replay both go through
 * {@link SettlementState#apply}, so the sequence is rebuilt as "the highest id seen"). One writer.
 */
public final class IdSequence
{
    /** Digits after the tag. */
    public static final int DIGITS = 12;
    /** The longest prefix allowed (so that an id fits 30 characters). */
    public static final int MAX_PREFIX = 16;
    private static final long LIMIT = 1_000_000_000_000L;

    private final String prefix;
    private final char tag;
    private long last;

    /**
     * @param prefix node prefix (letters and digits, at most {@link #MAX_PREFIX}), may be empty.
     * @param tag    the kind letter ({@code 'S'} settlement, {@code 'M'} visit).
     */
    public IdSequence(final String prefix, final char tag)
    {
        if (prefix.length() > MAX_PREFIX)
        {
            throw new IllegalArgumentException("id prefix longer than " + MAX_PREFIX + ": " + prefix);
        }
        for (int i = 0; i < prefix.length(); i++)
        {
            if (!Character.isLetterOrDigit(prefix.charAt(i)) || prefix.charAt(i) > 'z')
            {
                throw new IllegalArgumentException("id prefix must be ASCII letters and digits: " + prefix);
            }
        }
        this.prefix = prefix;
        this.tag = tag;
    }

    /** @return the id the next settlement (or visit) would get; allocates the String. */
    public String next()
    {
        final long n = last + 1;
        if (n >= LIMIT)
        {
            throw new IllegalStateException("id sequence exhausted");
        }
        final char[] out = new char[prefix.length() + 1 + DIGITS];
        prefix.getChars(0, prefix.length(), out, 0);
        out[prefix.length()] = tag;
        long v = n;
        for (int i = out.length - 1; i > prefix.length(); i--)
        {
            out[i] = (char)('0' + v % 10);
            v /= 10;
        }
        return new String(out);
    }

    /**
     * Advances the sequence past {@code id} if it is one of this sequence's ids (other ids, e.g.
     * visit ids a HIS sent, are ignored).
     *
     * @param id an id, or null.
     */
    public void observe(final String id)
    {
        final long n = parse(id);
        if (n > last)
        {
            last = n;
        }
    }

    /**
     * @param id an id, or null.
     * @return its sequence number, or -1 if it is not of this sequence.
     */
    public long parse(final String id)
    {
        final int p = prefix.length();
        if (id == null || id.length() != p + 1 + DIGITS || !id.startsWith(prefix) || id.charAt(p) != tag)
        {
            return -1;
        }
        long v = 0;
        for (int i = p + 1; i < id.length(); i++)
        {
            final char c = id.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Writes the prefix, the tag and the highest number seen (the snapshot format of a sequence).
     *
     * @param out the payload.
     * @throws IOException when writing fails.
     */
    void writeTo(final DataOutput out) throws IOException
    {
        SnapshotData.writeString(out, prefix);
        out.writeChar(tag);
        out.writeLong(last);
    }

    /**
     * Restores the highest number seen. The prefix and tag must be this sequence's: ids of another
     * prefix would not parse, so a replay under this prefix would not have counted them.
     *
     * @param in the payload.
     * @throws IOException when the payload is damaged or was written for another prefix or tag.
     */
    void readFrom(final DataInput in) throws IOException
    {
        final String p = SnapshotData.readString(in);
        final char t = in.readChar();
        final long n = in.readLong();
        if (!prefix.equals(p) || t != tag)
        {
            throw new IOException("snapshot id sequence is " + p + t + ", this state's is " + prefix + tag);
        }
        if (n < 0 || n >= LIMIT)
        {
            throw new IOException("snapshot id sequence " + prefix + tag + ": number out of range: " + n);
        }
        last = n;
    }

    /** @return the highest sequence number seen (0 if none). */
    public long last()
    {
        return last;
    }
}
