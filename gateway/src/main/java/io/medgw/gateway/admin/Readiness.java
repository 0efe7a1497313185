package io.medgw.gateway.admin;

/**
 * The standard {@link ReadinessCheck}: ready only once the state was rebuilt from the ledger and the
 * ring accepts requests, and not while shutting down. The lead flips the flags from its startup and
 * shutdown code; the admin thread reads them. Thread-safe (volatile flags).
 */
public final class Readiness implements ReadinessCheck
{
    private volatile boolean stateRebuilt;
    private volatile boolean ringAccepting;
    private volatile boolean shuttingDown;

    /** @param rebuilt true once the state was rebuilt from the ledger. @return this */
    public Readiness stateRebuilt(final boolean rebuilt)
    {
        this.stateRebuilt = rebuilt;
        return this;
    }

    /** @param accepting true while the ring accepts requests. @return this */
    public Readiness ringAccepting(final boolean accepting)
    {
        this.ringAccepting = accepting;
        return this;
    }

    /** @param stopping true once shutdown began. @return this */
    public Readiness shuttingDown(final boolean stopping)
    {
        this.shuttingDown = stopping;
        return this;
    }

    /** @return 1 when ready, else 0 (for the {@code medgw.ready} gauge). */
    public long readyAsLong()
    {
        return notReadyReason() == null ? 1 : 0;
    }

    public String notReadyReason()
    {
        if (shuttingDown)
        {
            return "shutting down";
        }
        if (!stateRebuilt)
        {
            return "state not yet rebuilt from the ledger";
        }
        if (!ringAccepting)
        {
            return "settlement ring not accepting";
        }
        return null;
    }
}
