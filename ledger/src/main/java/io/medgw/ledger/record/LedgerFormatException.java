package io.medgw.ledger.record;

/**
 * A ledger record could not be decoded: wrong format version, a length that does not match the
 * excerpt, a checksum mismatch (a torn or damaged record) or a field that runs past the end.
 * <p>
 * Thrown by {@link LedgerRecordDecoder}; readers rethrow it with the Chronicle index of the record
 * ({@link #index()}) after moving past the record, so the caller may decide to stop or to skip it.
 */
public final class LedgerFormatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** Index value used when the record's position is not known (decoding a bare buffer). */
    public static final long UNKNOWN_INDEX = -1L;

    private final long index;

    /**
     * @param message what is wrong.
     */
    public LedgerFormatException(final String message)
    {
        super(message);
        this.index = UNKNOWN_INDEX;
    }

    /**
     * @param index the Chronicle index of the record.
     * @param cause the decoding failure.
     */
    public LedgerFormatException(final long index, final LedgerFormatException cause)
    {
        super("ledger record at index 0x" + Long.toHexString(index) + ": " + cause.getMessage(), cause);
        this.index = index;
    }

    /** @return the Chronicle index of the bad record, or {@link #UNKNOWN_INDEX}. */
    public long index()
    {
        return index;
    }
}
