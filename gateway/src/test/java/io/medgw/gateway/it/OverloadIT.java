package io.medgw.gateway.it;

import io.medgw.codec.reply.ResponseReader;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.status.GatewayCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.medgw.gateway.it.WireChecks.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload: with the settle stage held and more requests in flight than the ring has slots, the
 * excess is answered E9001 (infcode −1: retry) at once — the edge never queues without bound and
 * never hangs — and every accepted request is answered once the stage moves again.
 */
final class OverloadIT
{
    private static final int RING = 64;
    private static final int REQUESTS = 80;

    @TempDir
    Path root;

    @Test
    void shouldRefuseTheExcessAtOnceAndAnswerEveryAcceptedRequestWhenTheRingIsFull() throws Exception
    {
        final BlockingDesk desk = new BlockingDesk();
        try (ItGateway gw = new ItGateway(root).start(ctx -> ctx.ringSize(RING), ref -> desk);
            Concurrent his = new Concurrent(REQUESTS))
        {
            try
            {
                overload(gw, his, desk);
            }
            finally
            {
                desk.release();
            }
        }
    }

    private static void overload(final ItGateway gw, final Concurrent his, final BlockingDesk desk) throws Exception
    {
        his.post(gw.port(), Bill.settle(gw.clock, TestRegion.H3, "E3").line("A001", 10_000, 5_000_000).json());
        assertThat(desk.awaitBlocked(5_000)).as("the settle stage holds the first request").isTrue();
        final long sent = System.nanoTime();
        for (int i = 1; i < REQUESTS; i++)
        {
            his.post(gw.port(), Bill.settle(gw.clock, TestRegion.H3, "E3").line("A001", 10_000, 5_000_000).json());
        }

        final int excess = REQUESTS - RING;
        assertThat(Concurrent.await(() -> his.done() >= excess, 5_000))
            .as("the excess is answered while the stage is still held").isTrue();
        assertThat((System.nanoTime() - sent) / 1_000_000).as("ms until the refusals arrived").isLessThan(5_000);
        Thread.sleep(200);
        final List<ResponseReader> refused = his.arrived();
        assertThat(refused).as("only the excess is answered while the stage is held").hasSize(excess);
        for (final ResponseReader r : refused)
        {
            assertRefused(r, "E9001", -1);
        }
        assertThat(gw.counter(GatewayCounter.OVERLOAD_REFUSALS)).isEqualTo(excess);
        assertThat(desk.entered()).isEqualTo(1);

        desk.release();

        assertThat(Concurrent.await(() -> his.done() == REQUESTS, 10_000)).as("every accepted request is answered").isTrue();
        int settled = 0;
        for (final CompletableFuture<WireClient.Reply> f : his.replies())
        {
            final ResponseReader r = f.join().envelope();
            settled += r.infcode() == 0 ? 1 : 0;
            assertThat(r.infcode()).as(r.errMsg()).isIn(0, -1);
        }
        assertThat(settled).isEqualTo(RING);
        assertThat(gw.ledgerSize()).isEqualTo(RING);
        assertThat(gw.gateway().state().recordCount()).isEqualTo(RING);

        try (WireClient c = gw.client())
        {
            final ResponseReader after = c.post(Bill.settle(gw.clock, TestRegion.H3, "E3").line("A001", 10_000, 5_000_000)
                .json()).envelope();
            assertThat(after.infcode()).as("the ring is free again: " + after.errMsg()).isZero();
        }
    }
}
