package io.medgw.ledger;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChronicleLedgerWriterTest extends LedgerTestSupport
{
    private static final long T0 = LocalDateTime.of(2024, 3, 15, 9, 30).toInstant(ZoneOffset.UTC).toEpochMilli();

    private final SettlementRequest req = new SettlementRequest();
    private final SettlementResult res = new SettlementResult();

    private Ledger open(final Durability durability, final TestClock clock)
    {
        return Ledger.open(new LedgerContext().dir(dir.resolve("ledger")).durability(durability).epochClock(clock));
    }

    @Test
    void shouldForceOncePerBatchAndOnlyWhenSomethingWasAppended()
    {
        try (Ledger ledger = open(Durability.FSYNC, new TestClock(T0)))
        {
            final ChronicleLedgerWriter writer = (ChronicleLedgerWriter)ledger.writer();
            LedgerFixtures.settlement(req, res, 10, 1);

            writer.endOfBatch();
            assertThat(writer.forceCount()).isZero();
            writer.append(req, res, T0);
            writer.append(req, res, T0);
            writer.append(req, res, T0);
            writer.endOfBatch();
            assertThat(writer.forceCount()).isEqualTo(1);
            writer.endOfBatch();
            assertThat(writer.forceCount()).isEqualTo(1);
            writer.append(req, res, T0);
            writer.endOfBatch();
            assertThat(writer.forceCount()).isEqualTo(2);
        }
    }

    @Test
    void shouldTouchPagesAheadWhenIdleWithoutChangingWhatIsRead()
    {
        try (Ledger ledger = open(Durability.PROCESS, new TestClock(T0)))
        {
            final LedgerWriter writer = ledger.writer();
            LedgerFixtures.settlement(req, res, 10, 1);
            assertThat(writer.doIdleWork()).as("nothing mapped yet").isZero();
            writer.append(req, res, T0);

            int calls = 0;
            int pages = 0;
            for (int work = writer.doIdleWork(); work > 0; work = writer.doIdleWork())
            {
                assertThat(work).isLessThanOrEqualTo(64);
                pages += work;
                calls++;
            }
            assertThat(pages).as("2 MB ahead").isBetween(500, 512);
            assertThat(calls).isGreaterThan(1);
            for (int i = 0; i < 20; i++)
            {
                writer.append(req, res, T0);
                writer.endOfBatch();
                writer.doIdleWork();
            }

            final SettlementRequest outReq = new SettlementRequest();
            final SettlementResult outRes = new SettlementResult();
            try (LedgerReader reader = ledger.reader())
            {
                int read = 0;
                while (reader.next(outReq, outRes))
                {
                    LedgerFixtures.assertSameRequest(outReq, req);
                    read++;
                }
                assertThat(read).isEqualTo(21);
            }
        }
    }

    @Test
    void shouldNeverForceInProcessMode()
    {
        try (Ledger ledger = open(Durability.PROCESS, new TestClock(T0)))
        {
            final ChronicleLedgerWriter writer = (ChronicleLedgerWriter)ledger.writer();
            LedgerFixtures.settlement(req, res, 10, 1);
            writer.append(req, res, T0);
            writer.endOfBatch();
            assertThat(writer.forceCount()).isZero();
            assertThat(writer.syncedCycle()).isEqualTo(Integer.MIN_VALUE);
        }
    }

    @Test
    void shouldFollowTheAppenderToTheNewCycleFile()
    {
        final TestClock clock = new TestClock(T0);
        try (Ledger ledger = open(Durability.FSYNC, clock))
        {
            final ChronicleLedgerWriter writer = (ChronicleLedgerWriter)ledger.writer();
            LedgerFixtures.settlement(req, res, 10, 1);
            final long first = writer.append(req, res, clock.timeMs);
            assertThat(writer.syncedCycle()).isEqualTo(ledger.cycleOf(first));
            clock.timeMs += 86_400_000L;
            final long second = writer.append(req, res, clock.timeMs);
            writer.endOfBatch();

            assertThat(writer.syncedCycle()).isEqualTo(ledger.cycleOf(second)).isEqualTo(ledger.cycleOf(first) + 1);
        }
    }

    @Test
    void shouldCloseFromTheOwnerThreadAWriterUsedOnTheLedgerThread() throws Exception
    {
        final Ledger ledger = open(Durability.FSYNC, new TestClock(T0));
        final long[] index = new long[1];
        final Thread ledgerThread = new Thread(() ->
        {
            final LedgerWriter writer = ledger.writer(); // as in the handler's onStart
            LedgerFixtures.settlement(req, res, 10, 1);
            index[0] = writer.append(req, res, T0);
            writer.endOfBatch();
        }, "ledger");
        ledgerThread.start();
        ledgerThread.join();

        ledger.close();

        try (Ledger reopened = open(Durability.FSYNC, new TestClock(T0));
             LedgerReader reader = reopened.reader())
        {
            final SettlementRequest outReq = new SettlementRequest();
            final SettlementResult outRes = new SettlementResult();
            assertThat(reader.readAt(index[0], outReq, outRes)).isTrue();
            assertThat(outRes.setlId).isEqualTo("S1");
        }
    }

    @Test
    void shouldHandTheSameWriterToEveryCaller()
    {
        try (Ledger ledger = open(Durability.PROCESS, new TestClock(T0)))
        {
            assertThat(ledger.writer()).isSameAs(ledger.writer());
        }
    }

    /** Not a benchmark (see loadtest's LedgerAppendBenchmark): prints the append cost seen here. */
    @Test
    void shouldPrintAppendLatencyOfATenLineSettlement()
    {
        for (final Durability durability : Durability.values())
        {
            final int warmup = durability == Durability.PROCESS ? 10_000 : 1_000;
            final int measured = durability == Durability.PROCESS ? 10_000 : 1_000;
            try (Ledger ledger = Ledger.open(new LedgerContext().dir(dir.resolve(durability.name()))
                .durability(durability).epochClock(new TestClock(T0))))
            {
                final LedgerWriter writer = ledger.writer();
                LedgerFixtures.settlement(req, res, 10, 1);
                final long[] appendNs = new long[measured];
                final long[] commitNs = new long[measured];
                for (int i = 0; i < warmup + measured; i++)
                {
                    final long t0 = System.nanoTime();
                    writer.append(req, res, T0);
                    final long t1 = System.nanoTime();
                    if (i % 16 == 15 || durability == Durability.PROCESS)
                    {
                        writer.endOfBatch();
                    }
                    final long t2 = System.nanoTime();
                    if (i >= warmup)
                    {
                        appendNs[i - warmup] = t1 - t0;
                        commitNs[i - warmup] = t2 - t1;
                    }
                }
                writer.endOfBatch();
                assertThat(ledger.lastSequence()).isEqualTo(warmup + measured);
                System.out.printf("ledger %s: append p50=%dns p99=%dns p99.9=%dns max=%dns; " +
                    "endOfBatch (every 16 in FSYNC) p99.9=%dns max=%dns%n", durability,
                    perMille(appendNs, 500), perMille(appendNs, 990), perMille(appendNs, 999), perMille(appendNs, 1000),
                    perMille(commitNs, 999), perMille(commitNs, 1000));
            }
        }
    }

    private static long perMille(final long[] values, final int perMille)
    {
        final long[] sorted = values.clone();
        Arrays.sort(sorted);
        final int rank = (int)(((long)perMille * sorted.length + 999) / 1000); // nearest-rank, rounded up
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    @Test
    void shouldRefuseAppendsAfterTheLedgerIsClosed()
    {
        final Ledger ledger = open(Durability.FSYNC, new TestClock(T0));
        final LedgerWriter writer = ledger.writer();
        ledger.close();

        assertThatThrownBy(() -> writer.append(req, res, T0)).isInstanceOf(LedgerException.class)
            .hasMessageContaining("closed");
        assertThatThrownBy(writer::endOfBatch).isInstanceOf(LedgerException.class);
    }
}
