package io.medgw.loadtest.scenario;

import io.medgw.loadtest.scenario.DayPools.ChronicPick;
import io.medgw.loadtest.scenario.DayPools.CrossPick;
import io.medgw.loadtest.scenario.DayPools.Region;
import io.medgw.loadtest.scenario.DemoWorld.Inst;
import io.medgw.loadtest.scenario.DemoWorld.Person;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the visits that should settle: 普通门诊 and 急诊 (2207, med_type 11/13), 门诊慢特病 (2207 at a
 * hospital or 2102 at a dual-channel pharmacy, med_type 14, only for a valid 认定 and at its
 * designated institution if any), pharmacy sales (2102, 41), 住院 (2304, 21), 生育 for 310 women
 * (2207 51, 2304 52), and 异地 visits at an institution open for 异地 in the area of a valid 备案.
 */
final class VisitMaker
{
    private static final long DAY = 86_400L;

    private final SplittableRandom rng;
    private final FeeLines fees;
    private final DayPools pools;

    VisitMaker(final SplittableRandom rng, final DayPools pools)
    {
        this.rng = rng;
        this.fees = new FeeLines(rng);
        this.pools = pools;
    }

    Visit outpatient(final Region r, final long t)
    {
        final Visit v = visit("2207", "outpatient", r.hospital(rng), pick(r.persons), rng.nextInt(10) == 0 ? "13" : "11", t);
        v.lines = fees.outpatient(r, t);
        return v;
    }

    Visit pharmacy(final Region r, final long t)
    {
        final Inst inst = r.pharmacies.get(rng.nextInt(r.pharmacies.size()));
        final Visit v = visit("2102", "pharmacy", inst, pick(r.persons), "41", t);
        v.lines = fees.pharmacy(r, t, inst.dualChannel());
        return v;
    }

    /** @return a 门慢 visit, or null if the region has no usable 认定 today. */
    Visit chronic(final Region r, final long t)
    {
        if (r.chronic.isEmpty())
        {
            return null;
        }
        final ChronicPick c = r.chronic.get(rng.nextInt(r.chronic.size()));
        Inst inst = c.designated();
        if (inst == null)
        {
            inst = !r.dualPharmacies.isEmpty() && rng.nextInt(5) == 0
                ? r.dualPharmacies.get(rng.nextInt(r.dualPharmacies.size())) : r.hospital(rng);
        }
        if ((inst.pharmacy() && !inst.dualChannel()) || !inst.admdvs().equals(r.admdvs))
        {
            return null;
        }
        final Visit v = visit(inst.pharmacy() ? "2102" : "2207", "chronic", inst, c.person(), "14", t);
        v.diseCodg = c.cert().code();
        v.lines = fees.chronic(r, t, inst.pharmacy());
        return v;
    }

    Visit inpatient(final Region r, final long t)
    {
        final Visit v = visit("2304", "inpatient", r.hospital(rng), pick(r.persons), rng.nextInt(20) == 0 ? "24" : "21", t);
        v.lines = fees.inpatient(r, admission(t, 2 + rng.nextInt(19)), t, 20 + rng.nextInt(61), false);
        return v;
    }

    /** @return a 生育 visit (51 outpatient or 52 inpatient), or null if the region has no 310 women. */
    Visit maternity(final Region r, final long t, final boolean inpatient)
    {
        if (r.mothers.isEmpty())
        {
            return null;
        }
        final Person p = pick(r.mothers);
        if (inpatient)
        {
            final Visit v = visit("2304", "maternity", r.hospital(rng), p, "52", t);
            v.lines = fees.inpatient(r, admission(t, 2 + rng.nextInt(5)), t, 20 + rng.nextInt(21), true);
            return v;
        }
        final Visit v = visit("2207", "maternity", r.hospital(rng), p, "51", t);
        v.lines = fees.maternityVisit(r, t);
        return v;
    }

    /** @return a 异地 visit for a person with a valid 备案, or null if there is none today. */
    Visit cross(final long t)
    {
        if (pools.cross.isEmpty())
        {
            return null;
        }
        final CrossPick c = pools.cross.get(rng.nextInt(pools.cross.size()));
        final Region r = pools.byAdmdvs.get(c.region());
        if (!r.crossPharmacies.isEmpty() && rng.nextInt(4) == 0)
        {
            final Inst inst = r.crossPharmacies.get(rng.nextInt(r.crossPharmacies.size()));
            final Visit v = visit("2102", "cross_region", inst, c.person(), "41", t);
            v.lines = fees.pharmacy(r, t, inst.dualChannel());
            return v;
        }
        final Inst inst = r.crossInstitutions.get(rng.nextInt(r.crossInstitutions.size()));
        if (rng.nextInt(10) < 4)
        {
            final Visit v = visit("2304", "cross_region", inst, c.person(), "21", t);
            v.lines = fees.inpatient(r, admission(t, 2 + rng.nextInt(19)), t, 20 + rng.nextInt(61), false);
            return v;
        }
        final Visit v = visit("2207", "cross_region", inst, c.person(), "11", t);
        v.lines = fees.outpatient(r, t);
        return v;
    }

    /** @return the fee lines of an ordinary outpatient visit in {@code r} (for refusals to spoil). */
    FeeLines fees()
    {
        return fees;
    }

    Person pick(final List<Person> persons)
    {
        return persons.get(rng.nextInt(persons.size()));
    }

    /**
     * @param infno   transaction.
     * @param kind    label.
     * @param inst    institution.
     * @param p       person.
     * @param medType med_type.
     * @param t       request time (local epoch second).
     * @return a visit with a credential the person really holds and that is valid at {@code t}.
     */
    Visit visit(final String infno, final String kind, final Inst inst, final Person p, final String medType,
        final long t)
    {
        final Visit v = new Visit(infno, kind, inst, p, medType);
        final int c = rng.nextInt(100);
        if (c < 50 && p.token() != null && p.tokenUntil() >= t)
        {
            v.certType = "01";
            v.certNo = p.token();
        }
        else if (c < 85 && p.cardNo() != null)
        {
            v.certType = "03";
            v.certNo = p.cardNo();
        }
        else
        {
            v.certType = "02";
            v.certNo = p.certno();
        }
        v.acct = rng.nextInt(100) < 92;
        return v;
    }

    // Admission 08:00–17:59 of a day `los` days before the discharge time.
    private long admission(final long discharge, final int los)
    {
        final long dayStart = Math.floorDiv(discharge, DAY) * DAY;
        return dayStart - los * DAY + 8 * 3_600L + rng.nextInt(10 * 3_600);
    }
}
