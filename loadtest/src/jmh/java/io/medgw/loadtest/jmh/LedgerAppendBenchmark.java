package io.medgw.loadtest.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.Durability;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerContext;
import io.medgw.ledger.LedgerWriter;
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

/**
 * Ledger append latency with the real record of a 10-line outpatient settlement (2,938 bytes in
 * record format 2, 3,658 in format 1). {@link LedgerAppendFloorBenchmark} writes the same record
 * without Chronicle: the floor this machine puts under these numbers.
 * <pre>
 *   benchmark thread ──append()──▶ LedgerRecordEncoder ──raw bytes──▶ Chronicle excerpt (mmap)
 *                     └endOfBatch()──▶ FileChannel.force(false) on the cycle file (FSYNC mode)
 * </pre>
 * <ul>
 *   <li>{@code append}: one append, nothing forced (what the ledger stage adds per request).
 *       Target: p99 &le; 5 &micro;s.</li>
 *   <li>{@code appendThenEndOfBatch}: a batch of one, append then commit: what a lone request
 *       waits for before its reply is released (PROCESS: same as append; FSYNC: one fdatasync).</li>
 *   <li>{@code batchOf16}: 16 appends then one commit (group commit under load); the reported time
 *       is per batch, i.e. what the first request of the batch waits for.</li>
 *   <li>{@code appendIdle}, {@code appendThenEndOfBatchIdle}: the same, but between two calls the
 *       writer's thread is idle and spends it in {@link LedgerWriter#doIdleWork()} (pre-faulting the
 *       file ahead of the write position) until that returns 0. That time is not measured (a JMH
 *       per-invocation setup): it models a ledger thread below saturation, which is the gateway's
 *       normal state.</li>
 * </ul>
 * Mode: sample time (JMH reports p50/p90/p99/p99.9/max). Each iteration writes a fresh queue in a
 * temp directory, deleted afterwards (an iteration writes up to a few hundred MB). FSYNC numbers
 * depend entirely on the storage device. Run: {@code bin/medgw bench LedgerAppendBenchmark}, or
 * {@code main} below.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true",
    "-Dorg.slf4j.simpleLogger.log.net.openhft=warn"})
public class LedgerAppendBenchmark
{
    private static final int LINES = 10;
    private static final int BATCH = 16;

    /** A ledger in a fresh temp directory per iteration, opened on the benchmark thread. */
    @State(Scope.Thread)
    public static class LedgerState
    {
        @Param({"PROCESS", "FSYNC"})
        public Durability durability;

        final SettlementRequest req = new SettlementRequest();
        final SettlementResult res = new SettlementResult();
        Path dir;
        Ledger ledger;
        LedgerWriter writer;

        @Setup(Level.Iteration)
        public void open() throws IOException
        {
            tenLineSettlement(req, res);
            dir = Files.createTempDirectory("medgw-ledger-bench");
            ledger = Ledger.open(new LedgerContext().dir(dir).durability(durability));
            writer = ledger.writer();
        }

        @TearDown(Level.Iteration)
        public void close()
        {
            writer.endOfBatch();
            ledger.close();
            deleteTree(dir);
        }
    }

    /** As {@link LedgerState}, with the writer's idle work done before every measured call. */
    @State(Scope.Thread)
    public static class IdleLedgerState extends LedgerState
    {
        @Setup(Level.Invocation)
        public void idle()
        {
            while (writer.doIdleWork() > 0)
            {
                Thread.onSpinWait();
            }
        }
    }

    @Benchmark
    public long appendIdle(final IdleLedgerState s)
    {
        return s.writer.append(s.req, s.res, 1_710_495_000_000L);
    }

    @Benchmark
    public long appendThenEndOfBatchIdle(final IdleLedgerState s)
    {
        final long index = s.writer.append(s.req, s.res, 1_710_495_000_000L);
        s.writer.endOfBatch();
        return index;
    }

    @Benchmark
    public long append(final LedgerState s)
    {
        return s.writer.append(s.req, s.res, 1_710_495_000_000L);
    }

    @Benchmark
    public long appendThenEndOfBatch(final LedgerState s)
    {
        final long index = s.writer.append(s.req, s.res, 1_710_495_000_000L);
        s.writer.endOfBatch();
        return index;
    }

    @Benchmark
    public long batchOf16(final LedgerState s)
    {
        long index = 0;
        for (int i = 0; i < BATCH; i++)
        {
            index = s.writer.append(s.req, s.res, 1_710_495_000_000L);
        }
        s.writer.endOfBatch();
        return index;
    }

    /**
     * A priced 10-line 2207 settlement and its split, as the ledger stage sees it.
     *
     * @param req filled.
     * @param res filled.
     */
    static void tenLineSettlement(final SettlementRequest req, final SettlementResult res)
    {
        req.clear();
        res.clear();
        req.infno = "2207";
        req.txn = 2207;
        req.msgid = "H44010600001202403150930001234";
        req.mdtrtareaAdmvs = "440106";
        req.insuplcAdmdvs = "440100";
        req.infver = "V1.0";
        req.opterType = "1";
        req.opter = "1001";
        req.opterName = "收费员甲";
        req.infTimeText = "2024-03-15 09:30:00";
        req.infTime = 1_710_495_000L;
        req.fixmedinsCode = "H44010600001";
        req.fixmedinsName = "广州市天河区人民医院";
        req.psnNo = "44000019800101001";
        req.mdtrtCertType = "02";
        req.mdtrtCertNo = "440106198001011234";
        req.medType = "11";
        req.mdtrtId = "MD202403150001";
        req.chrgBchno = "CB202403150001";
        req.insutype = "310";
        req.acctUsedFlag = true;
        req.diseCodg = "J06.900";
        req.bodyDigestHi = 0x1234_5678_9abc_def0L;
        req.bodyDigestLo = 0x0fed_cba9_8765_4321L;
        long total = 0;
        for (int i = 0; i < LINES; i++)
        {
            final FeeLine line = req.addLine();
            line.feedetlSn = "FD2024031500010" + i;
            line.mdtrtId = req.mdtrtId;
            line.psnNo = req.psnNo;
            line.chrgBchno = req.chrgBchno;
            line.rxno = "RX202403150001";
            line.feeOcurTime = req.infTimeText;
            line.medListCodg = "XJ01CAA040A00101010144" + i;
            line.medinsListCodg = "YP00" + i;
            line.quantity4 = 20_000;
            line.priceMicro = 12_340_000L;
            line.amountFen = 2_468;
            line.inscpScpAmt = 2_268;
            line.preselfpayAmt = 200;
            line.chrgitmLv = 2;
            line.selfpayPropBp = 1000;
            line.medChrgitmType = "09";
            total += line.amountFen;
        }
        req.medfeeSumamt = total;
        res.setlId = "S202403150000001";
        res.mdtrtId = req.mdtrtId;
        res.refVersion = "ref-2024-03-01.3";
        res.setlDay = 19_797;
        res.setlTime = 1_710_495_001L;
        res.sign = 1;
        res.psnNo = req.psnNo;
        res.psnName = "张伟";
        res.certno = req.mdtrtCertNo;
        res.gend = "1";
        res.insutype = "310";
        res.psnType = "11";
        res.clrOptins = "440100";
        res.hospLv = 2;
        res.medfeeSumamt = total;
        res.preselfpayAmt = 2_000;
        res.inscpScpAmt = total - 2_000;
        res.hifpPay = 13_608;
        res.poolRatioBp = 6000;
        res.fundPaySumamt = 13_608;
        res.acctPay = total - 13_608;
        res.psnPartAmt = res.acctPay;
        res.balc = 100_000;
        res.addFundRow("310100", "职工基本医疗保险统筹基金", 13_608, res.inscpScpAmt, 5_000_000);
        res.addFundRow("310200", "职工基本医疗保险个人账户", res.acctPay, 0, -1);
        res.accYear = 2024;
        res.poolGroup = 0;
        res.poolPaid = 13_608;
    }

    static void deleteTree(final Path dir)
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path p : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Runs this benchmark alone.
     *
     * @param args ignored.
     * @throws RunnerException when JMH fails.
     */
    public static void main(final String[] args) throws RunnerException
    {
        new Runner(new OptionsBuilder().include(LedgerAppendBenchmark.class.getSimpleName()).build()).run();
    }
}
