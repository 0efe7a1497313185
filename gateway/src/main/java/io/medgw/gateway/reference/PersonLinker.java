package io.medgw.gateway.reference;

import io.medgw.gateway.reference.Person.ChronicCert;
import io.medgw.gateway.reference.Person.FamilyBinding;
import io.medgw.gateway.reference.Person.Filing;
import io.medgw.gateway.reference.PersonLinks.Row;
import io.medgw.gateway.reference.PersonLinks.Rows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-file checks and assembly after every file was read: 认定 and 备案 rows must name a
 * person in persons.csv (and 认定 an institution in institutions.csv); they are attached to their
 * person (a new Person replaces the old one in all four maps). 共济 bindings must name two persons,
 * the holder of insutype 310; they are grouped by member, earliest bind_date first (file order on a
 * tie). A reference into a file that could not be read, or to a row that was itself refused, is
 * not reported again. Runs on the loading thread after the readers finished.
 */
final class PersonLinker
{
    private static final Comparator<FamilyBinding> EARLIEST_FIRST = Comparator.comparingInt(FamilyBinding::begin);

    private PersonLinker()
    {
    }

    /**
     * Attaches chronic and filing rows to their persons (replacing them in the maps of {@code persons}).
     */
    static void attach(
        final PersonsReader.Result persons,
        final InstitutionsReader.Result institutions,
        final Rows<ChronicCert> chronic,
        final Rows<Filing> filings)
    {
        final Map<String, List<ChronicCert>> certs = new HashMap<>();
        for (final Row<ChronicCert> row : chronic.rows())
        {
            final boolean personOk = known(persons, row.psnNo(), "psn_no", row.line(), chronic.problems());
            final String code = row.value().designatedInstitution();
            final boolean institutionOk = code == null || !institutions.problems().wasRead() ||
                institutions.lines().containsKey(code);
            if (!institutionOk)
            {
                chronic.problems().add(row.line(), "fixmedins_code", code + " is not in institutions.csv");
            }
            if (personOk && institutionOk)
            {
                certs.computeIfAbsent(row.psnNo(), k -> new ArrayList<>(2)).add(row.value());
            }
        }
        final Map<String, List<Filing>> filed = new HashMap<>();
        for (final Row<Filing> row : filings.rows())
        {
            if (known(persons, row.psnNo(), "psn_no", row.line(), filings.problems()))
            {
                filed.computeIfAbsent(row.psnNo(), k -> new ArrayList<>(2)).add(row.value());
            }
        }
        for (final Map.Entry<String, List<ChronicCert>> e : certs.entrySet())
        {
            final List<Filing> f = filed.remove(e.getKey());
            replace(persons, e.getKey(), e.getValue().toArray(PersonsReader.NO_CHRONIC),
                f == null ? PersonsReader.NO_FILINGS : f.toArray(PersonsReader.NO_FILINGS));
        }
        for (final Map.Entry<String, List<Filing>> e : filed.entrySet())
        {
            replace(persons, e.getKey(), PersonsReader.NO_CHRONIC, e.getValue().toArray(PersonsReader.NO_FILINGS));
        }
    }

    private static boolean known(
        final PersonsReader.Result persons, final String psnNo, final String field, final int line, final RowProblems problems)
    {
        if (persons.byPsnNo().containsKey(psnNo))
        {
            return true;
        }
        if (persons.problems().wasRead() && !persons.refused().contains(psnNo))
        {
            problems.add(line, field, psnNo + " is not in persons.csv");
        }
        return false;
    }

    private static void replace(
        final PersonsReader.Result persons, final String psnNo, final ChronicCert[] chronic, final Filing[] filings)
    {
        final Person p = persons.byPsnNo().get(psnNo);
        final Person q = new Person(p.psnNo(), p.name(), p.psnCertType(), p.certno(), p.gend(), p.naty(), p.brdy(), p.cardNo(),
            p.evoucherToken(), p.evoucherValidUntil(), p.status(), p.benefitBegin(), p.benefitEnd(), p.insutype(), p.psnType(),
            p.cvlserv(), p.insuplcAdmdvs(), p.assistCategory(), p.nFlags(), chronic, filings, p.openingBalanceFen(), p.empName());
        persons.byPsnNo().put(psnNo, q);
        persons.byCertno().replace(p.certno(), p, q);
        if (p.cardNo() != null)
        {
            persons.byCardNo().replace(p.cardNo(), p, q);
        }
        if (p.evoucherToken() != null)
        {
            persons.byToken().replace(p.evoucherToken(), p, q);
        }
    }

    /** @return member psn_no → bindings, earliest first. */
    static Map<String, FamilyBinding[]> bindings(final PersonsReader.Result persons, final Rows<FamilyBinding> bindings)
    {
        final Map<String, List<FamilyBinding>> byMember = new HashMap<>();
        final Map<String, Integer> pairLines = new HashMap<>();
        for (final Row<FamilyBinding> row : bindings.rows())
        {
            final FamilyBinding b = row.value();
            final boolean holderOk = known(persons, b.holderPsnNo(), "holder_psn_no", row.line(), bindings.problems());
            final boolean memberOk = known(persons, b.memberPsnNo(), "member_psn_no", row.line(), bindings.problems());
            if (!holderOk || !memberOk)
            {
                continue;
            }
            final Person holder = persons.byPsnNo().get(b.holderPsnNo());
            if (!"310".equals(holder.insutype()))
            {
                bindings.problems().add(row.line(), "holder_psn_no", b.holderPsnNo() + " is insutype " + holder.insutype() +
                    "; only an insutype 310 person (职工) can be a 共济 holder");
                continue;
            }
            final Integer first = pairLines.putIfAbsent(b.holderPsnNo() + '\u0001' + b.memberPsnNo(), row.line());
            if (first != null)
            {
                bindings.problems().add(row.line(), "member_psn_no", b.memberPsnNo() + " is already bound to " +
                    b.holderPsnNo() + " on line " + first);
                continue;
            }
            byMember.computeIfAbsent(b.memberPsnNo(), k -> new ArrayList<>(1)).add(b);
        }
        final Map<String, FamilyBinding[]> out = new HashMap<>(byMember.size() * 4 / 3 + 1);
        for (final Map.Entry<String, List<FamilyBinding>> e : byMember.entrySet())
        {
            final FamilyBinding[] sorted = e.getValue().toArray(new FamilyBinding[0]);
            java.util.Arrays.sort(sorted, EARLIEST_FIRST); // stable: file order on a tie
            out.put(e.getKey(), sorted);
        }
        return Collections.unmodifiableMap(out);
    }
}
