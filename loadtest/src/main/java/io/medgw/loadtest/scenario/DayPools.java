package io.medgw.loadtest.scenario;

import io.medgw.codec.Dates;
import io.medgw.loadtest.scenario.DemoWorld.Cert;
import io.medgw.loadtest.scenario.DemoWorld.Filing;
import io.medgw.loadtest.scenario.DemoWorld.Inst;
import io.medgw.loadtest.scenario.DemoWorld.Item;
import io.medgw.loadtest.scenario.DemoWorld.Person;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The world as seen on one day: who may settle where, which catalogue items are in force, and the
 * people and institutions that make each kind of refusal. Persons whose 参保地 has no policy for
 * their insutype in the day's year are left out altogether (they could only be refused E1071). All
 * lists are in file order, so draws from them are deterministic.
 */
final class DayPools
{
    /** A 认定 valid on the day, with the institution it must be used at (null for any). */
    record ChronicPick(Person person, Cert cert, Inst designated)
    {
    }

    /** A person with a 备案 valid on the day for a region that has an institution open for 异地. */
    record CrossPick(Person person, String region)
    {
    }

    /** Everything of one pooling region. */
    static final class Region
    {
        final String admdvs;
        final List<Inst> hospitals = new ArrayList<>();
        final List<Inst> pharmacies = new ArrayList<>();
        final List<Inst> dualPharmacies = new ArrayList<>();
        /** Hospitals open for 异地. */
        final List<Inst> crossInstitutions = new ArrayList<>();
        final List<Inst> crossPharmacies = new ArrayList<>();
        final List<Inst> expired = new ArrayList<>();
        final List<Person> persons = new ArrayList<>();
        final List<Person> persons390 = new ArrayList<>();
        final List<Person> mothers = new ArrayList<>();
        final List<ChronicPick> chronic = new ArrayList<>();
        /** Items in force by med_chrgitm_type 0..14 (index = the type's number). */
        final Item[][] byType = new Item[15][];
        Item[] opsp = new Item[0];
        Item[] dual = new Item[0];
        final Set<String> codes = new HashSet<>();
        private int[] hospitalWeights = new int[0];

        Region(final String admdvs)
        {
            this.admdvs = admdvs;
        }

        /** @param rng random @return a hospital, level 3 eight times and level 2 three times as busy as level 1. */
        Inst hospital(final SplittableRandom rng)
        {
            final int total = hospitalWeights[hospitalWeights.length - 1];
            final int p = rng.nextInt(total);
            int lo = 0;
            int hi = hospitalWeights.length - 1;
            while (lo < hi)
            {
                final int mid = (lo + hi) >>> 1;
                if (hospitalWeights[mid] > p)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }
            return hospitals.get(lo);
        }

        void add(final Inst inst, final int day)
        {
            if (!inst.validOn(day))
            {
                expired.add(inst);
                return;
            }
            if (inst.pharmacy())
            {
                pharmacies.add(inst);
                if (inst.dualChannel())
                {
                    dualPharmacies.add(inst);
                }
                if (inst.crossRegion())
                {
                    crossPharmacies.add(inst);
                }
            }
            else
            {
                hospitals.add(inst);
                if (inst.crossRegion())
                {
                    crossInstitutions.add(inst);
                }
            }
        }

        void items(final List<Item> rows, final int day)
        {
            final List<List<Item>> types = new ArrayList<>(byType.length);
            for (int i = 0; i < byType.length; i++)
            {
                types.add(new ArrayList<>());
            }
            final List<Item> opspItems = new ArrayList<>();
            final List<Item> dualItems = new ArrayList<>();
            for (final Item item : rows)
            {
                codes.add(item.code());
                if (item.begin() > day || day > item.end())
                {
                    continue;
                }
                final int type = typeIndex(item.medChrgitmType());
                types.get(type).add(item);
                if (item.opspOnly())
                {
                    opspItems.add(item);
                }
                if (item.dualChannel())
                {
                    dualItems.add(item);
                }
            }
            for (int i = 0; i < byType.length; i++)
            {
                byType[i] = types.get(i).toArray(new Item[0]);
            }
            opsp = opspItems.toArray(new Item[0]);
            dual = dualItems.toArray(new Item[0]);
        }

        /** @return true if this region can host ordinary settlements. */
        boolean usable()
        {
            return !hospitals.isEmpty() && !pharmacies.isEmpty() && !persons.isEmpty() && byType[9].length > 0;
        }
    }

    final int day;
    /** Usable regions, sorted by admdvs. */
    final List<Region> regions = new ArrayList<>();
    final Map<String, Region> byAdmdvs = new TreeMap<>();
    final List<Person> inactive = new ArrayList<>();
    final List<Person> outOfBenefit = new ArrayList<>();
    final List<Person> expiredToken = new ArrayList<>();
    final List<CrossPick> cross = new ArrayList<>();

    DayPools(final DemoWorld world, final int day)
    {
        this.day = day;
        final Map<String, Inst> byCode = new HashMap<>();
        for (final Inst inst : world.institutions())
        {
            byCode.put(inst.code(), inst);
            region(inst.admdvs()).add(inst, day);
        }
        for (final Map.Entry<String, List<Item>> e : world.catalogues().entrySet())
        {
            region(e.getKey()).items(e.getValue(), day);
        }
        final long dayStart = day * (long)Dates.SECONDS_PER_DAY;
        final int year = Dates.yearOf(day);
        for (final Person p : world.persons())
        {
            if (world.hasPolicy(p, year))
            {
                person(p, byCode, dayStart);
            }
        }
        for (final Region r : byAdmdvs.values())
        {
            r.hospitalWeights = weights(r.hospitals);
            if (r.usable())
            {
                regions.add(r);
            }
        }
        for (final Person p : world.persons())
        {
            if (world.hasPolicy(p, year))
            {
                crossPick(p);
            }
        }
    }

    private Region region(final String admdvs)
    {
        return byAdmdvs.computeIfAbsent(admdvs, Region::new);
    }

    private void person(final Person p, final Map<String, Inst> byCode, final long dayStart)
    {
        if (!p.active())
        {
            inactive.add(p);
            return;
        }
        if (!p.eligibleOn(day))
        {
            outOfBenefit.add(p);
            return;
        }
        if (p.token() != null && p.tokenUntil() < dayStart)
        {
            expiredToken.add(p);
        }
        final Region r = region(p.insuplc());
        r.persons.add(p);
        if ("390".equals(p.insutype()))
        {
            r.persons390.add(p);
        }
        final int age = (day - p.birth()) / 365;
        if ("310".equals(p.insutype()) && !p.male() && age >= 20 && age <= 45)
        {
            r.mothers.add(p);
        }
        for (final Cert c : p.certs())
        {
            final Inst at = c.designated() == null ? null : byCode.get(c.designated());
            if (c.begin() <= day && day <= c.end() && (c.designated() == null || (at != null && at.validOn(day))))
            {
                r.chronic.add(new ChronicPick(p, c, at));
            }
        }
    }

    private void crossPick(final Person p)
    {
        if (!p.eligibleOn(day))
        {
            return;
        }
        for (final Filing f : p.filings())
        {
            if (f.begin() > day || day > f.end())
            {
                continue;
            }
            for (final Region r : regions)
            {
                final boolean matches = r.admdvs.equals(f.area())
                    || (f.area().endsWith("0000") && r.admdvs.startsWith(f.area().substring(0, 2)));
                if (matches && !r.admdvs.equals(p.insuplc()) && !r.crossInstitutions.isEmpty())
                {
                    cross.add(new CrossPick(p, r.admdvs));
                }
            }
        }
    }

    /** @param type med_chrgitm_type 01–14. @return its number, 14 for anything else. */
    static int typeIndex(final String type)
    {
        if (type.length() == 2 && type.charAt(0) >= '0' && type.charAt(0) <= '1' && Character.isDigit(type.charAt(1)))
        {
            final int v = (type.charAt(0) - '0') * 10 + (type.charAt(1) - '0');
            return v >= 1 && v <= 14 ? v : 14;
        }
        return 14;
    }

    private static int[] weights(final List<Inst> hospitals)
    {
        final int[] cum = new int[hospitals.size()];
        int sum = 0;
        for (int i = 0; i < cum.length; i++)
        {
            final int lv = hospitals.get(i).hospLv();
            sum += lv == 3 ? 8 : lv == 2 ? 3 : 1;
            cum[i] = sum;
        }
        return cum;
    }
}
