package io.medgw.gateway.it;

import io.medgw.codec.reply.ResponseReader;
import io.medgw.gateway.TestRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.medgw.gateway.it.WireChecks.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Graceful shutdown: requests already in the pipeline when {@code close()} starts are answered and
 * journaled; a request that arrives after is refused E9004 (infcode −1: retry elsewhere or later);
 * new connections are not accepted.
 */
final class ShutdownIT
{
    private static final int IN_FLIGHT = 10;

    @TempDir
    Path root;

    @Test
    void shouldAnswerEveryRequestInFlightWhenCloseStarts() throws Exception
    {
        final BlockingDesk desk = new BlockingDesk();
        final ItGateway gw = new ItGateway(root).start(ctx -> { }, ref -> desk);
        final int port = gw.port();
        final int adminPort = gw.adminPort();
        try (Concurrent his = new Concurrent(IN_FLIGHT); WireClient late = gw.client())
        {
            for (int i = 0; i < IN_FLIGHT; i++)
            {
                his.post(port, Bill.settle(gw.clock, TestRegion.H1, "R1").line("A001", 10_000, 8_000_000).json());
            }
            assertThat(desk.awaitBlocked(5_000)).isTrue();
            assertThat(Concurrent.await(
                () -> WireChecks.metric(gw.gateway().metrics().scrape(), "medgw_ring_occupancy") >= IN_FLIGHT, 5_000))
                .as("every request is in the ring").isTrue();

            final CompletableFuture<Void> closing = CompletableFuture.runAsync(gw::stop);
            assertThat(Concurrent.await(() -> notReady(adminPort), 5_000)).as("/ready turns 503 while draining").isTrue();
            assertThat(his.done()).as("nothing answered while the stage is held").isZero();

            final WireClient.Reply refused = late.post(Bill.settle(gw.clock, TestRegion.H1, "R1").line("A001", 10_000, 8_000_000)
                .json());
            assertThat(refused.status()).isEqualTo(503);
            assertRefused(refused.envelope(), "E9004", -1);
            assertThatThrownBy(() -> new WireClient(port).post(Bill.settle(gw.clock, TestRegion.H1, "R1")
                .line("A001", 10_000, 8_000_000).json())).as("no new connection after close started")
                .isInstanceOf(IOException.class);

            desk.release();
            closing.get();

            final List<CompletableFuture<WireClient.Reply>> replies = his.replies();
            for (final CompletableFuture<WireClient.Reply> f : replies)
            {
                assertThat(f).isDone();
                final ResponseReader r = f.join().envelope();
                assertThat(r.infcode()).as(r.errMsg()).isZero();
            }
        }
        finally
        {
            desk.release();
            gw.stop();
        }
        assertThat(ItGateway.readLedger(gw.ledgerDir)).as("every answered settlement is in the ledger").hasSize(IN_FLIGHT);
    }

    private static boolean notReady(final int adminPort)
    {
        try
        {
            return WireClient.get(adminPort, "/ready").status() == 503;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
