package io.medgw.codec.request;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One lookup per field name, straight from the scanner's chars (no String per name): what the
 * name means in the envelope, as an input node, as a {@link DataField} and as a {@link LineField},
 * and its two digest lanes. Known names sit in a static open-addressing table built once; names
 * the decoder does not know (a fee line carries about ten) go to a small per-decoder cache of
 * their lanes, so their hash is computed once rather than per occurrence. Single-threaded; one
 * per decoder (the known table is immutable and shared).
 */
final class FieldNames
{
    /** Envelope fields in {@link RequestDecoder}'s order: the index is the field's id and RecentStrings slot. */
    static final String[] ENVELOPE = {
        "infno", "msgid", "mdtrtarea_admvs", "insuplc_admdvs", "recer_sys_code", "dev_no", "dev_safe_info", "cainfo",
        "signtype", "infver", "opter_type", "opter", "opter_name", "inf_time", "fixmedins_code", "fixmedins_name",
        "sign_no", "input" };
    /** The alias some clients send for {@code mdtrtarea_admvs}. */
    static final String MDTRTAREA_ADMDVS = "mdtrtarea_admdvs";
    static final int INPUT = 17;
    /** Input nodes; node i has bit 1 << i (see {@link InputReader#hasNode}); the last two are row arrays. */
    static final String[] NODES = {
        "data", "druginfo", "mdtrtinfo", "dscginfo", "signIn", "signOut", "fsUploadIn", "fsDownloadIn", "feedetail", "drugdetail" };
    /** Node bits from here on are row arrays. */
    static final int ROWS = 256;

    private static final int KNOWN_SIZE = 512;
    private static final Name[] KNOWN = new Name[KNOWN_SIZE];
    private static final int CACHE_SIZE = 256;
    private static final int CACHED_MAX_LENGTH = 40;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** What a name means; the lanes of {@link #unknown} change per lookup (copy them before the next one). */
    static final class Name
    {
        final String text;
        final char[] chars;
        /** The name's bytes (all known names are ASCII), zero-padded to whole 8-byte words. */
        final byte[] bytes;
        int envelope = -1;
        int nodeBit;
        DataField data;
        LineField line;
        long keyA;
        long keyB;

        Name(final String text)
        {
            this.text = text;
            this.chars = text.toCharArray();
            this.bytes = Arrays.copyOf(text.getBytes(StandardCharsets.ISO_8859_1), (text.length() + 7) & ~7);
        }
    }

    static
    {
        final BodyHasher h = new BodyHasher(false);
        for (int i = 0; i < ENVELOPE.length; i++)
        {
            known(ENVELOPE[i], h).envelope = i;
        }
        known(MDTRTAREA_ADMDVS, h).envelope = 2;
        for (int i = 0; i < NODES.length; i++)
        {
            known(NODES[i], h).nodeBit = 1 << i;
        }
        for (final DataField f : DataField.values())
        {
            known(f.wireName, h).data = f;
        }
        for (final LineField f : LineField.values())
        {
            known(f.wireName, h).line = f;
        }
    }

    private final BodyHasher h;
    private final Name unknown = new Name("");
    /** Unknown names seen lately, as bytes zero-padded to whole words (raw names only). */
    private final byte[][] cachedBytes = new byte[CACHE_SIZE][CACHED_MAX_LENGTH];
    private final char[] scratch = new char[CACHED_MAX_LENGTH];
    private final int[] cachedLength = new int[CACHE_SIZE];
    private final long[] cachedA = new long[CACHE_SIZE];
    private final long[] cachedB = new long[CACHE_SIZE];

    FieldNames(final BodyHasher hasher)
    {
        this.h = hasher;
        Arrays.fill(cachedLength, -1);
    }

    /** Finds or adds a known name (static init only). */
    private static Name known(final String text, final BodyHasher h)
    {
        final char[] t = text.toCharArray();
        int i = hash(t, t.length) & (KNOWN_SIZE - 1);
        while (KNOWN[i] != null)
        {
            if (KNOWN[i].text.equals(text))
            {
                return KNOWN[i];
            }
            i = (i + 1) & (KNOWN_SIZE - 1);
        }
        final Name n = new Name(text);
        h.chars(t, 0, t.length);
        n.keyA = h.a;
        n.keyB = h.b;
        KNOWN[i] = n;
        return n;
    }

    private static int hash(final char[] t, final int len)
    {
        return len == 0 ? hash(0, 0, 0, 0, 0) : hash(len, t[0], t[len - 1], t[len >> 1], t[len >> 2]);
    }

    /** The same hash from a plain ASCII name's bytes (a byte equals its char there). */
    private static int hash(final byte[] b, final int off, final int len)
    {
        return len == 0 ? hash(0, 0, 0, 0, 0) : hash(len, b[off], b[off + len - 1], b[off + (len >> 1)], b[off + (len >> 2)]);
    }

    /** Mixes the length and four chars: enough to spread ~110 known names, far cheaper than hashing all chars. */
    private static int hash(final int len, final int first, final int last, final int middle, final int quarter)
    {
        int x = len * 0x9E3779B1;
        x ^= first * 0x85EBCA6B ^ last * 0xC2B2AE35 ^ middle * 0x27D4EB2F ^ quarter * 0x165667B1;
        x ^= x >>> 15;
        x *= 0x2C1B3C6D;
        return x ^ (x >>> 12);
    }

    /** A plain loop: names are short, and Arrays.equals' range checks and stub call cost more than the compare. */
    private static boolean same(final char[] a, final char[] b, final int len)
    {
        for (int i = 0; i < len; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Uses the hasher (its lanes are overwritten) when an unknown name is not cached.
     *
     * @param s the scanner, just after {@link JsonScanner#nextField()}.
     * @return its meaning; for an unknown name a shared instance whose lanes are valid until the next lookup.
     */
    Name lookup(final JsonScanner s)
    {
        final int len = s.nameLength();
        if (!s.nameIsRaw())
        {
            return lookup(s.text(), len);
        }
        final byte[] b = s.buffer();
        final int off = s.nameStart();
        final int x = hash(b, off, len);
        for (int i = x & (KNOWN_SIZE - 1); KNOWN[i] != null; i = (i + 1) & (KNOWN_SIZE - 1))
        {
            final Name k = KNOWN[i];
            if (k.chars.length == len && same(k.bytes, b, off, len))
            {
                return k;
            }
        }
        final int slot = x & (CACHE_SIZE - 1);
        if (cachedLength[slot] == len && same(cachedBytes[slot], b, off, len))
        {
            unknown.keyA = cachedA[slot];
            unknown.keyB = cachedB[slot];
            return unknown;
        }
        if (len > CACHED_MAX_LENGTH)
        {
            return unknownName(s.nameChars(), len);
        }
        for (int i = 0; i < len; i++)
        {
            scratch[i] = (char)b[off + i];
        }
        unknownName(scratch, len);
        final byte[] cached = cachedBytes[slot];
        Arrays.fill(cached, (byte)0);
        System.arraycopy(b, off, cached, 0, len);
        cachedLength[slot] = len;
        cachedA[slot] = unknown.keyA;
        cachedB[slot] = unknown.keyB;
        return unknown;
    }

    /**
     * @param k   a name's bytes, zero-padded to whole words.
     * @param b   the body.
     * @param off the name in the body.
     * @param len its length ({@code k} holds at least as many).
     * @return true when equal: a word at a time, the last one masked (when the body has 8 bytes there).
     */
    private static boolean same(final byte[] k, final byte[] b, final int off, final int len)
    {
        int i = 0;
        for (; i + 8 <= len; i += 8)
        {
            if ((long)LONGS.get(k, i) != (long)LONGS.get(b, off + i))
            {
                return false;
            }
        }
        final int rest = len - i;
        if (rest == 0)
        {
            return true;
        }
        if (off + i + 8 <= b.length)
        {
            final long mask = -1L >>> (64 - 8 * rest);
            return (((long)LONGS.get(k, i) ^ (long)LONGS.get(b, off + i)) & mask) == 0;
        }
        for (; i < len; i++)
        {
            if (k[i] != b[off + i])
            {
                return false;
            }
        }
        return true;
    }

    /** A name that is not known and not cached (escaped, non-ASCII or long): its lanes, computed. */
    private Name unknownName(final char[] t, final int len)
    {
        h.chars(t, 0, len);
        unknown.keyA = h.a;
        unknown.keyB = h.b;
        return unknown;
    }

    /**
     * @param t   the name's chars (escaped or non-ASCII names).
     * @param len its length.
     * @return its meaning, as {@link #lookup(JsonScanner)}.
     */
    private Name lookup(final char[] t, final int len)
    {
        final int x = hash(t, len);
        for (int i = x & (KNOWN_SIZE - 1); KNOWN[i] != null; i = (i + 1) & (KNOWN_SIZE - 1))
        {
            final char[] k = KNOWN[i].chars;
            if (k.length == len && same(k, t, len))
            {
                return KNOWN[i];
            }
        }
        return unknownName(t, len);
    }
}
