package io.medgw.gateway.query;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.state.SettlementState;

/**
 * 1101 人员信息获取 (national-interface.md §3.1). The person is found by the credential
 * ({@code mdtrt_cert_type} + {@code mdtrt_cert_no}), else by ID number ({@code certno}, any
 * {@code psn_cert_type}), else by {@code psn_no}; a {@code psn_name} that differs from the record
 * refuses too (E1001), an expired e-voucher E1002. No credential at all → E5002. The answer is
 * the reference-data person ({@code e.person}) with the live account balance ({@code res.balc})
 * from the settlement state; a person who is not active is still answered (psn_insu_stas says so).
 * A query: changes nothing.
 */
final class PersonInfo
{
    private final SettlementState state;

    PersonInfo(final SettlementState state)
    {
        this.state = state;
    }

    void process(final SettlementEvent e)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final Person p;
        final String how;
        if (req.mdtrtCertNo != null)
        {
            p = e.ref.personByCredential(req.mdtrtCertType, req.mdtrtCertNo);
            how = "mdtrt_cert_type=" + req.mdtrtCertType + " mdtrt_cert_no=" + req.mdtrtCertNo;
        }
        else if (req.certno != null)
        {
            p = e.ref.personByCredential("02", req.certno);
            how = "psn_cert_type=" + req.psnCertType + " certno=" + req.certno;
        }
        else if (req.psnNo != null)
        {
            p = e.ref.personByPsnNo(req.psnNo);
            how = "psn_no=" + req.psnNo;
        }
        else
        {
            res.refuse(ErrorCode.E5002, "缺少必填字段：input.data.mdtrt_cert_no 或 certno (missing required field: a credential)");
            return;
        }
        if (p == null || req.psnName != null && !req.psnName.equals(p.name()))
        {
            res.refuse(ErrorCode.E1001, "人员信息无法识别：" + how + (req.psnName == null ? "" : " psn_name=" + req.psnName) +
                " (credential unknown or name does not match; read the card or e-voucher again)");
            return;
        }
        if ("01".equals(req.mdtrtCertType) && req.mdtrtCertNo != null && p.evoucherValidUntil() < res.setlTime)
        {
            res.refuse(ErrorCode.E1002, "医保电子凭证已过期：mdtrt_cert_no=" + req.mdtrtCertNo + "，交易时间 " + req.infTimeText +
                " (e-voucher expired; ask the patient to refresh the code and scan again)");
            return;
        }
        e.person = p;
        res.psnNo = p.psnNo();
        res.psnName = p.name();
        res.insutype = p.insutype();
        res.psnType = p.psnType();
        res.insuplcAdmdvs = p.insuplcAdmdvs();
        res.balc = state.balanceOf(p.psnNo(), e.ref);
    }
}
