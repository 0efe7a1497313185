package io.medgw.codec.reply;

import io.medgw.codec.Dates;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.Samples;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.request.RequestDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static io.medgw.codec.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseEncoderTest
{
    private static final long RECEIVED = LocalDateTime.of(2021, 7, 14, 11, 8, 17, 297_000_000).toInstant(ZoneOffset.ofHours(8)).toEpochMilli();
    private static final long RESPONDED = RECEIVED + 985;

    private final ResponseEncoder encoder = new ResponseEncoder();
    private final ResponseReader reader = new ResponseReader();
    private final SettlementRequest req = new SettlementRequest();
    private final SettlementResult res = new SettlementResult();

    @BeforeEach
    void decodeSample()
    {
        final byte[] b = utf8(Samples.REQ_2207);
        assertThat(new RequestDecoder().decode(b, 0, b.length, req)).isEqualTo(ErrorCode.NONE);
        encoder.header("500000", 514_555L, RECEIVED, RESPONDED);
    }

    /** The Hebei 2207 sample's figures (national-interface.md §5.2). */
    private void hebeiResult()
    {
        res.clear();
        res.setlId = "400125241";
        res.mdtrtId = "300179916";
        res.psnNo = "13030011303013321217";
        res.psnName = "雷贺姜";
        res.psnCertType = "01";
        res.certno = "130302198610041614";
        res.gend = "1";
        res.naty = "01";
        res.brdy = "1986-10-04";
        res.insutype = "310";
        res.psnType = "1101";
        res.cvlservFlag = "0";
        res.mdtrtCertType = "02";
        res.medType = "11";
        res.clrOptins = "131199";
        res.clrWay = "1";
        res.clrType = "11";
        res.setlDay = Dates.ofYmd(2021, 11, 29);
        res.setlTime = Dates.parseDateTime("2021-11-29 18:09:52");
        res.sign = 1;
        res.medfeeSumamt = 452;
        res.preselfpayAmt = 23;
        res.inscpScpAmt = 429;
        res.actPayDedc = 429;
        res.psnPartAmt = 452;
        res.acctPay = 452;
        res.balc = 137_363;
        res.addFundRow("310200", "城镇职工基本医疗保险个人账户基金", 452, 429, -1);
    }

    @Test
    void shouldWriteSettlementThatParsesBackWithTypesAndValues()
    {
        hebeiResult();
        reader.read(encoder.encodeSettlement(req, res));

        assertThat(reader.infcode()).isZero();
        assertThat(reader.isNumber("infcode")).isTrue();
        assertThat(reader.errMsg()).isNull();
        assertThat(reader.has("err_msg")).isTrue();
        assertThat(reader.has("warn_msg") && reader.has("cainfo") && reader.has("signtype")).isTrue();
        assertThat(reader.infRefmsgid()).isEqualTo("500000202107141108170000514555");
        assertThat(reader.text("refmsg_time")).isEqualTo("20210714110817297");
        assertThat(reader.text("respond_time")).isEqualTo("20210714110818282");

        final String s = "output.setlinfo.";
        assertThat(reader.setlId()).isEqualTo("400125241");
        assertThat(reader.text(s + "medfee_sumamt")).isEqualTo("4.52");
        assertThat(reader.isNumber(s + "medfee_sumamt")).isTrue();
        assertThat(reader.text(s + "hifp_pay")).isEqualTo("0.00");
        assertThat(reader.text(s + "balc")).isEqualTo("1373.63");
        assertThat(reader.text(s + "preselfpay_amt")).isEqualTo("0.23");
        assertThat(reader.text(s + "pool_prop_selfpay")).isEqualTo("0.0000");
        assertThat(reader.text(s + "age")).isEqualTo("35.0");
        assertThat(reader.text(s + "setl_time")).isEqualTo("2021-11-29 18:09:52");
        assertThat(reader.text(s + "medins_setl_id")).isEqualTo("H50015501017202109240828271037");
        assertThat(reader.text(s + "psn_name")).isEqualTo("雷贺姜");
        assertThat(reader.text(s + "clr_type")).isEqualTo("11");
        assertThat(reader.fen(s + "acct_pay")).isEqualTo(452);
        assertThat(reader.setlinfoFen()).hasSize(20).containsEntry("inscp_scp_amt", 429L).containsEntry("hifes_pay", 0L)
            .doesNotContainKeys("age", "pool_prop_selfpay", "setl_id");

        assertThat(reader.size("output.setldetail")).isEqualTo(1);
        assertThat(reader.text("output.setldetail[0].fund_pay_type")).isEqualTo("310200");
        assertThat(reader.text("output.setldetail[0].fund_payamt")).isEqualTo("4.52");
        assertThat(reader.text("output.setldetail[0].inscp_scp_amt")).isEqualTo("4.29");
        assertThat(reader.has("output.setldetail[0].crt_payb_lmt_amt")).isTrue();
        assertThat(reader.text("output.setldetail[0].crt_payb_lmt_amt")).isNull();
        assertThat(reader.text("output.setldetail[0].setl_proc_info")).isNull();
        assertThat(reader.size("output.detlcutinfo")).isZero();
    }

    @Test
    void shouldWriteEverySetlinfoFieldOfTheSpec()
    {
        hebeiResult();
        reader.read(encoder.encodeSettlement(req, res));
        final String[] spec = {
            "mdtrt_id", "setl_id", "psn_no", "psn_name", "psn_cert_type", "certno", "gend", "naty", "brdy", "age",
            "insutype", "psn_type", "cvlserv_flag", "setl_time", "mdtrt_cert_type", "med_type", "medfee_sumamt",
            "fulamt_ownpay_amt", "overlmt_selfpay", "preselfpay_amt", "inscp_scp_amt", "act_pay_dedc", "hifp_pay",
            "pool_prop_selfpay", "cvlserv_pay", "hifes_pay", "hifmi_pay", "hifob_pay", "maf_pay", "oth_pay",
            "fund_pay_sumamt", "psn_part_amt", "acct_pay", "psn_cash_pay", "hosp_part_amt", "balc", "acct_mulaid_pay",
            "medins_setl_id", "clr_optins", "clr_way", "clr_type" };
        for (final String f : spec)
        {
            assertThat(reader.has("output.setlinfo." + f)).as(f).isTrue();
        }
        assertThat(reader.values().keySet().stream().filter(k -> k.startsWith("output.setlinfo."))).hasSize(spec.length);
    }

    @Test
    void shouldPrintCancelAmountsAsNegative()
    {
        hebeiResult();
        res.sign = -1;
        res.medfeeSumamt = -2510;
        res.acctPay = -2510;
        res.psnPartAmt = -2510;
        res.fundRowCount = 0;
        res.addFundRow("310200", "城镇职工基本医疗保险个人账户基金", -2510, -2510, -1);
        final byte[] b = utf8(Samples.REQ_2207.replace("\"2207\"", "\"2208\""));
        new RequestDecoder().decode(b, 0, b.length, req);

        reader.read(encoder.encodeSettlement(req, res));
        assertThat(reader.text("output.setlinfo.medfee_sumamt")).isEqualTo("-25.10");
        assertThat(reader.fen("output.setlinfo.acct_pay")).isEqualTo(-2510);
        assertThat(reader.text("output.setldetail[0].fund_payamt")).isEqualTo("-25.10");
    }

    @Test
    void shouldLeaveSettlementIdsEmptyOnPreSettlement()
    {
        hebeiResult();
        final byte[] b = utf8(Samples.REQ_2207.replace("\"2207\"", "\"2206\""));
        new RequestDecoder().decode(b, 0, b.length, req);
        reader.read(encoder.encodeSettlement(req, res));
        assertThat(reader.setlId()).isNull();
        assertThat(reader.text("output.setlinfo.setl_time")).isNull();
        assertThat(reader.text("output.setlinfo.clr_type")).isNull();
        assertThat(reader.text("output.setlinfo.medfee_sumamt")).isEqualTo("4.52");
    }

    @Test
    void shouldWriteRefusalWithCodeInErrMsgAndNullOutput()
    {
        reader.read(encoder.encodeError(ErrorCode.E5005, "data.medfee_sumamt = 1.005: not a whole number of fen"));
        assertThat(reader.infcode()).isEqualTo(-2);
        assertThat(reader.isNumber("infcode")).isTrue();
        assertThat(reader.errMsg()).isEqualTo("E5005: data.medfee_sumamt = 1.005: not a whole number of fen");
        assertThat(reader.has("output")).isTrue();
        assertThat(reader.text("output")).isNull();

        reader.read(encoder.encodeError(ErrorCode.E9001, null));
        assertThat(reader.infcode()).isEqualTo(-1);
        assertThat(reader.errMsg()).isEqualTo("E9001: gateway overloaded, retry");

        res.refuse(ErrorCode.E1011, "人员 P1 参保状态暂停");
        reader.read(encoder.encodeSettlement(req, res));
        assertThat(reader.errMsg()).isEqualTo("E1011: 人员 P1 参保状态暂停");
    }

    @Test
    void shouldCutErrMsgAtTwoHundredCharacters()
    {
        reader.read(encoder.encodeError(ErrorCode.E5001, "x".repeat(500)));
        assertThat(reader.errMsg()).hasSize(ResponseEncoder.ERR_MSG_MAX).startsWith("E5001: xxx");

        final String emoji = "x".repeat(192) + "\uD83D\uDE00" + "y";
        reader.read(encoder.encodeError(ErrorCode.E5001, emoji));
        assertThat(reader.errMsg()).hasSize(ResponseEncoder.ERR_MSG_MAX - 1).endsWith("x");
    }

    @Test
    void shouldWriteFeeResultsAndPerLineDetails()
    {
        req.clearLines();
        final FeeLine a = req.addLine();
        a.feedetlSn = "yp570";
        a.amountFen = 452;
        a.quantity4 = 10_000;
        a.priceMicro = 4_520_000;
        a.selfpayPropBp = 500;
        a.preselfpayAmt = 23;
        a.inscpScpAmt = 429;
        a.chrgitmLv = 2;
        a.medChrgitmType = "09";
        final FeeLine b = req.addLine();
        b.feedetlSn = "xm1";
        b.amountFen = 1000;
        b.quantity4 = 5_000;
        b.priceMicro = 20_000_000;
        b.pricUplmtMicro = 15_000_000;
        b.overlmtAmt = 250;
        b.fulamtOwnpayAmt = 750;
        b.chrgitmLv = 3;
        b.selfpayPropBp = 10_000;
        b.ownpayReason = "丙类: 全自费";

        reader.read(encoder.encodeFeeResults(req));
        assertThat(reader.size("output.result")).isEqualTo(2);
        final String r = "output.result[0].";
        assertThat(reader.text(r + "feedetl_sn")).isEqualTo("yp570");
        assertThat(reader.text(r + "det_item_fee_sumamt")).isEqualTo("4.52");
        assertThat(reader.text(r + "cnt")).isEqualTo("1.0000");
        assertThat(reader.text(r + "pric")).isEqualTo("4.520000");
        assertThat(reader.text(r + "pric_uplmt_amt")).isEqualTo("999999");
        assertThat(reader.text(r + "selfpay_prop")).isEqualTo("0.0500");
        assertThat(reader.text(r + "preselfpay_amt")).isEqualTo("0.23");
        assertThat(reader.text(r + "inscp_scp_amt")).isEqualTo("4.29");
        assertThat(reader.text(r + "chrgitm_lv")).isEqualTo("02");
        assertThat(reader.text(r + "med_chrgitm_type")).isEqualTo("09");
        assertThat(reader.has(r + "lmt_used_flag")).isTrue();
        assertThat(reader.text(r + "memo")).isNull();
        final String r2 = "output.result[1].";
        assertThat(reader.text(r2 + "pric_uplmt_amt")).isEqualTo("15.000000");
        assertThat(reader.text(r2 + "overlmt_amt")).isEqualTo("2.50");
        assertThat(reader.text(r2 + "chrgitm_lv")).isEqualTo("03");
        assertThat(reader.text(r2 + "memo")).isEqualTo("丙类: 全自费");

        hebeiResult();
        res.explain = new StringBuilder("起付线 0.00; 统筹 0.00; 个人账户 4.52");
        res.addFundRow("310100", "统筹", 0, 429, 100_000);
        reader.read(encoder.encodeSettlement(req, res));
        assertThat(reader.size("output.detlcutinfo")).isEqualTo(2);
        assertThat(reader.text("output.detlcutinfo[1].feedetl_sn")).isEqualTo("xm1");
        assertThat(reader.text("output.setldetail[0].setl_proc_info")).isEqualTo("起付线 0.00; 统筹 0.00; 个人账户 4.52");
        assertThat(reader.text("output.setldetail[1].setl_proc_info")).isNull();
        assertThat(reader.text("output.setldetail[1].crt_payb_lmt_amt")).isEqualTo("1000.00");
    }

    @Test
    void shouldLetTheGatewayWriteItsOwnOutputNodes()
    {
        encoder.beginOutput();
        final OutputWriter out = encoder.output();
        out.beginObject("signinoutb");
        out.writeString("sign_no", "359754");
        out.writeDateTime("sign_time", Dates.parseDateTime("2021-08-29 19:35:27"));
        out.endObject();
        out.beginArray("insuinfo");
        out.beginObject();
        out.writeFen("balc", 4_150_900);
        out.writeRatio("ratio", 1500);
        out.writeMicro("pric", 12_500);
        out.writeQuantity("cnt", 15_000);
        out.writeLong("fixmedins_setl_cnt", 17);
        out.writeDate("psn_insu_date", Dates.ofYmd(1900, 1, 1));
        out.writeDate("paus_insu_date", Dates.NOT_A_DATE);
        out.writeNull("exp_content");
        out.endObject();
        out.endArray();
        reader.read(encoder.finish());

        assertThat(reader.infcode()).isZero();
        assertThat(reader.text("output.signinoutb.sign_no")).isEqualTo("359754");
        assertThat(reader.text("output.signinoutb.sign_time")).isEqualTo("2021-08-29 19:35:27");
        assertThat(reader.text("output.insuinfo[0].balc")).isEqualTo("41509.00");
        assertThat(reader.text("output.insuinfo[0].ratio")).isEqualTo("0.1500");
        assertThat(reader.text("output.insuinfo[0].pric")).isEqualTo("0.012500");
        assertThat(reader.text("output.insuinfo[0].cnt")).isEqualTo("1.5000");
        assertThat(reader.text("output.insuinfo[0].fixmedins_setl_cnt")).isEqualTo("17");
        assertThat(reader.text("output.insuinfo[0].psn_insu_date")).isEqualTo("1900-01-01");
        assertThat(reader.text("output.insuinfo[0].paus_insu_date")).isNull();
    }

    @Test
    void shouldReuseSinkAndRecoverFromAnAbandonedResponse()
    {
        encoder.encodeError(ErrorCode.E5002, "msgid is missing");
        final String first = encoder.sink().toString();
        encoder.encodeError(ErrorCode.E5002, "msgid is missing");
        assertThat(encoder.sink().toString()).isEqualTo(first).startsWith("{\"infcode\":-2,").endsWith("\"output\":null}");

        encoder.beginOutput();
        encoder.output().beginObject("half");
        assertThatThrownBy(() -> encoder.output().endArray()).isInstanceOf(RuntimeException.class);
        encoder.encodeError(ErrorCode.E9003, "boom");
        assertThat(reader.read(encoder.sink()).errMsg()).isEqualTo("E9003: boom");

        encoder.beginOutput();
        encoder.output().beginObject("abandoned");
        reader.read(encoder.encodeError(ErrorCode.E5002, "x"));
        assertThat(reader.infcode()).isEqualTo(-2);
        assertThat(reader.has("output.abandoned")).isFalse();
    }

    @Test
    void shouldWriteInfRefmsgidFromAdmdvsTimeAndSerial()
    {
        encoder.header("31", 12_345_678_901_234L, RECEIVED, RESPONDED);
        reader.read(encoder.encodeError(ErrorCode.E5004, null));
        assertThat(reader.infRefmsgid()).hasSize(30).isEqualTo("310000" + "20210714110817" + "5678901234");
        assertThat(reader.errMsg()).isEqualTo("E5004: unknown transaction");

        final ResponseEncoder utc = new ResponseEncoder(0);
        utc.header("500000", 7, RECEIVED, RECEIVED);
        assertThat(reader.read(utc.encodeError(ErrorCode.E5004, null)).text("refmsg_time")).isEqualTo("20210714030817297");
    }

    @Test
    void shouldComputeCompletedYearsOfAge()
    {
        assertThat(SettlementOutputWriter.ageYears("1986-10-04", Dates.ofYmd(2021, 11, 29))).isEqualTo(35);
        assertThat(SettlementOutputWriter.ageYears("1986-10-04", Dates.ofYmd(2021, 10, 3))).isEqualTo(34);
        assertThat(SettlementOutputWriter.ageYears("1986-10-04", Dates.ofYmd(2021, 10, 4))).isEqualTo(35);
        assertThat(SettlementOutputWriter.ageYears("2000-02-29", Dates.ofYmd(2021, 2, 28))).isEqualTo(20);
        assertThat(SettlementOutputWriter.ageYears("2000-02-29", Dates.ofYmd(2021, 3, 1))).isEqualTo(21);
        assertThat(SettlementOutputWriter.ageYears("2000-12-31", Dates.ofYmd(2001, 1, 1))).isEqualTo(0);
        assertThat(SettlementOutputWriter.ageYears(null, Dates.ofYmd(2021, 3, 1))).isEqualTo(-1);
        assertThat(SettlementOutputWriter.ageYears("bad", Dates.ofYmd(2021, 3, 1))).isEqualTo(-1);
    }
}
