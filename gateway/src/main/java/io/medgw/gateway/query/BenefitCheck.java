package io.medgw.gateway.query;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.Institution;
import io.medgw.gateway.visit.EngineStages;

/**
 * 2001 人员待遇享受检查: the settlement engine's own eligibility checks for the request's person,
 * institution and med_type on the date of inf_time — credential (E1001/E1002), status and benefit
 * period (E1011/E1012), institution and agreement (E1021/E1022, E1023/E1024 on the wire), med_type
 * (E1031), 认定 (E1041/E1042, with dise_codg), maternity (E1051), 异地 (E1061/E1062) and policy
 * (E1071) — answering the first refusal, or {@code trtinfo[]} when eligible. med_type defaults to
 * 41 at a pharmacy and 11 elsewhere. A query: changes nothing.
 */
final class BenefitCheck
{
    private final EngineStages stages;

    BenefitCheck(final EngineStages stages)
    {
        this.stages = stages;
    }

    void process(final SettlementEvent e, final long now)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final Institution inst = e.ref.institution(req.fixmedinsCode);
        final String medType = req.medType != null ? req.medType : inst != null && inst.pharmacy() ? "41" : "11";
        if (!stages.checkEligibility(req, medType, e.ref, now, res))
        {
            return;
        }
        final SettlementResult who = stages.lastResult();
        res.psnNo = who.psnNo;
        res.psnName = who.psnName;
        res.insutype = who.insutype;
        res.psnType = who.psnType;
        res.medType = medType;
        res.clrType = who.clrType;
        res.clrOptins = who.clrOptins;
        res.crossRegion = who.crossRegion;
    }
}
