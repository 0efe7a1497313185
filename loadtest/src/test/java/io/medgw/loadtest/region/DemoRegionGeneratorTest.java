package io.medgw.loadtest.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

class DemoRegionGeneratorTest
{
    static final String[] FILES = {"version.properties", "institutions.csv", "catalogue.csv", "policy_cells.csv",
        "policy_funds.csv", "persons.csv", "chronic.csv", "filings.csv", "family_bindings.csv"};
    static final long SEED = 20_260_101L;

    @TempDir
    static Path tmp;
    static Path dir;
    static DemoRegionGenerator.Summary summary;

    @BeforeAll
    static void generate()
    {
        dir = tmp.resolve("small");
        summary = DemoRegionGenerator.generate(dir, SEED, Scale.SMALL);
    }

    @Test
    void shouldWriteByteIdenticalFilesWhenSeedIsTheSame() throws IOException
    {
        final Path again = tmp.resolve("again");
        final DemoRegionGenerator.Summary second = DemoRegionGenerator.generate(again, SEED, Scale.SMALL);
        assertThat(second).isEqualTo(summary);
        for (final String f : FILES)
        {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve(f)));
        }
    }

    @Test
    void shouldWriteDifferentDataWhenSeedDiffers() throws IOException
    {
        final Path other = tmp.resolve("other");
        final DemoRegionGenerator.Summary s = DemoRegionGenerator.generate(other, SEED + 1, Scale.SMALL);
        assertThat(s.version()).isEqualTo("demo-2026.1-s" + (SEED + 1));
        for (final String f : new String[] {"institutions.csv", "catalogue.csv", "persons.csv", "chronic.csv"})
        {
            assertThat(Files.readAllBytes(other.resolve(f))).as(f).isNotEqualTo(Files.readAllBytes(dir.resolve(f)));
        }
        assertThat(Files.readAllBytes(other.resolve("policy_cells.csv")))
            .isEqualTo(Files.readAllBytes(dir.resolve("policy_cells.csv")));
    }

    @Test
    void shouldWriteTheDocumentedHeadersWhenGenerating() throws IOException
    {
        assertThat(Files.readString(dir.resolve("version.properties")))
            .isEqualTo("version=demo-2026.1-s" + SEED + "\neffective_from=2025-01-01\n");
        assertThat(CsvFiles.header(dir.resolve("institutions.csv"))).containsExactly("fixmedins_code", "fixmedins_name",
            "type", "hosp_lv", "admdvs", "agreement_begin", "agreement_end", "cross_region", "dual_channel");
        assertThat(CsvFiles.header(dir.resolve("catalogue.csv"))).containsExactly("admdvs", "med_list_codg", "name",
            "list_type", "med_chrgitm_type", "chrgitm_lv", "selfpay_prop", "pric_uplmt", "min_hosp_lv", "opsp_only",
            "dual_channel", "begin_date", "end_date");
        assertThat(CsvFiles.header(dir.resolve("policy_cells.csv"))).containsExactly("insuplc_admdvs", "insutype",
            "year", "benefit_class", "hosp_lv", "psn_type", "deductible", "ratio");
        assertThat(CsvFiles.header(dir.resolve("policy_funds.csv"))).containsExactly("insuplc_admdvs", "insutype",
            "year", "fund", "key", "ratio", "cap", "deductible", "classes", "fund_pay_type", "name");
        assertThat(CsvFiles.header(dir.resolve("persons.csv"))).containsExactly("psn_no", "psn_name", "psn_cert_type",
            "certno", "gend", "naty", "brdy", "card_no", "evoucher_token", "evoucher_valid_until", "psn_insu_stas",
            "benefit_begin", "benefit_end", "insutype", "psn_type", "cvlserv_flag", "insuplc_admdvs", "assist_category",
            "n_flags", "balance", "emp_name");
        assertThat(CsvFiles.header(dir.resolve("chronic.csv"))).containsExactly("psn_no", "opsp_dise_codg",
            "begin_date", "end_date", "fixmedins_code");
        assertThat(CsvFiles.header(dir.resolve("filings.csv"))).containsExactly("psn_no", "mdtrtarea_admdvs",
            "dsgn_type", "begin_date", "end_date");
        assertThat(CsvFiles.header(dir.resolve("family_bindings.csv"))).containsExactly("holder_psn_no",
            "member_psn_no", "bind_date", "active");
    }

    @Test
    void shouldWriteTheScaleCountsWhenScaleIsSmall() throws IOException
    {
        assertThat(summary.regions()).isEqualTo(3);
        assertThat(summary.institutions()).isEqualTo(60);
        assertThat(summary.persons()).isEqualTo(5_000);
        assertThat(summary.policies()).isEqualTo(12);
        final Map<String, Set<String>> codes = new TreeMap<>();
        final List<CSVRecord> catalogue = CsvFiles.read(dir.resolve("catalogue.csv"));
        for (final CSVRecord r : catalogue)
        {
            codes.computeIfAbsent(r.get("admdvs"), k -> new HashSet<>()).add(r.get("med_list_codg"));
        }
        assertThat(codes).containsOnlyKeys("320900", "320100", "611000");
        codes.values().forEach(c -> assertThat(c).hasSize(2_000));
        assertThat(catalogue).hasSize(summary.catalogueRows());
        assertThat(CsvFiles.read(dir.resolve("persons.csv"))).hasSize(5_000);
        assertThat(CsvFiles.read(dir.resolve("institutions.csv"))).hasSize(60);
        assertThat(CsvFiles.read(dir.resolve("chronic.csv"))).hasSize(summary.chronic());
        assertThat(CsvFiles.read(dir.resolve("filings.csv"))).hasSize(summary.filings());
        assertThat(CsvFiles.read(dir.resolve("family_bindings.csv"))).hasSize(summary.bindings());
        assertThat(CsvFiles.read(dir.resolve("policy_cells.csv"))).hasSize(summary.policyCells());
        assertThat(CsvFiles.read(dir.resolve("policy_funds.csv"))).hasSize(summary.policyFunds());
        assertThat(summary.chronic()).isBetween(150, 450);
        assertThat(summary.filings()).isBetween(90, 220);
        assertThat(summary.bindings()).isPositive();
    }

    @Test
    void shouldMixTheCatalogueAsAgreedWhenGenerating() throws IOException
    {
        final Map<String, Integer> lv = new HashMap<>();
        final Map<String, Set<Integer>> selfpayByRegion = new TreeMap<>();
        final Map<String, List<CSVRecord>> versions = new HashMap<>();
        int capped = 0;
        int restricted = 0;
        int opsp = 0;
        int dual = 0;
        final List<CSVRecord> rows = CsvFiles.read(dir.resolve("catalogue.csv"));
        for (final CSVRecord r : rows)
        {
            lv.merge(r.get("chrgitm_lv"), 1, Integer::sum);
            final int selfpay = (int)Decimals.parse(r.get("selfpay_prop"), 4);
            if ("02".equals(r.get("chrgitm_lv")))
            {
                assertThat(selfpay).isBetween(500, 2000);
                selfpayByRegion.computeIfAbsent(r.get("admdvs"), k -> new HashSet<>()).add(selfpay);
            }
            else
            {
                assertThat(selfpay).as(r.toString()).isZero();
            }
            assertThat(r.get("med_list_codg")).matches(codePattern(r.get("list_type")));
            capped += r.get("pric_uplmt").isEmpty() ? 0 : 1;
            restricted += "0".equals(r.get("min_hosp_lv")) ? 0 : 1;
            opsp += "1".equals(r.get("opsp_only")) ? 1 : 0;
            dual += "1".equals(r.get("dual_channel")) ? 1 : 0;
            versions.computeIfAbsent(r.get("admdvs") + r.get("med_list_codg"), k -> new java.util.ArrayList<>()).add(r);
        }
        final int n = rows.size();
        assertThat(lv.get("01") * 100 / n).isBetween(30, 40);
        assertThat(lv.get("02") * 100 / n).isBetween(50, 60);
        assertThat(lv.get("03") * 100 / n).isBetween(6, 14);
        assertThat(selfpayByRegion.get("320100")).containsExactlyInAnyOrder(500, 1000, 1500);
        assertThat(selfpayByRegion.get("611000")).containsExactlyInAnyOrder(1000, 1500, 2000);
        assertThat(capped).isBetween(n / 10, n / 2);
        assertThat(restricted).isPositive();
        assertThat(opsp).isPositive();
        assertThat(dual).isPositive();
        int twoVersions = 0;
        for (final List<CSVRecord> v : versions.values())
        {
            if (v.size() == 2)
            {
                twoVersions++;
                assertThat(v.get(0).get("end_date")).isEqualTo("2025-12-31");
                assertThat(v.get(1).get("begin_date")).isEqualTo("2026-01-01");
                assertThat(v.get(1).get("end_date")).isEmpty();
                assertThat(v.get(1).get("pric_uplmt")).isNotEqualTo(v.get(0).get("pric_uplmt"));
            }
        }
        assertThat(twoVersions).isPositive();
    }

    private static String codePattern(final String listType)
    {
        switch (listType)
        {
            case "101": return "(X[A-Z]\\d\\d[A-Z]{2}D\\d{3}A\\d{12})|(Z[A-Z]\\d\\d[A-Z]{2}A\\d{13})";
            case "102": return "T\\d{9}";
            case "201": return "00\\d{13}";
            default: return "C\\d{19}";
        }
    }

    @Test
    void shouldMakePlausiblePersonsWhenGenerating() throws IOException
    {
        final List<CSVRecord> persons = CsvFiles.read(dir.resolve("persons.csv"));
        final Set<String> certnos = new HashSet<>();
        final Set<String> cards = new HashSet<>();
        final Set<String> tokens = new HashSet<>();
        int employees = 0;
        int inactive = 0;
        int assisted = 0;
        int flagged = 0;
        for (final CSVRecord p : persons)
        {
            final String certno = p.get("certno");
            assertThat(certnos.add(certno)).isTrue();
            assertThat(certno).matches("\\d{17}[\\dX]");
            assertThat(certno.charAt(17)).isEqualTo(checkChar(certno));
            assertThat(certno.substring(6, 14)).isEqualTo(p.get("brdy").replace("-", ""));
            assertThat(Dates.parseDate(p.get("brdy"))).isNotEqualTo(Dates.NOT_A_DATE);
            assertThat((certno.charAt(16) - '0') % 2 == 1 ? "1" : "2").isEqualTo(p.get("gend"));
            if (!p.get("card_no").isEmpty())
            {
                assertThat(cards.add(p.get("card_no"))).isTrue();
            }
            if (!p.get("evoucher_token").isEmpty())
            {
                assertThat(tokens.add(p.get("evoucher_token"))).isTrue();
                assertThat(Dates.parseDateTime(p.get("evoucher_valid_until"))).isNotEqualTo(Dates.NOT_A_TIME);
            }
            final String type = p.get("psn_type");
            final boolean employee = "310".equals(p.get("insutype"));
            employees += employee ? 1 : 0;
            assertThat(type).isIn(employee ? List.of("1101", "1102", "1103", "1201", "1202", "1203", "1300")
                : List.of("1401", "1402", "1403", "1404", "1405", "1501"));
            assertThat(p.get("cvlserv_flag")).isEqualTo("1102".equals(type) || "1202".equals(type) ? "1" : "0");
            final long balance = Decimals.parse(p.get("balance"), 2);
            assertThat(balance).isBetween(0L, employee ? 800_000L : 0L);
            inactive += "1".equals(p.get("psn_insu_stas")) ? 0 : 1;
            assisted += p.get("assist_category").isEmpty() ? 0 : 1;
            flagged += p.get("n_flags").isEmpty() ? 0 : 1;
        }
        assertThat(employees * 100 / persons.size()).isBetween(40, 50);
        assertThat(inactive).isBetween(100, 350);
        assertThat(assisted).isBetween(50, 400);
        assertThat(flagged).isBetween(50, 400);
    }

    private static char checkChar(final String certno)
    {
        final int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            sum += (certno.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    @Test
    void shouldMakeInstitutionsOfEveryKindInEveryRegionWhenSmall() throws IOException
    {
        final Map<String, Set<String>> kinds = new TreeMap<>();
        for (final CSVRecord r : CsvFiles.read(dir.resolve("institutions.csv")))
        {
            final String code = r.get("fixmedins_code");
            final boolean pharmacy = "pharmacy".equals(r.get("type"));
            assertThat(code).hasSize(12).startsWith((pharmacy ? "P" : "H") + r.get("admdvs"));
            assertThat(r.get("hosp_lv")).isEqualTo(pharmacy ? "0" : r.get("hosp_lv"));
            final Set<String> k = kinds.computeIfAbsent(r.get("admdvs"), a -> new HashSet<>());
            k.add(pharmacy ? ("1".equals(r.get("dual_channel")) ? "dual" : "pharmacy") : "L" + r.get("hosp_lv"));
            if ("1".equals(r.get("cross_region")) && !pharmacy)
            {
                k.add("cross");
            }
        }
        assertThat(kinds).hasSize(3);
        kinds.values().forEach(k -> assertThat(k).contains("L1", "L2", "L3", "pharmacy", "dual", "cross"));
    }
}
