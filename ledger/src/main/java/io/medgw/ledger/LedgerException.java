package io.medgw.ledger;

/**
 * The ledger could not append or force a record. The writer that threw it is failed for good:
 * after a failed {@code fsync} the kernel may have dropped the dirty pages, so a later successful
 * force would prove nothing. The gateway answers E9002 and stops taking settlements.
 */
public final class LedgerException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed.
     * @param cause   the underlying failure, or null.
     */
    public LedgerException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
