package io.medgw.gateway.it;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.NoDesk;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.pipeline.TransactionDeskAdapter;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A desk that holds the settle stage: every settlement waits in {@link #beforeSettlement} until the
 * test {@link #release releases} it (at most 20 s, so a broken test cannot hang the build). The
 * ring then fills behind the blocked slot, as it would behind a slow stage. Everything else is
 * {@link NoDesk}.
 */
final class BlockingDesk implements TransactionDeskAdapter
{
    private final NoDesk delegate = new NoDesk();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch firstEntered = new CountDownLatch(1);
    private final AtomicInteger entered = new AtomicInteger();

    @Override
    public boolean process(final SettlementEvent e)
    {
        return delegate.process(e);
    }

    @Override
    public boolean knowsMsgid(final SettlementEvent e)
    {
        return false;
    }

    @Override
    public void beforeSettlement(final SettlementEvent e)
    {
        entered.incrementAndGet();
        firstEntered.countDown();
        try
        {
            gate.await(20, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void afterSettlement(final SettlementEvent e)
    {
        delegate.afterSettlement(e);
    }

    @Override
    public void apply(final SettlementRequest req, final SettlementResult res, final long ledgerIndex)
    {
        delegate.apply(req, res, ledgerIndex);
    }

    @Override
    public ByteSink writeReply(final SettlementEvent e, final ResponseEncoder enc)
    {
        return delegate.writeReply(e, enc);
    }

    /** Waits until the settle stage is blocked on the first settlement. @return true if it is */
    boolean awaitBlocked(final long timeoutMs) throws InterruptedException
    {
        return firstEntered.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** @return settlements that reached the settle stage. */
    int entered()
    {
        return entered.get();
    }

    /** Lets the settle stage go. */
    void release()
    {
        gate.countDown();
    }
}
