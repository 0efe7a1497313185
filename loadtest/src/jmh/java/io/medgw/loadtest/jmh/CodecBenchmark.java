package io.medgw.loadtest.jmh;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.codec.request.RequestDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The wire codec on one thread: decode a request (byte-level JSON scanner into a reused
 * {@link SettlementRequest}, amounts to fen, body digest) and encode its settlement answer
 * (setlinfo, setldetail, detlcutinfo) into a reused sink, together and separately (the encode-only
 * methods answer requests decoded once in setup). Workloads: the logged Chongqing 2207 of
 * national-interface.md §5.2 (no lines, ~0.9 KB) and a 2207 with 10 inline fee lines of 22 fields
 * each (~6 KB in, ~5 KB out). Target: decode + encode of the 10-line 2207 ≤ 5 µs. Results go in
 * docs/benchmarks.md with the date and machine.
 * <pre>
 *   byte[] ──RequestDecoder──▶ SettlementRequest ──(result filled once in setup)──▶ ResponseEncoder ──▶ ByteSink
 * </pre>
 * Run: {@code bin/medgw bench CodecBenchmark}, or this class's {@code main}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The flags of the parent pom's medgw.jvm.flags property (JMH forks start with java -cp).
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true" })
public class CodecBenchmark
{
    /** national-interface.md §5.2, unchanged. */
    static final String SAMPLE_2207 = "{\"cainfo\": \"\", \"dev_no\": \"\", \"dev_safe_info\": \"\"," +
        "\"fixmedins_code\": \"H50015501017\", \"fixmedins_name\": \"重庆市梁平区妇幼保健院\"," +
        "\"inf_time\": \"2021-09-24 08:28:27\", \"infno\": \"2207\", \"infver\": \"1\"," +
        "\"input\": {\"data\": {" +
        "\"medfee_sumamt\": 9, \"mdtrt_id\": \"310047070005\", \"med_type\": \"12\", \"fulamt_ownpay_amt\": 0," +
        "\"mdtrt_cert_no\": \"E24486473\", \"chrg_bchno\": \"202109240828170091\", \"insutype\": \"390\"," +
        "\"inscp_scp_amt\": 9, \"invono\": \"2021092414556\", \"psn_setlway\": \"01\", \"return_invono\": \"\"," +
        "\"psn_no\": \"JM2011463725\", \"mdtrt_cert_type\": \"03\", \"overlmt_selfpay\": 0, \"preselfpay_amt\": 0," +
        "\"acct_used_flag\": \"1\", \"return_date\": \"\"}}," +
        "\"insuplc_admdvs\": \"500155\", \"mdtrtarea_admvs\": \"500155\"," +
        "\"msgid\": \"H50015501017202109240828271037\"," +
        "\"opter\": \"1022\", \"opter_name\": \"钟娟\", \"opter_type\": \"1\"," +
        "\"recer_sys_code\": \"YBXT\", \"serv_code\": \"A6B3720544049E1397\", \"serv_sign\": \"HH00001\"," +
        "\"sign_no\": \"651918\", \"signtype\": \"\"}";

    private final RequestDecoder decoder = new RequestDecoder();
    private final ResponseEncoder encoder = new ResponseEncoder();
    private final SettlementRequest req = new SettlementRequest();
    /** Decoded once in setup: the encode-only methods answer these, so they measure the encoder alone. */
    private final SettlementRequest sampleReq = new SettlementRequest();
    private final SettlementRequest tenLineReq = new SettlementRequest();
    private final SettlementResult res = new SettlementResult();
    private byte[] sample;
    private byte[] tenLines;
    private long serial;

    /** Builds the two bodies and a settled result, and checks both bodies decode. */
    @Setup
    public void setup()
    {
        sample = SAMPLE_2207.getBytes(StandardCharsets.UTF_8);
        tenLines = withLines(10).getBytes(StandardCharsets.UTF_8);
        for (final byte[] body : new byte[][] { sample, tenLines })
        {
            if (decoder.decode(body, 0, body.length, req) != ErrorCode.NONE)
            {
                throw new IllegalStateException(decoder.lastErrorMessage());
            }
        }
        decoder.decode(sample, 0, sample.length, sampleReq);
        decoder.decode(tenLines, 0, tenLines.length, tenLineReq);
        res.setlId = "400125241";
        res.mdtrtId = "310047070005";
        res.psnNo = "JM2011463725";
        res.psnName = "雷贺姜";
        res.psnCertType = "01";
        res.certno = "130302198610041614";
        res.gend = "1";
        res.naty = "01";
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
        res.hifpPay = 6_000;
        res.poolRatioBp = 8_000;
        res.fundPaySumamt = 6_000;
        res.psnPartAmt = 6_500;
        res.acctPay = 6_500;
        res.balc = 137_363;
        res.addFundRow("310100", "城镇职工基本医疗保险统筹基金", 6_000, 12_500, 1_500_000);
        res.addFundRow("310200", "城镇职工基本医疗保险个人账户基金", 6_500, 12_500, -1);
    }

    private static String withLines(final int lines)
    {
        final StringBuilder sb = new StringBuilder(SAMPLE_2207.length() + lines * 600);
        sb.append(SAMPLE_2207, 0, SAMPLE_2207.indexOf("\"input\": {") + 10);
        sb.append("\"feedetail\": [");
        for (int i = 0; i < lines; i++)
        {
            sb.append(i == 0 ? "" : ",").append("{\"feedetl_sn\":\"FD").append(1000 + i)
                .append("\",\"mdtrt_id\":\"310047070005\",\"psn_no\":\"JM2011463725\",\"chrg_bchno\":\"202109240828170091\",")
                .append("\"dise_codg\":\"\",\"rxno\":\"RX20210924").append(i).append("\",\"rx_circ_flag\":\"0\",")
                .append("\"fee_ocur_time\":\"2021-09-24 08:20:00\",\"med_list_codg\":\"XA01ABD075A002010100483\",")
                .append("\"medins_list_codg\":\"YP").append(570 + i).append("\",\"det_item_fee_sumamt\":12.50,")
                .append("\"cnt\":2,\"pric\":6.25,\"sin_dos_dscr\":\"1片\",\"used_frqu_dscr\":\"每日三次\",")
                .append("\"prd_days\":3,\"medc_way_dscr\":\"口服\",\"bilg_dept_codg\":\"A03\",\"bilg_dept_name\":\"内科\",")
                .append("\"bilg_dr_codg\":\"D001\",\"bilg_dr_name\":\"王医生\",\"hosp_appr_flag\":\"1\"}");
        }
        sb.append("], ").append(SAMPLE_2207.substring(SAMPLE_2207.indexOf("\"input\": {") + 10)
            .replace("\"medfee_sumamt\": 9", "\"medfee_sumamt\": 125.00"));
        return sb.toString();
    }

    private ByteSink decodeEncode(final byte[] body)
    {
        decoder.decode(body, 0, body.length, req);
        encoder.header("500000", ++serial, 1_632_443_307_000L, 1_632_443_307_001L);
        return encoder.encodeSettlement(req, res);
    }

    /** @return the sink (so the work is not dead code). */
    @Benchmark
    public ByteSink decodeEncodeSample2207()
    {
        return decodeEncode(sample);
    }

    /** @return the sink. */
    @Benchmark
    public ByteSink decodeEncodeTenLine2207()
    {
        return decodeEncode(tenLines);
    }

    /** @return the digest (so the work is not dead code). */
    @Benchmark
    public long decodeSample2207()
    {
        decoder.decode(sample, 0, sample.length, req);
        return req.bodyDigestHi;
    }

    /** @return the sink: the answer to the sample alone (no fee lines), decoded once in setup. */
    @Benchmark
    public ByteSink encodeSample2207()
    {
        encoder.header("500000", ++serial, 1_632_443_307_000L, 1_632_443_307_001L);
        return encoder.encodeSettlement(sampleReq, res);
    }

    /** @return the sink: the answer to the 10-line 2207 (10 detlcutinfo rows), decoded once in setup. */
    @Benchmark
    public ByteSink encodeTenLine2207()
    {
        encoder.header("500000", ++serial, 1_632_443_307_000L, 1_632_443_307_001L);
        return encoder.encodeSettlement(tenLineReq, res);
    }

    /** @return the digest (so the work is not dead code). */
    @Benchmark
    public long decodeTenLine2207()
    {
        decoder.decode(tenLines, 0, tenLines.length, req);
        return req.bodyDigestHi;
    }

    /**
     * One-off run of this benchmark alone.
     *
     * @param args unused.
     * @throws RunnerException if JMH fails.
     */
    public static void main(final String[] args) throws RunnerException
    {
        new Runner(new OptionsBuilder().include(CodecBenchmark.class.getSimpleName()).build()).run();
    }
}
