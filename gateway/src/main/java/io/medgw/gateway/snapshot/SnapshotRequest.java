package io.medgw.gateway.snapshot;

/**
 * A snapshot travelling through the ring as a slot of its own, so that each stage does its part in
 * ring order, with no lock and no pause of the other threads:
 * <pre>
 *   settle thread   capture(): state + desk into memory; the state then includes
 *                   every slot before this one and none after
 *   journal thread  tag(): the ledger position of the last record appended before this slot,
 *                   which is exactly the last record the captured state includes
 *   reply thread    release(): that record's batch is durable; the commit (file, force, rename)
 *                   runs on the snapshot thread
 * </pre>
 * The Disruptor's sequence barriers order each stage's writes before the next stage's reads.
 */
public final class SnapshotRequest
{
    private final SnapshotTaker taker;
    StateSnapshots.Captured captured;
    Exception failure;
    long captureNs;
    long ledgerIndex = -1;
    long ledgerSequence;
    long ledgerAppendMs;
    boolean ledgerFailed;

    SnapshotRequest(final SnapshotTaker taker)
    {
        this.taker = taker;
    }

    /** Settle thread: writes the state's payload. */
    public void capture()
    {
        taker.capture(this);
    }

    /**
     * Journal thread: where in the ledger the captured state ends.
     *
     * @param lastIndex    index of the last record appended before this slot (-1: none ever).
     * @param lastSequence its sequence.
     * @param lastAppendMs its append time.
     * @param failed       true when the ledger has failed (the snapshot is then dropped).
     */
    public void tag(final long lastIndex, final long lastSequence, final long lastAppendMs, final boolean failed)
    {
        ledgerAppendMs = lastAppendMs;
        ledgerIndex = lastIndex;
        ledgerSequence = lastSequence;
        ledgerFailed = failed;
    }

    /** Reply thread: every record the state includes is durable; hands the commit to the snapshot thread. */
    public void release()
    {
        taker.commitLater(this);
    }
}
