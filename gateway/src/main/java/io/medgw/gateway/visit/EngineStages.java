package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.identity.IdentityCheckHandler;
import io.medgw.gateway.identity.SignInStatus;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.pricing.CataloguePricingHandler;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.Catalogue;
import io.medgw.gateway.reference.Institution;
import io.medgw.gateway.reference.ReferenceData;

import java.util.Iterator;

/**
 * Runs the settlement engine's own identity and pricing stages outside a settlement, on a scratch
 * slot, so that the visit and query transactions refuse and price exactly as a settlement would:
 * <ul>
 *   <li>{@link #checkLines}: 2204/2301 — the line checks (E2001–E2003) and eligibility
 *   (E1001–E1071, E1023/E1024 when configured) of the request with its own fee lines, then the
 *   per-line catalogue pricing (§3) into those lines;</li>
 *   <li>{@link #checkEligibility}: 2001/2201/2401 — eligibility only: the checks run on a scratch
 *   copy of the request's person, institution, med_type and disease fields carrying one
 *   zero-amount placeholder line (a code of the institution's catalogue), so the line checks pass
 *   and every other check is the engine's;</li>
 *   <li>{@link #priceAt}: pricing only, at a given institution, class and day (answer to a re-sent
 *   2204).</li>
 * </ul>
 * Thread: the state-writer thread (one instance per desk). Allocates a scratch slot per distinct
 * request object (one per ring slot) and the refusal messages.
 */
public final class EngineStages
{
    private final IdentityCheckHandler identity;
    private final CataloguePricingHandler pricing = new CataloguePricingHandler();
    private final SettlementResult scratchResult = new SettlementResult();
    private final SettlementRequest placeholder = new SettlementRequest();
    private final SettlementEvent placeholderSlot = new SettlementEvent(placeholder, scratchResult);
    private SettlementEvent slot;

    /**
     * @param signInStatus    E1023 check, or null to skip.
     * @param maxClockSkewSec E1024 check, ≤ 0 to skip.
     */
    public EngineStages(final SignInStatus signInStatus, final long maxClockSkewSec)
    {
        this.identity = new IdentityCheckHandler(signInStatus, maxClockSkewSec);
    }

    /**
     * Identity then pricing of {@code req}'s own lines (2204/2301). On success every line carries
     * its pricing outputs; on refusal nothing is priced.
     *
     * @param req the request (its med_type and dise_codg already completed from the visit).
     * @param ref reference data.
     * @param now the gateway clock (E1024).
     * @param res receives the refusal, if any.
     * @return true when every check passed.
     */
    public boolean checkLines(final SettlementRequest req, final ReferenceData ref, final long now,
        final SettlementResult res)
    {
        final SettlementEvent e = slotFor(req);
        e.start(ref, now);
        e.kind = SettlementEvent.KIND_PRE_SETTLE;
        identity.onEvent(e);
        if (!scratchResult.ok())
        {
            res.refuse(scratchResult.error, scratchResult.errorMessage);
            return false;
        }
        pricing.onEvent(e);
        return true;
    }

    /**
     * Eligibility of the person, institution and med_type of {@code req} (no lines needed).
     *
     * @param req the request: psn_no / mdtrt_cert_*, med_type, dise_codg, insutype, inf_time.
     * @param medType the med_type to check (the request's, or a default for the transaction).
     * @param ref reference data.
     * @param now the gateway clock.
     * @param res receives the refusal, if any.
     * @return true when eligible.
     */
    public boolean checkEligibility(final SettlementRequest req, final String medType, final ReferenceData ref,
        final long now, final SettlementResult res)
    {
        final SettlementRequest p = placeholder;
        p.clear();
        p.infno = req.infno;
        p.txn = req.txn;
        p.msgid = req.msgid;
        p.infTime = req.infTime;
        p.infTimeText = req.infTimeText;
        p.fixmedinsCode = req.fixmedinsCode;
        p.psnNo = req.psnNo;
        p.mdtrtCertType = req.mdtrtCertType;
        p.mdtrtCertNo = req.mdtrtCertNo;
        p.insutype = req.insutype;
        p.medType = medType;
        p.diseCodg = req.diseCodg;
        final Institution inst = ref.institution(req.fixmedinsCode);
        final Catalogue cat = inst == null ? null : ref.catalogue(inst.admdvs());
        final FeeLine line = p.addLine();
        line.medListCodg = "0";
        if (inst != null)
        {
            final Iterator<String> codes = cat == null ? null : cat.versionsByCode().keySet().iterator();
            if (codes == null || !codes.hasNext())
            {
                res.refuse(ErrorCode.E2003, "就医地目录为空：fixmedins_code=" + inst.code() + " admdvs=" + inst.admdvs() +
                    " (no catalogue for the institution's region; contact the agency)");
                return false;
            }
            line.medListCodg = codes.next();
        }
        placeholderSlot.start(ref, now);
        placeholderSlot.kind = SettlementEvent.KIND_PRE_SETTLE;
        identity.onEvent(placeholderSlot);
        if (!scratchResult.ok())
        {
            res.refuse(scratchResult.error, scratchResult.errorMessage);
            return false;
        }
        return true;
    }

    /** @return the result of the last check (its person fields, class and region are filled on success). */
    public SettlementResult lastResult()
    {
        return scratchResult;
    }

    /**
     * Prices {@code req}'s lines (§3) without any check.
     *
     * @param req  the request whose lines are priced.
     * @param ref  reference data.
     * @param inst the institution (its region's catalogue prices).
     * @param c    the benefit class (opsp_only restriction).
     * @param day  the pricing date, epoch day.
     * @return false when the region has no catalogue (nothing priced).
     */
    public boolean priceAt(final SettlementRequest req, final ReferenceData ref, final Institution inst,
        final BenefitClass c, final int day)
    {
        final Catalogue cat = inst == null ? null : ref.catalogue(inst.admdvs());
        if (cat == null)
        {
            return false;
        }
        final SettlementEvent e = slotFor(req);
        e.start(ref, 0);
        e.kind = SettlementEvent.KIND_PRE_SETTLE;
        e.institution = inst;
        e.catalogue = cat;
        e.benefitClass = c;
        e.setlDay = day;
        pricing.onEvent(e);
        return true;
    }

    private SettlementEvent slotFor(final SettlementRequest req)
    {
        SettlementEvent e = slot;
        if (e == null || e.request != req)
        {
            e = new SettlementEvent(req, scratchResult);
            slot = e;
        }
        return e;
    }
}
