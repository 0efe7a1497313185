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
import io.medgw.gateway.snapshot.SnapshotTaker;
import io.medgw.gateway.snapshot.StateSnapshots;
import io.medgw.gateway.state.SettlementState;
import io.medgw.gateway.status.GatewayGauge;
import io.medgw.gateway.status.GatewayMetrics;
import io.medgw.ledger.Durability;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerContext;
import io.medgw.ledger.snapshot.Snapshot;
import io.medgw.ledger.snapshot.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * A running gateway: reference data, the settlement state rebuilt from the newest snapshot and the
 * ledger, the pipeline, the snapshot taker, the Netty edge and the admin endpoints. {@link #start}
 * returns once it is ready (state rebuilt, ports bound); {@link #close} shuts down gracefully: stop
 * accepting, drain the ring (every published request is answered), write a snapshot of the final
 * state, close the ledger.
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
    private final JournalHandler journal;
    private final SnapshotTaker snapshots;
    private final long rebuiltRecords;
    private final long rebuildMs;
    private final Snapshot restoredFrom;
    private final boolean ownsMetrics;

    private Gateway(final GatewayContext ctx, final Function<Ref, TransactionDeskAdapter> deskFactory)
        throws ReferenceDataException, IOException
    {
        this.ownsMetrics = ctx.metrics() == null; // conclude() fills it in: remember whether we made it
        this.ctx = ctx.conclude();
        this.metrics = ctx.metrics();
        this.reference = ReferenceDataHolder.load(ctx.dataDir());
        this.ledger = Ledger.open(LedgerContext.gateway(ctx.ledgerDir(), ctx.timeZone())
            .durability(ctx.durability() == io.medgw.gateway.config.Durability.PROCESS ? Durability.PROCESS : Durability.FSYNC));
        final SnapshotStore snapshotStore = new SnapshotStore(ctx.snapshotDir(), ctx.snapshotRetain());
        final Restored restored = restore(deskFactory, snapshotStore);
        this.state = restored.refs().state;
        final Ref refs = restored.refs();
        final TransactionDeskAdapter desk = restored.desk();
        final StateRebuild.Result rebuilt = restored.result();
        rebuiltRecords = rebuilt.records();
        rebuildMs = rebuilt.ms();
        restoredFrom = rebuilt.snapshot();
        final SettlementEngine engine = new SettlementEngine(new SettlementContext()
            .referenceDataSupplier(reference::current)
            .state(state)
            .signInStatus(refs.signIn)
            .maxClockSkewSec(ctx.clockSkewSeconds())
            .idempotencyRetentionSec(ctx.idempotencyRetentionDays() * 86_400L));

        final LocalClock clock = new LocalClock(ctx.epochClock(), ctx.timeZone());
        final JournalHandler journal = new JournalHandler(ledger.writer(), ctx.epochClock(), ctx.nanoClock(),
            metrics.counters(), metrics.ledger(), () -> readiness.ringAccepting(false), ctx.durability() == io.medgw.gateway.config.Durability.FSYNC)
            .startingAfter(rebuilt.lastIndex(), rebuilt.lastSequence(), rebuilt.lastAppendMs());
        this.journal = journal;
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
        this.snapshots = desk.snapshots() ? new SnapshotTaker(snapshotStore, new StateSnapshots(state, desk),
            ctx.snapshotEveryRecords(), rebuilt.snapshot() == null ? 0 : rebuilt.snapshot().ledgerSequence(),
            ctx.epochClock(), metrics.counters()).start(pipeline::tryPublishSnapshot, journal::lastSequence) : null;
        this.admin = new AdminServer(ctx, readiness, this::reloadReferenceData)
            .snapshotHook(snapshots == null ? null : snapshots::request).start();
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

    /** The state rebuilt at start, the desk over it, and how. */
    private record Restored(Ref refs, TransactionDeskAdapter desk, StateRebuild.Result result)
    {
    }

    /**
     * Rebuilds the state: from the newest snapshot and the ledger records after it; when there is
     * none, or it cannot be used (another ledger's, damaged, another format), from a fresh state and
     * the whole ledger. Logs which, and how long it took.
     */
    private Restored restore(final Function<Ref, TransactionDeskAdapter> deskFactory, final SnapshotStore store)
        throws IOException
    {
        Ref refs = freshRefs();
        TransactionDeskAdapter desk = deskFactory.apply(refs);
        final Snapshot latest = desk.snapshots() ? store.latest() : null;
        StateRebuild.Result r = null;
        if (latest != null)
        {
            try
            {
                r = StateRebuild.run(ledger, refs.state, desk, latest);
                LOG.info("rebuilt state from snapshot {} ({} ms) and {} ledger records after it in {} ms in all " +
                    "({} settlements known, durability {})", latest.path().getFileName(), r.snapshotMs(), r.records(), r.ms(),
                    refs.state.recordCount(), ctx.durability().configName());
                return new Restored(refs, desk, r);
            }
            catch (final IOException ex)
            {
                LOG.warn("snapshot {} not used, rebuilding from the whole ledger: {}", latest.path().getFileName(), ex.getMessage());
                refs = freshRefs();
                desk = deskFactory.apply(refs);
            }
        }
        r = StateRebuild.run(ledger, refs.state, desk);
        LOG.info("rebuilt state from {} ledger records in {} ms ({} settlements known, durability {})",
            r.records(), r.ms(), refs.state.recordCount(), ctx.durability().configName());
        return new Restored(refs, desk, r);
    }

    private Ref freshRefs()
    {
        final SettlementState fresh = new SettlementState(reference::current, ctx.idempotencyRetentionDays() * 86_400L, "",
            reference.current().persons().size());
        return new Ref(reference, fresh, ledger, ctx.clockSkewSeconds());
    }

    private String reloadReferenceData() throws ReferenceDataException
    {
        return "reloaded reference data " + reference.reload(ctx.dataDir()).version(); // the admin server counts
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

    /** @return the snapshot the state was restored from at start, or null (the whole ledger was replayed). */
    public Snapshot restoredFrom()
    {
        return restoredFrom;
    }

    /** @return ledger records applied at start (after the snapshot, if one was used). */
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
        if (snapshots != null && drained && !journal.failed())
        {
            final long lastSequence = journal.lastSequence(); // read first: its write released lastIndex
            snapshots.takeAtStop(journal.lastIndex(), lastSequence, journal.lastAppendMs(), ctx.shutdownTimeoutMs());
        }
        else if (snapshots != null)
        {
            snapshots.close();
        }
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
