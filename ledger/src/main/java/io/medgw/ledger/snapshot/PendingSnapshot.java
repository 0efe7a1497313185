package io.medgw.ledger.snapshot;

import java.nio.file.Path;

/**
 * A snapshot payload written by {@link SnapshotStore#begin} and not yet committed: a temporary
 * file with room for the header, its payload length and CRC-32C.
 *
 * @param path          the temporary file.
 * @param payloadLength payload bytes after the header.
 * @param payloadCrc    CRC-32C of the payload.
 */
public record PendingSnapshot(Path path, long payloadLength, int payloadCrc)
{
}
