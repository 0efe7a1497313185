package io.medgw.ledger.snapshot;

import java.io.DataInput;
import java.io.IOException;

/** Reads back what a {@link SnapshotWriter} wrote; must consume the whole payload. */
@FunctionalInterface
public interface SnapshotReader
{
    /**
     * @param in the payload stream.
     * @throws IOException when reading fails.
     */
    void readFrom(DataInput in) throws IOException;
}
