package io.medgw.ledger;

/**
 * What a record must survive before the gateway releases its reply (see docs/ledger.md).
 */
public enum Durability
{
    /**
     * The record is in the memory-mapped queue file (the kernel's page cache) when
     * {@link LedgerWriter#append} returns; {@link LedgerWriter#endOfBatch()} does nothing. Survives a
     * crash or kill of the gateway process; does NOT survive a kernel panic or power loss (the
     * kernel writes dirty pages back on its own schedule, typically within about 30 s).
     */
    PROCESS,

    /**
     * As {@link #PROCESS}, plus {@link LedgerWriter#endOfBatch()} forces the current cycle file to
     * the storage device ({@code fdatasync} through {@code FileChannel.force(false)}) before it
     * returns: every record appended before that call survives power loss, provided the device
     * honours flushes. One force per batch (group commit).
     */
    FSYNC
}
