package io.medgw.gateway.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import io.medgw.codec.ErrorCode;
import io.medgw.gateway.status.CountedErrorHandler;

/**
 * The exception policy of one pipeline stage: the error is counted and reported (never logged by
 * the handler itself), the slot is answered E9003 (infcode −1: nothing took effect, the HIS may
 * 冲正 or retry), and the stage keeps running. The ledger stage decides fatality itself (it fails
 * closed: {@link JournalHandler}).
 */
final class SlotExceptionHandler implements ExceptionHandler<PipelineSlot>
{
    private final CountedErrorHandler errors;

    SlotExceptionHandler(final CountedErrorHandler errors)
    {
        this.errors = errors;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final PipelineSlot slot)
    {
        errors.onError(ex);
        if (slot != null && slot.systemError == ErrorCode.NONE)
        {
            slot.systemError = ErrorCode.E9003;
            slot.journal = false;
        }
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        errors.onError(ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        errors.onError(ex);
    }
}
