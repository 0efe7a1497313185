package io.medgw.gateway;

import io.medgw.codec.Limits;
import io.medgw.gateway.admin.AdminServer;
import io.medgw.gateway.admin.Readiness;
import io.medgw.gateway.config.GatewayContext;
import io.medgw.gateway.identity.SignInStatus;
import io.medgw.gateway.net.ErrorEnvelope;
import io.medgw.gateway.net.GatewayServer;
import io.medgw.gateway.pipeline.InboundPublisher;
import io.medgw.gateway.pipeline.JournalHandler;
import io.medgw.gateway.pipeline.LocalClock;
import io.medgw.gateway.pipeline.PipelineWiring;
import io.medgw.gateway.pipeline.SettleHandler;
import io.medgw.gateway.pipeline.TransactionDeskAdapter;
import io.medgw.gateway.reference.ReferenceDataException;
import io.medgw.gateway.reference.ReferenceDataHolder;
import io.medgw.gateway.reply.ReplyHandler;
import io.medgw.gateway.settlement.SettlementContext;
import io.medgw.gateway.settlement.SettlementEngine;
import io.medgw.gateway.state.SettlementState;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayGauge;
import io.medgw.gateway.status.GatewayMetrics;
import io.medgw.ledger.Durability;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * A running gateway: reference data, the settlement state rebuilt from the ledger, the pipeline,
 * the Netty edge and the admin endpoints. {@link #start} returns once it is ready (state rebuilt,
 * ports bound); {@link #close} shuts down gracefully: stop accepting, drain the ring (every
 * published request is answered), close the ledger.
 */
public final class Gateway implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayContext ctx;
    private final GatewayMetrics metrics;
    private final Readiness readiness = new Readiness();
    private final ReferenceDataHolder reference;
    private final SettlementState state;
    private final Ledger ledger;
    private final PipelineWiring pipeline;
    private final InboundPublisher publisher;
    private final GatewayServer server;
    private final AdminServer admin;
    private final long rebuiltRecords;
    private final long rebuildMs;
    private final boolean ownsMetrics;

    private Gateway(final GatewayContext ctx, final Function<Ref, TransactionDeskAdapter> deskFactory)
        throws ReferenceDataException, IOException
    {
        this.ownsMetrics = ctx.metrics() == null; // conclude() fills it in: remember whether we made it
        this.ctx = ctx.conclude();
        this.metrics = ctx.metrics();
        this.reference = ReferenceDataHolder.load(ctx.dataDir());
        this.state = new SettlementState(reference::current, ctx.idempotencyRetentionDays() * 86_400L, "",
            reference.current().persons().size());
        this.ledger = Ledger.open(LedgerContext.gateway(ctx.ledgerDir(), ctx.timeZone())
            .durability(ctx.durability() == io.medgw.gateway.config.Durability.PROCESS ? Durability.PROCESS : Durability.FSYNC));
        final Ref refs = new Ref(reference, state, ledger, ctx.clockSkewSeconds());
        final TransactionDeskAdapter desk = deskFactory.apply(refs);
        final SettlementEngine engine = new SettlementEngine(new SettlementContext()
            .referenceDataSupplier(reference::current)
            .state(state)
            .signInStatus(refs.signIn)
            .maxClockSkewSec(ctx.clockSkewSeconds())
            .idempotencyRetentionSec(ctx.idempotencyRetentionDays() * 86_400L));

        final StateRebuild.Result rebuilt = StateRebuild.run(ledger, state, desk);
        rebuiltRecords = rebuilt.records();
        rebuildMs = rebuilt.ms();
        LOG.info("rebuilt state from {} ledger records in {} ms ({} settlements known, durability {})",
            rebuiltRecords, rebuildMs, state.recordCount(), ctx.durability().configName());

        final LocalClock clock = new LocalClock(ctx.epochClock(), ctx.timeZone());
        final JournalHandler journal = new JournalHandler(ledger.writer(), ctx.epochClock(), ctx.nanoClock(),
            metrics.counters(), metrics.ledger(), () -> readiness.ringAccepting(false), ctx.durability() == io.medgw.gateway.config.Durability.FSYNC);
        final int offset = ctx.timeZone().getRules().getOffset(Instant.ofEpochMilli(ctx.epochClock().time())).getTotalSeconds();
        final ReplyHandler reply = new ReplyHandler(offset, desk, journal, ctx.receiverAdmdvs(), ctx.epochClock(),
            ctx.nanoClock(), metrics.requests(), metrics.counters());
        this.pipeline = new PipelineWiring(ctx.ringSize(), ctx.pipelineThreads(), ctx.pipelineIdleStrategy(),
            ctx.nanoClock(), ctx.pipelineBusyPollUs(), new SettleHandler(engine, desk, reference, clock), journal, reply, metrics.counters());
        this.publisher = new InboundPublisher(pipeline.ring(), new Limits().maxBodyBytes(ctx.maxBodyBytes()).conclude(),
            new ErrorEnvelope(ctx), ctx.epochClock(), metrics.counters());
        metrics.gauge(GatewayGauge.RING_CAPACITY, () -> ctx.ringSize());
        metrics.gauge(GatewayGauge.RING_OCCUPANCY, pipeline::occupancy);
        metrics.gauge(GatewayGauge.IDEMPOTENCY_ENTRIES, state::answerCount);
        metrics.gauge(GatewayGauge.SETTLEMENTS_KNOWN, state::recordCount);
        metrics.gauge(GatewayGauge.READY, readiness::readyAsLong);
        this.admin = new AdminServer(ctx, readiness, this::reloadReferenceData).start();
        this.server = new GatewayServer(ctx, publisher).start();
        readiness.stateRebuilt(true).ringAccepting(true);
    }

    /**
     * Starts a gateway with the full transaction desk.
     *
     * @param ctx         configuration.
     * @param deskFactory builds the non-settlement transactions over the gateway's reference data and state.
     * @return the running gateway, ready.
     * @throws ReferenceDataException if the reference data is invalid (the gateway refuses to start).
     * @throws IOException            if a port cannot be bound or the ledger cannot be opened.
     */
    public static Gateway start(final GatewayContext ctx, final Function<Ref, TransactionDeskAdapter> deskFactory)
        throws ReferenceDataException, IOException
    {
        return new Gateway(ctx, deskFactory);
    }

    /**
     * What a desk is built over; the desk may set {@link #signIn} for the E1023 check. The ledger is
     * for reading back (5204 fee lists) on the settle thread only: open a reader of your own.
     */
    public static final class Ref
    {
        public final ReferenceDataHolder reference;
        public final SettlementState state;
        public final Ledger ledger;
        public final long maxClockSkewSec;
        public SignInStatus signIn;

        /**
         * @param reference       the reference data.
         * @param state           the settlement state.
         * @param ledger          the ledger.
         * @param maxClockSkewSec the inf_time skew bound.
         */
        public Ref(final ReferenceDataHolder reference, final SettlementState state, final Ledger ledger, final long maxClockSkewSec)
        {
            this.reference = reference;
            this.state = state;
            this.ledger = ledger;
            this.maxClockSkewSec = maxClockSkewSec;
        }
    }

    private String reloadReferenceData() throws ReferenceDataException
    {
        try
        {
            final String version = reference.reload(ctx.dataDir()).version();
            metrics.counters().increment(GatewayCounter.REFERENCE_RELOADS);
            return "reloaded reference data " + version;
        }
        catch (final ReferenceDataException ex)
        {
            metrics.counters().increment(GatewayCounter.REFERENCE_RELOAD_FAILURES);
            throw ex;
        }
    }

    /** @return the one line printed when ready: {@code listening on HOST:PORT}. */
    public String listeningLine()
    {
        return server.listeningLine();
    }

    /** @return the settlement port actually bound. */
    public int port()
    {
        return server.port();
    }

    /** @return the admin port actually bound. */
    public int adminPort()
    {
        return admin.port();
    }

    /** @return the settlement state (tests and tools: read only, and only while the pipeline is idle). */
    public SettlementState state()
    {
        return state;
    }

    /** @return the metrics registry. */
    public GatewayMetrics metrics()
    {
        return metrics;
    }

    /** @return the ledger (for tools reading it while running). */
    public Ledger ledger()
    {
        return ledger;
    }

    /** @return ledger records applied at start. */
    public long rebuiltRecords()
    {
        return rebuiltRecords;
    }

    /** @return how long the rebuild from the ledger took. */
    public long rebuildMs()
    {
        return rebuildMs;
    }

    @Override
    public void close()
    {
        readiness.shuttingDown(true);
        publisher.stopAccepting();
        server.stopAccepting();
        final boolean drained = pipeline.drainAndStop(ctx.shutdownTimeoutMs());
        server.awaitInFlight(ctx.shutdownTimeoutMs());
        server.close();
        admin.close();
        ledger.close();
        if (ownsMetrics)
        {
            metrics.close();
        }
        LOG.info("gateway stopped ({})", drained ? "ring drained" : "drain timed out");
    }
}
