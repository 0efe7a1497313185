package io.medgw.loadtest.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.medgw.codec.Decimals;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class DemoPoliciesTest
{
    @TempDir
    static Path dir;
    static Map<String, CSVRecord> cells = new HashMap<>();
    static List<CSVRecord> funds;

    @BeforeAll
    static void generate() throws IOException
    {
        DemoRegionGenerator.generate(dir, 1L, Scale.SMALL);
        for (final CSVRecord r : CsvFiles.read(dir.resolve("policy_cells.csv")))
        {
            final String key = key(r.get("insuplc_admdvs"), r.get("insutype"), r.get("year"), r.get("benefit_class"),
                r.get("hosp_lv"), r.get("psn_type"));
            assertThat(cells.put(key, r)).as("duplicate cell " + key).isNull();
        }
        funds = CsvFiles.read(dir.resolve("policy_funds.csv"));
    }

    private static String key(final String... parts)
    {
        return String.join("|", parts);
    }

    private static long fen(final CSVRecord r, final String col)
    {
        return Decimals.parse(r.get(col), 2);
    }

    private static long bp(final CSVRecord r, final String col)
    {
        return Decimals.parse(r.get(col), 4);
    }

    @Test
    void shouldHaveEveryCellOfEveryPolicyWhenGenerating()
    {
        final String[][] classes = {{"outpatient", "1", "2", "3"}, {"inpatient", "1", "2", "3"},
            {"maternity", "1", "2", "3"}, {"chronic", "0", "1", "2", "3"}, {"pharmacy", "0"}};
        int expected = 0;
        for (final String admdvs : new String[] {"320900", "320100", "611000"})
        {
            for (final String year : new String[] {"2025", "2026"})
            {
                for (final String type : PolicyWriter.TYPES_310)
                {
                    expected += checkCells(classes, admdvs, "310", year, type);
                }
                for (final String type : PolicyWriter.TYPES_390)
                {
                    expected += checkCells(classes, admdvs, "390", year, type);
                    assertThat(bp(cells.get(key(admdvs, "390", year, "maternity", "2", type)), "ratio")).isZero();
                }
            }
        }
        assertThat(cells).hasSize(expected);
    }

    private static int checkCells(final String[][] classes, final String admdvs, final String insutype, final String year,
        final String type)
    {
        int n = 0;
        for (final String[] c : classes)
        {
            for (int i = 1; i < c.length; i++)
            {
                final CSVRecord r = cells.get(key(admdvs, insutype, year, c[0], c[i], type));
                assertThat(r).as(key(admdvs, insutype, year, c[0], c[i], type)).isNotNull();
                assertThat(bp(r, "ratio")).isBetween(0L, 10_000L);
                assertThat(fen(r, "deductible")).isNotNegative();
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldUseTheDatasetFiguresWhenMappingThePolicies()
    {
        // 盐城 职工 住院 L3: deductible 800, in-service 0.87, retiree 0.91 (2025); +1 point at L3 in 2026.
        assertThat(fen(cells.get(key("320900", "310", "2025", "inpatient", "3", "1101")), "deductible")).isEqualTo(80_000);
        assertThat(bp(cells.get(key("320900", "310", "2025", "inpatient", "3", "1101")), "ratio")).isEqualTo(8_700);
        assertThat(bp(cells.get(key("320900", "310", "2025", "inpatient", "3", "1201")), "ratio")).isEqualTo(9_100);
        assertThat(bp(cells.get(key("320900", "310", "2026", "inpatient", "3", "1101")), "ratio")).isEqualTo(8_800);
        // 南京 居民 普通门诊: only level 1 (community) is covered; students' deductible 100.
        assertThat(bp(cells.get(key("320100", "390", "2025", "outpatient", "1", "1501")), "ratio")).isEqualTo(6_000);
        assertThat(bp(cells.get(key("320100", "390", "2025", "outpatient", "3", "1501")), "ratio")).isZero();
        assertThat(fen(cells.get(key("320100", "390", "2025", "outpatient", "1", "1403")), "deductible"))
            .isEqualTo(10_000);
        assertThat(fen(cells.get(key("320100", "390", "2025", "outpatient", "1", "1501")), "deductible"))
            .isEqualTo(20_000);
        // 商洛 职工 门诊 L2: 60 yuan, 0.65 in-service, 0.70 retiree; 离休 1300 takes the retiree values.
        assertThat(fen(cells.get(key("611000", "310", "2025", "outpatient", "2", "1101")), "deductible")).isEqualTo(6_000);
        assertThat(bp(cells.get(key("611000", "310", "2025", "outpatient", "2", "1203")), "ratio")).isEqualTo(7_000);
        assertThat(bp(cells.get(key("611000", "310", "2025", "outpatient", "2", "1300")), "ratio")).isEqualTo(7_000);
        // maternity is a 310 benefit: full ratio.
        assertThat(bp(cells.get(key("611000", "310", "2025", "maternity", "1", "1101")), "ratio")).isEqualTo(10_000);
    }

    @Test
    void shouldWriteFundsOfEveryPolicyWhenGenerating()
    {
        final Map<String, CSVRecord> byKey = new HashMap<>();
        for (final CSVRecord r : funds)
        {
            byKey.put(key(r.get("insuplc_admdvs"), r.get("insutype"), r.get("year"), r.get("fund"), r.get("key")), r);
        }
        for (final String admdvs : new String[] {"320900", "320100", "611000"})
        {
            for (final String year : new String[] {"2025", "2026"})
            {
                for (final String insutype : new String[] {"310", "390"})
                {
                    for (final String g : new String[] {"main", "outpatient", "maternity"})
                    {
                        assertThat(byKey).containsKey(key(admdvs, insutype, year, "pool_cap", g));
                    }
                    for (final String a : new String[] {"01", "02", "03", "04"})
                    {
                        assertThat(byKey).containsKey(key(admdvs, insutype, year, "assist", a));
                    }
                    for (final String t : new String[] {"1", "2", "3", "4"})
                    {
                        assertThat(byKey).containsKey(key(admdvs, insutype, year, "cross_region_adjust", t));
                    }
                    assertThat(byKey).containsKey(key(admdvs, insutype, year, "310".equals(insutype) ? "large" : "serious", ""));
                }
            }
        }
        final CSVRecord serious = byKey.get(key("611000", "390", "2025", "serious", ""));
        assertThat(fen(serious, "deductible")).isEqualTo(1_000_000);
        assertThat(fen(serious, "cap")).isEqualTo(30_000_000);
        assertThat(bp(byKey.get(key("611000", "390", "2025", "serious_band", "20000")), "ratio")).isEqualTo(7_000);
        assertThat(byKey.get(key("320100", "310", "2025", "large", "")).get("cap")).isEmpty();
        assertThat(bp(byKey.get(key("611000", "310", "2025", "cross_region_adjust", "4")), "ratio")).isEqualTo(-1_500);
        assertThat(fen(byKey.get(key("320900", "310", "2026", "pool_cap", "outpatient")), "cap")).isEqualTo(650_000);
        final CSVRecord vet = byKey.get(key("320900", "390", "2025", "n", "vet"));
        assertThat(vet.get("fund_pay_type")).isEqualTo("999997");
        assertThat(vet.get("name")).isEqualTo("优抚对象医疗补助");
    }
}
