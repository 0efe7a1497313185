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
 * The gateway's snapshot payload: the {@link SettlementState} and the transaction desk, after a
 * header that says what it is. The snapshot file's header carries the ledger record the state
 * covers and two digests, {@code hi} = {@link SettlementState#digest()} and {@code lo} = the desk's
 * {@link TransactionDeskAdapter#digest()}, which a restore checks after reading.
 * <pre>
 *   int  TAG ("MGSN")   int FORMAT
 *   settlement state section   (SettlementState.writeSnapshot)
 *   desk section               (TransactionDeskAdapter.writeSnapshot)
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
     * Writes the payload of a snapshot to a temporary file of {@code store} (the part that must run
     * on the state's thread; see {@link SnapshotStore#begin}).
     *
     * @param store the snapshot store.
     * @return the payload and the digests to commit it with.
     * @throws IOException when writing fails.
     */
    public Captured capture(final SnapshotStore store) throws IOException
    {
        final PendingSnapshot pending = store.begin(this::write);
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
        snapshot.read(this::read);
        final long stateDigest = state.digest();
        final long deskDigest = desk.digest();
        if (stateDigest != snapshot.stateDigestHi() || deskDigest != snapshot.stateDigestLo())
        {
            throw new IOException("snapshot " + snapshot.path().getFileName() + ": state read back differs from the state written (digests " +
                Long.toHexString(stateDigest) + "/" + Long.toHexString(deskDigest) + ", expected " +
                Long.toHexString(snapshot.stateDigestHi()) + "/" + Long.toHexString(snapshot.stateDigestLo()) + ")");
        }
    }

    private void write(final DataOutput out) throws IOException
    {
        out.writeInt(TAG);
        out.writeInt(FORMAT);
        state.writeSnapshot(out);
        desk.writeSnapshot(out);
    }

    private void read(final DataInput in) throws IOException
    {
        SnapshotData.expectTag(in, TAG, "gateway");
        final int format = in.readInt();
        if (format != FORMAT)
        {
            throw new IOException("snapshot format " + format + " is not the format this gateway reads (" + FORMAT + ")");
        }
        state.readSnapshot(in);
        desk.readSnapshot(in);
    }

    /**
     * A payload written on the state thread, waiting for its ledger position.
     *
     * @param pending     the payload file.
     * @param stateDigest the settlement state's digest when it was written.
     * @param deskDigest  the desk's digest when it was written.
     */
    public record Captured(PendingSnapshot pending, long stateDigest, long deskDigest)
    {
    }
}
