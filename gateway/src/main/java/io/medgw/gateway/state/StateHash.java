package io.medgw.gateway.state;

/**
 * Deterministic 64-bit hashing for state digests (replay and restart equality). Independent of
 * JVM, map order and identity hash codes: collections are combined by summing mixed element
 * hashes, so insertion order does not matter. Stateless.
 */
public final class StateHash
{
    private StateHash()
    {
    }

    /** @param z any value. @return the splitmix64 finaliser of it. */
    public static long mix(final long z)
    {
        long x = z;
        x = (x ^ (x >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return x ^ (x >>> 31);
    }

    /** @param h running hash. @param v next value. @return the combined hash (order-sensitive). */
    public static long combine(final long h, final long v)
    {
        return mix(h * 31 + v + 0x632B_E59B_D9B4_E019L);
    }

    /** @param s a string or null. @return a 64-bit FNV-1a hash of its chars (0x… for null). */
    public static long of(final String s)
    {
        if (s == null)
        {
            return 0x5bd1_e995L;
        }
        long h = 0xcbf2_9ce4_8422_2325L;
        for (int i = 0; i < s.length(); i++)
        {
            h ^= s.charAt(i);
            h *= 0x100_0000_01b3L;
        }
        return h;
    }
}
