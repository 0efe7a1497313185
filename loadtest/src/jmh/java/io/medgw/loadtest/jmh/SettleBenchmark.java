package io.medgw.loadtest.jmh;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.request.RequestDecoder;
import io.medgw.gateway.identity.IdentityCheckHandler;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.pricing.CataloguePricingHandler;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.reference.ReferenceDataException;
import io.medgw.gateway.reference.ReferenceDataLoader;
import io.medgw.gateway.settlement.IdempotencyCheck;
import io.medgw.gateway.settlement.SettlementContext;
import io.medgw.gateway.settlement.SettlementEngine;
import io.medgw.gateway.split.FundSplitHandler;
import io.medgw.gateway.state.SettlementState;
import io.medgw.loadtest.bench.BenchBills;
import io.medgw.loadtest.bench.BenchFiles;
import io.medgw.loadtest.region.DemoRegionGenerator;
import io.medgw.loadtest.region.Scale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The settlement core on one thread, over a generated demo region (settlement-rules.md §1–§8):
 * <pre>
 *   settle10 / settle60 (2206 / 2303, nothing changes):
 *     SettlementEvent.start ─▶ IdempotencyCheck ─▶ IdentityCheckHandler ─▶ CataloguePricingHandler ─▶ FundSplitHandler
 *   settleCommit10 (2207, a new msgid per call):
 *     SettlementEvent.start ─▶ SettlementEngine.process: the four stages above ─▶ CommitHandler (ids, SettlementState.apply)
 * </pre>
 * Workloads, built in set-up from real institutions, persons and catalogue codes of the region and
 * decoded once with {@link RequestDecoder} (decode is {@link CodecBenchmark}'s business):
 * <ul>
 *   <li>{@code settle10}: a 10-line 普通门诊 bill (med_type 11, a local insutype-310 person,
 *       acct_used_flag 1) pre-settled: idempotency miss, identity, pricing, split, personal
 *       account. This is the hot computation. <b>Targets: ≤ 2 µs/op, ≤ 16 B/op allocated.</b></li>
 *   <li>{@code settle60}: a 60-line 普通住院 bill (med_type 21) pre-settled.
 *       <b>Targets: ≤ 10 µs/op, ≤ 16 B/op allocated.</b></li>
 *   <li>{@code settleCommit10}: the same 10 lines as a real 2207 that commits: ids, accumulators,
 *       balance, the settlement record, the idempotency entry. It allocates the record, the
 *       setl_id and the map entries by design (about a kilobyte per op); report it separately.
 *       Each call takes the next of 2^19 pre-made msgids (a repeated msgid would be answered from
 *       the idempotency table); the state starts empty every iteration and is replaced when the
 *       msgids run out (one slow call in 2^19). The person's accumulators reach their caps and the
 *       account empties early on, so most calls settle with the funds capped: fine for timing.</li>
 * </ul>
 * Mode: average time. Read the allocation with {@code -prof gc} ({@code gc.alloc.rate.norm}, B/op).
 * Each run checks its answer at the end (a fast but refused or changed answer fails the run).
 * <p>
 * Run: {@code bin/medgw bench SettleBenchmark -prof gc} (add {@code -p scale=DEMO} for the
 * 200,000-person region; set-up then takes a few tens of seconds), or this class's {@code main}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The flags of the parent pom's medgw.jvm.flags property (JMH forks start with java -cp).
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true",
    "-Xms2g", "-Xmx2g" })
public class SettleBenchmark
{
    private static final long SEED = 42L;
    private static final int MSGIDS = 1 << 19;

    /** The demo region's size: SMALL (5,000 persons) or DEMO (200,000 persons, 50,000 codes per region). */
    @Param({"SMALL"})
    public Scale scale;

    private ReferenceData ref;
    private final SettlementEvent pre10 = new SettlementEvent();
    private final SettlementEvent pre60 = new SettlementEvent();
    private final SettlementEvent commit10 = new SettlementEvent();
    private IdempotencyCheck idempotency;
    private IdentityCheckHandler identity;
    private CataloguePricingHandler pricing;
    private FundSplitHandler split;
    private SettlementEngine engine;
    private String[] msgids;
    private int next;
    private long expected10;
    private long expected60;

    /**
     * Generates the region into a temp directory, loads it, deletes the files, and finds the two
     * bills (drawing until one settles).
     *
     * @throws IOException            if the temp directory fails.
     * @throws ReferenceDataException if the generated region does not load.
     */
    @Setup(Level.Trial)
    public void setup() throws IOException, ReferenceDataException
    {
        final Path dir = Files.createTempDirectory("medgw-settle-bench");
        try
        {
            DemoRegionGenerator.generate(dir, SEED, scale);
            ref = ReferenceDataLoader.load(dir);
        }
        finally
        {
            BenchFiles.deleteTree(dir);
        }
        final SettlementState empty = new SettlementState(() -> ref, SettlementState.DEFAULT_RETENTION_SEC, "", 16);
        idempotency = new IdempotencyCheck(empty);
        identity = new IdentityCheckHandler(null, 0);
        pricing = new CataloguePricingHandler();
        split = new FundSplitHandler(empty);

        final RequestDecoder decoder = new RequestDecoder();
        final BenchBills bills = new BenchBills(ref, BenchBills.DAY);
        final SplittableRandom rng = new SplittableRandom(SEED);
        final BenchBills.Bill outpatient = settling(bills, decoder, rng, "310", "11", 10, "2206", pre10);
        settling(bills, decoder, rng, null, "21", 60, "2303", pre60);
        expected10 = fingerprint(pre10.result);
        expected60 = fingerprint(pre60.result);

        BenchBills.decode(decoder, BenchBills.json(outpatient, "2207", BenchBills.msgid(outpatient.inst().code(), 0), BenchBills.INF_TIME), commit10.request);
        msgids = new String[MSGIDS];
        for (int i = 0; i < MSGIDS; i++)
        {
            msgids[i] = BenchBills.msgid(outpatient.inst().code(), i);
        }
        freshState();
        settleCommit10();
        if (!commit10.result.ok() || commit10.result.medfeeSumamt != pre10.result.medfeeSumamt ||
            commit10.result.fundPaySumamt != pre10.result.fundPaySumamt)
        {
            throw new IllegalStateException("the 2207 does not settle like its 2206: " + commit10.result.error + " " +
                commit10.result.errorMessage);
        }
    }

    // Draws bills until one settles (pre-settle through the stages), leaving it decoded in e.
    private BenchBills.Bill settling(final BenchBills bills, final RequestDecoder decoder, final SplittableRandom rng,
        final String insutype, final String medType, final int lines, final String infno, final SettlementEvent e)
    {
        String last = "no bill drawn";
        for (int i = 0; i < 1_000; i++)
        {
            final BenchBills.Bill b = bills.draw(rng, insutype, medType, lines);
            if (b == null)
            {
                continue;
            }
            BenchBills.decode(decoder, BenchBills.json(b, infno, BenchBills.msgid(b.inst().code(), 0), BenchBills.INF_TIME),
                e.request);
            preSettle(e);
            if (e.result.ok() && e.result.fundPaySumamt > 0)
            {
                return b;
            }
            last = e.result.error + " " + e.result.errorMessage;
        }
        throw new IllegalStateException("no " + infno + " bill of " + lines + " lines settles in this region: " + last);
    }

    /** A fresh, empty settlement state for the committing benchmark (every iteration). */
    @Setup(Level.Iteration)
    public void freshState()
    {
        engine = new SettlementEngine(new SettlementContext().referenceData(ref).expectedPersons(16));
        next = 0;
    }

    /** Fails the run when an answer changed or was refused (fast but broken must not pass). */
    @TearDown(Level.Iteration)
    public void verify()
    {
        check("settle10", pre10.result, expected10);
        check("settle60", pre60.result, expected60);
        if (!commit10.result.ok() || engine.state().recordCount() != next)
        {
            throw new IllegalStateException("settleCommit10: " + commit10.result.error + " " + commit10.result.errorMessage +
                ", records " + engine.state().recordCount() + " after " + next + " commits");
        }
    }

    private static void check(final String name, final SettlementResult r, final long expected)
    {
        if (!r.ok() || fingerprint(r) != expected)
        {
            throw new IllegalStateException(name + " answer changed: " + r.error + " " + r.errorMessage);
        }
    }

    private static long fingerprint(final SettlementResult r)
    {
        return ((r.medfeeSumamt * 31 + r.inscpScpAmt) * 31 + r.fundPaySumamt) * 31 + r.acctPay * 7 + r.psnCashPay;
    }

    private long preSettle(final SettlementEvent e)
    {
        e.start(ref, BenchBills.INF_TIME);
        idempotency.onEvent(e);
        identity.onEvent(e);
        pricing.onEvent(e);
        split.onEvent(e);
        return e.result.psnCashPay;
    }

    /** @return the cash part (so the work is not dead code). */
    @Benchmark
    public long settle10()
    {
        return preSettle(pre10);
    }

    /** @return the cash part. */
    @Benchmark
    public long settle60()
    {
        return preSettle(pre60);
    }

    /** @return the cash part. */
    @Benchmark
    public long settleCommit10()
    {
        if (next == MSGIDS)
        {
            freshState();
        }
        final SettlementEvent e = commit10;
        e.request.msgid = msgids[next++];
        e.start(ref, BenchBills.INF_TIME);
        engine.process(e);
        return e.result.psnCashPay;
    }

    /**
     * One-off run of this benchmark alone.
     *
     * @param args unused.
     * @throws RunnerException if JMH fails.
     */
    public static void main(final String[] args) throws RunnerException
    {
        new Runner(new OptionsBuilder().include(SettleBenchmark.class.getSimpleName()).build()).run();
    }
}
