package io.medgw.gateway.it;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.Gateway;
import io.medgw.gateway.config.Durability;
import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.pipeline.NoDesk;
import io.medgw.gateway.pipeline.TransactionDeskAdapter;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.visit.DeskContext;
import io.medgw.gateway.visit.TransactionDesk;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerContext;
import io.medgw.ledger.LedgerReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@link Gateway} for the end-to-end tests: the standard test region written as CSV files
 * ({@link RegionFiles}) into {@code root/data}, the ledger in {@code root/ledger}, ports 0 on
 * 127.0.0.1, durability {@code process} unless a test asks otherwise, and a pinned clock
 * ({@link ItClock}) so that inf_time "now" is a 2026 date. {@link #start} may be called again
 * after {@link #stop} (a restart on the same ledger).
 * <p>
 * Hygiene: {@link #stop} fails the test if any error counter moved ({@code GatewayCounters.errorTotal()})
 * unless the test declared it with {@link #expectErrors}.
 */
final class ItGateway implements AutoCloseable
{
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final Path dataDir;
    final Path ledgerDir;
    final ItClock clock = new ItClock();
    private Gateway gateway;
    private boolean errorsExpected;

    /** @param root an empty temporary directory. */
    ItGateway(final Path root)
    {
        try
        {
            dataDir = Files.createDirectories(root.resolve("data"));
            ledgerDir = root.resolve("ledger");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        RegionFiles.writeStandard(dataDir);
    }

    /** Starts with the settlement core only ({@link NoDesk}) and the default test context. @return this */
    ItGateway start() throws Exception
    {
        return start(ctx -> { }, ref -> new NoDesk());
    }

    /** Starts with a configuration tweak and the settlement core only. @return this */
    ItGateway start(final Consumer<GatewayContext> tweak) throws Exception
    {
        return start(tweak, ref -> new NoDesk());
    }

    /**
     * @param tweak changes to the default test context.
     * @param desk  the desk factory passed to {@link Gateway#start}.
     * @return this, running.
     */
    ItGateway start(final Consumer<GatewayContext> tweak, final Function<Gateway.Ref, TransactionDeskAdapter> desk)
        throws Exception
    {
        final GatewayContext ctx = new GatewayContext()
            .host("127.0.0.1").port(0).adminPort(0).ioThreads(2)
            .dataDir(dataDir).ledgerDir(ledgerDir)
            .durability(Durability.PROCESS)
            .ringSize(1024)
            .shutdownTimeoutMs(5_000)
            .timeZone(ZONE)
            .receiverAdmdvs("320100")
            .epochClock(clock);
        tweak.accept(ctx);
        gateway = Gateway.start(ctx, desk);
        return this;
    }

    /**
     * The full transaction desk, as the serve command builds it (loadtest's {@code Desks.full}); the
     * desk built is put into {@code holder} so a test can read its digest.
     *
     * @param holder receives the desk each time the factory runs (each start).
     * @return the factory.
     */
    static Function<Gateway.Ref, TransactionDeskAdapter> fullDesk(final AtomicReference<TransactionDesk> holder)
    {
        return ref ->
        {
            final TransactionDesk desk = new TransactionDesk(DeskContext.forGateway(ref, ref.maxClockSkewSec)
                .ledgerReader(ref.ledger.reader()));
            holder.set(desk);
            return desk;
        };
    }

    /**
     * Deletes the snapshots of the test's ledger (the next start replays the whole ledger).
     *
     * @param root the directory given to the constructor.
     */
    static void deleteSnapshots(final Path root) throws IOException
    {
        final Path dir = root.resolve("ledger").resolve("snapshots");
        if (Files.isDirectory(dir))
        {
            try (var files = Files.list(dir))
            {
                for (final Path f : files.toList())
                {
                    Files.delete(f);
                }
            }
        }
    }

    /** The test expects error counters to move (a handler failure it provoked). */
    void expectErrors()
    {
        errorsExpected = true;
    }

    /** @return the running gateway. */
    Gateway gateway()
    {
        return gateway;
    }

    /** @return the settlement port. */
    int port()
    {
        return gateway.port();
    }

    /** @return the admin port. */
    int adminPort()
    {
        return gateway.adminPort();
    }

    /** @return a new keep-alive client on the settlement port. */
    WireClient client() throws IOException
    {
        return new WireClient(port());
    }

    /** @return the sequence of the last ledger record (= records written, the ledger being dense). */
    long ledgerSize()
    {
        return gateway.ledger().lastSequence();
    }

    /** @return the ledger records that moved money (settlements and cancellations), read from the running ledger. */
    long moneyRecords()
    {
        final long[] n = new long[1];
        try (LedgerReader reader = gateway.ledger().reader())
        {
            reader.forEach((index, sequence, appendMs, req, res) -> n[0] += res.sign != 0 ? 1 : 0);
        }
        return n[0];
    }

    /** @return a counter's value. */
    long counter(final GatewayCounter c)
    {
        return gateway.metrics().counters().get(c);
    }

    /** Closes the gateway (graceful) and checks the error counters. */
    synchronized void stop()
    {
        if (gateway == null)
        {
            return;
        }
        final Gateway g = gateway;
        gateway = null;
        g.close();
        if (!errorsExpected)
        {
            assertThat(g.metrics().counters().errorTotal()).as("gateway error counters (handler, listener, net, fatal)").isZero();
        }
    }

    @Override
    public void close()
    {
        stop();
    }

    /**
     * Reads every record of a ledger directory (gateway stopped), read-only.
     *
     * @param dir the ledger directory.
     * @return (request, result) copies, in order.
     */
    static List<Record> readLedger(final Path dir)
    {
        final List<Record> out = new ArrayList<>();
        try (Ledger ledger = Ledger.open(LedgerContext.replay(dir)); LedgerReader reader = ledger.reader())
        {
            reader.forEach((index, sequence, appendMs, req, res) -> out.add(new Record(sequence, req.infno, req.msgid,
                req.fixmedinsCode, res.error, res.setlId, res.origSetlId, res.sign, res.medfeeSumamt, res.fundPaySumamt)));
        }
        return out;
    }

    /**
     * One ledger record as the tests look at it.
     *
     * @param sequence      ledger sequence.
     * @param infno         the request's infno.
     * @param msgid         the request's msgid.
     * @param fixmedinsCode the institution.
     * @param error         the answer's code (NONE for a success).
     * @param setlId        the answer's setl_id.
     * @param origSetlId    the cancelled settlement, for a cancellation.
     * @param sign          1 settlement, -1 cancellation, 0 no money.
     * @param medfee        medfee_sumamt, fen (negated for a cancellation).
     * @param fundPay       fund_pay_sumamt, fen.
     */
    record Record(long sequence, String infno, String msgid, String fixmedinsCode, ErrorCode error, String setlId,
        String origSetlId, int sign, long medfee, long fundPay)
    {
    }
}
