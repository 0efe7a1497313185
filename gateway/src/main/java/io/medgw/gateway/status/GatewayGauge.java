package io.medgw.gateway.status;

import java.util.BitSet;

/**
 * Sampled values the gateway exposes. Each is registered once, at startup, with a supplier (see
 * {@link GatewayMetrics#gauge(GatewayGauge, java.util.function.LongSupplier)}); the supplier is
 * called on the scrape thread, so it must be thread-safe and cheap (read a volatile or a sequence).
 */
public enum GatewayGauge
{
    CONNECTIONS_OPEN(1, "medgw.connections.open", "client connections open now"),
    REQUESTS_IN_FLIGHT(2, "medgw.requests.in.flight", "requests handed to the listener and not yet answered"),
    RING_CAPACITY(3, "medgw.ring.capacity", "settlement ring size"),
    RING_OCCUPANCY(4, "medgw.ring.occupancy", "ring slots published and not yet released"),
    IDEMPOTENCY_ENTRIES(5, "medgw.state.idempotency.entries", "remembered (fixmedins_code, msgid) answers"),
    VISITS_OPEN(6, "medgw.state.visits.open", "open visits (mdtrt_id) in memory"),
    SETTLEMENTS_KNOWN(7, "medgw.state.settlements", "settlements (setl_id) in memory"),
    LEDGER_INDEX(8, "medgw.ledger.index", "index of the last appended ledger entry"),
    READY(9, "medgw.ready", "1 when /ready answers 200");

    static
    {
        final BitSet seen = new BitSet();
        for (final GatewayGauge g : values())
        {
            if (g.id <= 0 || seen.get(g.id))
            {
                throw new IllegalStateException("duplicate or non-positive gauge id " + g.id + ": " + g);
            }
            seen.set(g.id);
        }
    }

    private final int id;
    private final String meterName;
    private final String label;

    GatewayGauge(final int id, final String meterName, final String label)
    {
        this.id = id;
        this.meterName = meterName;
        this.label = label;
    }

    /** @return the stable id. */
    public int id()
    {
        return id;
    }

    /** @return the Micrometer meter name. */
    public String meterName()
    {
        return meterName;
    }

    /** @return a human label (the meter's description). */
    public String label()
    {
        return label;
    }
}
