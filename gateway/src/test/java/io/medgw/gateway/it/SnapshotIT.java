package io.medgw.gateway.it;

import io.medgw.codec.reply.ResponseReader;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.visit.TransactionDesk;
import io.medgw.ledger.snapshot.Snapshot;
import io.medgw.ledger.snapshot.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots bound restart time: the gateway writes one every {@code snapshot.every.records} ledger
 * records while running (a slot through the ring, in both pipeline topologies), one on request and
 * one at a graceful stop; a restart reads the newest usable one and replays only the ledger records
 * after it, into the same state as a replay of the whole ledger. A snapshot of another ledger is not
 * used.
 */
final class SnapshotIT
{
    @TempDir
    Path root;
    private final AtomicReference<TransactionDesk> desk = new AtomicReference<>();
    private ItGateway gw;

    @AfterEach
    void stop()
    {
        if (gw != null)
        {
            gw.close();
        }
    }

    @ParameterizedTest(name = "pipeline.threads = {0}")
    @ValueSource(ints = {1, 3})
    void shouldRestoreFromAPeriodicSnapshotAndReplayOnlyTheRecordsAfterIt(final int threads) throws Exception
    {
        gw = new ItGateway(root).start(ctx -> ctx.pipelineThreads(threads).snapshotEveryRecords(40), ItGateway.fullDesk(desk));
        final SplittableRandom rnd = new SplittableRandom(threads);
        final List<String> msgids = new ArrayList<>();
        final List<String> setlIds = new ArrayList<>();
        try (WireClient c = gw.client())
        {
            signInLocalHospitals(c);
            settle(c, rnd, 60, msgids, setlIds);
            awaitSnapshots(1);
            settle(c, rnd, 25, msgids, setlIds);
        }
        final long stateDigest = gw.gateway().state().digest();
        final long deskDigest = desk.get().digest();
        final long records = gw.ledgerSize();
        final Snapshot periodic = new SnapshotStore(root.resolve("ledger/snapshots"), 2).latest();
        assertThat(periodic.ledgerSequence()).as("a snapshot while running").isBetween(40L, records - 1);
        gw.stop();
        deleteNewestSnapshot(); // the stop's: as if the process had died after the periodic one

        gw.start(ctx -> { }, ItGateway.fullDesk(desk));

        assertThat(gw.gateway().restoredFrom().path().getFileName()).isEqualTo(periodic.path().getFileName());
        assertThat(gw.gateway().rebuiltRecords()).as("only the records after the snapshot").isEqualTo(records - periodic.ledgerSequence());
        assertThat(gw.gateway().state().digest()).as("settlement state").isEqualTo(stateDigest);
        assertThat(desk.get().digest()).as("desk").isEqualTo(deskDigest);
        try (WireClient c = gw.client())
        {
            final ResponseReader again = c.post(resend(msgids.get(0))).envelope();
            assertThat(again.setlId()).as("a re-send of the first settlement gets its answer").isEqualTo(setlIds.get(0));
            final ResponseReader next = c.post(Bill.settle(gw.clock, TestRegion.H3, "E3").line("A001", 10_000, 1_000_000).json())
                .envelope();
            assertThat(next.infcode()).as(next.errMsg()).isZero();
            assertThat(next.setlId()).as("setl_id continues").isEqualTo(nextId(setlIds.get(setlIds.size() - 1)));
        }
    }

    @Test
    void shouldWriteASnapshotWhenAskedOnTheAdminPortAndAtAGracefulStop() throws Exception
    {
        gw = new ItGateway(root).start(ctx -> ctx.snapshotEveryRecords(0), ItGateway.fullDesk(desk));
        try (WireClient c = gw.client())
        {
            signInLocalHospitals(c);
            settle(c, new SplittableRandom(7), 10, new ArrayList<>(), new ArrayList<>());
        }
        assertThat(WireClient.post(gw.adminPort(), "/admin/snapshot").status()).isEqualTo(202);
        awaitSnapshots(1);
        assertThat(new SnapshotStore(root.resolve("ledger/snapshots"), 2).latest().ledgerSequence()).isEqualTo(gw.ledgerSize());
        final long stateDigest = gw.gateway().state().digest();
        gw.stop();

        gw.start(ctx -> { }, ItGateway.fullDesk(desk));

        assertThat(gw.gateway().restoredFrom()).isNotNull();
        assertThat(gw.gateway().rebuiltRecords()).isZero();
        assertThat(gw.gateway().state().digest()).isEqualTo(stateDigest);
    }

    @Test
    void shouldReplayTheWholeLedgerWhenTheSnapshotBelongsToAnotherLedger() throws Exception
    {
        gw = new ItGateway(root.resolve("a")).start(ctx -> { }, ItGateway.fullDesk(desk));
        try (WireClient c = gw.client())
        {
            signInLocalHospitals(c);
            settle(c, new SplittableRandom(1), 30, new ArrayList<>(), new ArrayList<>());
        }
        gw.stop();
        final Path foreign = new SnapshotStore(root.resolve("a/ledger/snapshots"), 2).latest().path();

        gw = new ItGateway(root.resolve("b")).start(ctx -> { }, ItGateway.fullDesk(desk));
        try (WireClient c = gw.client())
        {
            signInLocalHospitals(c);
            settle(c, new SplittableRandom(2), 35, new ArrayList<>(), new ArrayList<>());
        }
        final long stateDigest = gw.gateway().state().digest();
        final long records = gw.ledgerSize();
        gw.stop();
        ItGateway.deleteSnapshots(root.resolve("b"));
        Files.copy(foreign, root.resolve("b/ledger/snapshots").resolve(foreign.getFileName()), StandardCopyOption.REPLACE_EXISTING);

        gw.start(ctx -> { }, ItGateway.fullDesk(desk));

        assertThat(gw.gateway().restoredFrom()).as("not another ledger's snapshot").isNull();
        assertThat(gw.gateway().rebuiltRecords()).isEqualTo(records);
        assertThat(gw.gateway().state().digest()).isEqualTo(stateDigest);
    }

    private void signInLocalHospitals(final WireClient c) throws IOException
    {
        for (final String h : Bills.LOCAL_HOSPITALS)
        {
            final ResponseReader r = c.post(Bill.of(gw.clock, "9001", h).data("opter_no", "OP1")
                .data("mac", "00-1A-2B-3C-4D-5E").data("ip", "10.1.2.3").json()).envelope();
            assertThat(r.infcode()).as(r.errMsg()).isZero();
        }
    }

    private final List<Bill> sent = new ArrayList<>();

    private void settle(final WireClient c, final SplittableRandom rnd, final int n, final List<String> msgids,
        final List<String> setlIds) throws IOException
    {
        for (int i = 0; i < n; i++)
        {
            final Bill bill = Bills.small(gw.clock, Bills.LOCAL_HOSPITALS[rnd.nextInt(Bills.LOCAL_HOSPITALS.length)],
                Bills.GOOD_PERSONS[rnd.nextInt(Bills.GOOD_PERSONS.length)], rnd);
            final ResponseReader r = c.post(bill.json()).envelope();
            assertThat(r.infcode()).as(r.errMsg()).isZero();
            sent.add(bill);
            msgids.add(bill.msgid());
            setlIds.add(r.setlId());
        }
    }

    private String resend(final String msgid)
    {
        return sent.stream().filter(b -> b.msgid().equals(msgid)).findFirst().orElseThrow().json();
    }

    private void awaitSnapshots(final long n) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 20_000_000_000L;
        while (gw.counter(GatewayCounter.SNAPSHOTS_WRITTEN) < n && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        assertThat(gw.counter(GatewayCounter.SNAPSHOTS_WRITTEN)).as("snapshots written").isGreaterThanOrEqualTo(n);
    }

    private void deleteNewestSnapshot() throws IOException
    {
        Files.delete(new SnapshotStore(root.resolve("ledger/snapshots"), 2).latest().path());
    }

    private static String nextId(final String setlId)
    {
        final int digits = 12;
        final String prefix = setlId.substring(0, setlId.length() - digits);
        return prefix + String.format("%0" + digits + "d", Long.parseLong(setlId.substring(setlId.length() - digits)) + 1);
    }
}
