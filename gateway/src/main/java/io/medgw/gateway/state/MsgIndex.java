package io.medgw.gateway.state;

import java.util.HashMap;

/**
 * fixmedins_code → msgid → record, as two levels of maps so that a lookup builds no composite key
 * (no allocation). One writer: {@link SettlementState}'s thread.
 */
final class MsgIndex
{
    private final HashMap<String, HashMap<String, SettlementRecord>> byInstitution = new HashMap<>();

    SettlementRecord get(final String fixmedinsCode, final String msgid)
    {
        if (fixmedinsCode == null || msgid == null)
        {
            return null;
        }
        final HashMap<String, SettlementRecord> inner = byInstitution.get(fixmedinsCode);
        return inner == null ? null : inner.get(msgid);
    }

    void put(final String fixmedinsCode, final String msgid, final SettlementRecord rec)
    {
        if (fixmedinsCode == null || msgid == null)
        {
            return;
        }
        HashMap<String, SettlementRecord> inner = byInstitution.get(fixmedinsCode);
        if (inner == null)
        {
            inner = new HashMap<>();
            byInstitution.put(fixmedinsCode, inner);
        }
        inner.put(msgid, rec);
    }

    /**
     * @param rec a record.
     * @return true if it is the entry under its own (fixmedins_code, msgid) key (how a snapshot
     * says which records the index holds).
     */
    boolean holds(final SettlementRecord rec)
    {
        return get(rec.fixmedinsCode(), rec.msgid()) == rec;
    }

    /** Removes the entry only if it is still {@code rec} (a newer answer may have replaced it). */
    void removeIf(final String fixmedinsCode, final String msgid, final SettlementRecord rec)
    {
        final HashMap<String, SettlementRecord> inner = byInstitution.get(fixmedinsCode);
        if (inner != null && inner.get(msgid) == rec)
        {
            inner.remove(msgid);
        }
    }

    int size()
    {
        int n = 0;
        for (final HashMap<String, SettlementRecord> inner : byInstitution.values())
        {
            n += inner.size();
        }
        return n;
    }

    /** @return an order-independent hash of every entry (digests; allocates iterators). */
    long hash(final long salt)
    {
        long sum = 0;
        for (final HashMap<String, SettlementRecord> inner : byInstitution.values())
        {
            for (final SettlementRecord r : inner.values())
            {
                sum += StateHash.mix(r.hash() ^ salt);
            }
        }
        return sum;
    }
}
