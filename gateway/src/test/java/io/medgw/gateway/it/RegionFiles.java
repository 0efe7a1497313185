package io.medgw.gateway.it;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.codec.Units;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;
import io.medgw.gateway.reference.Catalogue;
import io.medgw.gateway.reference.CatalogueItem;
import io.medgw.gateway.reference.Institution;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.reference.Policy;
import io.medgw.gateway.reference.ReferenceData;
import org.agrona.collections.Int2ObjectHashMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Writes a {@link ReferenceData} (typically {@link TestRegion#standard()}) as the CSV directory
 * {@code ReferenceDataLoader} reads (docs/reference-data.md), so that a real {@code Gateway} can
 * start on a region whose amounts the unit tests document. Test only; allocates freely.
 * <p>
 * Persons the loader would refuse are left out: a person whose (参保地, insutype) has policies but
 * none with cells for the person's psn_type (the standard region's {@code T1}). Rows come out in a
 * deterministic order (sorted by key) so that two runs write identical files.
 */
final class RegionFiles
{
    private RegionFiles()
    {
    }

    /**
     * @param ref the reference data.
     * @param dir an existing directory; the files are (over)written.
     * @return the psn_no of every person left out.
     */
    static List<String> write(final ReferenceData ref, final Path dir)
    {
        try
        {
            Files.writeString(dir.resolve("version.properties"),
                "version=" + ref.version() + "\neffective_from=" + Dates.formatDate(ref.effectiveFrom()) + "\n");
            writeInstitutions(ref, dir);
            writeCatalogue(ref, dir);
            writePolicies(ref, dir);
            return writePersons(ref, dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return the standard region written to {@code dir}. */
    static ReferenceData writeStandard(final Path dir)
    {
        final ReferenceData ref = TestRegion.standard().build();
        write(ref, dir);
        return ref;
    }

    private static void writeInstitutions(final ReferenceData ref, final Path dir) throws IOException
    {
        final CsvText csv = new CsvText("fixmedins_code,fixmedins_name,type,hosp_lv,admdvs,agreement_begin,agreement_end," +
            "cross_region,dual_channel");
        for (final Institution i : new TreeMap<>(ref.institutions()).values())
        {
            csv.row(i.code(), i.name(), i.pharmacy() ? "pharmacy" : "hospital", Integer.toString(i.hospLv()), i.admdvs(),
                date(i.agreementBegin()), endDate(i.agreementEnd()), flag(i.crossRegion()), flag(i.dualChannel()));
        }
        csv.writeTo(dir.resolve("institutions.csv"));
    }

    private static void writeCatalogue(final ReferenceData ref, final Path dir) throws IOException
    {
        final CsvText csv = new CsvText("admdvs,med_list_codg,name,list_type,med_chrgitm_type,chrgitm_lv,selfpay_prop,pric_uplmt," +
            "min_hosp_lv,opsp_only,dual_channel,begin_date,end_date");
        for (final Catalogue c : new TreeMap<>(ref.catalogues()).values())
        {
            for (final CatalogueItem[] versions : new TreeMap<>(c.versionsByCode()).values())
            {
                for (final CatalogueItem it : versions)
                {
                    csv.row(it.admdvs(), it.code(), it.name(), it.listType(), it.medChrgitmType(), "0" + it.chrgitmLv(),
                        ratio(it.selfpayPropBp()),
                        it.pricUplmtMicro() == Units.NO_CAP ? "" : Decimals.format(it.pricUplmtMicro(), 6),
                        Integer.toString(it.minHospLv()), flag(it.opspOnly()), flag(it.dualChannel()), date(it.validBegin()),
                        endDate(it.validEnd()));
                }
            }
        }
        csv.writeTo(dir.resolve("catalogue.csv"));
    }

    private static List<Policy> policies(final ReferenceData ref)
    {
        final List<Policy> out = new ArrayList<>();
        for (final Map<String, Int2ObjectHashMap<Policy>> byType : ref.policies().values())
        {
            for (final Int2ObjectHashMap<Policy> byYear : byType.values())
            {
                out.addAll(byYear.values());
            }
        }
        out.sort(Comparator.comparing(Policy::insuplcAdmdvs).thenComparing(Policy::insutype).thenComparingInt(Policy::year));
        return out;
    }

    private static void writePolicies(final ReferenceData ref, final Path dir) throws IOException
    {
        final CsvText cells = new CsvText("insuplc_admdvs,insutype,year,benefit_class,hosp_lv,psn_type,deductible,ratio");
        final CsvText funds = new CsvText("insuplc_admdvs,insutype,year,fund,key,ratio,cap,deductible,classes,fund_pay_type,name");
        for (final Policy p : policies(ref))
        {
            final String year = Integer.toString(p.year());
            for (final BenefitClass c : BenefitClass.values())
            {
                final Policy.ClassTable t = p.table(c);
                if (t == null)
                {
                    continue;
                }
                for (final Map.Entry<String, Policy.Cell[]> e : new TreeMap<>(t.cells()).entrySet())
                {
                    for (int lv = 0; lv < e.getValue().length; lv++)
                    {
                        final Policy.Cell cell = e.getValue()[lv];
                        if (cell != null)
                        {
                            cells.row(p.insuplcAdmdvs(), p.insutype(), year, c.label(), Integer.toString(lv), e.getKey(),
                                money(cell.deductibleFen()), ratio(cell.ratioBp()));
                        }
                    }
                }
                if (t.capGroup() != CapGroup.defaultFor(c))
                {
                    funds.row(p.insuplcAdmdvs(), p.insutype(), year, "cap_group", c.label(), "", "", "", "", "",
                        t.capGroup().label());
                }
            }
            writeFunds(p, year, funds);
        }
        cells.writeTo(dir.resolve("policy_cells.csv"));
        funds.writeTo(dir.resolve("policy_funds.csv"));
    }

    private static void writeFunds(final Policy p, final String year, final CsvText funds)
    {
        final String a = p.insuplcAdmdvs();
        final String t = p.insutype();
        for (final CapGroup g : CapGroup.values())
        {
            if (p.poolCapFen(g) != Units.NO_CAP)
            {
                funds.row(a, t, year, "pool_cap", g.label(), "", money(p.poolCapFen(g)), "", "", "", "");
            }
        }
        if (p.large() != null)
        {
            funds.row(a, t, year, "large", "", ratio(p.large().ratioBp()), cap(p.large().capFen()), "",
                classes(p.large().classMask()), "", "");
        }
        if (p.serious() != null)
        {
            final Policy.SeriousRule s = p.serious();
            funds.row(a, t, year, "serious", "", "", cap(s.capFen()), money(s.thresholdFen()), classes(s.classMask()), "", "");
            for (int i = 0; i < s.bandFromFen().length; i++)
            {
                funds.row(a, t, year, "serious_band", money(s.bandFromFen()[i]), ratio(s.bandRatioBp()[i]), "", "", "", "", "");
            }
        }
        if (p.civil() != null)
        {
            funds.row(a, t, year, "civil", "", ratio(p.civil().ratioBp()), cap(p.civil().capFen()), "",
                classes(p.civil().classMask()), "", "");
        }
        for (final Map.Entry<String, Policy.AssistRule> e : new TreeMap<>(p.assistRules()).entrySet())
        {
            final Policy.AssistRule r = e.getValue();
            funds.row(a, t, year, "assist", e.getKey(), ratio(r.ratioBp()), cap(r.capFen()), money(r.deductibleFen()),
                classes(p.assistClassMask()), "", "");
        }
        for (final Policy.NFund n : p.nFunds())
        {
            funds.row(a, t, year, "n", n.flag(), ratio(n.ratioBp()), cap(n.capFen()), "", classes(n.classMask()),
                n.fundPayType(), n.name());
        }
        for (final Map.Entry<String, Integer> e : new TreeMap<>(p.crossRegionAdjustments()).entrySet())
        {
            funds.row(a, t, year, "cross_region_adjust", e.getKey(), signedRatio(e.getValue()), "", "", "", "", "");
        }
    }

    private static List<String> writePersons(final ReferenceData ref, final Path dir) throws IOException
    {
        final CsvText persons = new CsvText("psn_no,psn_name,psn_cert_type,certno,gend,naty,brdy,card_no,evoucher_token," +
            "evoucher_valid_until,psn_insu_stas,benefit_begin,benefit_end,insutype,psn_type,cvlserv_flag,insuplc_admdvs," +
            "assist_category,n_flags,balance,emp_name");
        final CsvText chronic = new CsvText("psn_no,opsp_dise_codg,begin_date,end_date,fixmedins_code");
        final CsvText filings = new CsvText("psn_no,mdtrtarea_admdvs,dsgn_type,begin_date,end_date");
        final CsvText bindings = new CsvText("holder_psn_no,member_psn_no,bind_date,active");
        final List<String> left = new ArrayList<>();
        for (final Person p : new TreeMap<>(ref.persons()).values())
        {
            if (!loadable(ref, p))
            {
                left.add(p.psnNo());
                continue;
            }
            persons.row(p.psnNo(), p.name(), p.psnCertType(), p.certno(), p.gend(), nullToEmpty(p.naty()), p.brdy(),
                nullToEmpty(p.cardNo()), nullToEmpty(p.evoucherToken()),
                p.evoucherToken() == null || p.evoucherValidUntil() == Long.MAX_VALUE ? "" :
                    Dates.formatDateTime(p.evoucherValidUntil()),
                p.status(), date(p.benefitBegin()), endDate(p.benefitEnd()), p.insutype(), p.psnType(), flag(p.cvlserv()),
                p.insuplcAdmdvs(), nullToEmpty(p.assistCategory()), String.join(";", p.nFlags()), money(p.openingBalanceFen()),
                nullToEmpty(p.empName()));
            for (final Person.ChronicCert c : p.chronic())
            {
                chronic.row(p.psnNo(), c.diseCode(), date(c.begin()), endDate(c.end()), nullToEmpty(c.designatedInstitution()));
            }
            for (final Person.Filing f : p.filings())
            {
                filings.row(p.psnNo(), f.mdtrtareaAdmdvs(), f.dsgnType(), date(f.begin()), endDate(f.end()));
            }
            for (final Person.FamilyBinding b : ref.bindingsOf(p.psnNo()))
            {
                bindings.row(b.holderPsnNo(), b.memberPsnNo(), date(b.begin()), flag(b.active()));
            }
        }
        persons.writeTo(dir.resolve("persons.csv"));
        chronic.writeTo(dir.resolve("chronic.csv"));
        filings.writeTo(dir.resolve("filings.csv"));
        bindings.writeTo(dir.resolve("family_bindings.csv"));
        return left;
    }

    /** The loader's rule: every policy of the person's 参保地 × insutype must have cells for their psn_type. */
    private static boolean loadable(final ReferenceData ref, final Person p)
    {
        final Map<String, Int2ObjectHashMap<Policy>> byType = ref.policies().get(p.insuplcAdmdvs());
        final Int2ObjectHashMap<Policy> byYear = byType == null ? null : byType.get(p.insutype());
        if (byYear == null)
        {
            return true;
        }
        for (final Policy policy : byYear.values())
        {
            boolean any = false;
            for (final BenefitClass c : BenefitClass.values())
            {
                final Policy.ClassTable t = policy.table(c);
                any |= t != null && t.cells().containsKey(p.psnType());
            }
            if (!any)
            {
                return false;
            }
        }
        return true;
    }

    private static String classes(final int mask)
    {
        final StringJoiner j = new StringJoiner(";");
        for (final BenefitClass c : BenefitClass.values())
        {
            if (Policy.applies(mask, c))
            {
                j.add(c.label());
            }
        }
        return j.toString();
    }

    private static String money(final long fen)
    {
        return Decimals.format(fen, 2);
    }

    private static String cap(final long fen)
    {
        return fen == Units.NO_CAP ? "" : money(fen);
    }

    private static String ratio(final int bp)
    {
        return Decimals.format(bp, 4);
    }

    private static String signedRatio(final int bp)
    {
        return bp < 0 ? "-" + Decimals.format(-bp, 4) : Decimals.format(bp, 4);
    }

    private static String flag(final boolean v)
    {
        return v ? "1" : "0";
    }

    private static String date(final int day)
    {
        return Dates.formatDate(day);
    }

    private static String endDate(final int day)
    {
        return day == TestRegion.OPEN_END ? "" : Dates.formatDate(day);
    }

    private static String nullToEmpty(final String v)
    {
        return v == null ? "" : v;
    }
}
