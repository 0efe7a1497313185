package io.medgw.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.record.LedgerFormatException;
import io.medgw.ledger.record.LedgerRecordLayout;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.medgw.ledger.LedgerFixtures.assertSameRequest;
import static io.medgw.ledger.LedgerFixtures.assertSameResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerTest extends LedgerTestSupport
{
    private static final long DAY_MS = 86_400_000L;
    private static final long T0 = LocalDateTime.of(2024, 3, 15, 9, 30).toInstant(ZoneOffset.UTC).toEpochMilli();

    private final SettlementRequest req = new SettlementRequest();
    private final SettlementResult res = new SettlementResult();
    private final SettlementRequest outReq = new SettlementRequest();
    private final SettlementResult outRes = new SettlementResult();

    private LedgerContext context(final Durability durability, final TestClock clock)
    {
        return new LedgerContext().dir(dir.resolve("ledger")).durability(durability).epochClock(clock);
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void shouldReadBackAllRecordsInOrderWhenAppended(final Durability durability)
    {
        final long seed = System.nanoTime();
        final int n = 300;
        final List<Long> indexes = new ArrayList<>();
        try (Ledger ledger = Ledger.open(context(durability, new TestClock(T0))))
        {
            final LedgerWriter writer = ledger.writer();
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < n; i++)
            {
                randomRecord(rnd);
                indexes.add(writer.append(req, res, T0 + i));
                if (i % 7 == 6)
                {
                    writer.endOfBatch();
                }
            }
            writer.endOfBatch();

            rnd = new SplittableRandom(seed);
            try (LedgerReader reader = ledger.reader())
            {
                for (int i = 0; i < n; i++)
                {
                    randomRecord(rnd);
                    assertThat(reader.next(outReq, outRes)).as("record %d, seed %d", i, seed).isTrue();
                    assertSameRequest(outReq, req);
                    assertSameResult(outRes, res);
                    assertThat(reader.lastIndex()).isEqualTo(indexes.get(i));
                    assertThat(reader.lastSequence()).isEqualTo(i + 1);
                    assertThat(reader.lastAppendTimeMs()).isEqualTo(T0 + i);
                }
                assertThat(reader.next(outReq, outRes)).isFalse();
            }
            assertThat(indexes).isSorted().doesNotHaveDuplicates();
            assertThat(ledger.lastSequence()).isEqualTo(n);
        }
    }

    private void randomRecord(final SplittableRandom rnd)
    {
        LedgerFixtures.randomRequest(req, rnd, rnd.nextInt(12));
        LedgerFixtures.randomResult(res, rnd);
    }

    @Test
    void shouldReadEverythingAndContinueTheSequenceAfterReopen()
    {
        final TestClock clock = new TestClock(T0);
        final LedgerContext ctx = context(Durability.FSYNC, clock);
        try (Ledger ledger = Ledger.open(ctx))
        {
            appendSettlements(ledger.writer(), 0, 5);
        }
        try (Ledger ledger = Ledger.open(context(Durability.FSYNC, clock)))
        {
            assertThat(ledger.lastSequence()).isEqualTo(5);
            appendSettlements(ledger.writer(), 5, 3);
            assertThat(ledger.lastSequence()).isEqualTo(8);
        }
        try (Ledger ledger = Ledger.open(LedgerContext.replay(dir.resolve("ledger")));
             LedgerReader reader = ledger.reader())
        {
            for (int i = 0; i < 8; i++)
            {
                assertThat(reader.next(outReq, outRes)).isTrue();
                LedgerFixtures.settlement(req, res, 10, i);
                assertSameRequest(outReq, req);
                assertSameResult(outRes, res);
                assertThat(reader.lastSequence()).isEqualTo(i + 1);
            }
            assertThat(reader.next(outReq, outRes)).isFalse();
            assertThatThrownBy(ledger::writer).isInstanceOf(IllegalStateException.class);
        }
    }

    private long[] appendSettlements(final LedgerWriter writer, final int from, final int count)
    {
        final long[] indexes = new long[count];
        for (int i = 0; i < count; i++)
        {
            LedgerFixtures.settlement(req, res, 10, from + i);
            indexes[i] = writer.append(req, res, T0);
        }
        writer.endOfBatch();
        return indexes;
    }

    @Test
    void shouldReadAtIndexAndContinueAfterIt()
    {
        try (Ledger ledger = Ledger.open(context(Durability.PROCESS, new TestClock(T0)));
             LedgerReader reader = ledger.reader())
        {
            final long[] indexes = appendSettlements(ledger.writer(), 0, 20);

            assertThat(reader.readAt(indexes[13], outReq, outRes)).isTrue();
            assertThat(outRes.setlId).isEqualTo("S13");
            assertThat(reader.lastIndex()).isEqualTo(indexes[13]);
            assertThat(reader.next(outReq, outRes)).isTrue();
            assertThat(outRes.setlId).isEqualTo("S14");
            assertThat(reader.readAt(indexes[2], outReq, outRes)).isTrue();
            assertThat(outRes.setlId).isEqualTo("S2");

            assertThat(reader.readAt(indexes[19] + 1, outReq, outRes)).isFalse();
            assertThat(reader.moveAfter(indexes[17])).isTrue();
            assertThat(reader.next(outReq, outRes)).isTrue();
            assertThat(outRes.setlId).isEqualTo("S18");
            reader.toStart();
            assertThat(reader.next(outReq, outRes)).isTrue();
            assertThat(outRes.setlId).isEqualTo("S0");
        }
    }

    @Test
    void shouldRollToANewDailyFileAndReadAcrossCycles()
    {
        final TestClock clock = new TestClock(T0);
        try (Ledger ledger = Ledger.open(context(Durability.FSYNC, clock)))
        {
            final LedgerWriter writer = ledger.writer();
            final long[] day1 = appendSettlements(writer, 0, 3);
            clock.timeMs += DAY_MS;
            final long[] day2 = appendSettlements(writer, 3, 2);
            clock.timeMs += 2 * DAY_MS;
            final long[] day4 = appendSettlements(writer, 5, 1);

            assertThat(ledger.cycleOf(day2[0])).isEqualTo(ledger.cycleOf(day1[0]) + 1);
            assertThat(ledger.cycleOf(day4[0])).isEqualTo(ledger.cycleOf(day1[0]) + 3);
            assertThat(cycleFiles()).containsExactly("20240315F.cq4", "20240316F.cq4", "20240318F.cq4");

            try (LedgerReader reader = ledger.reader())
            {
                final List<String> ids = new ArrayList<>();
                reader.forEach((index, sequence, appendTimeMs, r, s) -> ids.add(s.setlId + "@" + sequence));
                assertThat(ids).containsExactly("S0@1", "S1@2", "S2@3", "S3@4", "S4@5", "S5@6");
                assertThat(reader.readAt(day1[2], outReq, outRes)).isTrue();
                assertThat(reader.next(outReq, outRes)).isTrue();
                assertThat(reader.lastIndex()).isEqualTo(day2[0]);
            }
        }
    }

    @Test
    void shouldRollAtMidnightInTheConfiguredZone()
    {
        final ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        final long beforeMidnight = LocalDateTime.of(2024, 3, 15, 23, 59).atZone(shanghai).toInstant().toEpochMilli();
        final TestClock clock = new TestClock(beforeMidnight);
        try (Ledger ledger = Ledger.open(LedgerContext.gateway(dir.resolve("ledger"), shanghai).epochClock(clock)))
        {
            final long before = appendSettlements(ledger.writer(), 0, 1)[0];
            clock.timeMs += 2 * 60_000L; // 00:01 on the 16th in Shanghai, still the 15th in UTC
            final long after = appendSettlements(ledger.writer(), 1, 1)[0];

            assertThat(ledger.cycleOf(after)).isEqualTo(ledger.cycleOf(before) + 1);
            // the cycle number is the local epoch day; Chronicle names a file by its UTC start
            assertThat(ledger.cycleOf(before)).isEqualTo((int)java.time.LocalDate.of(2024, 3, 15).toEpochDay());
            assertThat(cycleFiles()).containsExactly("20240314F.cq4", "20240315F.cq4");
        }
    }

    private List<String> cycleFiles()
    {
        try (Stream<Path> files = Files.list(dir.resolve("ledger")))
        {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".cq4")).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void shouldReadNothingFromAMissingOrEmptyDirectory() throws IOException
    {
        try (Ledger ledger = Ledger.open(new LedgerContext().dir(dir.resolve("missing")));
             LedgerReader reader = ledger.reader())
        {
            assertThat(reader.next(outReq, outRes)).isFalse();
            assertThat(reader.forEach((i, s, t, r, x) -> { })).isZero();
            assertThat(reader.lastIndex()).isEqualTo(-1);
            assertThat(ledger.lastSequence()).isZero();
        }
        Files.createDirectories(dir.resolve("empty"));
        try (Ledger ledger = Ledger.open(LedgerContext.replay(dir.resolve("empty")));
             LedgerReader reader = ledger.reader())
        {
            assertThat(reader.next(outReq, outRes)).isFalse();
        }
        assertThatThrownBy(() -> Ledger.open(LedgerContext.replay(dir.resolve("nowhere"))))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void shouldResumeANamedReaderAfterRestart()
    {
        final TestClock clock = new TestClock(T0);
        try (Ledger ledger = Ledger.open(context(Durability.PROCESS, clock)))
        {
            appendSettlements(ledger.writer(), 0, 5);
            try (LedgerReader reader = ledger.reader("replay"))
            {
                assertThat(reader.next(outReq, outRes)).isTrue();
                assertThat(reader.next(outReq, outRes)).isTrue();
            }
        }
        try (Ledger ledger = Ledger.open(context(Durability.PROCESS, clock));
             LedgerReader reader = ledger.reader("replay"))
        {
            assertThat(reader.next(outReq, outRes)).isTrue();
            assertThat(outRes.setlId).isEqualTo("S2");
        }
    }

    @Test
    void shouldReportADamagedRecordWithItsIndexAndMovePastIt()
    {
        final TestClock clock = new TestClock(T0);
        final Path path = dir.resolve("ledger");
        try (Ledger ledger = Ledger.open(context(Durability.PROCESS, clock)))
        {
            appendSettlements(ledger.writer(), 0, 2);
        }
        final long badIndex;
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(path.toFile())
            .timeProvider(clock::time).rollCycle(net.openhft.chronicle.queue.RollCycles.FAST_DAILY).build();
             ExcerptAppender appender = queue.createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(new byte[LedgerRecordLayout.HEADER_LENGTH + 10]); // a torn record: zeros
                badIndex = dc.index();
            }
        }
        try (Ledger ledger = Ledger.open(context(Durability.PROCESS, clock)))
        {
            assertThat(ledger.lastSequence()).as("the torn record consumes a sequence").isEqualTo(3);
            appendSettlements(ledger.writer(), 2, 1);
            try (LedgerReader reader = ledger.reader())
            {
                assertThat(reader.next(outReq, outRes)).isTrue();
                assertThat(reader.next(outReq, outRes)).isTrue();
                assertThatThrownBy(() -> reader.next(outReq, outRes))
                    .isInstanceOfSatisfying(LedgerFormatException.class,
                        ex -> assertThat(ex.index()).isEqualTo(badIndex));
                assertThat(reader.next(outReq, outRes)).isTrue();
                assertThat(outRes.setlId).isEqualTo("S2");
                assertThat(reader.lastSequence()).isEqualTo(4);
            }
        }
    }

    @Test
    void shouldReleaseEverythingAndRefuseUseWhenClosed() throws IOException
    {
        final Ledger ledger = Ledger.open(context(Durability.FSYNC, new TestClock(T0)));
        final LedgerWriter writer = ledger.writer();
        appendSettlements(writer, 0, 2);
        final LedgerReader forgotten = ledger.reader();
        assertThat(forgotten.next(outReq, outRes)).isTrue();
        final LedgerReader named = ledger.reader("audit");
        named.close();

        ledger.close();
        ledger.close();

        assertThatThrownBy(() -> writer.append(req, res, T0)).isInstanceOf(LedgerException.class);
        assertThatThrownBy(ledger::reader).isInstanceOf(IllegalStateException.class);
        try (Stream<Path> files = Files.walk(dir.resolve("ledger")))
        {
            for (final Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList())
            {
                Files.delete(p);
            }
        }
        assertThat(dir.resolve("ledger")).doesNotExist();
    }
}
