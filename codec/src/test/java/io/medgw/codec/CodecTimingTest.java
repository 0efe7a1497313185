package io.medgw.codec;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.codec.request.RequestDecoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rough timing of decode + encode of a 10-line 2207 (target ≤ 5 µs together), printed, never
 * asserted: the real numbers come from loadtest's CodecBenchmark (JMH). Kept short for CI.
 */
class CodecTimingTest
{
    @Test
    void shouldPrintDecodeAndEncodeTimeOfTenLine2207()
    {
        final byte[] body = Samples.utf8(Samples.req2207WithLines(10));
        final RequestDecoder decoder = new RequestDecoder();
        final ResponseEncoder encoder = new ResponseEncoder();
        final SettlementRequest req = new SettlementRequest();
        final SettlementResult res = new SettlementResult();
        res.setlId = "400125241";
        res.psnName = "雷贺姜";
        res.brdy = "1986-10-04";
        res.setlDay = 18_960;
        res.setlTime = 18_960L * 86_400 + 3_600;
        res.medfeeSumamt = 12_500;
        res.acctPay = 12_500;
        res.psnPartAmt = 12_500;
        res.addFundRow("310200", "城镇职工基本医疗保险个人账户基金", 12_500, 12_500, -1);

        // Bounded by time, not iterations, so a loaded CI machine does not stretch it: ~1 s warm-up, ~1 s measured.
        long sink = 0;
        final long warmEnd = System.nanoTime() + 1_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmEnd)
        {
            sink += run(decoder, encoder, req, res, body, i++);
        }
        int decodes = 0;
        final long decodeStart = System.nanoTime();
        final long decodeEnd = decodeStart + 500_000_000L;
        while (System.nanoTime() < decodeEnd)
        {
            decoder.decode(body, 0, body.length, req);
            sink += req.bodyDigestLo;
            decodes++;
        }
        final long decodeNs = System.nanoTime() - decodeStart;
        int runs = 0;
        final long start = System.nanoTime();
        final long end = start + 500_000_000L;
        while (System.nanoTime() < end)
        {
            sink += run(decoder, encoder, req, res, body, runs++);
        }
        final long ns = System.nanoTime() - start;
        System.out.printf("codec timing: 10-line 2207 (%d bytes in, %d bytes out): decode %d ns, decode+encode %d ns per request%n",
            body.length, encoder.sink().length(), decodeNs / decodes, ns / runs);
        assertThat(sink).isNotZero();
    }

    private static long run(final RequestDecoder decoder, final ResponseEncoder encoder, final SettlementRequest req,
        final SettlementResult res, final byte[] body, final int i)
    {
        decoder.decode(body, 0, body.length, req);
        encoder.header("500000", i, 1_632_443_307_000L, 1_632_443_307_001L);
        return encoder.encodeSettlement(req, res).length() + req.bodyDigestHi;
    }
}
