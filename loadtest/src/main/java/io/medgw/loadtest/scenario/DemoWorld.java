package io.medgw.loadtest.scenario;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@link DemoDayGenerator} needs from a reference-data directory (docs/reference-data.md),
 * read once and kept for any number of days: institutions, catalogue rows per region, persons with
 * their 认定 and 备案. Only the columns the generator uses are kept. Immutable after
 * {@link #load(Path)}; iteration orders are file order or sorted, never hash order. This is not a
 * validator (the gateway's loader is): it trusts the files to be well formed.
 */
public final class DemoWorld
{
    /** An institution. */
    record Inst(int index, String code, String name, boolean pharmacy, int hospLv, String admdvs, int begin, int end,
        boolean crossRegion, boolean dualChannel)
    {
        boolean validOn(final int day)
        {
            return begin <= day && day <= end;
        }
    }

    /** One catalogue row (one version of an item). capMicro is -1 when there is no cap. */
    record Item(String code, String listType, String medChrgitmType, long capMicro, int minHospLv, boolean opspOnly,
        boolean dualChannel, int begin, int end)
    {
    }

    /** 门诊慢特病 认定. designated is null for any institution. */
    record Cert(String code, int begin, int end, String designated)
    {
    }

    /** 异地 备案. */
    record Filing(String area, String dsgnType, int begin, int end)
    {
    }

    /** A person; cardNo and token are null when absent; tokenUntil local epoch seconds. */
    record Person(int index, String psnNo, String certno, boolean male, int birth, String cardNo, String token,
        long tokenUntil, boolean active, int benefitBegin, int benefitEnd, String insutype, String psnType,
        String insuplc, List<Cert> certs, List<Filing> filings)
    {
        boolean eligibleOn(final int day)
        {
            return active && benefitBegin <= day && day <= benefitEnd;
        }
    }

    private static final int OPEN = Dates.ofYmd(9999, 12, 31);

    private final List<Inst> institutions;
    private final Map<String, List<Item>> catalogues;
    private final List<Person> persons;
    private final Set<String> policies;

    private DemoWorld(final List<Inst> institutions, final Map<String, List<Item>> catalogues, final List<Person> persons,
        final Set<String> policies)
    {
        this.institutions = institutions;
        this.catalogues = catalogues;
        this.persons = persons;
        this.policies = policies;
    }

    /**
     * @param dir a reference-data directory (e.g. written by
     *            {@link io.medgw.loadtest.region.DemoRegionGenerator}).
     * @return what the demo-day generator needs from it.
     * @throws UncheckedIOException if a file cannot be read or a row has the wrong number of cells;
     *                              IllegalArgumentException on a bad date or price.
     */
    public static DemoWorld load(final Path dir)
    {
        try
        {
            return new DemoWorld(readInstitutions(dir), readCatalogue(dir), readPersons(dir, readCerts(dir),
                readFilings(dir)), readPolicies(dir));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read reference data in " + dir, ex);
        }
    }

    private static List<Inst> readInstitutions(final Path dir) throws IOException
    {
        final List<Inst> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(dir.resolve("institutions.csv")))
        {
            final int code = r.column("fixmedins_code");
            final int name = r.column("fixmedins_name");
            final int type = r.column("type");
            final int lv = r.column("hosp_lv");
            final int admdvs = r.column("admdvs");
            final int begin = r.column("agreement_begin");
            final int end = r.column("agreement_end");
            final int cross = r.column("cross_region");
            final int dual = r.column("dual_channel");
            while (r.next())
            {
                out.add(new Inst(out.size(), r.get(code), r.get(name), "pharmacy".equals(r.get(type)),
                    Integer.parseInt(r.get(lv)), r.get(admdvs), date(r.get(begin)), date(r.get(end)), flag(r.get(cross)),
                    flag(r.get(dual))));
            }
        }
        return out;
    }

    private static Map<String, List<Item>> readCatalogue(final Path dir) throws IOException
    {
        final Map<String, List<Item>> out = new TreeMap<>();
        try (CsvReader r = new CsvReader(dir.resolve("catalogue.csv")))
        {
            final int admdvs = r.column("admdvs");
            final int code = r.column("med_list_codg");
            final int listType = r.column("list_type");
            final int type = r.column("med_chrgitm_type");
            final int cap = r.column("pric_uplmt");
            final int minLv = r.column("min_hosp_lv");
            final int opsp = r.column("opsp_only");
            final int dual = r.column("dual_channel");
            final int begin = r.column("begin_date");
            final int end = r.column("end_date");
            while (r.next())
            {
                final String c = r.get(cap);
                out.computeIfAbsent(r.get(admdvs), k -> new ArrayList<>()).add(new Item(r.get(code), r.get(listType),
                    r.get(type), c.isEmpty() ? -1L : micro(c), Integer.parseInt(r.get(minLv)), flag(r.get(opsp)),
                    flag(r.get(dual)), date(r.get(begin)), date(r.get(end))));
            }
        }
        return out;
    }

    // The (参保地, insutype, year) triples that have a policy: a person settles only in a year their
    // policy covers (else E1071).
    private static Set<String> readPolicies(final Path dir) throws IOException
    {
        final Set<String> out = new HashSet<>();
        try (CsvReader r = new CsvReader(dir.resolve("policy_cells.csv")))
        {
            final int admdvs = r.column("insuplc_admdvs");
            final int insutype = r.column("insutype");
            final int year = r.column("year");
            while (r.next())
            {
                out.add(policyKey(r.get(admdvs), r.get(insutype), Integer.parseInt(r.get(year))));
            }
        }
        return out;
    }

    private static String policyKey(final String admdvs, final String insutype, final int year)
    {
        return admdvs + '|' + insutype + '|' + year;
    }

    /** @param p a person. @param year a calendar year. @return true if the person's 参保地 has a policy for their insutype that year. */
    boolean hasPolicy(final Person p, final int year)
    {
        return policies.contains(policyKey(p.insuplc(), p.insutype(), year));
    }

    private static Map<String, List<Cert>> readCerts(final Path dir) throws IOException
    {
        final Map<String, List<Cert>> out = new HashMap<>();
        try (CsvReader r = new CsvReader(dir.resolve("chronic.csv")))
        {
            final int psn = r.column("psn_no");
            final int code = r.column("opsp_dise_codg");
            final int begin = r.column("begin_date");
            final int end = r.column("end_date");
            final int inst = r.column("fixmedins_code");
            while (r.next())
            {
                final String at = r.get(inst);
                out.computeIfAbsent(r.get(psn), k -> new ArrayList<>(2)).add(new Cert(r.get(code), date(r.get(begin)),
                    date(r.get(end)), at.isEmpty() ? null : at));
            }
        }
        return out;
    }

    private static Map<String, List<Filing>> readFilings(final Path dir) throws IOException
    {
        final Map<String, List<Filing>> out = new HashMap<>();
        try (CsvReader r = new CsvReader(dir.resolve("filings.csv")))
        {
            final int psn = r.column("psn_no");
            final int area = r.column("mdtrtarea_admdvs");
            final int type = r.column("dsgn_type");
            final int begin = r.column("begin_date");
            final int end = r.column("end_date");
            while (r.next())
            {
                out.computeIfAbsent(r.get(psn), k -> new ArrayList<>(1)).add(new Filing(r.get(area), r.get(type),
                    date(r.get(begin)), date(r.get(end))));
            }
        }
        return out;
    }

    private static List<Person> readPersons(final Path dir, final Map<String, List<Cert>> certs,
        final Map<String, List<Filing>> filings) throws IOException
    {
        final List<Person> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(dir.resolve("persons.csv")))
        {
            final int psnNoCol = r.column("psn_no");
            final int certno = r.column("certno");
            final int gend = r.column("gend");
            final int brdy = r.column("brdy");
            final int cardCol = r.column("card_no");
            final int tokenCol = r.column("evoucher_token");
            final int untilCol = r.column("evoucher_valid_until");
            final int status = r.column("psn_insu_stas");
            final int begin = r.column("benefit_begin");
            final int end = r.column("benefit_end");
            final int insutype = r.column("insutype");
            final int psnType = r.column("psn_type");
            final int insuplc = r.column("insuplc_admdvs");
            while (r.next())
            {
                final String psnNo = r.get(psnNoCol);
                final String card = r.get(cardCol);
                final String token = r.get(tokenCol);
                final String until = r.get(untilCol);
                out.add(new Person(out.size(), psnNo, r.get(certno), "1".equals(r.get(gend)), date(r.get(brdy)),
                    card.isEmpty() ? null : card, token.isEmpty() ? null : token,
                    until.isEmpty() ? Long.MAX_VALUE : Dates.parseDateTime(until), "1".equals(r.get(status)),
                    date(r.get(begin)), date(r.get(end)), r.get(insutype), r.get(psnType), r.get(insuplc),
                    certs.getOrDefault(psnNo, List.of()), filings.getOrDefault(psnNo, List.of())));
            }
        }
        return out;
    }

    private static int date(final String text)
    {
        if (text.isEmpty())
        {
            return OPEN;
        }
        final int d = Dates.parseDate(text);
        if (d == Dates.NOT_A_DATE)
        {
            throw new IllegalArgumentException(text + " is not a date");
        }
        return d;
    }

    private static boolean flag(final String text)
    {
        return "1".equals(text);
    }

    private static long micro(final String text)
    {
        final long v = Decimals.parse(text, 6);
        if (Decimals.isError(v))
        {
            throw new IllegalArgumentException(text + " is not a price");
        }
        return v;
    }

    List<Inst> institutions()
    {
        return institutions;
    }

    /** @return admdvs → catalogue rows in file order, regions sorted. */
    Map<String, List<Item>> catalogues()
    {
        return catalogues;
    }

    List<Person> persons()
    {
        return persons;
    }

    /** @return the number of persons read. */
    public int personCount()
    {
        return persons.size();
    }

    /** @return the number of institutions read. */
    public int institutionCount()
    {
        return institutions.size();
    }
}
