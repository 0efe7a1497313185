package io.medgw.loadtest.scenario;

import io.medgw.loadtest.scenario.DayPools.Region;
import io.medgw.loadtest.scenario.DemoWorld.Inst;
import io.medgw.loadtest.scenario.DemoWorld.Person;
import io.medgw.loadtest.scenario.FeeLines.Line;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deliberately refused requests, each built so that exactly the intended check fails first
 * (settlement-rules.md §2 order): every other check passes. Kinds, by weight: unknown card
 * (E1001), inactive person (E1011), line amount ≠ q×p (E2002), unknown catalogue code (E2003) make
 * up two thirds; the rest are an expired e-voucher (E1002), benefit period over (E1012), expired
 * agreement (E1022), 41 at a hospital (E1031), 门慢 without 认定 (E1041), maternity for 390 (E1051),
 * 异地 without 备案 (E1062), no fee lines (E2004) and a wrong total (E2005).
 */
final class Refusals
{
    private static final String[] COMMON = {"E1001", "E1011", "E2002", "E2003"};
    private static final String[] OTHER = {"E1002", "E1012", "E1022", "E1031", "E1041", "E1051", "E1062", "E2004",
        "E2005"};

    private final SplittableRandom rng;
    private final DayPools pools;
    private final VisitMaker maker;

    Refusals(final SplittableRandom rng, final DayPools pools, final VisitMaker maker)
    {
        this.rng = rng;
        this.pools = pools;
        this.maker = maker;
    }

    /**
     * @param r a region to make it in.
     * @param t request time.
     * @return a request that the gateway must refuse with {@link Visit#expected}, or null if this
     * draw found no candidate (the caller makes something else).
     */
    Visit make(final Region r, final long t)
    {
        final String code = rng.nextInt(3) < 2 ? COMMON[rng.nextInt(COMMON.length)] : OTHER[rng.nextInt(OTHER.length)];
        final Visit v = build(code, r, t);
        if (v != null)
        {
            v.kind = "refusal";
            v.expected = code;
        }
        return v;
    }

    private Visit build(final String code, final Region r, final long t)
    {
        switch (code)
        {
            case "E1001":
            {
                final Visit v = maker.outpatient(r, t);
                v.certType = "03";
                v.certNo = "Z" + (10_000_000 + rng.nextInt(90_000_000));
                return v;
            }
            case "E1002":
                return withPerson(r, t, expiredToken(), "01");
            case "E1011":
                return withPerson(r, t, any(pools.inactive), "02");
            case "E1012":
                return withPerson(r, t, any(pools.outOfBenefit), "02");
            case "E1022":
            {
                final Inst inst = r.expired.isEmpty() ? null : r.expired.get(rng.nextInt(r.expired.size()));
                return atInstitution(r, t, inst, inst != null && inst.pharmacy() ? "41" : "11");
            }
            case "E1031":
                return atInstitution(r, t, r.hospital(rng), "41");
            case "E1041":
                return chronicWithoutCert(r, t);
            case "E1051":
                return r.persons390.isEmpty() ? null : maternityLines(maker.visit("2207", "", r.hospital(rng),
                    maker.pick(r.persons390), "51", t), r, t);
            case "E1062":
                return crossWithoutFiling(r, t);
            default:
                return spoiledLines(code, r, t);
        }
    }

    private Visit spoiledLines(final String code, final Region r, final long t)
    {
        final Visit v = maker.outpatient(r, t);
        final Line l = v.lines.get(rng.nextInt(v.lines.size()));
        switch (code)
        {
            case "E2002":
                l.amountFen += l.amountFen > 0 && rng.nextBoolean() ? -1 : 1;
                return v;
            case "E2003":
                String fake;
                do
                {
                    fake = "XZ99ZZD999A999" + (100_000_000 + rng.nextInt(900_000_000));
                }
                while (r.codes.contains(fake));
                l.code = fake;
                return v;
            case "E2004":
                v.lines = List.of();
                return v;
            default:
                v.declaredTotalFen = v.linesTotal() + 100;
                return v;
        }
    }

    private Visit withPerson(final Region r, final long t, final Person p, final String certType)
    {
        if (p == null || (certType.equals("01") && p.token() == null))
        {
            return null;
        }
        final Region home = pools.byAdmdvs.get(p.insuplc());
        final Region at = home != null && home.usable() ? home : r;
        final Visit v = maker.visit("2207", "", at.hospital(rng), p, "11", t);
        v.lines = maker.fees().outpatient(at, t);
        if (!at.admdvs.equals(p.insuplc()))
        {
            return null;
        }
        v.certType = certType;
        v.certNo = "01".equals(certType) ? p.token() : p.certno();
        return v;
    }

    private Visit atInstitution(final Region r, final long t, final Inst inst, final String medType)
    {
        if (inst == null)
        {
            return null;
        }
        final Visit v = maker.visit("41".equals(medType) ? "2102" : "2207", "", inst, maker.pick(r.persons), medType, t);
        v.lines = maker.fees().outpatient(r, t);
        return v;
    }

    private Visit chronicWithoutCert(final Region r, final long t)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            final Person p = maker.pick(r.persons);
            if (p.certs().isEmpty())
            {
                final Visit v = maker.visit("2207", "", r.hospital(rng), p, "14", t);
                v.diseCodg = "M03900";
                v.lines = maker.fees().chronic(r, t, false);
                return v;
            }
        }
        return null;
    }

    private Visit crossWithoutFiling(final Region r, final long t)
    {
        for (final Region other : pools.regions)
        {
            if (other != r && !other.crossInstitutions.isEmpty())
            {
                for (int attempt = 0; attempt < 20; attempt++)
                {
                    final Person p = maker.pick(r.persons);
                    if (p.filings().isEmpty())
                    {
                        final Inst inst = other.crossInstitutions.get(rng.nextInt(other.crossInstitutions.size()));
                        final Visit v = maker.visit("2207", "", inst, p, "11", t);
                        v.lines = maker.fees().outpatient(other, t);
                        return v;
                    }
                }
            }
        }
        return null;
    }

    private Visit maternityLines(final Visit v, final Region r, final long t)
    {
        v.lines = maker.fees().maternityVisit(r, t);
        return v;
    }

    private Person expiredToken()
    {
        return any(pools.expiredToken);
    }

    private Person any(final List<Person> persons)
    {
        return persons.isEmpty() ? null : persons.get(rng.nextInt(persons.size()));
    }
}
