package io.medgw.gateway.it;

import io.medgw.codec.reply.ResponseReader;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.config.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Durability {@code fsync}: every acknowledged settlement is in the ledger, forced, and the admin port says so. */
final class DurabilityIT
{
    @TempDir
    Path root;

    @Test
    void shouldForceEveryBatchAndReportItOnTheAdminPortWhenDurabilityIsFsync() throws Exception
    {
        final List<String> setlIds = new ArrayList<>();
        final ItGateway gw = new ItGateway(root).start(ctx -> ctx.durability(Durability.FSYNC));
        try (gw; WireClient c = gw.client())
        {
            for (final String psn : new String[] {"E1", "E2", "E3", "R1", "R2"})
            {
                final ResponseReader r = c.post(Bill.settle(gw.clock, TestRegion.H2, psn).line("A001", 20_000, 30_000_000)
                    .json()).envelope();
                assertThat(r.infcode()).as(r.errMsg()).isZero();
                setlIds.add(r.setlId());
            }
            assertThat(gw.ledgerSize()).isEqualTo(5);

            final WireClient.Reply ready = WireClient.get(gw.adminPort(), "/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.text()).startsWith("READY");
            final WireClient.Reply metrics = WireClient.get(gw.adminPort(), "/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(WireChecks.metric(metrics.text(), "medgw_ledger_fsyncs_total")).as("batches forced").isGreaterThan(0);
            assertThat(WireChecks.metric(metrics.text(), "medgw_ledger_appends_total")).isEqualTo(5);
            assertThat(WireChecks.metric(metrics.text(), "medgw_ledger_append_latency_seconds_count")).isEqualTo(5);
            assertThat(WireChecks.metric(metrics.text(), "medgw_ledger_batch_latency_seconds_count"))
                .as("one per batch, as the fsyncs").isEqualTo(WireChecks.metric(metrics.text(), "medgw_ledger_fsyncs_total"));
        }
        final List<ItGateway.Record> records = ItGateway.readLedger(gw.ledgerDir);
        assertThat(records).extracting(ItGateway.Record::setlId).containsExactlyElementsOf(setlIds);
        assertThat(records).extracting(ItGateway.Record::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records).allSatisfy(r -> assertThat(r.medfee()).isEqualTo(6_000L));
        // 60.00 in-policy each, all under the deductible; E2 civil servant 50% (30.00), E3 "N" fund VET 50%
        // (30.00; assistance A1 first takes its 1,000.00 deductible), R2 "N" fund POOR 30% (18.00)
        assertThat(records).extracting(ItGateway.Record::fundPay).containsExactly(0L, 3_000L, 3_000L, 0L, 1_800L);
    }
}
