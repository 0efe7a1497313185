package io.medgw.codec.request;

import io.medgw.codec.Dates;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.Limits;
import io.medgw.codec.Samples;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Base64;

import static io.medgw.codec.Samples.utf8;
import static io.medgw.codec.message.SettlementRequest.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;

class RequestDecoderTest
{
    private static final String ENVELOPE = "\"msgid\":\"H50015501017202109240828271037\",\"fixmedins_code\":\"H50015501017\"," +
        "\"inf_time\":\"2021-09-24 08:28:27\",\"mdtrtarea_admvs\":\"500155\",\"insuplc_admdvs\":\"500155\"";

    private final RequestDecoder decoder = new RequestDecoder();
    private final SettlementRequest req = new SettlementRequest();

    private ErrorCode decode(final String json)
    {
        final byte[] b = utf8(json);
        return decoder.decode(b, 0, b.length, req);
    }

    static String body(final String infno, final String input)
    {
        return "{\"infno\":\"" + infno + "\"," + ENVELOPE + ",\"input\":" + input + "}";
    }

    @Test
    void shouldDecode1101SampleUnchanged()
    {
        assertThat(decode(Samples.REQ_1101)).isEqualTo(ErrorCode.NONE);

        assertThat(req.infno).isEqualTo("1101");
        assertThat(req.txn).isEqualTo(1101);
        assertThat(req.msgid).isEqualTo("H00000000001202001041235391234");
        assertThat(req.insuplcAdmdvs).isEqualTo("100000");
        assertThat(req.mdtrtareaAdmvs).isEqualTo("100000");
        assertThat(req.recerSysCode).isEqualTo("MBS_LOCAL");
        assertThat(req.cainfo).isNull();
        assertThat(req.infver).isEqualTo("V1.0");
        assertThat(req.opterType).isEqualTo("1");
        assertThat(req.opter).isEqualTo("01");
        assertThat(req.opterName).isEqualTo("张三");
        assertThat(req.infTimeText).isEqualTo("2020-01-04 12:35:39");
        assertThat(req.infTime).isEqualTo(Dates.parseDateTime("2020-01-04 12:35:39"));
        assertThat(req.fixmedinsCode).isEqualTo("100001");
        assertThat(req.fixmedinsName).isEqualTo("第一人民医院");
        assertThat(req.signNo).isEqualTo("79faf82271944fe38c4f1d99be71bc9c");
        assertThat(req.psnCertType).isEqualTo("2");
        assertThat(req.certno).isEqualTo("510000202001010000");
        assertThat(req.psnName).isEqualTo("李四");
        assertThat(req.begntime).isEqualTo("2020-01-01");
        assertThat(req.medfeeSumamt).isEqualTo(ABSENT);
        assertThat(req.lineCount()).isZero();
        assertThat(decoder.lastErrorMessage()).isNull();
    }

    @Test
    void shouldDecodeChongqing2207SampleUnchanged()
    {
        assertThat(decode(Samples.REQ_2207)).isEqualTo(ErrorCode.NONE);

        assertThat(req.txn).isEqualTo(2207);
        assertThat(req.infver).isEqualTo("1");
        assertThat(req.msgid).isEqualTo("H50015501017202109240828271037");
        assertThat(req.fixmedinsCode).isEqualTo("H50015501017");
        assertThat(req.fixmedinsName).isEqualTo("重庆市梁平区妇幼保健院");
        assertThat(req.recerSysCode).isEqualTo("YBXT");
        assertThat(req.signNo).isEqualTo("651918");
        assertThat(req.signtype).isNull();
        assertThat(req.opterName).isEqualTo("钟娟");
        assertThat(req.medfeeSumamt).isEqualTo(900);
        assertThat(req.inscpScpAmt).isEqualTo(900);
        assertThat(req.fulamtOwnpayAmt).isZero();
        assertThat(req.overlmtSelfpay).isZero();
        assertThat(req.preselfpayAmt).isZero();
        assertThat(req.mdtrtId).isEqualTo("310047070005");
        assertThat(req.medType).isEqualTo("12");
        assertThat(req.mdtrtCertType).isEqualTo("03");
        assertThat(req.mdtrtCertNo).isEqualTo("E24486473");
        assertThat(req.chrgBchno).isEqualTo("202109240828170091");
        assertThat(req.insutype).isEqualTo("390");
        assertThat(req.invono).isEqualTo("2021092414556");
        assertThat(req.psnSetlway).isEqualTo("01");
        assertThat(req.psnNo).isEqualTo("JM2011463725");
        assertThat(req.acctUsedFlag).isTrue();
        assertThat(req.lineCount()).isZero();
        assertThat(req.bodyDigestHi | req.bodyDigestLo).isNotZero();
    }

    @Test
    void shouldDecodeInlineFeeLinesInFen()
    {
        assertThat(decode(Samples.req2207WithLines(10))).isEqualTo(ErrorCode.NONE);

        assertThat(req.medfeeSumamt).isEqualTo(12_500);
        assertThat(req.lineCount()).isEqualTo(10);
        final FeeLine line = req.line(3);
        assertThat(line.feedetlSn).isEqualTo("FD1003");
        assertThat(line.amountFen).isEqualTo(1250);
        assertThat(line.quantity4).isEqualTo(20_000);
        assertThat(line.priceMicro).isEqualTo(6_250_000);
        assertThat(line.medListCodg).isEqualTo("XA01ABD075A002010100483");
        assertThat(line.medinsListCodg).isEqualTo("YP573");
        assertThat(line.feeOcurTime).isEqualTo("2021-09-24 08:20:00");
        assertThat(line.diseCodg).isNull();
        assertThat(line.parseError).isZero();
        assertThat(req.diseCodg).isNull();
    }

    @Test
    void shouldReadAmountsGivenAsNumericStrings()
    {
        assertThat(decode(body("2206", "{\"data\":{\"medfee_sumamt\":\"12.50\",\"acct_pay\":\"3\"}}"))).isEqualTo(ErrorCode.NONE);
        assertThat(req.medfeeSumamt).isEqualTo(1250);
        assertThat(req.acctPay).isEqualTo(300);
    }

    @Test
    void shouldRefuseFractionOfFenNamingFieldAndValue()
    {
        assertThat(decode(body("2207", "{\"data\":{\"psn_no\":\"P1\",\"medfee_sumamt\":1.005}}"))).isEqualTo(ErrorCode.E5005);
        assertThat(decoder.lastErrorMessage()).contains("medfee_sumamt").contains("1.005").contains("fen");
        assertThat(req.msgid).isEqualTo("H50015501017202109240828271037");
        assertThat(req.fixmedinsCode).isEqualTo("H50015501017");
    }

    @Test
    void shouldRefuseNegativeAmount()
    {
        assertThat(decode(body("2207", "{\"data\":{\"inscp_scp_amt\":-1.00}}"))).isEqualTo(ErrorCode.E5005);
        assertThat(decoder.lastErrorMessage()).contains("inscp_scp_amt").contains("-1.00").contains("negative");
    }

    @Test
    void shouldRefuseAmountThatIsNotANumber()
    {
        assertThat(decode(body("2207", "{\"data\":{\"medfee_sumamt\":\"9元\"}}"))).isEqualTo(ErrorCode.E5005);
        assertThat(decoder.lastErrorMessage()).contains("medfee_sumamt").contains("9元").contains("not a number");
        assertThat(decode(body("2207", "{\"data\":{\"medfee_sumamt\":{\"v\":1}}}"))).isEqualTo(ErrorCode.E5005);
    }

    @Test
    void shouldRefuseMalformedJsonWithLineAndColumn()
    {
        final String json = "{\n  \"infno\": \"2207\",\n  \"msgid\" \"H50015501017202109240828271037\"\n}";
        assertThat(decode(json)).isEqualTo(ErrorCode.E5001);
        assertThat(decoder.lastErrorMessage()).startsWith("malformed JSON at line 3, column");
    }

    @Test
    void shouldRefuseTruncatedBody()
    {
        final String json = Samples.REQ_2207.substring(0, 200);
        assertThat(decode(json)).isEqualTo(ErrorCode.E5001);
        assertThat(decoder.lastErrorMessage()).contains("malformed JSON at line");
    }

    @Test
    void shouldRefuseNonObjectEmptyAndTrailingBodies()
    {
        assertThat(decode("[1,2]")).isEqualTo(ErrorCode.E5001);
        assertThat(decode("")).isEqualTo(ErrorCode.E5001);
        assertThat(decoder.lastErrorMessage()).isEqualTo("empty body");
        assertThat(decode(Samples.REQ_1101 + "{}")).isEqualTo(ErrorCode.E5001);
        assertThat(decoder.lastErrorMessage()).contains("after the JSON object");
    }

    @Test
    void shouldRefuseMissingMsgid()
    {
        assertThat(decode(Samples.REQ_2207.replace("\"msgid\": \"H50015501017202109240828271037\",", ""))).isEqualTo(ErrorCode.E5002);
        assertThat(decoder.lastErrorMessage()).isEqualTo("msgid is missing");
    }

    @Test
    void shouldRefuseMsgidOfWrongLength()
    {
        assertThat(decode(Samples.REQ_2207.replace("H50015501017202109240828271037", "H5001550101720210924"))).isEqualTo(ErrorCode.E5001);
        assertThat(decoder.lastErrorMessage()).contains("msgid").contains("20 characters").contains("27-30");
        assertThat(decode(Samples.REQ_2207.replace("H50015501017202109240828271037", "H500155010172021092408282710370"))).isEqualTo(ErrorCode.E5003);
        assertThat(decoder.lastErrorMessage()).isEqualTo("msgid is 31 characters (at most 30)");
    }

    @Test
    void shouldRefuseMissingInfnoFixmedinsCodeAndInfTime()
    {
        assertThat(decode(Samples.REQ_2207.replace("\"infno\": \"2207\",", ""))).isEqualTo(ErrorCode.E5002);
        assertThat(decoder.lastErrorMessage()).isEqualTo("infno is missing");
        assertThat(decode(Samples.REQ_2207.replace("\"H50015501017\"", "\"null\""))).isEqualTo(ErrorCode.E5002);
        assertThat(decoder.lastErrorMessage()).isEqualTo("fixmedins_code is missing");
        assertThat(decode(Samples.REQ_2207.replace("\"2021-09-24 08:28:27\"", "null"))).isEqualTo(ErrorCode.E5002);
        assertThat(decoder.lastErrorMessage()).isEqualTo("inf_time is missing");
    }

    @Test
    void shouldRefuseMalformedInfTime()
    {
        assertThat(decode(Samples.REQ_2207.replace("2021-09-24 08:28:27", "2021-09-31 08:28:27"))).isEqualTo(ErrorCode.E5001);
        assertThat(decoder.lastErrorMessage()).contains("inf_time 2021-09-31 08:28:27");
    }

    @Test
    void shouldRefuseOverLongEnvelopeField()
    {
        assertThat(decode(Samples.REQ_2207.replace("\"opter\": \"1022\"", "\"opter\": \"" + "9".repeat(31) + "\""))).isEqualTo(ErrorCode.E5003);
        assertThat(decoder.lastErrorMessage()).isEqualTo("opter is 31 characters (at most 30)");
    }

    @Test
    void shouldRefuseMissingInputOrInputNode()
    {
        assertThat(decode("{\"infno\":\"2207\"," + ENVELOPE + "}")).isEqualTo(ErrorCode.E5002);
        assertThat(decoder.lastErrorMessage()).isEqualTo("input is missing");
        assertThat(decode(body("2207", "{\"druginfo\":{}}"))).isEqualTo(ErrorCode.E5002);
        assertThat(decoder.lastErrorMessage()).isEqualTo("input.data is missing");
        assertThat(decode(body("2204", "{\"data\":{}}"))).isEqualTo(ErrorCode.E5002);
        assertThat(decoder.lastErrorMessage()).isEqualTo("input.feedetail is missing");
    }

    @Test
    void shouldLeaveUnknownInfnoToTheGateway()
    {
        assertThat(decode(body("4101A", "{\"setlinfo\":{}}"))).isEqualTo(ErrorCode.NONE);
        assertThat(req.infno).isEqualTo("4101A");
        assertThat(req.txn).isEqualTo(4101);
    }

    @Test
    void shouldRefuseStringInput()
    {
        assertThat(decode(body("2207", "\"Zm9vYmFy\""))).isEqualTo(ErrorCode.E5001);
        assertThat(decoder.lastErrorMessage()).contains("input must be a JSON object");
    }

    @Test
    void shouldTakeInfnoFromPathWhenBodyHasNone()
    {
        final byte[] b = utf8(Samples.REQ_2207.replace("\"infno\": \"2207\",", ""));
        assertThat(decoder.decode(b, 0, b.length, "2207", req)).isEqualTo(ErrorCode.NONE);
        assertThat(req.infno).isEqualTo("2207");
        assertThat(req.txn).isEqualTo(2207);
        final long hi = req.bodyDigestHi;

        final byte[] withBody = utf8(Samples.REQ_2207);
        assertThat(decoder.decode(withBody, 0, withBody.length, "2206", req)).isEqualTo(ErrorCode.NONE);
        assertThat(req.txn).isEqualTo(2207);
        assertThat(req.bodyDigestHi).isEqualTo(hi);
    }

    @Test
    void shouldSkipUnknownFieldsAtAnyDepth()
    {
        final String input = "{\"exp\":{\"a\":[1,{\"psn_no\":\"X\"},[[]]],\"b\":null},\"data\":{\"exp_content\":" +
            "{\"er_flag\":{\"x\":[true,false,1.5e3]}},\"psn_no\":\"P1\",\"return_invono\":\"\",\"expContent\":\"{}\"}}";
        final String json = "{\"serv_code\":{\"nested\":[1,2,{\"infno\":\"9999\"}]},\"infno\":\"2206\"," + ENVELOPE +
            ",\"enc_type\":\"\",\"input\":" + input + "}";
        assertThat(decode(json)).isEqualTo(ErrorCode.NONE);
        assertThat(req.infno).isEqualTo("2206");
        assertThat(req.psnNo).isEqualTo("P1");
    }

    @Test
    void shouldReadNullEmptyAndNullTextAsAbsent()
    {
        final String input = "{\"data\":{\"psn_no\":\"null\",\"mdtrt_id\":null,\"med_type\":\"\",\"medfee_sumamt\":\"null\"," +
            "\"acct_pay\":null,\"insutype\":\"310\"}}";
        assertThat(decode(body("2206", input))).isEqualTo(ErrorCode.NONE);
        assertThat(req.psnNo).isNull();
        assertThat(req.mdtrtId).isNull();
        assertThat(req.medType).isNull();
        assertThat(req.medfeeSumamt).isEqualTo(ABSENT);
        assertThat(req.acctPay).isEqualTo(ABSENT);
        assertThat(req.insutype).isEqualTo("310");
    }

    @Test
    void shouldMarkFeeLineWithBadNumbersAndContinue()
    {
        final String lines = "[{\"feedetl_sn\":\"1\",\"det_item_fee_sumamt\":1,\"cnt\":\"abc\",\"pric\":1}," +
            "{\"feedetl_sn\":\"2\",\"det_item_fee_sumamt\":1.005,\"cnt\":1,\"pric\":1}," +
            "{\"feedetl_sn\":\"3\",\"det_item_fee_sumamt\":1,\"cnt\":1,\"pric\":-1}," +
            "{\"feedetl_sn\":\"4\",\"det_item_fee_sumamt\":1,\"pric\":1}," +
            "{\"feedetl_sn\":\"5\",\"det_item_fee_sumamt\":1,\"cnt\":0.00001,\"pric\":1}," +
            "{\"feedetl_sn\":\"6\",\"det_item_fee_sumamt\":\"0.50\",\"cnt\":\"0.5\",\"pric\":\"1.0000001\"}," +
            "{\"feedetl_sn\":\"7\",\"det_item_fee_sumamt\":0.5,\"cnt\":0.5,\"pric\":1.000001}]";
        assertThat(decode(body("2204", "{\"feedetail\":" + lines + "}"))).isEqualTo(ErrorCode.NONE);
        assertThat(req.lineCount()).isEqualTo(7);
        assertLine(req.line(0), 2, "abc", "cnt");
        assertLine(req.line(1), 1, "1.005", "det_item_fee_sumamt");
        assertLine(req.line(2), 3, "-1", "pric");
        assertLine(req.line(3), 2, "(missing)", "cnt");
        assertLine(req.line(4), 2, "0.00001", "cnt");
        assertLine(req.line(5), 3, "1.0000001", "pric");
        assertThat(req.line(6).parseError).isZero();
        assertThat(req.line(6).priceMicro).isEqualTo(1_000_001);
        assertThat(req.line(6).quantity4).isEqualTo(5_000);
        assertThat(req.line(6).amountFen).isEqualTo(50);
    }

    private static void assertLine(final FeeLine line, final int error, final String text, final String field)
    {
        assertThat(line.parseError).isEqualTo(error);
        assertThat(line.parseErrorText).isEqualTo(text);
        assertThat(line.badField()).isEqualTo(field);
    }

    @Test
    void shouldTakeRequestKeysFromFirstFeeLineFor2204()
    {
        final String lines = "[{\"feedetl_sn\":\"1\",\"mdtrt_id\":\"M1\",\"psn_no\":\"P1\",\"chrg_bchno\":\"B1\",\"dise_codg\":\"M03900\"," +
            "\"det_item_fee_sumamt\":1,\"cnt\":1,\"pric\":1}]";
        assertThat(decode(body("2204", "{\"feedetail\":" + lines + "}"))).isEqualTo(ErrorCode.NONE);
        assertThat(req.mdtrtId).isEqualTo("M1");
        assertThat(req.psnNo).isEqualTo("P1");
        assertThat(req.chrgBchno).isEqualTo("B1");
        assertThat(req.diseCodg).isEqualTo("M03900");

        assertThat(decode(body("2207", "{\"data\":{\"dise_codg\":\"D1\"},\"feedetail\":" + lines + "}"))).isEqualTo(ErrorCode.NONE);
        assertThat(req.diseCodg).isEqualTo("D1");
    }

    @Test
    void shouldRefuseTooManyFeeLinesAndTooLargeBody()
    {
        final RequestDecoder small = new RequestDecoder(new Limits().maxFeeLines(3).maxBodyBytes(4096));
        final byte[] four = utf8(body("2204", "{\"feedetail\":[{},{},{},{}]}"));
        assertThat(small.decode(four, 0, four.length, req)).isEqualTo(ErrorCode.E5006);
        assertThat(small.lastErrorMessage()).isEqualTo("more than 3 fee lines");
        assertThat(req.lineCount()).isEqualTo(3);

        final byte[] big = utf8(Samples.req2207WithLines(20));
        assertThat(small.decode(big, 0, big.length, req)).isEqualTo(ErrorCode.E5006);
        assertThat(small.lastErrorMessage()).contains("at most 4096");
    }

    @Test
    void shouldRefuseTooDeepNesting()
    {
        final String deep = "[".repeat(40) + "]".repeat(40);
        assertThat(decode(body("2207", "{\"data\":{},\"x\":" + deep + "}"))).isEqualTo(ErrorCode.E5001);
        assertThat(decoder.lastErrorMessage()).contains("nesting depth");
    }

    @Test
    void shouldRefuseOverLongInputField()
    {
        assertThat(decode(body("2207", "{\"data\":{\"psn_no\":\"" + "1".repeat(31) + "\"}}"))).isEqualTo(ErrorCode.E5003);
        assertThat(decoder.lastErrorMessage()).isEqualTo("data.psn_no is 31 characters (at most 30)");
        assertThat(decode(body("2204", "{\"feedetail\":[{},{\"med_list_codg\":\"" + "X".repeat(51) + "\"}]}"))).isEqualTo(ErrorCode.E5003);
        assertThat(decoder.lastErrorMessage()).isEqualTo("feedetail[1].med_list_codg is 51 characters (at most 50)");
    }

    @Test
    void shouldPreferEnvelopeErrorOverInputError()
    {
        final String json = "{\"input\":{\"data\":{\"medfee_sumamt\":-1}},\"infno\":\"2207\",\"fixmedins_code\":\"H1\"," +
            "\"inf_time\":\"2021-09-24 08:28:27\"}";
        assertThat(decode(json)).isEqualTo(ErrorCode.E5002);
        assertThat(decoder.lastErrorMessage()).isEqualTo("msgid is missing");
    }

    @Test
    void shouldDecodeSignInAndSignOut()
    {
        assertThat(decode(body("9001", "{\"signIn\":{\"opter_no\":\"1022\",\"mac\":\"00-1A-2B-3C-4D-5E\",\"ip\":\"10.0.0.8\"}}")))
            .isEqualTo(ErrorCode.NONE);
        assertThat(req.opterNo).isEqualTo("1022");
        assertThat(req.mac).isEqualTo("00-1A-2B-3C-4D-5E");
        assertThat(req.ip).isEqualTo("10.0.0.8");

        final String json = "{\"infno\":\"9002\"," + ENVELOPE + ",\"sign_no\":\"111\",\"input\":{\"signOut\":{\"opter_no\":\"1\",\"sign_no\":\"651918\"}}}";
        assertThat(decode(json)).isEqualTo(ErrorCode.NONE);
        assertThat(req.signNo).isEqualTo("651918");
    }

    @Test
    void shouldDecodeAdmissionAndDischargeNodes()
    {
        final String in = "{\"mdtrtinfo\":{\"psn_no\":\"P1\",\"insutype\":\"310\",\"begntime\":\"2021-09-20 10:00:00\"," +
            "\"mdtrt_cert_type\":\"02\",\"mdtrt_cert_no\":\"110101199001011234\",\"med_type\":\"21\",\"ipt_no\":\"ZY001\"," +
            "\"atddr_no\":\"D1\",\"chfpdr_name\":\"李医生\",\"adm_dept_codg\":\"A03\",\"adm_dept_name\":\"内科\",\"dise_codg\":\"I10\"," +
            "\"insuplc_admdvs\":\"999999\"},\"diseinfo\":[{\"diag_code\":\"I10\",\"maindiag_flag\":\"1\"}]}";
        assertThat(decode(body("2401", in))).isEqualTo(ErrorCode.NONE);
        assertThat(req.psnNo).isEqualTo("P1");
        assertThat(req.begntime).isEqualTo("2021-09-20 10:00:00");
        assertThat(req.medType).isEqualTo("21");
        assertThat(req.iptOtpNo).isEqualTo("ZY001");
        assertThat(req.drName).isEqualTo("李医生");
        assertThat(req.deptCode).isEqualTo("A03");
        assertThat(req.deptName).isEqualTo("内科");
        assertThat(req.diseCodg).isEqualTo("I10");
        assertThat(req.insuplcAdmdvs).isEqualTo("500155");

        final String out = "{\"dscginfo\":{\"mdtrt_id\":\"M1\",\"psn_no\":\"P1\",\"endtime\":\"2021-09-28 09:00:00\"," +
            "\"dscg_dept_codg\":\"A04\",\"dscg_way\":\"1\"}}";
        assertThat(decode(body("2402", out))).isEqualTo(ErrorCode.NONE);
        assertThat(req.mdtrtId).isEqualTo("M1");
        assertThat(req.endtime).isEqualTo("2021-09-28 09:00:00");
        assertThat(req.deptCode).isEqualTo("A04");
    }

    @Test
    void shouldDecodePharmacyDrugDetailAsFeeLines()
    {
        final String in = "{\"druginfo\":{\"psn_no\":\"P1\",\"med_type\":\"41\",\"medfee_sumamt\":25.1,\"insutype\":\"310\"," +
            "\"acct_used_flag\":\"0\"},\"drugdetail\":[{\"feedetl_sn\":\"1\",\"med_list_codg\":\"X1\",\"medins_list_codg\":\"L1\"," +
            "\"det_item_fee_sumamt\":25.10,\"cnt\":1,\"pric\":25.1}]}";
        assertThat(decode(body("2101", in))).isEqualTo(ErrorCode.NONE);
        assertThat(req.medfeeSumamt).isEqualTo(2510);
        assertThat(req.acctUsedFlag).isFalse();
        assertThat(req.lineCount()).isEqualTo(1);
        assertThat(req.line(0).amountFen).isEqualTo(2510);
        assertThat(req.line(0).priceMicro).isEqualTo(25_100_000);
    }

    @Test
    void shouldDecodeFileUploadAsBase64OrByteArray()
    {
        final String b64 = Base64.getEncoder().encodeToString(new byte[] { 80, 75, 3, 4, -1 });
        assertThat(decode(body("9101", "{\"fsUploadIn\":{\"in\":\"" + b64 + "\",\"filename\":\"a.zip\",\"fixmedins_code\":\"H1\"}}")))
            .isEqualTo(ErrorCode.NONE);
        assertThat(req.fileData).containsExactly(80, 75, 3, 4, -1);
        assertThat(req.filename).isEqualTo("a.zip");

        assertThat(decode(body("9101", "{\"fsUploadIn\":{\"in\":[80,75,3,4,255],\"filename\":\"a.zip\"}}"))).isEqualTo(ErrorCode.NONE);
        assertThat(req.fileData).containsExactly(80, 75, 3, 4, -1);

        assertThat(decode(body("9101", "{\"fsUploadIn\":{\"in\":[80,\"x\"]}}"))).isEqualTo(ErrorCode.E5001);
        assertThat(decode(body("9102", "{\"fsDownloadIn\":{\"file_qury_no\":\"Q1\",\"filename\":\"r.zip\"}}"))).isEqualTo(ErrorCode.NONE);
        assertThat(req.fileQuryNo).isEqualTo("Q1");
        assertThat(req.fileData).isNull();
    }

    @Test
    void shouldDecodeReconciliationAndReversal()
    {
        final String in = "{\"data\":{\"insutype\":\"310\",\"clr_type\":\"11\",\"setl_optins\":\"500155\",\"stmt_begndate\":\"2021-09-01\"," +
            "\"stmt_enddate\":\"2021-09-30\",\"medfee_sumamt\":1234.56,\"fund_pay_sumamt\":1000,\"acct_pay\":\"34.56\"," +
            "\"fixmedins_setl_cnt\":17}}";
        assertThat(decode(body("3201", in))).isEqualTo(ErrorCode.NONE);
        assertThat(req.medfeeSumamt).isEqualTo(123_456);
        assertThat(req.fundPaySumamt).isEqualTo(100_000);
        assertThat(req.acctPay).isEqualTo(3_456);
        assertThat(req.fixmedinsSetlCnt).isEqualTo(17);
        assertThat(req.stmtEnddate).isEqualTo("2021-09-30");

        assertThat(decode(body("3201", "{\"data\":{\"fixmedins_setl_cnt\":1.5}}"))).isEqualTo(ErrorCode.E5005);

        assertThat(decode(body("2601", "{\"data\":{\"psn_no\":\"P1\",\"omsgid\":\"H50015501017202109240828271037\",\"oinfno\":\"2207\"}}")))
            .isEqualTo(ErrorCode.NONE);
        assertThat(req.omsgid).isEqualTo("H50015501017202109240828271037");
        assertThat(req.oinfno).isEqualTo("2207");
    }

    @Test
    void shouldClearEverythingBetweenDecodes()
    {
        assertThat(decode(Samples.req2207WithLines(3))).isEqualTo(ErrorCode.NONE);
        assertThat(decode(Samples.REQ_1101)).isEqualTo(ErrorCode.NONE);
        final SettlementRequest fresh = new SettlementRequest();
        final byte[] b = utf8(Samples.REQ_1101);
        new RequestDecoder().decode(b, 0, b.length, fresh);
        assertThat(io.medgw.codec.JsonShuffle.dump(req)).isEqualTo(io.medgw.codec.JsonShuffle.dump(fresh));
    }

    @Test
    void shouldDecodeFromDirectBuffersAtAnOffset()
    {
        final byte[] json = utf8(Samples.REQ_2207);
        final byte[] padded = new byte[json.length + 37];
        System.arraycopy(json, 0, padded, 21, json.length);
        final UnsafeBuffer onArray = new UnsafeBuffer(padded, 5, padded.length - 5);
        assertThat(decoder.decode(onArray, 16, json.length, null, req)).isEqualTo(ErrorCode.NONE);
        assertThat(req.medfeeSumamt).isEqualTo(900);
        final long hi = req.bodyDigestHi;

        final ByteBuffer direct = ByteBuffer.allocateDirect(padded.length);
        direct.put(padded).flip();
        assertThat(decoder.decode(new UnsafeBuffer(direct), 21, json.length, null, req)).isEqualTo(ErrorCode.NONE);
        assertThat(req.psnNo).isEqualTo("JM2011463725");
        assertThat(req.bodyDigestHi).isEqualTo(hi);
    }
}
