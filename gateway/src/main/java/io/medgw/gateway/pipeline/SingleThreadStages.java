package io.medgw.gateway.pipeline;

import com.lmax.disruptor.EventHandler;
import io.medgw.codec.ErrorCode;
import io.medgw.gateway.reply.ReplyHandler;

/**
 * The three stages on one thread: for each slot settle then journal, and at the end of each batch
 * (after the journal's force, in fsync durability) reply to every slot of the batch. The same
 * handler objects and the same guarantee as the three-thread topology — no reply before its record
 * and its batch's force — with no thread hop between stages, which on a 2-core machine is the
 * larger cost (docs/benchmarks.md).
 * <p>
 * Thread: the one "medgw-settle" thread.
 */
final class SingleThreadStages implements EventHandler<PipelineSlot>
{
    private final SettleHandler settle;
    private final JournalHandler journal;
    private final ReplyHandler reply;
    private final SlotExceptionHandler errors;
    private final PipelineSlot[] batch;
    private final long[] sequences;
    private int size;

    SingleThreadStages(final SettleHandler settle, final JournalHandler journal, final ReplyHandler reply,
        final SlotExceptionHandler errors, final int ringSize)
    {
        this.settle = settle;
        this.journal = journal;
        this.reply = reply;
        this.errors = errors;
        this.batch = new PipelineSlot[ringSize];
        this.sequences = new long[ringSize];
    }

    @Override
    public void onEvent(final PipelineSlot slot, final long sequence, final boolean endOfBatch)
    {
        try
        {
            settle.onEvent(slot, sequence, endOfBatch);
        }
        catch (final Throwable ex)
        {
            errors.handleEventException(ex, sequence, slot);
        }
        try
        {
            journal.onEvent(slot, sequence, endOfBatch);
        }
        catch (final Throwable ex)
        {
            errors.handleEventException(ex, sequence, slot);
            slot.systemError = ErrorCode.E9002;
        }
        batch[size] = slot;
        sequences[size++] = sequence;
        if (endOfBatch || size == batch.length)
        {
            for (int i = 0; i < size; i++)
            {
                try
                {
                    reply.onEvent(batch[i], sequences[i], i == size - 1);
                }
                catch (final Throwable ex)
                {
                    errors.handleEventException(ex, sequences[i], batch[i]);
                }
                batch[i] = null;
            }
            size = 0;
        }
    }
}
