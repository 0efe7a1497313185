package io.medgw.gateway.state;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Shares one instance per distinct value among the strings and string arrays kept by the state: a
 * restart decodes every ledger record into fresh strings, so without this a million settlements
 * would carry a million copies of the same person's name, the same fund-row names and "310" (about
 * 1 KB each, which the GC then copies). Values come from bounded sets (reference data, codes,
 * policy rows), so the maps stay as large as the region. Never used for per-request values
 * (msgid, setl_id, error text). One writer: {@link SettlementState}'s thread.
 */
final class StringCanon
{
    private final HashMap<String, String> strings = new HashMap<>(1 << 12);
    private final HashMap<Key, String[]> arrays = new HashMap<>(1 << 12);
    private final HashMap<String, String[]> byFirst = new HashMap<>(1 << 12);
    private final String[][] recent = new String[16][];
    private int recentNext;

    /** @param s a value or null. @return the shared instance equal to it, or null. */
    String of(final String s)
    {
        if (s == null)
        {
            return null;
        }
        final String shared = strings.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }

    /**
     * @param a an array the caller made and no longer writes (its elements are canonicalised in place).
     * @return the shared array equal to it (possibly {@code a} itself).
     */
    String[] of(final String[] a)
    {
        for (int i = 0; i < a.length; i++)
        {
            a[i] = of(a[i]);
        }
        final Key key = new Key(a);
        final String[] shared = arrays.putIfAbsent(key, a);
        return shared == null ? a : shared;
    }

    /**
     * Like {@link #of(String[])} for an array whose first element names it (a person's fields,
     * keyed by psn_no): one lookup and a comparison when the person's fields did not change, instead
     * of hashing every element (most of the cost of a restart's canonicalisation).
     *
     * @param a an array the caller made and no longer writes, {@code a[0]} not null.
     * @return the shared array equal to it.
     */
    String[] ofKeyed(final String[] a)
    {
        final String[] last = byFirst.get(a[0]);
        if (last != null && Arrays.equals(last, a))
        {
            return last;
        }
        final String[] shared = of(a);
        byFirst.put(shared[0], shared);
        return shared;
    }

    /**
     * Like {@link #of(String[])} for arrays with very few distinct values (fund-row names, N-fund
     * codes): compared with the last 16 seen before anything is hashed.
     *
     * @param a an array the caller made and no longer writes.
     * @return the shared array equal to it.
     */
    String[] ofFew(final String[] a)
    {
        for (final String[] r : recent)
        {
            if (r != null && Arrays.equals(r, a))
            {
                return r;
            }
        }
        final String[] shared = of(a);
        recent[recentNext] = shared;
        recentNext = (recentNext + 1) & (recent.length - 1);
        return shared;
    }

    /** Content equality for arrays of canonical strings. */
    private static final class Key
    {
        private final String[] a;
        private final int hash;

        Key(final String[] a)
        {
            this.a = a;
            this.hash = Arrays.hashCode(a);
        }

        @Override
        public int hashCode()
        {
            return hash;
        }

        @Override
        public boolean equals(final Object o)
        {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.a, a);
        }
    }
}
