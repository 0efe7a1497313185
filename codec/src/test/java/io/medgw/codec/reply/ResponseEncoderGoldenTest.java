package io.medgw.codec.reply;

import io.medgw.codec.Dates;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.Samples;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.request.RequestDecoder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoder writes byte for byte what the Jackson-generator encoder wrote (recorded in
 * {@code encoder-golden.txt}, one response per line, base64): envelopes, settlements with and
 * without lines, fee results, errors (cut at 200 chars), every {@link OutputWriter} helper, and
 * text that needs escaping (quotes, backslashes, control characters, non-ASCII, surrogates).
 */
class ResponseEncoderGoldenTest
{
    private static final String RESOURCE = "encoder-golden.txt";
    private static final String AWKWARD = "a\"b\\c/d\b\f\n\r\t\u0001\u001f\u007f é 中文 😀 \uD800x \uDC00 end";

    private static SettlementRequest decode(final String json)
    {
        final SettlementRequest req = new SettlementRequest();
        final byte[] b = Samples.utf8(json);
        assertThat(new RequestDecoder().decode(b, 0, b.length, req)).isEqualTo(ErrorCode.NONE);
        return req;
    }

    private static SettlementResult result(final String text)
    {
        final SettlementResult res = new SettlementResult();
        res.setlId = "400125241";
        res.mdtrtId = "310047070005";
        res.psnNo = "JM2011463725";
        res.psnName = text;
        res.psnCertType = "01";
        res.certno = "130302198610041614";
        res.gend = "1";
        res.naty = null;
        res.brdy = "1986-10-04";
        res.insutype = "310";
        res.psnType = "1101";
        res.cvlservFlag = "0";
        res.medType = "11";
        res.clrOptins = "500155";
        res.clrWay = "1";
        res.clrType = "11";
        res.setlDay = 18_894;
        res.setlTime = 18_894L * 86_400 + 30_507;
        res.sign = 1;
        res.medfeeSumamt = 12_500;
        res.inscpScpAmt = 12_500;
        res.actPayDedc = 5_000;
        res.hifpPay = -6_001;
        res.poolRatioBp = 8_000;
        res.fundPaySumamt = Long.MIN_VALUE;
        res.psnPartAmt = Long.MAX_VALUE;
        res.acctPay = 6_500;
        res.balc = 137_363;
        res.addFundRow("310100", "城镇职工基本医疗保险统筹基金", 6_000, 12_500, 1_500_000);
        res.addFundRow("310200", text, 6_500, 12_500, -1);
        return res;
    }

    private static void price(final SettlementRequest req)
    {
        for (int i = 0; i < req.lineCount(); i++)
        {
            final FeeLine l = req.line(i);
            l.chrgitmLv = i % 5;
            l.selfpayPropBp = i * 1000;
            l.fulamtOwnpayAmt = i * 7;
            l.overlmtAmt = -i;
            l.preselfpayAmt = i * 3;
            l.inscpScpAmt = 1250 - i;
            l.pricUplmtMicro = i % 2 == 0 ? -1 : 6_250_000;
            l.medChrgitmType = i % 3 == 0 ? null : "09";
            l.ownpayReason = i == 1 ? AWKWARD : null;
        }
    }

    private static List<String> run()
    {
        final List<String> out = new ArrayList<>();
        final ResponseEncoder enc = new ResponseEncoder();
        enc.header("500000", 514_555L, 1_632_443_307_000L, 1_632_443_307_985L);
        final SettlementRequest sample = decode(Samples.REQ_2207);
        final SettlementRequest lines = decode(Samples.req2207WithLines(10));
        price(lines);
        out.add(enc.encodeSettlement(sample, result("雷贺姜")).toString());
        final SettlementResult awkward = result(AWKWARD);
        awkward.explain = new StringBuilder(AWKWARD.repeat(3));
        out.add(enc.encodeSettlement(lines, awkward).toString());
        final SettlementRequest pre = decode(Samples.REQ_2207.replace("\"2207\"", "\"2206\""));
        out.add(enc.encodeSettlement(pre, result("x")).toString());
        out.add(enc.encodeFeeResults(lines).toString());
        final SettlementResult refused = result("x");
        refused.error = ErrorCode.E2005;
        refused.errorMessage = "total mismatch: " + AWKWARD;
        out.add(enc.encodeSettlement(lines, refused).toString());
        out.add(enc.encodeError(ErrorCode.E5004, null).toString());
        out.add(enc.encodeError(ErrorCode.NONE, null).toString());
        out.add(enc.encodeError(ErrorCode.E9001, "x".repeat(300)).toString());
        out.add(enc.encodeError(ErrorCode.E5001, "y".repeat(192) + "😀😀").toString());
        out.add(enc.encodeError(ErrorCode.E5001, "y".repeat(193) + "😀😀").toString());
        out.add(enc.encodeError(ErrorCode.E5001, AWKWARD).toString());
        enc.beginOutput();
        final OutputWriter w = enc.output();
        w.beginObject("node");
        w.writeString("s", AWKWARD);
        w.writeString("empty", "");
        w.writeString("none", null);
        w.writeNull("n");
        w.writeFen("fen", -2510);
        w.writeFen("min", Long.MIN_VALUE);
        w.writeRatio("ratio", 1500);
        w.writeMicro("pric", 12_500);
        w.writeQuantity("cnt", 15_000);
        w.writeLong("count", -17);
        w.writeDate("date", Dates.ofYmd(1900, 1, 1));
        w.writeDate("nodate", Dates.NOT_A_DATE);
        w.writeDateTime("time", Dates.parseDateTime("2021-08-29 19:35:27"));
        w.writeDateTime("notime", SettlementRequest.ABSENT);
        w.endObject();
        w.beginArray("rows");
        w.beginObject();
        w.endObject();
        w.writeFeeLine(lines.line(1));
        w.beginObject();
        w.writeLong("k", 1);
        w.endObject();
        w.endArray();
        w.beginArray("empty");
        w.endArray();
        out.add(enc.finish().toString());
        enc.beginOutput();
        enc.output().beginObject("abandoned");
        out.add(enc.encodeError(ErrorCode.E5002, "x").toString());
        final ResponseEncoder utc = new ResponseEncoder(0);
        utc.header(null, -7, -1_000L, 0L);
        out.add(utc.encodeError(ErrorCode.E5002, "msgid is missing").toString());
        utc.header("31", 12_345_678_901_234L, 253_402_300_799_999L, 1L);
        out.add(utc.encodeFeeResults(sample).toString());
        final List<String> rows = new ArrayList<>();
        for (final String s : out)
        {
            rows.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        }
        return rows;
    }

    @Test
    void shouldWriteExactlyTheRecordedBytes() throws IOException
    {
        final List<String> actual = run();
        final String write = System.getenv("MEDGW_ENCODER_GOLDEN_WRITE");
        if (write != null)
        {
            Files.write(Path.of(write), actual, StandardCharsets.UTF_8);
            return;
        }
        final List<String> expected;
        try (InputStream in = ResponseEncoderGoldenTest.class.getResourceAsStream(RESOURCE))
        {
            expected = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++)
        {
            assertThat(decoded(actual.get(i))).as("response %d", i).isEqualTo(decoded(expected.get(i)));
        }
    }

    private static String decoded(final String base64)
    {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
