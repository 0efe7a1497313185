package io.medgw.gateway.reference;

import java.util.HashMap;

/**
 * Shares one String instance per distinct value of a column with few distinct values (admdvs,
 * insutype, psn_type, codes, birth dates), so 200,000 persons do not carry 200,000 copies of "310".
 * A plain map, one per loader task (one thread); dropped when the load ends.
 */
final class Interner
{
    private final HashMap<String, String> values = new HashMap<>(1024);

    /** @param s a value, or null. @return the shared instance equal to it, or null. */
    String intern(final String s)
    {
        if (s == null)
        {
            return null;
        }
        final String shared = values.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }
}
