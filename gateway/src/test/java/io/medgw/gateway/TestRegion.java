package io.medgw.gateway;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.codec.Units;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;
import io.medgw.gateway.reference.Catalogue;
import io.medgw.gateway.reference.CatalogueItem;
import io.medgw.gateway.reference.Institution;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.reference.Person.ChronicCert;
import io.medgw.gateway.reference.Person.FamilyBinding;
import io.medgw.gateway.reference.Person.Filing;
import io.medgw.gateway.reference.Policy;
import io.medgw.gateway.reference.ReferenceData;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a small {@link ReferenceData} in code, for tests of every module. Start from
 * {@link #empty()} and add exactly what a test needs, or from {@link #standard()} (documented
 * below) and add or replace pieces; then {@link #build()}. Builders are plain mutable objects; a
 * later call with the same key (institution code, psn_no, ...) replaces the earlier one.
 * <p>
 * Units as everywhere: money fen, unit prices micro-yuan, ratios bp. Dates via {@link #day} and
 * {@link #time} ({@code "2026-03-01"}, {@code "2026-03-01 10:00:00"}).
 *
 * <h2>The standard region</h2>
 * Pooling regions {@link #LOCAL} 320100 and {@link #OTHER} 320500 (same province 32), {@link #FAR}
 * 440300 (another province). Reference version {@code test-1}.
 * <pre>
 * Institutions (agreements 2000-01-01 … 9999-12-31)
 *   H3 H32010000003  hospital lv 3, LOCAL, open for 异地
 *   H2 H32010000002  hospital lv 2, LOCAL, open for 异地
 *   H1 H32010000001  hospital lv 1, LOCAL, NOT open for 异地
 *   PH P32010000001  pharmacy, LOCAL
 *   PD P32010000002  dual-channel pharmacy, LOCAL
 *   HO H32050000002  hospital lv 2, OTHER, open for 异地
 *   HF H44030000003  hospital lv 3, FAR, open for 异地
 * Catalogue (the same in every region)
 *   A001 甲 (09)  B001 乙 10%  C001 丙  D001 甲 price cap 50.00/unit  E001 甲 min_hosp_lv 3
 *   F001 乙 20% opsp_only  G001 甲 dual_channel  X001 甲 valid only until 2025-12-31
 *   Y001 乙: 10% in 2025, 20% from 2026-01-01 (two versions)
 * Policies: LOCAL and OTHER × 310 and 390 × 2025 and 2026, identical parameters:
 *   310 (psn_type 1101; 1201 has every ratio +10 points, at most 100%)
 *     outpatient ded 500.00 annual, ratio lv0 50% lv1 80% lv2 70% lv3 60%
 *     chronic    ded 300.00 annual, ratio 85%
 *     inpatient  ded per settlement lv0/lv3 900.00 lv1 300.00 lv2 600.00; ratio lv0/lv3 80% lv1 90% lv2 85%
 *     pharmacy   ded 0, ratio 0      maternity ded 0, ratio 100%
 *     pool caps: main 400,000.00; outpatient 4,000.00; maternity none
 *     large 90% cap 500,000.00; civil 50% cap 50,000.00
 *     assist A1: ded 1,000.00, 70%, cap 30,000.00; A2: ded 0, 100%, no cap
 *     N funds: VET → 350100 50% cap 10,000.00; POOR → 610104 30% no cap
 *     异地 adjustment: dsgn_type 3 −10 points, 4 −20 points
 *   390 (psn_type 1501 and 1403)
 *     outpatient ded 200.00, 50%; chronic ded 0, 60%; inpatient ded lv0/lv3 800.00 lv1 200.00 lv2 500.00,
 *     ratio lv0/lv3 65% lv1 85% lv2 75%; pharmacy 0/0; maternity 0/100%
 *     pool caps: main 300,000.00; outpatient 500.00
 *     serious: T 15,000.00, bands [0,100,000.00) 60%, [100,000.00, 200,000.00) 70%, then 80%; cap 400,000.00
 *     assist and N funds as 310; no civil; 异地 adjustment: dsgn_type 4 −10 points
 * Persons (benefit 2000-01-01 … 9999-12-31, active, credentials ID+psn_no / CARD+psn_no / TOKEN+psn_no)
 *   E1 310 1101 LOCAL balance 1,000.00        E2 310 1201 LOCAL civil servant, balance 300.00
 *   E3 310 1101 LOCAL flag VET, assist A1      R1 390 1501 LOCAL
 *   R2 390 1501 LOCAL assist A1, flag POOR     M1 390 1501 LOCAL, 共济 member of holder E1 (bound 2025-01-01)
 *   C1 310 1101 LOCAL balance 500.00; 认定 M03900 (any institution) and M01600 (only at H1), both 2026
 *   Q1 310 1101 OTHER balance 200.00, 备案 LOCAL dsgn_type 1 from 2026-01-01
 *   Q2 390 1501 OTHER, 备案 province 320000 dsgn_type 4, 2026
 *   Q3 310 1101 OTHER, no 备案          S1 310 status 2 (suspended)      B1 310 benefit ended 2025-12-31
 *   X1 310 e-voucher expired 2026-01-01 00:00:00                  N1 insutype 340 LOCAL (no policy)
 *   T1 310 psn_type 9999 (no policy cell)
 * </pre>
 */
public final class TestRegion
{
    public static final String LOCAL = "320100";
    public static final String OTHER = "320500";
    public static final String FAR = "440300";
    public static final String H3 = "H32010000003";
    public static final String H2 = "H32010000002";
    public static final String H1 = "H32010000001";
    public static final String PH = "P32010000001";
    public static final String PD = "P32010000002";
    public static final String HO = "H32050000002";
    public static final String HF = "H44030000003";
    public static final int OPEN_END = Dates.ofYmd(9999, 12, 31);
    public static final int LONG_AGO = Dates.ofYmd(2000, 1, 1);

    private String version = "test-1";
    private int effectiveFrom = LONG_AGO;
    private final Map<String, Institution> institutions = new LinkedHashMap<>();
    private final List<CatalogueItem> items = new ArrayList<>();
    private final Map<String, PolicyBuilder> policies = new LinkedHashMap<>();
    private final Map<String, PersonBuilder> persons = new LinkedHashMap<>();
    private final List<FamilyBinding> bindings = new ArrayList<>();

    /** @return a region with nothing in it. */
    public static TestRegion empty()
    {
        return new TestRegion();
    }

    /** @return the standard region of the class comment. */
    public static TestRegion standard()
    {
        return StandardRegion.populate(new TestRegion());
    }

    /** @param yyyyMMdd {@code 2026-03-01}. @return the epoch day. */
    public static int day(final String yyyyMMdd)
    {
        final int d = Dates.parseDate(yyyyMMdd);
        if (d == Dates.NOT_A_DATE)
        {
            throw new IllegalArgumentException(yyyyMMdd);
        }
        return d;
    }

    /** @param text {@code 2026-03-01 10:00:00}. @return local epoch seconds. */
    public static long time(final String text)
    {
        final long t = Dates.parseDateTime(text);
        if (t == Dates.NOT_A_TIME)
        {
            throw new IllegalArgumentException(text);
        }
        return t;
    }

    /** @param yuan decimal yuan text. @return fen. */
    public static long fen(final String yuan)
    {
        return Decimals.parse(yuan, 2);
    }

    /** @param v version id. @return this. */
    public TestRegion version(final String v)
    {
        this.version = v;
        return this;
    }

    /** @param day epoch day from which the version applies. @return this. */
    public TestRegion effectiveFrom(final int day)
    {
        this.effectiveFrom = day;
        return this;
    }

    /** Adds or replaces a hospital with an open-ended agreement. @return this. */
    public TestRegion hospital(final String code, final String admdvs, final int hospLv, final boolean crossRegion)
    {
        return institution(new Institution(code, "医院" + code, false, hospLv, admdvs, LONG_AGO, OPEN_END, crossRegion, false));
    }

    /** Adds or replaces a pharmacy (level 0) with an open-ended agreement. @return this. */
    public TestRegion pharmacy(final String code, final String admdvs, final boolean dualChannel)
    {
        return institution(new Institution(code, "药店" + code, true, 0, admdvs, LONG_AGO, OPEN_END, false, dualChannel));
    }

    /** @param inst an institution (replaces one with the same code). @return this. */
    public TestRegion institution(final Institution inst)
    {
        institutions.put(inst.code(), inst);
        return this;
    }

    /** @param code an institution code. @return the institution added, or null. */
    public Institution institution(final String code)
    {
        return institutions.get(code);
    }

    /** Replaces an institution's agreement period. @return this. */
    public TestRegion agreement(final String code, final int begin, final int end)
    {
        final Institution i = institutions.get(code);
        return institution(new Institution(i.code(), i.name(), i.pharmacy(), i.hospLv(), i.admdvs(), begin, end,
            i.crossRegion(), i.dualChannel()));
    }

    /**
     * Adds a catalogue item version.
     *
     * @param admdvs the region whose catalogue it is.
     * @param code   med_list_codg.
     * @return a builder; {@link ItemBuilder#add()} returns to this region.
     */
    public ItemBuilder item(final String admdvs, final String code)
    {
        return new ItemBuilder(this, admdvs, code);
    }

    /** @param item an item version. @return this. */
    public TestRegion item(final CatalogueItem item)
    {
        items.add(item);
        return this;
    }

    /**
     * Adds (or returns the existing) policy of (参保地, insutype, year).
     *
     * @return its builder; {@link PolicyBuilder#done()} returns to this region.
     */
    public PolicyBuilder policy(final String insuplcAdmdvs, final String insutype, final int year)
    {
        return policies.computeIfAbsent(insuplcAdmdvs + "/" + insutype + "/" + year,
            k -> new PolicyBuilder(this, insuplcAdmdvs, insutype, year));
    }

    /** @return every policy builder (e.g. to change a parameter in all years). */
    public List<PolicyBuilder> policies()
    {
        return new ArrayList<>(policies.values());
    }

    /** Adds (or returns the existing) person with defaults. @param psnNo psn_no. @return its builder. */
    public PersonBuilder person(final String psnNo)
    {
        return persons.computeIfAbsent(psnNo, k -> new PersonBuilder(this, psnNo));
    }

    /** Adds a 共济 binding. @return this. */
    public TestRegion binding(final String holder, final String member, final int begin, final boolean active)
    {
        bindings.add(new FamilyBinding(holder, member, begin, active));
        return this;
    }

    /** @return the immutable reference data. */
    public ReferenceData build()
    {
        final Map<String, Catalogue> catalogues = new HashMap<>();
        final Map<String, Map<String, List<CatalogueItem>>> byRegion = new LinkedHashMap<>();
        for (final CatalogueItem it : items)
        {
            byRegion.computeIfAbsent(it.admdvs(), k -> new LinkedHashMap<>()).computeIfAbsent(it.code(), k -> new ArrayList<>()).add(it);
        }
        for (final Map.Entry<String, Map<String, List<CatalogueItem>>> region : byRegion.entrySet())
        {
            final Map<String, CatalogueItem[]> versions = new HashMap<>();
            for (final Map.Entry<String, List<CatalogueItem>> e : region.getValue().entrySet())
            {
                final List<CatalogueItem> list = new ArrayList<>(e.getValue());
                list.sort(Comparator.comparingInt(CatalogueItem::validBegin));
                versions.put(e.getKey(), list.toArray(new CatalogueItem[0]));
            }
            catalogues.put(region.getKey(), new Catalogue(region.getKey(), versions));
        }
        final Map<String, Map<String, Int2ObjectHashMap<Policy>>> pol = new HashMap<>();
        for (final PolicyBuilder b : policies.values())
        {
            pol.computeIfAbsent(b.admdvs, k -> new HashMap<>()).computeIfAbsent(b.insutype, k -> new Int2ObjectHashMap<>())
                .put(b.year, b.build());
        }
        final Map<String, Person> byPsn = new HashMap<>();
        final Map<String, Person> byCard = new HashMap<>();
        final Map<String, Person> byCert = new HashMap<>();
        final Map<String, Person> byToken = new HashMap<>();
        for (final PersonBuilder b : persons.values())
        {
            final Person p = b.build();
            byPsn.put(p.psnNo(), p);
            putIf(byCard, p.cardNo(), p);
            putIf(byCert, p.certno(), p);
            putIf(byToken, p.evoucherToken(), p);
        }
        final Map<String, List<FamilyBinding>> byMember = new HashMap<>();
        for (final FamilyBinding f : bindings)
        {
            byMember.computeIfAbsent(f.memberPsnNo(), k -> new ArrayList<>()).add(f);
        }
        final Map<String, FamilyBinding[]> bindingsByMember = new HashMap<>();
        for (final Map.Entry<String, List<FamilyBinding>> e : byMember.entrySet())
        {
            final List<FamilyBinding> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparingInt(FamilyBinding::begin));
            bindingsByMember.put(e.getKey(), list.toArray(new FamilyBinding[0]));
        }
        return new ReferenceData(version, effectiveFrom, new HashMap<>(institutions), catalogues, pol, byPsn, byCard, byCert,
            byToken, bindingsByMember);
    }

    private static void putIf(final Map<String, Person> map, final String key, final Person p)
    {
        if (key != null)
        {
            map.put(key, p);
        }
    }

    /** Fluent builder of one catalogue item version (defaults: 甲类, no cap, any level, always valid). */
    public static final class ItemBuilder
    {
        private final TestRegion region;
        private final String admdvs;
        private final String code;
        private String medChrgitmType = "09";
        private int lv = 1;
        private int selfpayBp;
        private long uplmtMicro = Units.NO_CAP;
        private int minHospLv;
        private boolean opspOnly;
        private boolean dualChannel;
        private int begin = LONG_AGO;
        private int end = OPEN_END;

        ItemBuilder(final TestRegion region, final String admdvs, final String code)
        {
            this.region = region;
            this.admdvs = admdvs;
            this.code = code;
        }

        /** 甲类. @return this. */
        public ItemBuilder jia()
        {
            lv = 1;
            selfpayBp = 0;
            return this;
        }

        /** 乙类 with a 先行自付 ratio. @param bp ratio. @return this. */
        public ItemBuilder yi(final int bp)
        {
            lv = 2;
            selfpayBp = bp;
            return this;
        }

        /** 丙类. @return this. */
        public ItemBuilder bing()
        {
            lv = 3;
            selfpayBp = 0;
            return this;
        }

        /** @param micro price cap per unit in micro-yuan. @return this. */
        public ItemBuilder priceCap(final long micro)
        {
            uplmtMicro = micro;
            return this;
        }

        /** @param level lowest institution level. @return this. */
        public ItemBuilder minHospLv(final int level)
        {
            minHospLv = level;
            return this;
        }

        /** @return this, marked 门诊慢特病 only. */
        public ItemBuilder opspOnly()
        {
            opspOnly = true;
            return this;
        }

        /** @return this, marked dual-channel. */
        public ItemBuilder dualChannel()
        {
            dualChannel = true;
            return this;
        }

        /** @param type med_chrgitm_type. @return this. */
        public ItemBuilder type(final String type)
        {
            medChrgitmType = type;
            return this;
        }

        /** @param from first day. @param to last day. @return this. */
        public ItemBuilder valid(final int from, final int to)
        {
            begin = from;
            end = to;
            return this;
        }

        /** @return the region, with the item added. */
        public TestRegion add()
        {
            return region.item(new CatalogueItem(admdvs, code, "项目" + code, "101", medChrgitmType, lv, selfpayBp, uplmtMicro,
                minHospLv, opspOnly, dualChannel, begin, end));
        }
    }

    /** Fluent builder of one policy. Unset funds pay nothing; unset caps are "no cap". */
    public static final class PolicyBuilder
    {
        private final TestRegion region;
        final String admdvs;
        final String insutype;
        final int year;
        private final Map<BenefitClass, Map<String, Policy.Cell[]>> cells = new EnumMap<>(BenefitClass.class);
        private final CapGroup[] capGroups = new CapGroup[BenefitClass.values().length];
        private final long[] poolCaps = {Units.NO_CAP, Units.NO_CAP, Units.NO_CAP};
        private Policy.FundRule large;
        private Policy.FundRule civil;
        private Policy.SeriousRule serious;
        private final Map<String, Policy.AssistRule> assist = new LinkedHashMap<>();
        private int assistMask = Policy.DEFAULT_CLASS_MASK_OTHER;
        private final List<Policy.NFund> nFunds = new ArrayList<>();
        private final Map<String, Integer> crossAdjust = new HashMap<>();

        PolicyBuilder(final TestRegion region, final String admdvs, final String insutype, final int year)
        {
            this.region = region;
            this.admdvs = admdvs;
            this.insutype = insutype;
            this.year = year;
        }

        /** One cell. @return this. */
        public PolicyBuilder cell(final BenefitClass c, final int lv, final String psnType, final long dedFen, final int ratioBp)
        {
            cells.computeIfAbsent(c, k -> new HashMap<>()).computeIfAbsent(psnType, k -> new Policy.Cell[4])[lv] =
                new Policy.Cell(dedFen, ratioBp);
            return this;
        }

        /** The same cell at every level 0–3. @return this. */
        public PolicyBuilder cells(final BenefitClass c, final String psnType, final long dedFen, final int ratioBp)
        {
            for (int lv = 0; lv <= 3; lv++)
            {
                cell(c, lv, psnType, dedFen, ratioBp);
            }
            return this;
        }

        /** @param g group. @param capFen annual cap or NO_CAP. @return this. */
        public PolicyBuilder poolCap(final CapGroup g, final long capFen)
        {
            poolCaps[g.ordinal()] = capFen;
            return this;
        }

        /** @param c a class. @param g the group its pool payments count against. @return this. */
        public PolicyBuilder capGroup(final BenefitClass c, final CapGroup g)
        {
            capGroups[c.ordinal()] = g;
            return this;
        }

        /** 职工大额 on the default classes. @return this. */
        public PolicyBuilder large(final int ratioBp, final long capFen)
        {
            return large(ratioBp, capFen, Policy.DEFAULT_CLASS_MASK_LARGE);
        }

        /** 职工大额. @return this. */
        public PolicyBuilder large(final int ratioBp, final long capFen, final int classMask)
        {
            large = new Policy.FundRule(ratioBp, capFen, classMask);
            return this;
        }

        /** 公务员补助 on the default classes. @return this. */
        public PolicyBuilder civil(final int ratioBp, final long capFen)
        {
            civil = new Policy.FundRule(ratioBp, capFen, Policy.DEFAULT_CLASS_MASK_OTHER);
            return this;
        }

        /** 居民大病 on the default classes. @return this. */
        public PolicyBuilder serious(final long thresholdFen, final long capFen, final long[] bandFromFen, final int[] bandRatioBp)
        {
            serious = new Policy.SeriousRule(thresholdFen, bandFromFen, bandRatioBp, capFen, Policy.DEFAULT_CLASS_MASK_SERIOUS);
            return this;
        }

        /** One assistance category. @return this. */
        public PolicyBuilder assist(final String category, final long dedFen, final int ratioBp, final long capFen)
        {
            assist.put(category, new Policy.AssistRule(dedFen, ratioBp, capFen));
            return this;
        }

        /** @param mask classes assistance applies to. @return this. */
        public PolicyBuilder assistClasses(final int mask)
        {
            assistMask = mask;
            return this;
        }

        /** An N fund on the default classes (appended: policy order). @return this. */
        public PolicyBuilder nFund(final String flag, final String code, final String name, final int ratioBp, final long capFen)
        {
            nFunds.add(new Policy.NFund(flag, code, name, ratioBp, capFen, Policy.DEFAULT_CLASS_MASK_OTHER));
            return this;
        }

        /** @param dsgnType 备案 type. @param bp signed adjustment. @return this. */
        public PolicyBuilder crossAdjust(final String dsgnType, final int bp)
        {
            crossAdjust.put(dsgnType, bp);
            return this;
        }

        /** @return the region. */
        public TestRegion done()
        {
            return region;
        }

        Policy build()
        {
            final Policy.ClassTable[] tables = new Policy.ClassTable[BenefitClass.values().length];
            for (final Map.Entry<BenefitClass, Map<String, Policy.Cell[]>> e : cells.entrySet())
            {
                final BenefitClass c = e.getKey();
                final CapGroup g = capGroups[c.ordinal()] != null ? capGroups[c.ordinal()] : CapGroup.defaultFor(c);
                tables[c.ordinal()] = new Policy.ClassTable(g, new HashMap<>(e.getValue()));
            }
            return new Policy(admdvs, insutype, year, tables, poolCaps.clone(), large, serious, civil, new HashMap<>(assist),
                assistMask, nFunds.toArray(new Policy.NFund[0]), new HashMap<>(crossAdjust));
        }
    }

    /** Fluent builder of one person (defaults: active, 310, 1101, LOCAL, always in benefit, balance 0). */
    public static final class PersonBuilder
    {
        private final TestRegion region;
        private final String psnNo;
        private String insutype = "310";
        private String psnType = "1101";
        private String status = "1";
        private int benefitBegin = LONG_AGO;
        private int benefitEnd = OPEN_END;
        private boolean cvlserv;
        private String insuplc = LOCAL;
        private String assist;
        private String[] flags = new String[0];
        private long balance;
        private long tokenValidUntil = Long.MAX_VALUE;
        private final List<ChronicCert> chronic = new ArrayList<>();
        private final List<Filing> filings = new ArrayList<>();

        PersonBuilder(final TestRegion region, final String psnNo)
        {
            this.region = region;
            this.psnNo = psnNo;
        }

        /** @return this as a 居民 (390) with psn_type 1501. */
        public PersonBuilder resident()
        {
            insutype = "390";
            psnType = "1501";
            return this;
        }

        /** @param v insutype. @return this. */
        public PersonBuilder insutype(final String v)
        {
            insutype = v;
            return this;
        }

        /** @param v psn_type. @return this. */
        public PersonBuilder psnType(final String v)
        {
            psnType = v;
            return this;
        }

        /** @param v psn_insu_stas. @return this. */
        public PersonBuilder status(final String v)
        {
            status = v;
            return this;
        }

        /** @param from first day. @param to last day. @return this. */
        public PersonBuilder benefit(final int from, final int to)
        {
            benefitBegin = from;
            benefitEnd = to;
            return this;
        }

        /** @return this, a civil servant. */
        public PersonBuilder civilServant()
        {
            cvlserv = true;
            return this;
        }

        /** @param admdvs 参保地. @return this. */
        public PersonBuilder insuredIn(final String admdvs)
        {
            insuplc = admdvs;
            return this;
        }

        /** @param category assistance category. @return this. */
        public PersonBuilder assist(final String category)
        {
            assist = category;
            return this;
        }

        /** @param v N flags. @return this. */
        public PersonBuilder flags(final String... v)
        {
            flags = v.clone();
            return this;
        }

        /** @param fen opening balance. @return this. */
        public PersonBuilder balance(final long fen)
        {
            balance = fen;
            return this;
        }

        /** @param t e-voucher expiry, local epoch seconds. @return this. */
        public PersonBuilder voucherValidUntil(final long t)
        {
            tokenValidUntil = t;
            return this;
        }

        /** Adds a 认定. @param institution designated fixmedins_code or null. @return this. */
        public PersonBuilder chronic(final String dise, final int from, final int to, final String institution)
        {
            chronic.add(new ChronicCert(dise, from, to, institution));
            return this;
        }

        /** Adds a 备案 (file order kept). @return this. */
        public PersonBuilder filing(final String area, final String dsgnType, final int from, final int to)
        {
            filings.add(new Filing(area, dsgnType, from, to));
            return this;
        }

        /** @return the region. */
        public TestRegion done()
        {
            return region;
        }

        Person build()
        {
            return new Person(psnNo, "姓名" + psnNo, "01", "ID" + psnNo, "1", "01", "1980-01-01", "CARD" + psnNo,
                "TOKEN" + psnNo, tokenValidUntil, status, benefitBegin, benefitEnd, insutype, psnType, cvlserv, insuplc, assist,
                flags.clone(), chronic.toArray(new ChronicCert[0]), filings.toArray(new Filing[0]), balance, null);
        }
    }
}
