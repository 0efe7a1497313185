package io.medgw.loadtest.scenario;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.codec.Units;
import io.medgw.loadtest.scenario.DemoWorld.Cert;
import io.medgw.loadtest.scenario.DemoWorld.Filing;
import io.medgw.loadtest.scenario.DemoWorld.Inst;
import io.medgw.loadtest.scenario.DemoWorld.Item;
import io.medgw.loadtest.scenario.DemoWorld.Person;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test helper: the eligibility checks of settlement-rules.md §2, in order, written plainly against
 * the reference rows, so a test can tell whether a generated request will be refused and with what.
 * Not the gateway's code: a second reading of the rules.
 */
final class IntentChecker
{
    private final Map<String, Inst> institutions = new HashMap<>();
    private final Map<String, Set<String>> codes = new HashMap<>();
    private final Map<String, Person> byToken = new HashMap<>();
    private final Map<String, Person> byCert = new HashMap<>();
    private final Map<String, Person> byCard = new HashMap<>();

    IntentChecker(final DemoWorld world)
    {
        world.institutions().forEach(i -> institutions.put(i.code(), i));
        for (final Map.Entry<String, List<Item>> e : world.catalogues().entrySet())
        {
            final Set<String> s = new HashSet<>();
            e.getValue().forEach(i -> s.add(i.code()));
            codes.put(e.getKey(), s);
        }
        for (final Person p : world.persons())
        {
            byCert.put(p.certno(), p);
            if (p.token() != null)
            {
                byToken.put(p.token(), p);
            }
            if (p.cardNo() != null)
            {
                byCard.put(p.cardNo(), p);
            }
        }
    }

    /** @param envelope parsed request. @return the first refusal code, "MISMATCH" if the request contradicts itself, or null. */
    @SuppressWarnings("unchecked")
    String check(final Map<String, Object> envelope)
    {
        final Map<String, Object> input = (Map<String, Object>)envelope.get("input");
        final Map<String, Object> data = MiniJson.data(input);
        final List<Map<String, Object>> lines = MiniJson.lines(input);
        final long t = Dates.parseDateTime((String)envelope.get("inf_time"));
        final int day = Dates.dayOf(t);
        final Inst inst = institutions.get((String)envelope.get("fixmedins_code"));
        long sum = 0;
        for (final Map<String, Object> l : lines)
        {
            final long a = num(l, "det_item_fee_sumamt", 2);
            if (a != Units.line(num(l, "cnt", 4), num(l, "pric", 6)))
            {
                return "E2002";
            }
            sum += a;
        }
        for (final Map<String, Object> l : lines)
        {
            if (inst != null && !codes.getOrDefault(inst.admdvs(), Set.of()).contains((String)l.get("med_list_codg")))
            {
                return "E2003";
            }
        }
        if (lines.isEmpty())
        {
            return "E2004";
        }
        if (num(data, "medfee_sumamt", 2) != sum)
        {
            return "E2005";
        }
        final String certType = (String)data.get("mdtrt_cert_type");
        final Person p = ("01".equals(certType) ? byToken : "02".equals(certType) ? byCert : byCard)
            .get((String)data.get("mdtrt_cert_no"));
        if (p == null)
        {
            return "E1001";
        }
        if ("01".equals(certType) && p.tokenUntil() < t)
        {
            return "E1002";
        }
        final String person = person(p, day);
        return person != null ? person : institution(inst, p, data, day, envelope);
    }

    private static String person(final Person p, final int day)
    {
        if (!p.active())
        {
            return "E1011";
        }
        return p.benefitBegin() <= day && day <= p.benefitEnd() ? null : "E1012";
    }

    private static String institution(final Inst inst, final Person p, final Map<String, Object> data, final int day,
        final Map<String, Object> envelope)
    {
        if (inst == null)
        {
            return "E1021";
        }
        if (!inst.validOn(day))
        {
            return "E1022";
        }
        final String medType = (String)data.get("med_type");
        if (inst.pharmacy() ? !("41".equals(medType) || ("14".equals(medType) && inst.dualChannel())) : "41".equals(medType))
        {
            return "E1031";
        }
        if ("14".equals(medType))
        {
            boolean any = false;
            boolean here = false;
            for (final Cert c : p.certs())
            {
                if (c.code().equals(data.get("dise_codg")) && c.begin() <= day && day <= c.end())
                {
                    any = true;
                    here |= c.designated() == null || c.designated().equals(inst.code());
                }
            }
            if (!any || !here)
            {
                return any ? "E1042" : "E1041";
            }
        }
        if (medType.startsWith("5") && !"310".equals(p.insutype()))
        {
            return "E1051";
        }
        if (!inst.admdvs().equals(p.insuplc()))
        {
            if (!inst.crossRegion())
            {
                return "E1061";
            }
            final String province = inst.admdvs().substring(0, 2) + "0000";
            if (p.filings().stream().noneMatch(f -> covers(f, day, inst.admdvs(), province)))
            {
                return "E1062";
            }
        }
        final boolean consistent = p.psnNo().equals(data.get("psn_no")) && p.insutype().equals(data.get("insutype"))
            && p.insuplc().equals(envelope.get("insuplc_admdvs")) && inst.admdvs().equals(envelope.get("mdtrtarea_admvs"));
        return consistent ? null : "MISMATCH";
    }

    private static boolean covers(final Filing f, final int day, final String admdvs, final String province)
    {
        return f.begin() <= day && day <= f.end() && (f.area().equals(admdvs) || f.area().equals(province));
    }

    /** @param m object. @param key field. @param scale units. @return the number's scaled value (fails if not exact). */
    static long num(final Map<String, Object> m, final String key, final int scale)
    {
        final long v = Decimals.parse(((MiniJson.Num)m.get(key)).text(), scale);
        if (Decimals.isError(v))
        {
            throw new AssertionError(key + " " + m.get(key) + " is not exact at scale " + scale);
        }
        return v;
    }
}
