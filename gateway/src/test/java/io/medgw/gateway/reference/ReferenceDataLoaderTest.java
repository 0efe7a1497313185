package io.medgw.gateway.reference;

import io.medgw.codec.Dates;
import io.medgw.codec.Units;
import io.medgw.gateway.reference.Person.ChronicCert;
import io.medgw.gateway.reference.Person.FamilyBinding;
import io.medgw.gateway.reference.Person.Filing;
import io.medgw.gateway.reference.Policy.AssistRule;
import io.medgw.gateway.reference.Policy.Cell;
import io.medgw.gateway.reference.Policy.FundRule;
import io.medgw.gateway.reference.Policy.NFund;
import io.medgw.gateway.reference.Policy.SeriousRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.medgw.gateway.reference.BenefitClass.CHRONIC;
import static io.medgw.gateway.reference.BenefitClass.INPATIENT;
import static io.medgw.gateway.reference.BenefitClass.MATERNITY;
import static io.medgw.gateway.reference.BenefitClass.OUTPATIENT;
import static io.medgw.gateway.reference.BenefitClass.PHARMACY;
import static org.assertj.core.api.Assertions.assertThat;

/** Loads the tiny valid fixture and checks exact values (fen, micro-yuan, bp, epoch days). */
final class ReferenceDataLoaderTest
{
    private static final int OPEN = Dates.ofYmd(9999, 12, 31);
    private static ReferenceData data;

    @BeforeAll
    static void load() throws ReferenceDataException
    {
        data = ReferenceDataLoader.load(Fixture.valid());
    }

    private static int day(final String ymd)
    {
        return Dates.parseDate(ymd);
    }

    @Test
    void shouldReadVersionWhenLoadingValidFixture()
    {
        assertThat(data.version()).isEqualTo("test-2026.1");
        assertThat(data.effectiveFrom()).isEqualTo(day("2026-01-01"));
    }

    @Test
    void shouldReadInstitutionsWithOpenEndWhenAgreementEndIsEmpty()
    {
        assertThat(data.institutions()).hasSize(4);
        assertThat(data.institution("H32090001")).isEqualTo(new Institution("H32090001", "盐城市第一人民医院", false, 3, "320900",
            day("2024-01-01"), OPEN, true, false));
        assertThat(data.institution("H32090002").agreementEnd()).isEqualTo(day("2026-12-31"));
        assertThat(data.institution("P32090001")).isEqualTo(new Institution("P32090001", "盐城大药房", true, 0, "320900",
            day("2024-01-01"), OPEN, false, true));
        assertThat(data.institution("nope")).isNull();
    }

    @Test
    void shouldParsePriceCapToMicroYuanAndRatiosToBpWhenReadingCatalogue()
    {
        final Catalogue c = data.catalogue("320900");
        assertThat(c.codeCount()).isEqualTo(5);
        assertThat(c.itemCount()).isEqualTo(6);
        assertThat(c.on("XA01", day("2026-03-01"))).isEqualTo(new CatalogueItem("320900", "XA01", "阿莫西林胶囊", "101", "09", 1, 0,
            12_500L, 0, false, false, day("2025-01-01"), OPEN));
        final CatalogueItem material = c.on("XC03", day("2026-03-01"));
        assertThat(material.name()).isEqualTo("进口材料\n(two-line name)");
        assertThat(material.pricUplmtMicro()).isEqualTo(Units.NO_CAP);
        assertThat(material.chrgitmLv()).isEqualTo(3);
        assertThat(material.minHospLv()).isEqualTo(2);
        assertThat(material.listType()).isEqualTo("301");
        assertThat(c.on("XD04", day("2026-03-01")).dualChannel()).isTrue();
        assertThat(c.on("XD04", day("2026-03-01")).selfpayPropBp()).isEqualTo(1500);
        assertThat(c.on("XE05", day("2026-03-01")).opspOnly()).isTrue();
        assertThat(data.catalogue("611000").on("XA01", day("2026-03-01")).pricUplmtMicro()).isEqualTo(20_000L);
        assertThat(data.catalogue("611000").on("XA01", day("2026-03-01")).selfpayPropBp()).isZero();
    }

    @Test
    void shouldSortCatalogueVersionsByBeginWhenFileListsThemOutOfOrder()
    {
        final Catalogue c = data.catalogue("320900");
        final CatalogueItem[] versions = c.versionsByCode().get("XB02");
        assertThat(versions).extracting(CatalogueItem::validBegin).containsExactly(day("2025-01-01"), day("2026-01-01"));
        assertThat(versions[0].validEnd()).isEqualTo(day("2025-12-31"));
        assertThat(c.on("XB02", day("2025-06-30")).selfpayPropBp()).isEqualTo(500);
        assertThat(c.on("XB02", day("2025-06-30")).pricUplmtMicro()).isEqualTo(1_200_000L);
        assertThat(c.on("XB02", day("2026-01-01")).selfpayPropBp()).isEqualTo(1000);
        assertThat(c.on("XB02", day("2026-01-01")).pricUplmtMicro()).isEqualTo(1_500_000L);
        assertThat(c.on("XB02", day("2024-12-31"))).isNull();
        assertThat(c.contains("XB02")).isTrue();
    }

    @Test
    void shouldBuildEmployeePolicyWithExactCellsCapsAndFunds()
    {
        final Policy p = data.policy("320900", "310", 2026);
        assertThat(p.cell(OUTPATIENT, 1, "1101")).isEqualTo(new Cell(70_000L, 7_500));
        assertThat(p.cell(OUTPATIENT, 1, "1201")).isEqualTo(new Cell(70_000L, 8_500));
        assertThat(p.cell(INPATIENT, 3, "1201")).isEqualTo(new Cell(80_000L, 9_100));
        assertThat(p.cell(MATERNITY, 2, "1101")).isEqualTo(new Cell(0L, 10_000));
        assertThat(p.cell(CHRONIC, 0, "1101")).isEqualTo(new Cell(30_000L, 8_500));
        assertThat(p.cell(PHARMACY, 0, "1101")).isEqualTo(new Cell(0L, 5_000));
        assertThat(p.cell(PHARMACY, 1, "1101")).isNull();
        assertThat(p.cell(OUTPATIENT, 1, "9999")).isNull();
        assertThat(p.table(PHARMACY).capGroup()).isEqualTo(CapGroup.OUTPATIENT);
        assertThat(p.table(INPATIENT).capGroup()).isEqualTo(CapGroup.MAIN);
        assertThat(p.table(MATERNITY).capGroup()).isEqualTo(CapGroup.MATERNITY);
        assertThat(p.poolCapFen(CapGroup.MAIN)).isEqualTo(30_000_000L);
        assertThat(p.poolCapFen(CapGroup.OUTPATIENT)).isEqualTo(600_000L);
        assertThat(p.poolCapFen(CapGroup.MATERNITY)).isEqualTo(Units.NO_CAP);
        assertThat(p.large()).isEqualTo(new FundRule(9_000, 40_000_000L, Policy.DEFAULT_CLASS_MASK_LARGE));
        assertThat(p.civil()).isEqualTo(new FundRule(5_000, Units.NO_CAP, Policy.mask(OUTPATIENT, INPATIENT)));
        assertThat(p.serious()).isNull();
        assertThat(p.assist("A1")).isEqualTo(new AssistRule(50_000L, 7_000, 1_000_000L));
        assertThat(p.assist("A2")).isEqualTo(new AssistRule(0L, 5_000, Units.NO_CAP));
        assertThat(p.assist("A9")).isNull();
        assertThat(p.assistClassMask()).isEqualTo(Policy.DEFAULT_CLASS_MASK_OTHER);
        assertThat(p.nFunds()).containsExactly(
            new NFund("N1", "610103", "健康扶贫基金", 2_000, 100_000L, Policy.mask(INPATIENT)),
            new NFund("N2", "999997", "其他基金", 1_000, Units.NO_CAP, Policy.DEFAULT_CLASS_MASK_OTHER));
        assertThat(p.crossRegionAdjustBp("3")).isEqualTo(-1_000);
        assertThat(p.crossRegionAdjustBp("4")).isEqualTo(-3_000);
        assertThat(p.crossRegionAdjustBp("1")).isZero();
    }

    @Test
    void shouldBuildResidentPolicyWithSeriousBandsAndNoMaternityTable()
    {
        final Policy p = data.policy("320900", "390", 2026);
        final SeriousRule s = p.serious();
        assertThat(s.thresholdFen()).isEqualTo(1_500_000L);
        assertThat(s.bandFromFen()).containsExactly(0L, 3_500_000L, 8_500_000L);
        assertThat(s.bandRatioBp()).containsExactly(6_000, 7_000, 8_000);
        assertThat(s.capFen()).isEqualTo(30_000_000L);
        assertThat(s.classMask()).isEqualTo(Policy.DEFAULT_CLASS_MASK_SERIOUS);
        assertThat(p.large()).isNull();
        assertThat(p.civil()).isNull();
        assertThat(p.table(MATERNITY)).isNull();
        assertThat(p.cell(OUTPATIENT, 1, "1501")).isEqualTo(new Cell(0L, 6_000));
        assertThat(p.poolCapFen(CapGroup.OUTPATIENT)).isEqualTo(80_000L);
        assertThat(data.policy("611000", "310", 2026).cell(OUTPATIENT, 2, "1101")).isEqualTo(new Cell(3_050L, 7_000));
        assertThat(data.policy("611000", "310", 2026).large()).isEqualTo(new FundRule(9_000, Units.NO_CAP, Policy.DEFAULT_CLASS_MASK_LARGE));
        assertThat(data.policy("320900", "310", 2025)).isNull();
        assertThat(data.policy("320900", "340", 2026)).isNull();
    }

    @Test
    void shouldReadEveryPersonFieldWhenAllAreGiven()
    {
        final Person p = data.personByPsnNo("P0001");
        assertThat(p.name()).isEqualTo("张三");
        assertThat(p.psnCertType()).isEqualTo("01");
        assertThat(p.certno()).isEqualTo("320902198001010011");
        assertThat(p.gend()).isEqualTo("1");
        assertThat(p.naty()).isEqualTo("01");
        assertThat(p.brdy()).isEqualTo("1980-01-01");
        assertThat(p.cardNo()).isEqualTo("C0001");
        assertThat(p.evoucherToken()).isEqualTo("EV0001");
        assertThat(p.evoucherValidUntil()).isEqualTo(Dates.parseDateTime("2026-12-31 23:59:59"));
        assertThat(p.active()).isTrue();
        assertThat(p.benefitBegin()).isEqualTo(day("2020-01-01"));
        assertThat(p.benefitEnd()).isEqualTo(OPEN);
        assertThat(p.insutype()).isEqualTo("310");
        assertThat(p.psnType()).isEqualTo("1101");
        assertThat(p.cvlserv()).isTrue();
        assertThat(p.insuplcAdmdvs()).isEqualTo("320900");
        assertThat(p.assistCategory()).isEqualTo("A1");
        assertThat(p.nFlags()).containsExactly("N1", "N2");
        assertThat(p.hasFlag("N2")).isTrue();
        assertThat(p.openingBalanceFen()).isEqualTo(150_050L);
        assertThat(p.empName()).isEqualTo("盐城某公司");
    }

    @Test
    void shouldUseNullsAndDefaultsWhenOptionalPersonCellsAreEmpty()
    {
        final Person p = data.personByPsnNo("P0002");
        assertThat(p.evoucherToken()).isNull();
        assertThat(p.evoucherValidUntil()).isEqualTo(Long.MAX_VALUE);
        assertThat(p.assistCategory()).isNull();
        assertThat(p.nFlags()).isEmpty();
        assertThat(p.empName()).isNull();
        assertThat(p.openingBalanceFen()).isEqualTo(80_000L);
        assertThat(p.cvlserv()).isFalse();
        final Person resident = data.personByPsnNo("P0003");
        assertThat(resident.cardNo()).isNull();
        assertThat(resident.openingBalanceFen()).isZero();
        assertThat(resident.benefitEnd()).isEqualTo(day("2026-12-31"));
        final Person other = data.personByPsnNo("P0005");
        assertThat(other.active()).isFalse();
        assertThat(data.policy(other.insuplcAdmdvs(), other.insutype(), 2026)).isNull();
    }

    @Test
    void shouldShareRepeatedSmallStringsWhenInterning()
    {
        assertThat(data.personByPsnNo("P0002").insutype()).isSameAs(data.personByPsnNo("P0001").insutype());
        assertThat(data.personByPsnNo("P0003").insuplcAdmdvs()).isSameAs(data.personByPsnNo("P0001").insuplcAdmdvs());
        assertThat(data.personByPsnNo("P0004").psnCertType()).isSameAs(data.personByPsnNo("P0001").psnCertType());
    }

    @Test
    void shouldAttachChronicAndFilingsAndResolveEveryCredentialToTheSamePerson()
    {
        final Person p = data.personByPsnNo("P0001");
        assertThat(p.chronic()).containsExactly(
            new ChronicCert("M03900", day("2025-01-01"), OPEN, null),
            new ChronicCert("M07800", day("2025-06-01"), day("2026-05-31"), "H32090001"));
        assertThat(p.filings()).isEmpty();
        assertThat(data.personByCredential("01", "EV0001")).isSameAs(p);
        assertThat(data.personByCredential("02", "320902198001010011")).isSameAs(p);
        assertThat(data.personByCredential("03", "C0001")).isSameAs(p);
        assertThat(data.personByCredential("03", "EV0001")).isNull();
        final Person remote = data.personByPsnNo("P0004");
        assertThat(remote.filings()).containsExactly(
            new Filing("320900", "1", day("2025-01-01"), OPEN),
            new Filing("320000", "4", day("2026-01-01"), day("2026-03-31")));
        assertThat(data.personByCredential("01", "EV0004")).isSameAs(remote);
        assertThat(data.personByPsnNo("P0002").chronic()).isEmpty();
    }

    @Test
    void shouldSortBindingsEarliestFirstWhenMemberHasSeveral()
    {
        assertThat(data.bindingsOf("P0003")).containsExactly(
            new FamilyBinding("P0001", "P0003", day("2024-01-01"), false),
            new FamilyBinding("P0002", "P0003", day("2025-05-01"), true));
        assertThat(data.bindingsOf("P0002")).containsExactly(new FamilyBinding("P0001", "P0002", day("2025-01-01"), true));
        assertThat(data.bindingsOf("P0001")).isEmpty();
    }

    @Test
    void shouldLoadWithoutOptionalFilesWhenTheyAreAbsent(@TempDir final Path tmp) throws ReferenceDataException
    {
        final Path dir = Fixture.copyValid(tmp);
        Fixture.delete(dir, "chronic.csv");
        Fixture.delete(dir, "filings.csv");
        Fixture.delete(dir, "family_bindings.csv");
        final ReferenceData d = ReferenceDataLoader.load(dir);
        assertThat(d.personByPsnNo("P0001").chronic()).isEmpty();
        assertThat(d.personByPsnNo("P0004").filings()).isEmpty();
        assertThat(d.bindingsOf("P0003")).isEmpty();
    }

    @Test
    void shouldAcceptByteOrderMarkCrLfAndColumnsInAnyOrder(@TempDir final Path tmp) throws Exception
    {
        final Path dir = Fixture.copyValid(tmp);
        Files.writeString(dir.resolve("institutions.csv"), "\uFEFFadmdvs,fixmedins_code,fixmedins_name,type,hosp_lv," +
            "agreement_begin,agreement_end,cross_region,dual_channel\r\n" +
            "320900,H32090001,医院, hospital ,3,2024-01-01,,1,0\r\n" +
            "320900,P32090001,药房,pharmacy,0,2024-01-01,,,1\r\n" +
            "611000,H61100001,医院,hospital,2,2024-01-01,,1,0\r\n" +
            "320900,H32090002,医院,hospital,1,2024-01-01,,,\r\n", StandardCharsets.UTF_8);
        final ReferenceData d = ReferenceDataLoader.load(dir);
        assertThat(d.institution("H32090001").pharmacy()).isFalse();
        assertThat(d.institution("H61100001").hospLv()).isEqualTo(2);
        assertThat(d.institution("P32090001").crossRegion()).isFalse();
        assertThat(d.institution("P32090001").dualChannel()).isTrue();
    }
}
