package io.medgw.gateway.snapshot;

import io.medgw.gateway.pipeline.NoDesk;
import io.medgw.gateway.state.SettlementState;
import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayCounters;
import io.medgw.ledger.snapshot.Snapshot;
import io.medgw.ledger.snapshot.SnapshotStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot taker's life cycle without a ring: the test plays the three stages (capture, tag,
 * release) the pipeline would, and checks what is committed, dropped and counted.
 */
final class SnapshotTakerTest
{
    @TempDir
    Path dir;
    private final GatewayCounters counters = new GatewayCounters(new SimpleMeterRegistry());
    private final List<SnapshotRequest> published = new ArrayList<>();
    private SnapshotStore store;
    private SnapshotTaker taker;
    private boolean ringFull;

    @BeforeEach
    void start() throws IOException
    {
        store = new SnapshotStore(dir, 2);
        final SettlementState state = new SettlementState(() -> null, 86_400L, "", 16);
        taker = new SnapshotTaker(store, new StateSnapshots(state, new CountingDesk()), 0, 0, SystemEpochClock.INSTANCE, counters)
            .start(r -> !ringFull && published.add(r), () -> 0);
    }

    @AfterEach
    void stop()
    {
        taker.close();
    }

    @Test
    void shouldCommitASnapshotAtTheLedgerPositionTheJournalTagged() throws Exception
    {
        assertThat(taker.request()).isTrue();
        assertThat(taker.request()).as("one at a time").isFalse();
        final SnapshotRequest r = published.get(0);

        r.capture();
        r.tag(0x4D5500000009L, 9, 1_700L, false);
        r.release();
        awaitCounter(GatewayCounter.SNAPSHOTS_WRITTEN, 1);

        final Snapshot s = store.latest();
        assertThat(s.ledgerIndex()).isEqualTo(0x4D5500000009L);
        assertThat(s.ledgerSequence()).isEqualTo(9);
        assertThat(s.ledgerAppendMs()).isEqualTo(1_700L);
        assertThat(taker.coveredSequence()).isEqualTo(9);
        assertThat(requestOnceIdle()).as("the next one may start").isTrue();
    }

    @Test
    void shouldDropASnapshotWhenTheLedgerFailedOrNothingIsNewAndNotStickWhenTheRingIsFull() throws Exception
    {
        ringFull = true;
        assertThat(taker.request()).isFalse();
        ringFull = false;
        assertThat(taker.request()).as("a full ring left nothing in flight").isTrue();
        final SnapshotRequest failed = published.get(0);
        failed.capture();
        failed.tag(5, 5, 1, true);
        failed.release();
        awaitCounter(GatewayCounter.SNAPSHOT_FAILURES, 1);

        assertThat(requestOnceIdle()).isTrue();
        final SnapshotRequest empty = published.get(1);
        empty.capture();
        empty.tag(-1, 0, 0, false); // an empty ledger: nothing to cover
        empty.release();
        assertThat(requestOnceIdle()).as("dropped, and the taker idle again").isTrue();

        assertThat(store.latest()).isNull();
        assertThat(counters.get(GatewayCounter.SNAPSHOTS_WRITTEN)).isZero();
        assertThat(counters.get(GatewayCounter.SNAPSHOT_FAILURES)).isEqualTo(1);
    }

    @Test
    void shouldWriteAtStopOnlyWhenTheLedgerGrewSinceTheLastSnapshot() throws Exception
    {
        taker.takeAtStop(-1, 0, 0, 1_000);
        assertThat(store.latest()).as("empty ledger").isNull();

        taker.takeAtStop(0x4D5500000004L, 4, 40, 1_000);
        assertThat(store.latest().ledgerSequence()).isEqualTo(4);
        taker.takeAtStop(0x4D5500000004L, 4, 40, 1_000);
        assertThat(counters.get(GatewayCounter.SNAPSHOTS_WRITTEN)).as("nothing new the second time").isEqualTo(1);
    }

    private void awaitCounter(final GatewayCounter c, final long n) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (counters.get(c) < n && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        assertThat(counters.get(c)).isEqualTo(n);
    }

    /** The commit thread counts before it clears its in-flight flag: wait for both. */
    private boolean requestOnceIdle() throws InterruptedException
    {
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline)
        {
            if (taker.request())
            {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** A desk whose state is one number, enough for the payload's second section. */
    private static final class CountingDesk extends NoDesk
    {
        private int value = 42;

        @Override
        public boolean snapshots()
        {
            return true;
        }

        @Override
        public void writeSnapshot(final DataOutput out) throws IOException
        {
            out.writeInt(value);
        }

        @Override
        public void readSnapshot(final DataInput in) throws IOException
        {
            value = in.readInt();
        }

        @Override
        public long digest()
        {
            return value;
        }
    }
}
