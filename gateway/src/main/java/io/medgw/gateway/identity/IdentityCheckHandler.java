package io.medgw.gateway.identity;

import com.lmax.disruptor.EventHandler;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.Institution;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.reference.Policy;
import io.medgw.gateway.reference.ReferenceData;

/**
 * The identity (eligibility) stage, settlement-rules.md §1–§2: the fee-line checks (E2001–E2005,
 * see {@link LineChecks}), then E1001 … E1071 in the order of §2, first failure wins. E1024 (clock
 * skew) runs right after E1023, both only when enabled (the wire gateway; the offline
 * {@code settle} command skips them).
 * <p>
 * Thread: the identity thread; reads only the slot and its reference data, never the settlement
 * state. Runs for pre-settlements and settlements only. Reads {@code request}, {@code ref},
 * {@code setlDay}, {@code year}; writes {@code institution, catalogue, person, benefitClass,
 * policy, cell, crossRegion, filing} and the result's person fields, class, level, 异地 flag, or
 * a refusal. Allocates nothing unless it refuses (the message) or explains.
 */
public final class IdentityCheckHandler implements EventHandler<SettlementEvent>
{
    private final SignInStatus signInStatus;
    private final long maxClockSkewSec;

    /**
     * @param signInStatus    sign-in state for E1023, or null to skip the check.
     * @param maxClockSkewSec the largest |inf_time − gateway clock| accepted (E1024), or ≤ 0 to skip.
     */
    public IdentityCheckHandler(final SignInStatus signInStatus, final long maxClockSkewSec)
    {
        this.signInStatus = signInStatus;
        this.maxClockSkewSec = maxClockSkewSec;
    }

    @Override
    public void onEvent(final SettlementEvent event, final long sequence, final boolean endOfBatch)
    {
        onEvent(event);
    }

    /** @param e the slot; skipped unless it computes and may proceed. */
    public void onEvent(final SettlementEvent e)
    {
        if (!e.computes() || !e.proceed())
        {
            return;
        }
        final ReferenceData ref = e.ref;
        e.institution = ref.institution(e.request.fixmedinsCode);
        e.catalogue = e.institution == null ? null : ref.catalogue(e.institution.admdvs());
        final boolean ok = LineChecks.check(e) && person(e) && institution(e) && medType(e) &&
            chronic(e) && maternity(e) && crossRegion(e) && policy(e);
        if (ok && e.result.explain != null)
        {
            IdentityExplain.append(e);
        }
    }

    // §2.2–2.3: E1001, E1002, E1011, E1012.
    private boolean person(final SettlementEvent e)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final Person p;
        if (req.mdtrtCertNo != null)
        {
            final Person byCredential = e.ref.personByCredential(req.mdtrtCertType, req.mdtrtCertNo);
            p = byCredential != null && (req.psnNo == null || req.psnNo.equals(byCredential.psnNo())) ? byCredential : null;
        }
        else
        {
            p = e.ref.personByPsnNo(req.psnNo);
        }
        if (p == null)
        {
            res.refuse(ErrorCode.E1001, Refusals.credentialUnknown(req));
            return false;
        }
        e.person = p;
        fillPerson(res, p);
        if ("01".equals(req.mdtrtCertType) && req.mdtrtCertNo != null && p.evoucherValidUntil() < res.setlTime)
        {
            res.refuse(ErrorCode.E1002, Refusals.voucherExpired(req, p));
            return false;
        }
        if (!p.active())
        {
            res.refuse(ErrorCode.E1011, Refusals.notActive(p));
            return false;
        }
        if (e.setlDay < p.benefitBegin() || e.setlDay > p.benefitEnd())
        {
            res.refuse(ErrorCode.E1012, Refusals.outsideBenefit(p, e.setlDay));
            return false;
        }
        return true;
    }

    // §2.4: E1021, E1022, E1023, then E1024.
    private boolean institution(final SettlementEvent e)
    {
        final SettlementResult res = e.result;
        final Institution inst = e.institution;
        if (inst == null)
        {
            res.refuse(ErrorCode.E1021, Refusals.institutionUnknown(e.request.fixmedinsCode));
            return false;
        }
        res.clrOptins = inst.admdvs();
        res.hospLv = inst.hospLv();
        if (e.setlDay < inst.agreementBegin() || e.setlDay > inst.agreementEnd())
        {
            res.refuse(ErrorCode.E1022, Refusals.agreementNotValid(inst, e.setlDay));
            return false;
        }
        if (signInStatus != null && !signInStatus.signedIn(inst.code()))
        {
            res.refuse(ErrorCode.E1023, Refusals.notSignedIn(inst));
            return false;
        }
        if (maxClockSkewSec > 0 && Math.abs(res.setlTime - e.nowLocalEpochSec) > maxClockSkewSec)
        {
            res.refuse(ErrorCode.E1024, Refusals.clockSkew(e.request, e.nowLocalEpochSec, maxClockSkewSec));
            return false;
        }
        return true;
    }

    // §2.5: E1031.
    private boolean medType(final SettlementEvent e)
    {
        final BenefitClass c = BenefitClass.ofMedType(e.request.medType);
        final Institution inst = e.institution;
        final boolean allowed = c != null && (inst.pharmacy() ?
            c == BenefitClass.PHARMACY || (c == BenefitClass.CHRONIC && inst.dualChannel()) :
            c != BenefitClass.PHARMACY);
        if (!allowed)
        {
            e.result.refuse(ErrorCode.E1031, Refusals.medTypeNotAllowed(e.request.medType, c, inst));
            return false;
        }
        e.benefitClass = c;
        e.result.benefitClass = c.ordinal();
        e.result.clrType = clrType(c, e.request.medType);
        return true;
    }

    // §2.6: E1041, E1042 (one matching 认定 suffices).
    private boolean chronic(final SettlementEvent e)
    {
        if (e.benefitClass != BenefitClass.CHRONIC)
        {
            return true;
        }
        final String dise = e.request.diseCodg;
        boolean found = false;
        for (final Person.ChronicCert cert : e.person.chronic())
        {
            if (dise != null && dise.equals(cert.diseCode()) && e.setlDay >= cert.begin() && e.setlDay <= cert.end())
            {
                found = true;
                if (cert.designatedInstitution() == null || cert.designatedInstitution().equals(e.institution.code()))
                {
                    return true;
                }
            }
        }
        e.result.refuse(found ? ErrorCode.E1042 : ErrorCode.E1041,
            found ? Refusals.chronicElsewhere(e.person, dise, e.institution) : Refusals.chronicMissing(e.person, dise, e.setlDay));
        return false;
    }

    // §2.7: E1051.
    private static boolean maternity(final SettlementEvent e)
    {
        if (e.benefitClass == BenefitClass.MATERNITY && !"310".equals(e.person.insutype()))
        {
            e.result.refuse(ErrorCode.E1051, Refusals.maternityNot310(e.person, e.request.medType));
            return false;
        }
        return true;
    }

    // §1 and §2.8: E1061, E1062; the matching 备案 with the latest begin (ties: the last listed).
    private static boolean crossRegion(final SettlementEvent e)
    {
        final Institution inst = e.institution;
        final String admdvs = inst.admdvs();
        if (admdvs.equals(e.person.insuplcAdmdvs()))
        {
            return true;
        }
        e.crossRegion = true;
        e.result.crossRegion = true;
        if (!inst.crossRegion())
        {
            e.result.refuse(ErrorCode.E1061, Refusals.crossRegionClosed(e.person, inst));
            return false;
        }
        Person.Filing match = null;
        for (final Person.Filing f : e.person.filings())
        {
            if (e.setlDay >= f.begin() && e.setlDay <= f.end() && coversRegion(f.mdtrtareaAdmdvs(), admdvs) &&
                (match == null || f.begin() >= match.begin()))
            {
                match = f;
            }
        }
        if (match == null)
        {
            e.result.refuse(ErrorCode.E1062, Refusals.noFiling(e.person, inst, e.setlDay));
            return false;
        }
        e.filing = match;
        return true;
    }

    // The filing's area is the institution's region, or its province (first 2 digits + 0000).
    static boolean coversRegion(final String area, final String admdvs)
    {
        if (area == null)
        {
            return false;
        }
        if (area.equals(admdvs))
        {
            return true;
        }
        return area.length() == 6 && admdvs.length() == 6 && area.regionMatches(0, admdvs, 0, 2) &&
            area.regionMatches(2, "0000", 0, 4);
    }

    // §2.9: E1071.
    private static boolean policy(final SettlementEvent e)
    {
        final Person p = e.person;
        final Policy policy = e.ref.policy(p.insuplcAdmdvs(), p.insutype(), e.year);
        final Policy.Cell cell = policy == null ? null : policy.cell(e.benefitClass, e.institution.hospLv(), p.psnType());
        if (cell == null)
        {
            e.result.refuse(ErrorCode.E1071, Refusals.noPolicy(p, e.year, policy != null, e.benefitClass, e.institution.hospLv()));
            return false;
        }
        e.policy = policy;
        e.cell = cell;
        return true;
    }

    private static void fillPerson(final SettlementResult res, final Person p)
    {
        res.psnNo = p.psnNo();
        res.psnName = p.name();
        res.psnCertType = p.psnCertType();
        res.certno = p.certno();
        res.gend = p.gend();
        res.naty = p.naty();
        res.brdy = p.brdy();
        res.insutype = p.insutype();
        res.psnType = p.psnType();
        res.cvlservFlag = p.cvlserv() ? "1" : "0";
        res.insuplcAdmdvs = p.insuplcAdmdvs();
    }

    // clr_type: 11 门诊, 21 住院, 41 药店 (maternity: 52 住院, else 门诊).
    private static String clrType(final BenefitClass c, final String medType)
    {
        switch (c)
        {
            case INPATIENT: return "21";
            case PHARMACY: return "41";
            case MATERNITY: return "52".equals(medType) ? "21" : "11";
            default: return "11";
        }
    }
}
