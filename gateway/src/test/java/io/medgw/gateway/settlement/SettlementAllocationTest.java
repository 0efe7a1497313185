package io.medgw.gateway.settlement;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.TestRequest;
import io.medgw.gateway.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot path allocates only what must be kept: per settlement the ids, the record and the map
 * entries that index it; per pre-settlement or refusal only its idempotency entry. Measured with
 * the thread's allocation counter after warm-up (the requests are built beforehand).
 */
final class SettlementAllocationTest
{
    private static final int N = 5_000;
    private final ReferenceData ref = TestRegion.standard().person("E1").balance(1_000_000_000L).done().build();

    private static long allocated()
    {
        return ((com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private long bytesPerRequest(final String infno, final String psn)
    {
        final SettlementEngine engine = new SettlementEngine(new SettlementContext().referenceData(ref).expectedPersons(64));
        final SettlementRequest req = TestRequest.of(infno).person(psn).line("A001", 10_000, 1_000_000)
            .line("B001", 20_000, 3_000_000).line("C001", 10_000, 5_000_000).build();
        final String[] msgids = new String[2 * N];
        for (int i = 0; i < msgids.length; i++)
        {
            msgids[i] = "m" + i;
        }
        final SettlementResult res = new SettlementResult();
        for (int i = 0; i < N; i++)
        {
            req.msgid = msgids[i];
            engine.process(req, res, req.infTime);
        }
        final long before = allocated();
        for (int i = N; i < 2 * N; i++)
        {
            req.msgid = msgids[i];
            engine.process(req, res, req.infTime);
        }
        final long perRequest = (allocated() - before) / N;
        assertThat(res.error).isEqualTo(ErrorCode.NONE);
        return perRequest;
    }

    @Test
    void shouldAllocateOnlyTheRecordAndIdsPerSettlement()
    {
        // record (~40 fields + 5 small arrays) + 2 ids + 3 map entries ≈ 700–900 bytes; no per-line garbage
        assertThat(bytesPerRequest("2207", "E1")).isLessThan(1_500);
    }

    @Test
    void shouldAllocateOnlyTheIdempotencyEntryPerPreSettlement()
    {
        assertThat(bytesPerRequest("2206", "E1")).isLessThan(1_000);
    }
}
