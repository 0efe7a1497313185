package io.medgw.gateway.snapshot;

import io.medgw.gateway.pipeline.TransactionDeskAdapter;
import io.medgw.gateway.state.SettlementState;
import io.medgw.ledger.snapshot.PendingSnapshot;
import io.medgw.ledger.snapshot.Snapshot;
import io.medgw.ledger.snapshot.SnapshotData;
import io.medgw.ledger.snapshot.SnapshotStore;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The gateway's snapshot payload: two sections, the {@link SettlementState} (after a tag that says
 * what the payload is) and the transaction desk, written one after the other and read back at the
 * same time, each by its own thread (they share nothing). The snapshot file's header carries the ledger record the state
 * covers and two digests, {@code hi} = {@link SettlementState#digest()} and {@code lo} = the desk's
 * {@link TransactionDeskAdapter#digest()}, which a restore checks after reading.
 * <pre>
 *   section 0   int TAG ("MGSN")   int FORMAT   SettlementState.writeSnapshot
 *   section 1   TransactionDeskAdapter.writeSnapshot (its own tag and version)
 * </pre>
 * Thread: the state's single writer (the settle thread, or the starting / stopping thread while the
 * pipeline does not run).
 */
public final class StateSnapshots
{
    static final int TAG = 0x4D47534E; // "MGSN"
    static final int FORMAT = 1;

    private final SettlementState state;
    private final TransactionDeskAdapter desk;

    /**
     * @param state the settlement state.
     * @param desk  the desk over it (must support snapshots: {@link TransactionDeskAdapter#snapshots()}).
     */
    public StateSnapshots(final SettlementState state, final TransactionDeskAdapter desk)
    {
        this.state = state;
        this.desk = desk;
    }

    /**
     * Captures the payload of a snapshot in memory (the part that must run on the state's thread;
     * see {@link SnapshotStore#begin}).
     *
     * @param store the snapshot store.
     * @return the payload and the digests to commit it with.
     * @throws IOException when writing fails.
     */
    public Captured capture(final SnapshotStore store) throws IOException
    {
        final PendingSnapshot pending = store.begin(this::writeState, desk::writeSnapshot);
        return new Captured(pending, state.digest(), desk.digest());
    }

    /**
     * Reads a snapshot into the fresh state and desk and checks both digests.
     *
     * @param snapshot a verified snapshot.
     * @throws IOException when the payload is damaged, of another format, or its digests differ
     * from what was read (the caller then rebuilds from a fresh state and the whole ledger).
     */
    public void restore(final Snapshot snapshot) throws IOException
    {
        // each section's thread also digests what it read: both at once
        final long[] digests = new long[2];
        snapshot.read(in ->
        {
            readState(in);
            digests[0] = state.digest();
        }, in ->
        {
            desk.readSnapshot(in);
            digests[1] = desk.digest();
        });
        final long stateDigest = digests[0];
        final long deskDigest = digests[1];
        if (stateDigest != snapshot.stateDigestHi() || deskDigest != snapshot.stateDigestLo())
        {
            throw new IOException("snapshot " + snapshot.path().getFileName() + ": state read back differs from the state written (digests " +
                Long.toHexString(stateDigest) + "/" + Long.toHexString(deskDigest) + ", expected " +
                Long.toHexString(snapshot.stateDigestHi()) + "/" + Long.toHexString(snapshot.stateDigestLo()) + ")");
        }
    }

    private void writeState(final DataOutput out) throws IOException
    {
        out.writeInt(TAG);
        out.writeInt(FORMAT);
        state.writeSnapshot(out);
    }

    private void readState(final DataInput in) throws IOException
    {
        SnapshotData.expectTag(in, TAG, "gateway");
        final int format = in.readInt();
        if (format != FORMAT)
        {
            throw new IOException("snapshot format " + format + " is not the format this gateway reads (" + FORMAT + ")");
        }
        state.readSnapshot(in);
    }

    /**
     * A payload captured on the state thread, waiting for its ledger position.
     *
     * @param pending     the payload.
     * @param stateDigest the settlement state's digest when it was written.
     * @param deskDigest  the desk's digest when it was written.
     */
    public record Captured(PendingSnapshot pending, long stateDigest, long deskDigest)
    {
    }
}
