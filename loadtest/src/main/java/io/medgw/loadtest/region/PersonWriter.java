package io.medgw.loadtest.region;

import io.medgw.loadtest.region.InstitutionWriter.Inst;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes and writes {@code persons.csv}, {@code chronic.csv}, {@code filings.csv} and
 * {@code family_bindings.csv}. Mix: 职工 310 45 % / 居民 390 55 %; 96 % active; about 5 % with a
 * 门诊慢特病 认定 (more among the old), 3 % with a 异地 备案, a few % with an assistance category or
 * an N flag; 5 % of active 310 holders bind 1–3 居民 family members of the same region.
 */
final class PersonWriter
{
    /** Rows written per file. @param persons persons @param chronic 认定 @param filings 备案 @param bindings 共济 */
    record Counts(int persons, int chronic, int filings, int bindings)
    {
    }

    private PersonWriter()
    {
    }

    /**
     * @param dir          target directory.
     * @param rng          random source.
     * @param total        persons over all regions.
     * @param institutions the institutions (a designated 认定 names a hospital of the person's region).
     * @return rows written.
     * @throws IOException on a write failure.
     */
    static Counts write(final Path dir, final SplittableRandom rng, final int total, final List<Inst> institutions)
        throws IOException
    {
        final int[] perRegion = DemoRegions.split(total);
        final PersonMaker maker = new PersonMaker(rng, institutions);
        final Set<String> certnos = new HashSet<>(total * 2);
        try (CsvOut persons = CsvOut.open(dir.resolve("persons.csv"), "psn_no", "psn_name", "psn_cert_type", "certno",
            "gend", "naty", "brdy", "card_no", "evoucher_token", "evoucher_valid_until", "psn_insu_stas", "benefit_begin",
            "benefit_end", "insutype", "psn_type", "cvlserv_flag", "insuplc_admdvs", "assist_category", "n_flags",
            "balance", "emp_name");
            CsvOut chronic = CsvOut.open(dir.resolve("chronic.csv"), "psn_no", "opsp_dise_codg", "begin_date",
                "end_date", "fixmedins_code");
            CsvOut filings = CsvOut.open(dir.resolve("filings.csv"), "psn_no", "mdtrtarea_admdvs", "dsgn_type",
                "begin_date", "end_date"))
        {
            int index = 0;
            final int[][] holders = new int[perRegion.length][];
            final int[][] members = new int[perRegion.length][];
            final int[] holderCount = new int[perRegion.length];
            final int[] memberCount = new int[perRegion.length];
            for (int r = 0; r < perRegion.length; r++)
            {
                holders[r] = new int[perRegion[r]];
                members[r] = new int[perRegion[r]];
                for (int j = 0; j < perRegion[r]; j++, index++)
                {
                    final int kind = maker.person(persons, certnos, r, index);
                    if (kind == 310)
                    {
                        holders[r][holderCount[r]++] = index;
                    }
                    else if (kind == 390)
                    {
                        members[r][memberCount[r]++] = index;
                    }
                    maker.chronic(chronic, r, index);
                    maker.filing(filings, r, index);
                }
            }
            final int bindings = writeBindings(dir, rng, holders, holderCount, members, memberCount, total);
            return new Counts(persons.rows(), chronic.rows(), filings.rows(), bindings);
        }
    }

    private static int writeBindings(final Path dir, final SplittableRandom rng, final int[][] holders,
        final int[] holderCount, final int[][] members, final int[] memberCount, final int total) throws IOException
    {
        final boolean[] bound = new boolean[total];
        try (CsvOut csv = CsvOut.open(dir.resolve("family_bindings.csv"), "holder_psn_no", "member_psn_no", "bind_date",
            "active"))
        {
            for (int r = 0; r < holders.length; r++)
            {
                final String admdvs = DemoRegions.ALL.get(r).admdvs();
                for (int h = 0; h < holderCount[r]; h++)
                {
                    if (rng.nextInt(100) >= 5 || memberCount[r] == 0)
                    {
                        continue;
                    }
                    final int k = rng.nextInt(10) < 6 ? 1 : rng.nextInt(4) < 3 ? 2 : 3;
                    for (int m = 0; m < k; m++)
                    {
                        final int member = members[r][rng.nextInt(memberCount[r])];
                        if (bound[member])
                        {
                            continue;
                        }
                        bound[member] = true;
                        csv.text(psnNo(admdvs, holders[r][h])).text(psnNo(admdvs, member))
                            .date(Days.between(rng, Days.of(2023, 1, 1), Days.END_2025)).flag(rng.nextInt(100) < 95);
                        csv.end();
                    }
                }
            }
            return csv.rows();
        }
    }

    /**
     * @param admdvs 参保地.
     * @param index  the person's unique index.
     * @return the psn_no: admdvs + 00 + 12-digit index (20 characters).
     */
    static String psnNo(final String admdvs, final int index)
    {
        return CatalogueMaster.digits(new StringBuilder(20).append(admdvs).append("00"), index, 12).toString();
    }
}
