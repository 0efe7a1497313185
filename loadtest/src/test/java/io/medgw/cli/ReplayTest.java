package io.medgw.cli;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.request.RequestDecoder;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.reference.ReferenceDataLoader;
import io.medgw.gateway.settlement.SettlementContext;
import io.medgw.gateway.settlement.SettlementEngine;
import io.medgw.ledger.Durability;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerContext;
import io.medgw.ledger.LedgerWriter;
import io.medgw.loadtest.region.DemoRegionGenerator;
import io.medgw.loadtest.region.Scale;
import io.medgw.loadtest.scenario.DemoDayGenerator;
import io.medgw.replay.LedgerReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Replaying a ledger rebuilds the engine's state exactly and finds the §6 identities intact. */
class ReplayTest
{
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void shouldRebuildTheSameStateAndTotalsWhenReplayingWhatTheEngineJournaled() throws Exception
    {
        DemoRegionGenerator.generate(dir.resolve("region"), 9, Scale.SMALL);
        DemoDayGenerator.generate(dir.resolve("region"), dir.resolve("day.jsonl"), 9, 300, LocalDate.of(2026, 3, 16));
        final ReferenceData ref = ReferenceDataLoader.load(dir.resolve("region"));
        final SettlementEngine engine = new SettlementEngine(new SettlementContext().referenceData(ref));
        final RequestDecoder decoder = new RequestDecoder();
        final SettlementRequest req = new SettlementRequest();
        final SettlementResult res = new SettlementResult();
        long money = 0;
        long medfee = 0;
        try (Ledger ledger = Ledger.open(LedgerContext.gateway(dir.resolve("ledger"), ZONE).durability(Durability.PROCESS)))
        {
            final LedgerWriter writer = ledger.writer();
            for (final String line : Files.readAllLines(dir.resolve("day.jsonl"), StandardCharsets.UTF_8))
            {
                final byte[] body = line.getBytes(StandardCharsets.UTF_8);
                req.clear();
                res.clear();
                if (decoder.decode(body, 0, body.length, req) != ErrorCode.NONE)
                {
                    continue;
                }
                engine.process(req, res, req.infTime);
                if (res.ok() && res.sign != 0)
                {
                    writer.append(req, res, 0);
                    money++;
                    medfee += res.medfeeSumamt;
                }
            }
            writer.endOfBatch();
        }

        final LedgerReplay.Report report = LedgerReplay.run(dir.resolve("ledger"), ZONE, ref, Integer.MIN_VALUE,
            Integer.MAX_VALUE, null);

        assertThat(money).isGreaterThan(200);
        assertThat(report.moneyRecords()).isEqualTo(money);
        assertThat(report.violations()).isEmpty();
        assertThat(report.accountsDigest()).as("balances and accumulators").isEqualTo(engine.state().accountsDigest());
        assertThat(report.accountsDigest()).isNotZero();
        assertThat(report.totals().stream().mapToLong(LedgerReplay.DayTotals::medfeeFen).sum()).isEqualTo(medfee);
    }
}
