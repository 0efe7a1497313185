package io.medgw.ledger.snapshot;

import java.io.DataOutput;
import java.io.IOException;

/** Writes the caller's state (e.g. accumulators, idempotency window) into a snapshot payload. */
@FunctionalInterface
public interface SnapshotWriter
{
    /**
     * @param out the payload stream (buffered; checksummed by the store).
     * @throws IOException when writing fails (the snapshot is then discarded).
     */
    void writeTo(DataOutput out) throws IOException;
}
