package io.medgw.gateway.identity;

import io.medgw.codec.Dates;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.Institution;
import io.medgw.gateway.reference.Person;

/**
 * The cashier messages of the identity refusals (docs/errors.md): Chinese first, naming the field
 * and value, then a short English gloss and what to do. Built only when refusing (allocates).
 */
final class Refusals
{
    private static final String MANUAL = "请按手工（零星）报销办理";

    private Refusals()
    {
    }

    static String credentialUnknown(final SettlementRequest req)
    {
        if (req.mdtrtCertNo == null)
        {
            return "就诊凭证无法识别：未提供 mdtrt_cert_no，psn_no=" + req.psnNo +
                " (credential unknown; read the card or e-voucher again)";
        }
        return "就诊凭证无法识别：mdtrt_cert_type=" + req.mdtrtCertType + " mdtrt_cert_no=" + req.mdtrtCertNo +
            (req.psnNo == null ? "" : " psn_no=" + req.psnNo) +
            " (credential unknown or not this person's; read the card or e-voucher again)";
    }

    static String voucherExpired(final SettlementRequest req, final Person p)
    {
        return "医保电子凭证已过期：mdtrt_cert_no=" + req.mdtrtCertNo + " 有效期至 " +
            Dates.formatDateTime(p.evoucherValidUntil()) + "，交易时间 " + req.infTimeText +
            " (e-voucher expired; ask the patient to refresh the code and scan again)";
    }

    static String notActive(final Person p)
    {
        return "人员参保状态非正常参保：psn_no=" + p.psnNo() + " psn_insu_stas=" + p.status() +
            " (person not active; settle at own expense or ask the insured to contact the agency)";
    }

    static String outsideBenefit(final Person p, final int day)
    {
        return "结算日期不在待遇享受期内：psn_no=" + p.psnNo() + " 结算日期 " + Dates.formatDate(day) + "，待遇期 " +
            Dates.formatDate(p.benefitBegin()) + " 至 " + Dates.formatDate(p.benefitEnd()) +
            " (outside benefit period; settle at own expense)";
    }

    static String institutionUnknown(final String code)
    {
        return "定点医药机构不存在：fixmedins_code=" + code + " (institution unknown; check the configured code)";
    }

    static String agreementNotValid(final Institution inst, final int day)
    {
        return "定点协议不在有效期内：fixmedins_code=" + inst.code() + " 结算日期 " + Dates.formatDate(day) + "，协议期 " +
            Dates.formatDate(inst.agreementBegin()) + " 至 " + Dates.formatDate(inst.agreementEnd()) +
            " (institution agreement not valid; contact the agency)";
    }

    static String notSignedIn(final Institution inst)
    {
        return "定点医药机构未签到或已签退：fixmedins_code=" + inst.code() + " (not signed in; sign in with 9001 and retry)";
    }

    static String clockSkew(final SettlementRequest req, final long now, final long maxSkewSec)
    {
        return "交易时间与网关时钟相差过大：inf_time=" + req.infTimeText + "，网关时间 " + Dates.formatDateTime(now) +
            "，允许偏差 " + maxSkewSec + " 秒 (inf_time too far from the gateway's clock; fix the HIS clock and resend)";
    }

    static String medTypeNotAllowed(final String medType, final BenefitClass c, final Institution inst)
    {
        if (c == null)
        {
            return "医疗类别无法识别：med_type=" + medType + " (unknown med_type; use 11-14, 19, 21-24, 41, 51-53)";
        }
        return "医疗类别在本机构不可结算：med_type=" + medType + "，fixmedins_code=" + inst.code() +
            (inst.pharmacy() ? (inst.dualChannel() ? "（双通道药店仅可结算 41、14）" : "（药店仅可结算 41）") : "（医院不可结算 41）") +
            " (med_type not allowed at this institution)";
    }

    static String chronicMissing(final Person p, final String dise, final int day)
    {
        return "门诊慢特病无有效认定：psn_no=" + p.psnNo() + " dise_codg=" + dise + " 结算日期 " + Dates.formatDate(day) +
            " (chronic disease without a valid 认定; check dise_codg or settle as 普通门诊 med_type=11)";
    }

    static String chronicElsewhere(final Person p, final String dise, final Institution inst)
    {
        return "门诊慢特病认定指定其他定点机构：psn_no=" + p.psnNo() + " dise_codg=" + dise + "，本机构 fixmedins_code=" +
            inst.code() + " (认定 designates another institution; treat at the designated one)";
    }

    static String maternityNot310(final Person p, final String medType)
    {
        return "生育医疗类别仅限职工医保参保人：psn_no=" + p.psnNo() + " insutype=" + p.insutype() + " med_type=" + medType +
            " (maternity for a non-310 person; settle as 普通门诊/住院)";
    }

    static String crossRegionClosed(final Person p, final Institution inst)
    {
        return "异地就医：本机构未开通异地联网结算，fixmedins_code=" + inst.code() + " 就医地 " + inst.admdvs() + "，参保地 " +
            p.insuplcAdmdvs() + "，" + MANUAL + " (institution not open for cross-region settlement; use manual reimbursement)";
    }

    static String noFiling(final Person p, final Institution inst, final int day)
    {
        return "异地就医：无有效备案，psn_no=" + p.psnNo() + " 参保地 " + p.insuplcAdmdvs() + " 就医地 " + inst.admdvs() +
            " 结算日期 " + Dates.formatDate(day) + "，请先办理异地就医备案或" + MANUAL +
            " (no matching 备案; file one or use manual reimbursement)";
    }

    static String noPolicy(final Person p, final int year, final boolean hasPolicy, final BenefitClass c, final int lv)
    {
        if (!hasPolicy)
        {
            return "无待遇政策：参保地 insuplc_admdvs=" + p.insuplcAdmdvs() + " insutype=" + p.insutype() + " 年度 " + year +
                " (no policy; contact the agency)";
        }
        return "待遇政策无对应项：参保地 insuplc_admdvs=" + p.insuplcAdmdvs() + " insutype=" + p.insutype() + " 年度 " + year +
            " benefit_class=" + c.label() + " hosp_lv=" + lv + " psn_type=" + p.psnType() + " (no policy cell; contact the agency)";
    }
}
