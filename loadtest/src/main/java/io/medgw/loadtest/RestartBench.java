package io.medgw.loadtest;

import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.reference.ReferenceDataException;
import io.medgw.gateway.reference.ReferenceDataHolder;
import io.medgw.gateway.reference.ReferenceDataLoader;
import io.medgw.gateway.state.SettlementState;
import io.medgw.ledger.Durability;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerContext;
import io.medgw.ledger.LedgerReader;
import io.medgw.gateway.pipeline.TransactionDeskAdapter;
import io.medgw.gateway.Gateway;
import io.medgw.gateway.StateRebuild;
import io.medgw.gateway.snapshot.StateSnapshots;
import io.medgw.cli.Desks;
import io.medgw.ledger.LedgerWriter;
import io.medgw.ledger.snapshot.Snapshot;
import io.medgw.ledger.snapshot.SnapshotStore;
import io.medgw.loadtest.bench.BenchFiles;
import io.medgw.loadtest.bench.RestartLedgerWriter;
import io.medgw.loadtest.region.DemoRegionGenerator;
import io.medgw.loadtest.region.Scale;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Restart time: how long the gateway takes to rebuild its settlement state from the ledger before
 * it answers again. <b>Target: 1,000,000 settlements rebuilt in ≤ 10 s</b> (≥ 100,000 records/s).
 * <pre>
 *   write (not timed):
 *     BenchBills ─JSON─▶ RequestDecoder ─▶ SettlementEngine (2207, commits) ─▶ LedgerWriter.append   × distinct
 *     LedgerReader.next (the distinct ones, cyclically) ─▶ new msgid, setl_id, psn_no, inf_time ─▶ append
 *                                                                                  up to N records
 *   rebuild (timed exactly as Gateway's constructor does it):
 *     Ledger.open ─▶ t0 ─▶ StateRebuild.run: lean decode ─▶ SettlementState.apply + desk.apply ─▶ t1
 * </pre>
 * Workload: the SMALL demo region (seed 42); {@code distinct} (default 20,000) real 10-line 普通门诊
 * 2207 settlements of random local persons at random hospitals, settled through the engine on
 * 2026-03-16 08:00–18:00 and appended in {@link Durability#PROCESS} mode; then copies of them up to N
 * records, each with a new msgid, setl_id and inf_time (spread over the following 30 days, so the
 * 7-day idempotency window purges on the way) and the psn_no of another person of the same region
 * and insutype (so every person's accumulators and balance are rebuilt). The rebuild state is
 * built like Gateway's ({@code ReferenceDataHolder::current}, 7-day retention, sized to the persons).
 * The rebuild reads a ledger the writer just wrote (page cache warm); for a cold read, write once
 * with {@code --keep}, drop the page cache, then run {@code --rebuild-only}. The run fails unless
 * every record became one settlement in the state. {@code --read-baseline} also times a pass that
 * only reads (no apply) before each rebuild, to split the time between the ledger and the state.
 * <p>
 * Needs about 2 KB of heap per settlement kept in the state: run 1M records with {@code -Xmx4g}.
 * Disk: about 3 KB per record in the ledger (3 GB for 1M), in a temp directory deleted afterwards
 * unless {@code --keep}.
 * <pre>
 *   java -cp loadtest/target/medgw.jar FLAGS -Xmx4g io.medgw.loadtest.RestartBench [N] [--distinct D]
 *        [--dir DIR] [--keep] [--rebuild-only] [--rebuilds R] [--read-baseline] [--snapshot-at K]
 * </pre>
 * {@code --snapshot-at K} then also times a restart from a snapshot: the state of the first K records
 * (0: all) written as the gateway writes a snapshot, read back into a fresh state and desk, and the
 * records after K replayed; the state must equal the full rebuild's.
 * FLAGS: the parent pom's {@code medgw.jvm.flags} (Chronicle Queue on Java 17).
 */
public final class RestartBench
{
    /** The gateway's default zone (daily ledger files roll at its midnight). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The gateway's default idempotency retention. */
    public static final long RETENTION_SEC = RestartLedgerWriter.RETENTION_SEC;
    private static final long SEED = 42L;
    /** The gateway's default inf_time skew bound (the desk needs one; the rebuild never checks it). */
    private static final long CLOCK_SKEW_SEC = 600;

    /**
     * One rebuild.
     *
     * @param records       records read and applied.
     * @param openMs        Ledger.open (recovers the last sequence), ms.
     * @param rebuildMs     reader.forEach → apply, ms (what Gateway logs).
     * @param recordsPerSec records / rebuild time.
     * @param settlements   settlement records in the state afterwards.
     * @param persons       persons whose balance the state owns.
     * @param answers       idempotency entries still live.
     * @param heapUsedBytes heap in use after a full GC with the state alive.
     * @param stateDigest   the rebuilt state's digest.
     */
    public record Result(long records, long openMs, long rebuildMs, long recordsPerSec, int settlements, int persons,
        int answers, long heapUsedBytes, long stateDigest)
    {
    }

    private RestartBench()
    {
    }

    /**
     * @param args {@code [N] [--distinct D] [--dir DIR] [--keep] [--rebuild-only] [--rebuilds R] [--read-baseline]
     *             [--snapshot-at K]} (K = 0: the last record).
     * @throws Exception if anything fails.
     */
    public static void main(final String[] args) throws Exception
    {
        long records = 1_000_000;
        int distinct = 20_000;
        int rebuilds = 1;
        Path dir = null;
        boolean keep = false;
        boolean rebuildOnly = false;
        boolean readBaseline = false;
        long snapshotAt = -1;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--distinct" -> distinct = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--rebuild-only" -> rebuildOnly = true;
                case "--rebuilds" -> rebuilds = Integer.parseInt(args[++i]);
                case "--read-baseline" -> readBaseline = true;
                case "--snapshot-at" -> snapshotAt = Long.parseLong(args[++i].replace("_", ""));
                default -> records = Long.parseLong(args[i].replace("_", ""));
            }
        }
        if (rebuildOnly && dir == null)
        {
            throw new IllegalArgumentException("--rebuild-only needs --dir (a directory written with --keep)");
        }
        final boolean temp = dir == null;
        final Path work = temp ? Files.createTempDirectory("medgw-restart-bench") : dir;
        try
        {
            if (!rebuildOnly)
            {
                write(work, records, distinct, System.out);
            }
            Result full = null;
            for (int i = 0; i < rebuilds; i++)
            {
                if (readBaseline)
                {
                    readOnly(work, System.out);
                }
                full = rebuild(work, System.out);
            }
            if (snapshotAt >= 0)
            {
                final long at = snapshotAt == 0 ? full.records() : snapshotAt;
                for (int i = 0; i < rebuilds; i++)
                {
                    restartFromSnapshot(work, at, full, System.out);
                }
            }
        }
        finally
        {
            if (temp && !keep)
            {
                BenchFiles.deleteTree(work);
            }
            else
            {
                System.out.println("kept " + work + " (region/, ledger/)");
            }
        }
    }

    /**
     * Generates the SMALL region into {@code work/region} (unless present) and writes
     * {@code records} settlements into a new ledger in {@code work/ledger}.
     *
     * @param work     the working directory.
     * @param records  records to write (N).
     * @param distinct real settlements made through the engine (the rest are copies).
     * @param out      progress.
     * @return the number of records written.
     * @throws IOException            if a file fails.
     * @throws ReferenceDataException if the region does not load.
     */
    public static long write(final Path work, final long records, final int distinct, final PrintStream out)
        throws IOException, ReferenceDataException
    {
        final Path regionDir = work.resolve("region");
        final Path ledgerDir = work.resolve("ledger");
        if (!Files.exists(regionDir.resolve("version.properties")))
        {
            DemoRegionGenerator.generate(regionDir, SEED, Scale.SMALL);
        }
        if (Files.exists(ledgerDir))
        {
            BenchFiles.deleteTree(ledgerDir);
        }
        final ReferenceData ref = ReferenceDataLoader.load(regionDir);
        final long start = System.nanoTime();
        final RestartLedgerWriter w = new RestartLedgerWriter(ref, out, records);
        try (Ledger ledger = Ledger.open(LedgerContext.gateway(ledgerDir, ZONE).durability(Durability.PROCESS)))
        {
            final LedgerWriter writer = ledger.writer();
            final int real = w.settleReal(writer, (int)Math.min(distinct, records));
            w.copies(ledger, writer, real);
            writer.endOfBatch();
        }
        out.printf("wrote %,d records (%,d settled through the engine, %,d refused and skipped) in %,d ms to %s%n",
            w.written(), w.real(), w.refused(), (System.nanoTime() - start) / 1_000_000, ledgerDir);
        return w.written();
    }

    /**
     * Rebuilds a fresh settlement state from {@code work/ledger}, the way Gateway does at start.
     *
     * @param work the working directory written by {@link #write}.
     * @param out  the report.
     * @return the figures.
     * @throws ReferenceDataException if the region does not load.
     */
    public static Result rebuild(final Path work, final PrintStream out) throws ReferenceDataException
    {
        final ReferenceDataHolder reference = new ReferenceDataHolder(ReferenceDataLoader.load(work.resolve("region")));
        final SettlementState state = new SettlementState(reference::current, RETENTION_SEC, "",
            reference.current().persons().size());
        System.gc();
        final long open0 = System.nanoTime();
        final long n;
        final long t0;
        final long t1;
        try (Ledger ledger = Ledger.open(LedgerContext.gateway(work.resolve("ledger"), ZONE).durability(Durability.PROCESS)))
        {
            // exactly as Gateway's constructor: the full desk, StateRebuild
            final TransactionDeskAdapter desk = Desks.full(new Gateway.Ref(reference, state, ledger, CLOCK_SKEW_SEC));
            t0 = System.nanoTime();
            n = StateRebuild.run(ledger, state, desk).records();
            t1 = System.nanoTime();
        }
        final long rebuildMs = (t1 - t0) / 1_000_000;
        final long perSec = t1 == t0 ? 0 : n * 1_000_000_000L / (t1 - t0);
        System.gc();
        final long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        final Result r = new Result(n, (t0 - open0) / 1_000_000, rebuildMs, perSec, state.recordCount(),
            state.personCount(), state.answerCount(), heap, state.digest());
        out.printf("rebuild: %,d records in %,d ms (%,d records/s; Ledger.open %,d ms) -> %,d settlements, %,d persons, " +
            "%,d idempotency entries; heap after GC %,d MB%n", r.records(), r.rebuildMs(), r.recordsPerSec(), r.openMs(),
            r.settlements(), r.persons(), r.answers(), heap >> 20);
        final long budgetMs = Math.max(1, n / 100);
        out.printf("target: 1M settlements <= 10 s, i.e. %,d ms for %,d: %s%n", budgetMs, n,
            rebuildMs <= budgetMs ? "PASS" : "FAIL");
        if (state.recordCount() != n)
        {
            throw new IllegalStateException("rebuild applied " + n + " records but the state holds " + state.recordCount() +
                " settlements");
        }
        return r;
    }

    /**
     * A restart from a snapshot: rebuilds a state from the first {@code at} records (not timed), writes
     * its snapshot as the gateway does ({@link StateSnapshots#capture} on the state thread, then the
     * commit), then times what a start does: read the snapshot into a fresh state and desk, replay
     * the records after it. Checks the state equals the full rebuild's.
     *
     * @param work the working directory written by {@link #write}.
     * @param at   the records the snapshot covers.
     * @param full the full rebuild (its digest).
     * @param out  the report.
     * @return the restart time, ms.
     * @throws ReferenceDataException if the region does not load.
     * @throws IOException            if the snapshot cannot be written or read.
     */
    public static long restartFromSnapshot(final Path work, final long at, final Result full, final PrintStream out)
        throws ReferenceDataException, IOException
    {
        final ReferenceDataHolder reference = new ReferenceDataHolder(ReferenceDataLoader.load(work.resolve("region")));
        final Path snapshotDir = work.resolve("snapshots");
        BenchFiles.deleteTree(snapshotDir);
        final SnapshotStore store = new SnapshotStore(snapshotDir, 1);
        try (Ledger ledger = Ledger.open(LedgerContext.gateway(work.resolve("ledger"), ZONE).durability(Durability.PROCESS)))
        {
            final SettlementState before = freshState(reference);
            final TransactionDeskAdapter beforeDesk = Desks.full(new Gateway.Ref(reference, before, ledger, CLOCK_SKEW_SEC));
            final StateRebuild.Result upTo = StateRebuild.runUpTo(ledger, before, beforeDesk, at);
            // the first capture also hashes every record once (memoized); a running gateway's later
            // snapshots pay only for the records since: time both
            final long f0 = System.nanoTime();
            new StateSnapshots(before, beforeDesk).capture(store).pending().free();
            final long f1 = System.nanoTime();
            final StateSnapshots.Captured captured = new StateSnapshots(before, beforeDesk).capture(store);
            final long c1 = System.nanoTime();
            final Snapshot snapshot = store.commit(captured.pending(), upTo.lastIndex(), upTo.lastSequence(), upTo.lastAppendMs(),
                captured.stateDigest(), captured.deskDigest(), System.currentTimeMillis());
            final long c2 = System.nanoTime();
            out.printf("snapshot of %,d records: %,d MB; captured in %,d ms the first time, %,d ms the next (the pipeline's " +
                "pause), committed in %,d ms%n", upTo.records(), snapshot.payloadLength() >> 20, (f1 - f0) / 1_000_000,
                (c1 - f1) / 1_000_000, (c2 - c1) / 1_000_000);
        }
        System.gc();
        final SettlementState state = freshState(reference);
        final StateRebuild.Result r;
        final long t0;
        final long t1;
        try (Ledger ledger = Ledger.open(LedgerContext.gateway(work.resolve("ledger"), ZONE).durability(Durability.PROCESS)))
        {
            final TransactionDeskAdapter desk = Desks.full(new Gateway.Ref(reference, state, ledger, CLOCK_SKEW_SEC));
            t0 = System.nanoTime();
            r = StateRebuild.run(ledger, state, desk, store.latest());
            t1 = System.nanoTime();
        }
        final long ms = (t1 - t0) / 1_000_000;
        System.gc();
        final long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf("restart from the snapshot: %,d ms (snapshot read %,d ms, then %,d ledger records replayed) -> " +
            "%,d settlements; heap after GC %,d MB%n", ms, r.snapshotMs(), r.records(), state.recordCount(), heap >> 20);
        final long budgetMs = Math.max(1, full.records() / 100);
        out.printf("target: 1M settlements <= 10 s, i.e. %,d ms for %,d: %s%n", budgetMs, full.records(),
            ms <= budgetMs ? "PASS" : "FAIL");
        if (state.digest() != full.stateDigest())
        {
            throw new IllegalStateException("the state restored from the snapshot differs from the full rebuild's");
        }
        return ms;
    }

    private static SettlementState freshState(final ReferenceDataHolder reference)
    {
        return new SettlementState(reference::current, RETENTION_SEC, "", reference.current().persons().size());
    }

    /**
     * Reads every record without applying it: the ledger's share of the rebuild (decode, strings).
     *
     * @param work the working directory written by {@link #write}.
     * @param out  the report.
     * @return the time, ms.
     */
    public static long readOnly(final Path work, final PrintStream out)
    {
        final long[] lines = new long[1];
        final long t0;
        final long n;
        final long t1;
        try (Ledger ledger = Ledger.open(LedgerContext.gateway(work.resolve("ledger"), ZONE).durability(Durability.PROCESS)))
        {
            t0 = System.nanoTime();
            try (LedgerReader reader = ledger.reader())
            {
                n = reader.forEach((index, sequence, appendMs, req, res) -> lines[0] += req.lineCount());
            }
            t1 = System.nanoTime();
        }
        final long ms = (t1 - t0) / 1_000_000;
        out.printf("read only (no apply): %,d records, %,d fee lines in %,d ms (%,d records/s)%n", n, lines[0], ms,
            t1 == t0 ? 0 : n * 1_000_000_000L / (t1 - t0));
        return ms;
    }
}
