package io.medgw.loadtest.region;

import static io.medgw.loadtest.region.PersonWriter.psnNo;

import io.medgw.codec.Dates;
import io.medgw.loadtest.region.DemoRegions.Region;
import io.medgw.loadtest.region.InstitutionWriter.Inst;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the persons of {@link PersonWriter} one at a time, with their 认定 and 备案 rows: psn_type
 * mix, a birth date that fits it, a valid ID number, credentials, status and benefit period,
 * assistance category, N flags, account balance and employer.
 */
final class PersonMaker
{
    private static final String[] TYPES_310 = {"1101", "1102", "1103", "1201", "1202", "1203", "1300"};
    private static final int[] CUM_310 = {550, 600, 700, 900, 930, 995, 1000};
    private static final String[] TYPES_390 = {"1401", "1402", "1403", "1404", "1405", "1501"};
    private static final int[] CUM_390 = {20, 100, 280, 330, 350, 1000};
    private static final String[] NATY = {"02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "15", "19"};
    /** 门诊慢特病 codes (demo values in the national style): 高血压, 糖尿病, 冠心病, 慢阻肺, 慢性肾衰竭(透析), 恶性肿瘤门诊治疗, 精神分裂症, 类风湿关节炎. */
    static final String[] CHRONIC_CODES = {"M03900", "M01600", "M03300", "M04500", "M07800", "M00500", "M02300", "M06200"};
    private static final int[] CHRONIC_CUM = {40, 65, 75, 82, 86, 91, 96, 100};

    private final SplittableRandom rng;
    private final int[][] hospitals;
    private final List<Inst> institutions;
    private int birth;
    private String admdvs;

    PersonMaker(final SplittableRandom rng, final List<Inst> institutions)
    {
        this.rng = rng;
        this.institutions = institutions;
        this.hospitals = new int[DemoRegions.ALL.size()][];
        for (int r = 0; r < hospitals.length; r++)
        {
            int n = 0;
            final int[] tmp = new int[institutions.size()];
            for (int i = 0; i < institutions.size(); i++)
            {
                final Inst inst = institutions.get(i);
                if (inst.region() == r && !inst.pharmacy() && inst.valid())
                {
                    tmp[n++] = i;
                }
            }
            hospitals[r] = Arrays.copyOf(tmp, n);
        }
    }

    /** Writes one persons.csv row. @return 310 for an active 310 holder candidate, 390 for a 390 person, 0 else. */
    int person(final CsvOut csv, final Set<String> certnos, final int r, final int index) throws IOException
    {
        final Region region = DemoRegions.ALL.get(r);
        admdvs = region.admdvs();
        final boolean employee = rng.nextInt(100) < 45;
        final String psnType = employee ? pick(TYPES_310, CUM_310) : pick(TYPES_390, CUM_390);
        final boolean male = rng.nextBoolean();
        birth = Identity.birthDate(rng, psnType);
        String certno;
        do
        {
            final String district = region.districtCode(rng.nextInt(region.districtCodes().length));
            certno = Identity.certno(district, birth, rng.nextInt(500) * 2 + (male ? 1 : 0));
        }
        while (!certnos.add(certno));
        final int s = rng.nextInt(1000);
        final String status = s < 960 ? "1" : s < 985 ? "2" : "4";
        csv.text(psnNo(admdvs, index)).text(Identity.name(rng, male)).text("01").text(certno).text(male ? "1" : "2")
            .text(rng.nextInt(100) < 96 ? "01" : NATY[rng.nextInt(NATY.length)]).date(birth);
        csv.text(!"1401".equals(psnType) && rng.nextInt(100) < 96 ? cardNo(region.cardLetter(), index) : null);
        if (rng.nextInt(100) < 85)
        {
            final boolean expired = rng.nextInt(100) < 3;
            final int until = expired ? Days.between(rng, Days.of(2025, 3, 1), Days.END_2025)
                : Days.between(rng, Days.of(2027, 6, 30), Days.of(2028, 12, 31));
            csv.text(Identity.token(rng, index)).dateTime(until * (long)Dates.SECONDS_PER_DAY + 86_399L);
        }
        else
        {
            csv.empty().empty();
        }
        csv.text(status);
        final boolean open = benefit(csv, employee, status);
        csv.text(employee ? "310" : "390").text(psnType).flag("1102".equals(psnType) || "1202".equals(psnType))
            .text(admdvs).text(assist(employee)).text(nFlags(employee, r));
        csv.money(employee ? (rng.nextInt(100) < 5 ? 0 : rng.nextLong(800_001L)) : 0L)
            .text(employer(rng, region, psnType));
        csv.end();
        return employee ? ("1".equals(status) && open ? 310 : 0) : 390;
    }

    private boolean benefit(final CsvOut csv, final boolean employee, final String status)
    {
        final boolean ended = "4".equals(status) || rng.nextInt(100) < (employee ? 3 : 4);
        if (employee)
        {
            final int from = Math.max(birth + 18 * 365, Days.of(2008, 1, 1));
            csv.date(Days.between(rng, Math.min(from, Days.of(2024, 12, 31)), Days.of(2024, 12, 31)));
            csv.endDate(ended ? Days.between(rng, Days.of(2025, 3, 1), Days.END_2025) : Days.OPEN);
        }
        else
        {
            csv.date(Math.max(Days.Y2025, birth)).date(ended ? Days.END_2025 : Days.END_2026);
        }
        return !ended;
    }

    private String assist(final boolean employee)
    {
        final int p = rng.nextInt(1000);
        if (employee)
        {
            return p < 3 ? "02" : p < 6 ? "04" : null;
        }
        return p < 4 ? "01" : p < 24 ? "02" : p < 30 ? "03" : p < 42 ? "04" : null;
    }

    private String nFlags(final boolean employee, final int r)
    {
        final boolean vet = rng.nextInt(1000) < 10;
        final boolean dis = rng.nextInt(1000) < 15;
        final boolean poor = r == 2 && !employee && rng.nextInt(1000) < 30;
        if (!vet && !dis && !poor)
        {
            return null;
        }
        final StringBuilder b = new StringBuilder(16);
        append(b, vet, "vet");
        append(b, dis, "dis");
        append(b, poor, "poor");
        return b.toString();
    }

    /** Writes the 认定 rows of the person just written (about 5 %). */
    void chronic(final CsvOut csv, final int r, final int index) throws IOException
    {
        final int age = (Days.REFERENCE - birth) / 365;
        final int p = age < 40 ? 10 : age < 60 ? 50 : 140;
        if (rng.nextInt(1000) >= p)
        {
            return;
        }
        final int n = rng.nextInt(10) == 0 ? 2 : 1;
        String first = null;
        for (int k = 0; k < n; k++)
        {
            final String code = pick(CHRONIC_CODES, CHRONIC_CUM);
            if (code.equals(first))
            {
                continue;
            }
            first = code;
            final int begin = Days.between(rng, Days.of(2022, 1, 1), Days.END_2025);
            final int e = rng.nextInt(100);
            final int end = e < 70 ? Days.OPEN : e < 95 ? Days.END_2027 : Days.between(rng, begin, Days.END_2025);
            csv.text(psnNo(admdvs, index)).text(code).date(begin).endDate(end);
            final int[] h = hospitals[r];
            csv.text(rng.nextInt(100) < 30 && h.length > 0 ? institutions.get(h[rng.nextInt(h.length)]).code() : null);
            csv.end();
        }
    }

    /** Writes the 备案 row of the person just written (about 3 %). */
    void filing(final CsvOut csv, final int r, final int index) throws IOException
    {
        if (rng.nextInt(1000) >= 30)
        {
            return;
        }
        final int t = rng.nextInt(100);
        final int type = t < 35 ? 1 : t < 55 ? 2 : t < 75 ? 3 : 4;
        final int a = rng.nextInt(100);
        final String area;
        if (a < 50)
        {
            area = DemoRegions.ALL.get((r + 1 + rng.nextInt(2)) % 3).admdvs();
        }
        else if (a < 70)
        {
            area = rng.nextBoolean() ? "320000" : "610000";
        }
        else
        {
            area = DemoRegions.ELSEWHERE[rng.nextInt(DemoRegions.ELSEWHERE.length)];
        }
        final int begin;
        final int end;
        if (type <= 2)
        {
            begin = Days.between(rng, Days.of(2023, 1, 1), Days.END_2025);
            end = rng.nextInt(100) < 80 ? Days.OPEN : begin + 730;
        }
        else
        {
            begin = Days.between(rng, Days.of(2025, 6, 1), Days.of(2026, 6, 30));
            end = begin + 179;
        }
        csv.text(psnNo(admdvs, index)).text(area).num(type).date(begin).endDate(end);
        csv.end();
    }

    private String pick(final String[] values, final int[] cumulative)
    {
        final int p = rng.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++)
        {
            if (p < cumulative[i])
            {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static void append(final StringBuilder b, final boolean on, final String flag)
    {
        if (on)
        {
            if (b.length() > 0)
            {
                b.append(';');
            }
            b.append(flag);
        }
    }

    private static String cardNo(final char letter, final int index)
    {
        return CatalogueMaster.digits(new StringBuilder(9).append(letter), index, 8).toString();
    }

    private static String employer(final SplittableRandom rng, final Region region, final String psnType)
    {
        return Employers.name(rng, region, psnType);
    }
}
