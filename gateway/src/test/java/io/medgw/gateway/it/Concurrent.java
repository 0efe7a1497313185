package io.medgw.gateway.it;

import io.medgw.codec.reply.ResponseReader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Many HIS connections at once: one thread and one connection per request. */
final class Concurrent implements AutoCloseable
{
    private final ExecutorService pool;
    private final List<CompletableFuture<WireClient.Reply>> replies = new ArrayList<>();

    /** @param connections how many requests may be in flight. */
    Concurrent(final int connections)
    {
        pool = Executors.newFixedThreadPool(connections, r ->
        {
            final Thread t = new Thread(r, "it-his");
            t.setDaemon(true);
            return t;
        });
    }

    /** Sends {@code json} on a new connection from its own thread; the reply completes the returned future. */
    CompletableFuture<WireClient.Reply> post(final int port, final String json)
    {
        final CompletableFuture<WireClient.Reply> f = CompletableFuture.supplyAsync(() ->
        {
            try (WireClient c = new WireClient(port, 20_000))
            {
                return c.post(json);
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }, pool);
        replies.add(f);
        return f;
    }

    /** @return the futures, in sending order. */
    List<CompletableFuture<WireClient.Reply>> replies()
    {
        return replies;
    }

    /** @return how many replies have arrived. */
    int done()
    {
        int n = 0;
        for (final CompletableFuture<WireClient.Reply> f : replies)
        {
            n += f.isDone() ? 1 : 0;
        }
        return n;
    }

    /** @return the envelopes of the replies that have arrived. */
    List<ResponseReader> arrived()
    {
        final List<ResponseReader> out = new ArrayList<>();
        for (final CompletableFuture<WireClient.Reply> f : replies)
        {
            if (f.isDone())
            {
                out.add(f.join().envelope());
            }
        }
        return out;
    }

    /** Polls {@code condition} until true or the deadline. @return whether it became true */
    static boolean await(final BooleanSupplier condition, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void close()
    {
        pool.shutdownNow();
    }
}
