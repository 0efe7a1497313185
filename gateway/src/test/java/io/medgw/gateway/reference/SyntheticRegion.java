package io.medgw.gateway.reference;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a large, valid synthetic reference-data directory (test only, allocates freely): three
 * pooling regions with complete 310 and 390 policies, institutions, a catalogue of
 * {@code codesPerRegion} codes per region (a quarter with a second version), persons with
 * credentials, and 认定 / 备案 / 共济 rows for some of them.
 */
final class SyntheticRegion
{
    static final String[] REGIONS = { "320900", "320100", "611000" };
    static final String[] PSN_TYPES_310 = { "1101", "1102", "1103", "1201", "1202", "1203", "1300" };
    static final String[] PSN_TYPES_390 = { "1401", "1402", "1403", "1404", "1405", "1501" };
    private static final String[] SURNAMES = { "张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴" };
    private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳" };

    private SyntheticRegion()
    {
    }

    private static String pad(final long v, final int width)
    {
        final String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Writes the directory. @return the number of catalogue rows written. */
    static int write(final Path dir, final long seed, final int persons, final int codesPerRegion, final int institutions)
        throws IOException
    {
        final SplittableRandom rnd = new SplittableRandom(seed);
        Files.writeString(dir.resolve("version.properties"), "version=synthetic-" + seed + "\neffective_from=2026-01-01\n");
        writeInstitutions(dir, institutions);
        final int catalogueRows = writeCatalogue(dir, rnd, codesPerRegion);
        writePolicies(dir);
        writePersons(dir, rnd, persons, institutions);
        return catalogueRows;
    }

    private static BufferedWriter open(final Path dir, final String file, final String header) throws IOException
    {
        final BufferedWriter w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
        w.write(header);
        w.write('\n');
        return w;
    }

    private static void writeInstitutions(final Path dir, final int count) throws IOException
    {
        try (BufferedWriter w = open(dir, "institutions.csv", String.join(",", InstitutionsReader.COLUMNS)))
        {
            for (int i = 0; i < count; i++)
            {
                final boolean pharmacy = i % 4 == 3;
                final String region = REGIONS[i % REGIONS.length];
                w.write((pharmacy ? "P" : "H") + region + pad(i, 5) + ",机构" + i + (pharmacy ? "药房" : "医院") + ',' +
                    (pharmacy ? "pharmacy,0," : "hospital," + (1 + i % 3) + ',') + region + ",2024-01-01,," + (i % 2) + ',' +
                    (pharmacy && i % 8 == 7 ? 1 : 0) + '\n');
            }
        }
    }

    private static int writeCatalogue(final Path dir, final SplittableRandom rnd, final int codesPerRegion) throws IOException
    {
        int rows = 0;
        try (BufferedWriter w = open(dir, "catalogue.csv", String.join(",", CatalogueReader.COLUMNS)))
        {
            for (final String region : REGIONS)
            {
                for (int c = 0; c < codesPerRegion; c++)
                {
                    final int lv = 1 + rnd.nextInt(3);
                    final String code = "X" + pad(c, 7);
                    final String selfpay = lv == 2 ? "0.0" + (5 + rnd.nextInt(5)) : "0";
                    final String price = rnd.nextInt(3) == 0 ? "" : (rnd.nextInt(100_000) + "." + rnd.nextInt(10) + "125");
                    final String common = region + ',' + code + ",\"品名" + c + ",规格" + (c % 7) + "\"," + (c % 2 == 0 ? "101,09," : "201,05,") +
                        "0" + lv + ',' + selfpay + ',' + price + ',' + rnd.nextInt(4) + ',' + (c % 50 == 0 ? 1 : 0) + ',' + (c % 97 == 0 ? 1 : 0) + ',';
                    if (c % 4 == 0)
                    {
                        w.write(common + "2024-01-01,2025-12-31\n");
                        rows++;
                    }
                    w.write(common + "2026-01-01,\n");
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void writePolicies(final Path dir) throws IOException
    {
        try (BufferedWriter cells = open(dir, "policy_cells.csv", String.join(",", PolicyReader.CELL_COLUMNS));
            BufferedWriter funds = open(dir, "policy_funds.csv", String.join(",", PolicyFundsReader.COLUMNS)))
        {
            for (final String region : REGIONS)
            {
                for (final String insutype : new String[] { "310", "390" })
                {
                    final String key = region + ',' + insutype + ",2026,";
                    for (final String pt : "310".equals(insutype) ? PSN_TYPES_310 : PSN_TYPES_390)
                    {
                        for (final BenefitClass c : BenefitClass.values())
                        {
                            for (int lv = 0; lv <= 3; lv++)
                            {
                                cells.write(key + c.label() + ',' + lv + ',' + pt + ',' + (lv * 100) + ",0." + (9 - lv) + '\n');
                            }
                        }
                    }
                    funds.write(key + "pool_cap,main,,300000,,,,\n" + key + "pool_cap,outpatient,,6000,,,,\n");
                    funds.write(key + "civil,,0.5,,,,,\n" + key + "assist,A1,0.7,10000,500,,,\n");
                    funds.write(key + "n,N1,0.2,1000,,,610103,健康扶贫基金\n" + key + "cross_region_adjust,4,-0.3,,,,,\n");
                    if ("310".equals(insutype))
                    {
                        funds.write(key + "large,,0.9,400000,,,,\n");
                    }
                    else
                    {
                        funds.write(key + "serious,,,300000,15000,,,\n" + key + "serious_band,0,0.6,,,,,\n" + key + "serious_band,35000,0.7,,,,,\n");
                    }
                }
            }
        }
    }

    private static void writePersons(final Path dir, final SplittableRandom rnd, final int count, final int institutions)
        throws IOException
    {
        try (BufferedWriter p = open(dir, "persons.csv", String.join(",", PersonsReader.COLUMNS));
            BufferedWriter chronic = open(dir, "chronic.csv", String.join(",", PersonLinks.CHRONIC_COLUMNS));
            BufferedWriter filings = open(dir, "filings.csv", String.join(",", PersonLinks.FILING_COLUMNS));
            BufferedWriter bindings = open(dir, "family_bindings.csv", String.join(",", PersonLinks.BINDING_COLUMNS)))
        {
            for (int i = 0; i < count; i++)
            {
                final String region = REGIONS[i % REGIONS.length];
                final boolean employee = rnd.nextInt(10) < 6;
                final String psnType = employee ? PSN_TYPES_310[rnd.nextInt(PSN_TYPES_310.length)] : PSN_TYPES_390[rnd.nextInt(PSN_TYPES_390.length)];
                final int year = 1940 + rnd.nextInt(80);
                final String brdy = year + "-0" + (1 + rnd.nextInt(9)) + '-' + (10 + rnd.nextInt(18));
                final String psnNo = "P" + region + pad(i, 9);
                p.write(psnNo + ',' + SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)] + GIVEN[rnd.nextInt(GIVEN.length)] +
                    ",01," + region + brdy.replace("-", "") + pad(i % 10_000, 4) + i + ",1,01," + brdy + ',' +
                    (i % 5 == 0 ? "" : "C" + i) + ',' + (i % 2 == 0 ? "EV" + Long.toHexString(rnd.nextLong()) + i + ",2026-12-31 23:59:59" : ",") +
                    ',' + (i % 50 == 0 ? '2' : '1') + ",2020-01-01,," + (employee ? "310," : "390,") + psnType + ',' + (i % 20 == 0 ? 1 : 0) + ',' +
                    region + ',' + (i % 30 == 0 ? "A1" : "") + ',' + (i % 40 == 0 ? "N1" : "") + ',' + (employee ? rnd.nextInt(5000) + "." + rnd.nextInt(100) : "") +
                    ',' + (employee ? "单位" + (i % 2000) : "") + '\n');
                if (i % 10 == 0)
                {
                    chronic.write(psnNo + ",M0" + (3900 + i % 7) + ",2025-01-01,," + (i % 20 == 0 ? "H" + REGIONS[0] + "00000" : "") + '\n');
                }
                if (i % 20 == 1)
                {
                    filings.write(psnNo + ',' + REGIONS[(i + 1) % REGIONS.length] + ',' + (1 + i % 4) + ",2025-01-01,\n");
                }
                if (employee && i % 15 == 0 && i + 1 < count)
                {
                    bindings.write(psnNo + ",P" + REGIONS[(i + 1) % REGIONS.length] + pad(i + 1, 9) + ",2025-03-01,1\n");
                }
            }
        }
    }
}
