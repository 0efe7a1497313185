package io.medgw.gateway;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.Units;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.NoDesk;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.state.SettlementState;
import io.medgw.ledger.Durability;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerContext;
import io.medgw.ledger.LedgerWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart's rebuild (the lean decode of settlement records) gives back the live state exactly. */
final class StateRebuildTest
{
    private static final int SETTLEMENTS = 1_000;

    @TempDir
    Path dir;

    @Test
    void shouldRebuildTheLiveStateFromTheLedger()
    {
        final ReferenceData ref = TestRegion.standard().build();
        final TestEngine live = new TestEngine(ref);
        final SplittableRandom rnd = new SplittableRandom(11);
        try (Ledger ledger = Ledger.open(LedgerContext.gateway(dir, ZoneId.of("Asia/Shanghai")).durability(Durability.PROCESS)))
        {
            final LedgerWriter writer = ledger.writer();
            int settled = 0;
            for (int i = 0; i < SETTLEMENTS; i++)
            {
                final SettlementRequest req = TestRequest.of("2207").person("E1")
                    .line("A001", 10_000, (1 + rnd.nextInt(50_000)) * Units.MICRO_PER_FEN).build();
                final SettlementResult res = live.run(req, req.infTime);
                if (res.error == ErrorCode.NONE)
                {
                    writer.append(req, res, 0);
                    settled++;
                }
            }
            writer.endOfBatch();
            assertThat(settled).isGreaterThan(SETTLEMENTS / 2);
            final SettlementState rebuilt = new SettlementState(() -> ref, live.state().retentionSec(), "", 16);
            final StateRebuild.Result r = StateRebuild.run(ledger, rebuilt, new NoDesk());
            assertThat(r.records()).isEqualTo(settled);
            assertThat(rebuilt.recordCount()).isEqualTo(settled);
            assertThat(rebuilt.digest()).isEqualTo(live.state().digest());
        }
    }
}
