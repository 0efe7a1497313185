package io.medgw.codec.request;

import io.medgw.codec.Decimals;

/**
 * The two-lane 64-bit hashing behind the request's 128-bit body digest (idempotency,
 * settlement-rules.md §8). Every hash leaves its result in {@link #a} and {@link #b}.
 * <ul>
 *   <li>Strings hash their chars, four at a time per lane (xxHash-style rounds), then the
 *       murmur3 {@code fmix64} finalizer.</li>
 *   <li>Numbers hash their parsed integer value, so {@code 9}, {@code 9.00} and {@code "9.00"}
 *       are equal when the field is a known amount.</li>
 *   <li>Objects add the per-field hashes (commutative: key order does not matter) and skip fields
 *       whose value is {@code null}, {@code ""} or {@code "null"} (the same as absent).</li>
 *   <li>Arrays fold their elements in order.</li>
 * </ul>
 * Single-threaded; one per decoder.
 */
final class BodyHasher
{
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;
    private static final long STRING_A = 0x5851F42D4C957F2DL;
    private static final long STRING_B = 0x14057B7EF767814FL;
    private static final long NUMBER_A = 0x2545F4914F6CDD1DL;
    private static final long NUMBER_B = 0x6A09E667F3BCC909L;
    private static final long OBJECT_A = 0xBB67AE8584CAA73BL;
    private static final long OBJECT_B = 0x3C6EF372FE94F82BL;
    private static final long ARRAY_A = 0xA54FF53A5F1D36F1L;
    private static final long ARRAY_B = 0x510E527FADE682D1L;
    private static final long NULL_A = 0x9B05688C2B3E6C1FL;
    private static final long NULL_B = 0x1F83D9ABFB41BD6BL;
    private static final long TRUE_A = 0x5BE0CD19137E2179L;
    private static final long FALSE_A = 0xCBBB9D5DC1059ED8L;
    private static final int UNKNOWN_NUMBER_SCALE = 6;

    /** Lane A of the last hash. */
    long a;
    /** Lane B of the last hash. */
    long b;

    private final CharSlice slice = new CharSlice();
    private final FieldNames names;
    private char[] scratch = new char[64];

    /** A hasher with its own field-name table (one per decoder). */
    BodyHasher()
    {
        this.names = new FieldNames(this);
    }

    /** @param withNames false for a hasher that only hashes strings (building the static name table). */
    BodyHasher(final boolean withNames)
    {
        this.names = withNames ? new FieldNames(this) : null;
    }

    /** murmur3's 64-bit finalizer (a bijection with full avalanche). */
    static long mix(final long v)
    {
        long k = v;
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    void chars(final char[] s, final int off, final int len)
    {
        long ha = STRING_A + len * P5;
        long hb = STRING_B ^ len * P4;
        int i = off;
        final int end = off + len;
        for (; i + 4 <= end; i += 4)
        {
            final long w = s[i] | ((long)s[i + 1] << 16) | ((long)s[i + 2] << 32) | ((long)s[i + 3] << 48);
            ha = Long.rotateLeft(ha + w * P2, 31) * P1;
            hb = Long.rotateLeft(hb ^ w * P3, 27) * P4 + P5;
        }
        long w = 0;
        for (int shift = 0; i < end; i++, shift += 16)
        {
            w |= (long)s[i] << shift;
        }
        finish(ha, hb, w);
    }

    /** The last (partial) word of a string, then the finalizer: shared by {@link #chars} and {@link #ascii}. */
    private void finish(final long ha, final long hb, final long w)
    {
        a = mix(Long.rotateLeft(ha + w * P2, 31) * P1);
        b = mix(Long.rotateLeft(hb ^ w * P3, 27) * P4 + P5);
    }

    /** Hashes the scanner's last string as {@link #chars} would: from the body's bytes when it is raw ASCII. */
    void text(final JsonScanner s)
    {
        if (s.textIsRaw())
        {
            ascii(s.buffer(), s.rawStart(), s.textLength());
        }
        else
        {
            chars(s.text(), 0, s.textLength());
        }
    }

    /** {@link #chars} of plain ASCII bytes, bit for bit (each byte is its char), without decoding them first. */
    void ascii(final byte[] s, final int off, final int len)
    {
        long ha = STRING_A + len * P5;
        long hb = STRING_B ^ len * P4;
        int i = off;
        final int end = off + len;
        for (; i + 4 <= end; i += 4)
        {
            final long w = s[i] | ((long)s[i + 1] << 16) | ((long)s[i + 2] << 32) | ((long)s[i + 3] << 48);
            ha = Long.rotateLeft(ha + w * P2, 31) * P1;
            hb = Long.rotateLeft(hb ^ w * P3, 27) * P4 + P5;
        }
        long w = 0;
        for (int shift = 0; i < end; i++, shift += 16)
        {
            w |= (long)s[i] << shift;
        }
        finish(ha, hb, w);
    }

    void string(final String s)
    {
        final int n = s.length();
        if (n > scratch.length)
        {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
        s.getChars(0, n, scratch, 0);
        chars(scratch, 0, n);
    }

    void number(final long v)
    {
        a = mix(v + NUMBER_A);
        b = mix((v ^ NUMBER_B) * P3);
    }

    /** @return the field-name table of this hasher's decoder. */
    FieldNames names()
    {
        return names;
    }

    void nullValue()
    {
        a = NULL_A;
        b = NULL_B;
    }

    /** @param keyA lane A of the field name. @return this field's contribution to its object's lane-A sum. */
    long fieldA(final long keyA)
    {
        return mix(keyA * P1 + a);
    }

    /** @param keyB lane B of the field name. @return this field's contribution to its object's lane-B sum. */
    long fieldB(final long keyB)
    {
        return mix((keyB ^ b) * P2 + P5);
    }

    void finishObject(final long sumA, final long sumB, final int fields)
    {
        a = mix(sumA + fields * P4 + OBJECT_A);
        b = mix((sumB ^ OBJECT_B) + fields * P3);
    }

    /** @param acc the array's running lane-A value. @return it folded with the element just hashed. */
    long stepA(final long acc)
    {
        return mix(acc * P1 + a);
    }

    /** @param acc the array's running lane-B value. @return it folded with the element just hashed. */
    long stepB(final long acc)
    {
        return mix((acc ^ b) * P2 + P5);
    }

    static long arrayStartA()
    {
        return ARRAY_A;
    }

    static long arrayStartB()
    {
        return ARRAY_B;
    }

    void finishArray(final long accA, final long accB, final int elements)
    {
        a = mix(accA + elements * P4);
        b = mix(accB ^ elements * P3);
    }

    /**
     * Hashes (and so consumes) the value just read, whatever its shape: the path for fields the
     * decoder does not know. Numbers are normalized at scale 6.
     *
     * @param s the scanner, just after {@link JsonScanner#value()} or {@link JsonScanner#nextElement()}.
     * @param t the token it returned.
     * @throws JsonSyntaxException on malformed JSON.
     */
    void value(final JsonScanner s, final int t) throws JsonSyntaxException
    {
        switch (t)
        {
            case JsonScanner.OBJECT -> object(s);
            case JsonScanner.ARRAY -> array(s);
            case JsonScanner.STRING ->
            {
                if (s.isNullText())
                {
                    nullValue();
                }
                else
                {
                    text(s);
                }
            }
            case JsonScanner.NUMBER ->
            {
                slice.wrap(s.text(), 0, s.textLength());
                final long v = Decimals.parse(slice, 0, slice.length(), UNKNOWN_NUMBER_SCALE);
                if (Decimals.isError(v))
                {
                    chars(s.text(), 0, s.textLength());
                }
                else
                {
                    number(v);
                }
            }
            case JsonScanner.TRUE ->
            {
                a = TRUE_A;
                b = ~TRUE_A;
            }
            case JsonScanner.FALSE ->
            {
                a = FALSE_A;
                b = ~FALSE_A;
            }
            default -> nullValue();
        }
    }

    /** @return true when the value just read means "absent": JSON null, {@code ""} or {@code "null"}. */
    boolean isNull(final JsonScanner s, final int t)
    {
        return t == JsonScanner.NULL || (t == JsonScanner.STRING && s.isNullText());
    }

    private void object(final JsonScanner s) throws JsonSyntaxException
    {
        long sumA = 0;
        long sumB = 0;
        int fields = 0;
        while (s.nextField())
        {
            final FieldNames.Name name = names.lookup(s);
            final long keyA = name.keyA;
            final long keyB = name.keyB;
            final int vt = s.value();
            if (isNull(s, vt))
            {
                continue;
            }
            value(s, vt);
            sumA += fieldA(keyA);
            sumB += fieldB(keyB);
            fields++;
        }
        finishObject(sumA, sumB, fields);
    }

    private void array(final JsonScanner s) throws JsonSyntaxException
    {
        long accA = ARRAY_A;
        long accB = ARRAY_B;
        int n = 0;
        int t;
        while ((t = s.nextElement()) != JsonScanner.END)
        {
            value(s, t);
            accA = stepA(accA);
            accB = stepB(accB);
            n++;
        }
        finishArray(accA, accB, n);
    }
}
