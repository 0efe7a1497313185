package io.medgw.gateway.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.medgw.gateway.reference.Fixture.append;
import static io.medgw.gateway.reference.Fixture.replaceCell;
import static io.medgw.gateway.reference.Fixture.replaceLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Spoils one thing in a copy of the valid fixture and checks the exact {@code file:line: field: reason}
 * reported. Fixture lines: persons.csv 2 P0001, 3 P0002, 4 P0003, 5 blank, 6 P0004, 7 P0005;
 * catalogue.csv 2 XA01, 3–4 XB02, 5–6 XC03 (a two-line name), 7 XD04, 8 blank, 9 XE05, 10 611000 XA01;
 * policy_funds.csv 2–12 320900/310, 13–18 320900/390, 19–20 611000/310.
 */
final class ReferenceDataValidationTest
{
    private static final String PERSONS = "persons.csv";
    private static final String INSTITUTIONS = "institutions.csv";
    private static final String CATALOGUE = "catalogue.csv";
    private static final String CELLS = "policy_cells.csv";
    private static final String FUNDS = "policy_funds.csv";
    private static final String P9 = "P0009,周九,01,320902199909090099,1,01,1999-09-09,C0009,EV0009,,1,2020-01-01,,310,1101,0,320900,,,0,";

    private static Arguments refuse(final String name, final Consumer<Path> spoil, final String... expected)
    {
        return arguments(name, spoil, List.of(expected));
    }

    static Stream<Arguments> spoiled()
    {
        return Stream.of(
            refuse("date that does not exist", d -> replaceCell(d, PERSONS, 3, "benefit_end", "2025-02-30"),
                "persons.csv:3: benefit_end: 2025-02-30 is not a date (yyyy-MM-dd)"),
            refuse("line after a blank line", d -> replaceCell(d, PERSONS, 6, "balance", "12.345"),
                "persons.csv:6: balance: 12.345 is finer than a fen (at most 2 decimals)"),
            refuse("negative money", d -> replaceCell(d, PERSONS, 3, "balance", "-1"),
                "persons.csv:3: balance: -1 is negative"),
            refuse("not a number", d -> replaceCell(d, PERSONS, 3, "balance", "12,5".replace(',', ';')),
                "persons.csv:3: balance: 12;5 is not a number"),
            refuse("required cell empty", d -> replaceCell(d, PERSONS, 3, "psn_name", ""),
                "persons.csv:3: psn_name: required but empty"),
            refuse("bad flag", d -> replaceCell(d, PERSONS, 3, "cvlserv_flag", "2"),
                "persons.csv:3: cvlserv_flag: 2 is not a flag (0 or 1)"),
            refuse("bad date-time", d -> replaceCell(d, PERSONS, 2, "evoucher_valid_until", "2026-12-31"),
                "persons.csv:2: evoucher_valid_until: 2026-12-31 is not a date-time (yyyy-MM-dd HH:mm:ss)"),
            refuse("expiry without token", d -> replaceCell(d, PERSONS, 3, "evoucher_valid_until", "2026-12-31 00:00:00"),
                "persons.csv:3: evoucher_valid_until: 2026-12-31 00:00:00 is set but evoucher_token is empty"),
            refuse("admdvs not 6 digits", d -> replaceCell(d, PERSONS, 3, "insuplc_admdvs", "32090"),
                "persons.csv:3: insuplc_admdvs: 32090 is not 6 digits"),
            refuse("unknown status", d -> replaceCell(d, PERSONS, 3, "psn_insu_stas", "5"),
                "persons.csv:3: psn_insu_stas: 5 is not one of 1, 2, 3, 4"),
            refuse("end before begin", d -> replaceCell(d, PERSONS, 3, "benefit_end", "2009-12-31"),
                "persons.csv:3: benefit_end: 2009-12-31 is before benefit_begin 2010-01-01"),
            refuse("empty n_flags item", d -> replaceCell(d, PERSONS, 2, "n_flags", "N1;;N2"),
                "persons.csv:2: n_flags: N1;;N2 has an empty item"),
            refuse("psn_type without cells in its policy", d -> replaceCell(d, PERSONS, 3, "psn_type", "1999"),
                "persons.csv:3: psn_type: 1999 has no cells in policy 320900/310/2026 (policy_cells.csv)"),
            refuse("duplicate psn_no", d -> append(d, PERSONS, P9.replace("P0009", "P0001")),
                "persons.csv:8: psn_no: P0001 duplicates line 2"),
            refuse("duplicate certno", d -> append(d, PERSONS, P9.replace("320902199909090099", "320902198001010011")),
                "persons.csv:8: certno: 320902198001010011 is already used by psn_no P0001 (line 2)"),
            refuse("duplicate card_no", d -> append(d, PERSONS, P9.replace("C0009", "C0004")),
                "persons.csv:8: card_no: C0004 is already used by psn_no P0004 (line 6)"),
            refuse("duplicate evoucher_token", d -> append(d, PERSONS, P9.replace("EV0009", "EV0001")),
                "persons.csv:8: evoucher_token: EV0001 is already used by psn_no P0001 (line 2)"),
            refuse("wrong cell count", d -> append(d, PERSONS, "P0009,周九"),
                "persons.csv:8: row: 2 cells, but the header has 21"),
            refuse("pharmacy with a level", d -> replaceCell(d, INSTITUTIONS, 4, "hosp_lv", "1"),
                "institutions.csv:4: hosp_lv: 1 must be 0 for a pharmacy"),
            refuse("hospital at level 0", d -> replaceCell(d, INSTITUTIONS, 2, "hosp_lv", "0"),
                "institutions.csv:2: hosp_lv: 0 is for pharmacies; a hospital is 1, 2 or 3"),
            refuse("hospital level 4", d -> replaceCell(d, INSTITUTIONS, 2, "hosp_lv", "4"),
                "institutions.csv:2: hosp_lv: 4 is not a whole number from 0 to 3"),
            refuse("unknown institution type", d -> replaceCell(d, INSTITUTIONS, 2, "type", "clinic"),
                "institutions.csv:2: type: clinic is not one of hospital, pharmacy"),
            refuse("dual-channel hospital", d -> replaceCell(d, INSTITUTIONS, 2, "dual_channel", "1"),
                "institutions.csv:2: dual_channel: 1 is for pharmacies only (双通道药店); a hospital has 0"),
            refuse("duplicate fixmedins_code", d -> append(d, INSTITUTIONS, "H32090001,又一家,hospital,2,320900,2024-01-01,,0,0"),
                "institutions.csv:6: fixmedins_code: H32090001 duplicates line 2"),
            refuse("institution in a region without catalogue", d -> replaceCell(d, INSTITUTIONS, 3, "admdvs", "110100"),
                "institutions.csv:3: admdvs: 110100 has no catalogue in catalogue.csv"),
            refuse("self-pay ratio on a 甲类 item", d -> replaceCell(d, CATALOGUE, 2, "selfpay_prop", "0.1"),
                "catalogue.csv:2: selfpay_prop: 0.1 must be 0 unless chrgitm_lv is 02 (乙类); here it is 01"),
            refuse("ratio with 5 decimals", d -> replaceCell(d, CATALOGUE, 9, "selfpay_prop", "0.12345"),
                "catalogue.csv:9: selfpay_prop: 0.12345 has more than 4 decimals"),
            refuse("ratio above 1", d -> replaceCell(d, CATALOGUE, 9, "selfpay_prop", "1.5"),
                "catalogue.csv:9: selfpay_prop: 1.5 is outside [0, 1]"),
            refuse("price with 7 decimals", d -> replaceCell(d, CATALOGUE, 2, "pric_uplmt", "0.0000001"),
                "catalogue.csv:2: pric_uplmt: 0.0000001 has more than 6 decimals"),
            refuse("unknown chrgitm_lv", d -> replaceCell(d, CATALOGUE, 7, "chrgitm_lv", "04"),
                "catalogue.csv:7: chrgitm_lv: 04 is not one of 01, 02, 03"),
            refuse("line after a two-line cell", d -> replaceCell(d, CATALOGUE, 7, "min_hosp_lv", "9"),
                "catalogue.csv:7: min_hosp_lv: 9 is not a whole number from 0 to 3"),
            refuse("duplicate catalogue version", d -> append(d, CATALOGUE, Fixture.line(d, CATALOGUE, 2)),
                "catalogue.csv:11: begin_date: 320900 XA01 from 2025-01-01 duplicates line 2"),
            refuse("missing policy cell", d -> replaceLine(d, CELLS, cellLine(d, "320900,310,2026,maternity,2,1201,"), ""),
                "policy_cells.csv:16: benefit_class: policy 320900/310/2026 has no maternity cell for psn_type 1201 at hosp_lv 2"),
            refuse("missing pharmacy and chronic cells", d ->
                {
                    replaceLine(d, CELLS, cellLine(d, "320900,390,2026,pharmacy,0,1501,"), "");
                    replaceLine(d, CELLS, cellLine(d, "320900,390,2026,chronic,0,1501,"), "");
                    replaceLine(d, CELLS, cellLine(d, "320900,390,2026,chronic,3,1501,"), "");
                },
                "policy_cells.csv:30: benefit_class: policy 320900/390/2026 has no chronic cell for psn_type 1501 at hosp_lv 0, 3",
                "policy_cells.csv:30: benefit_class: policy 320900/390/2026 has no pharmacy cell for psn_type 1501 at hosp_lv 0"),
            refuse("duplicate policy cell", d -> append(d, CELLS, "611000,310,2026,inpatient,2,1101,1,0.5"),
                "policy_cells.csv:55: psn_type: 1101 duplicates line 45 (same policy, benefit_class, hosp_lv and psn_type)"),
            refuse("unknown benefit class", d -> append(d, CELLS, "611000,310,2026,dental,2,1101,1,0.5"),
                "policy_cells.csv:55: benefit_class: dental is not a benefit class (outpatient, chronic, inpatient, pharmacy, maternity)"),
            refuse("unknown fund kind", d -> append(d, FUNDS, "611000,310,2026,bonus,,0.1,,,,,"),
                "policy_funds.csv:21: fund: bonus is not one of pool_cap, cap_group, large, serious, serious_band, civil, assist, n, cross_region_adjust"),
            refuse("unknown cap group", d -> append(d, FUNDS, "611000,310,2026,pool_cap,dental,,100,,,,"),
                "policy_funds.csv:21: key: dental is not a cap group (main, outpatient, maternity)"),
            refuse("maternity cap group for another class", d -> append(d, FUNDS, "611000,310,2026,cap_group,inpatient,,,,,,maternity"),
                "policy_funds.csv:21: name: maternity is reserved for class maternity; inpatient cannot use it"),
            refuse("maternity class in another cap group", d -> append(d, FUNDS, "611000,310,2026,cap_group,maternity,,,,,,main"),
                "policy_funds.csv:21: name: main: class maternity must use cap group maternity"),
            refuse("unknown class in classes", d -> replaceLine(d, FUNDS, 6, "320900,310,2026,civil,,0.5,,,outpatient;dental,,"),
                "policy_funds.csv:6: classes: dental in outpatient;dental is not a benefit class (outpatient, chronic, inpatient, pharmacy, maternity)"),
            refuse("first serious band not at 0", d -> replaceLine(d, FUNDS, 16, "320900,390,2026,serious_band,100,0.6,,,,,"),
                "policy_funds.csv:16: key: the first serious_band of policy 320900/390/2026 starts at 100.00; it must start at 0"),
            refuse("serious bands not ascending", d -> replaceLine(d, FUNDS, 18, "320900,390,2026,serious_band,30000,0.8,,,,,"),
                "policy_funds.csv:18: key: 30000.00 is not above the previous band's start 35000.00 (line 17); bands must be strictly ascending"),
            refuse("serious without bands", d ->
                {
                    replaceLine(d, FUNDS, 16, "");
                    replaceLine(d, FUNDS, 17, "");
                    replaceLine(d, FUNDS, 18, "");
                },
                "policy_funds.csv:15: fund: policy 320900/390/2026 has a serious row but no serious_band rows"),
            refuse("duplicated pool cap", d -> append(d, FUNDS, "320900,310,2026,pool_cap,main,,1,,,,"),
                "policy_funds.csv:21: key: duplicates the pool_cap row on line 2"),
            refuse("duplicated large", d -> append(d, FUNDS, "611000,310,2026,large,,0.8,,,,,"),
                "policy_funds.csv:21: fund: duplicates the large row on line 20"),
            refuse("duplicated n fund", d -> append(d, FUNDS, "320900,310,2026,n,N1,0.3,,,,610103,x"),
                "policy_funds.csv:21: key: N1 duplicates the n row on line 9"),
            refuse("assist classes differ", d -> replaceLine(d, FUNDS, 8, "320900,310,2026,assist,A2,0.5,,0,inpatient,,"),
                "policy_funds.csv:8: classes: differs from the assist row on line 7 (must be the same on every assist row of a policy)"),
            refuse("unused column filled", d -> replaceLine(d, FUNDS, 2, "320900,310,2026,pool_cap,main,0.5,300000,,,,"),
                "policy_funds.csv:2: ratio: not used by a pool_cap row (leave it empty)"),
            refuse("cross-region adjustment below -1", d -> replaceLine(d, FUNDS, 12, "320900,310,2026,cross_region_adjust,4,-1.5,,,,,"),
                "policy_funds.csv:12: ratio: -1.5 is outside [-1, 1]"),
            refuse("unknown filing type in adjustment", d -> replaceLine(d, FUNDS, 12, "320900,310,2026,cross_region_adjust,5,-0.3,,,,,"),
                "policy_funds.csv:12: key: 5 is not one of 1, 2, 3, 4"),
            refuse("large in a resident policy", d -> append(d, FUNDS, "320900,390,2026,large,,0.9,,,,,"),
                "policy_funds.csv:21: fund: large (职工大额补助) is for insutype 310 only; this policy is insutype 390"),
            refuse("funds of a policy without cells", d -> append(d, FUNDS, "110100,310,2026,pool_cap,main,,1000,,,,"),
                "policy_funds.csv:21: insuplc_admdvs: policy 110100/310/2026 has no rows in policy_cells.csv"),
            refuse("chronic for an unknown person", d -> append(d, "chronic.csv", "P9999,M03900,2025-01-01,,"),
                "chronic.csv:5: psn_no: P9999 is not in persons.csv"),
            refuse("chronic at an unknown institution", d -> append(d, "chronic.csv", "P0002,M03900,2025-01-01,,H000"),
                "chronic.csv:5: fixmedins_code: H000 is not in institutions.csv"),
            refuse("filing with unknown type", d -> append(d, "filings.csv", "P0004,611000,5,2025-01-01,"),
                "filings.csv:4: dsgn_type: 5 is not one of 1, 2, 3, 4"),
            refuse("filing for an unknown person", d -> append(d, "filings.csv", "P9999,611000,1,2025-01-01,"),
                "filings.csv:4: psn_no: P9999 is not in persons.csv"),
            refuse("binding held by a resident", d -> append(d, "family_bindings.csv", "P0003,P0001,2025-01-01,1"),
                "family_bindings.csv:5: holder_psn_no: P0003 is insutype 390; only an insutype 310 person (职工) can be a 共济 holder"),
            refuse("binding to oneself", d -> append(d, "family_bindings.csv", "P0001,P0001,2025-01-01,1"),
                "family_bindings.csv:5: member_psn_no: P0001 is the holder itself"),
            refuse("duplicate binding", d -> append(d, "family_bindings.csv", "P0001,P0002,2026-01-01,0"),
                "family_bindings.csv:5: member_psn_no: P0002 is already bound to P0001 on line 4"),
            refuse("binding without active", d -> append(d, "family_bindings.csv", "P0002,P0004,2026-01-01,"),
                "family_bindings.csv:5: active: required but empty"),
            refuse("missing column", d -> replaceLine(d, INSTITUTIONS, 1,
                    "fixmedins_code,fixmedins_name,type,hosp_lv,admdvs,agreement_begin,agreement_end,cross_region"),
                "institutions.csv:1: dual_channel: missing column"),
            refuse("missing required file", d -> Fixture.delete(d, PERSONS),
                "persons.csv: missing (this file is required)"),
            refuse("empty file", d -> Fixture.write(d, "filings.csv", List.of()),
                "filings.csv:1: header: missing (the file is empty)"),
            refuse("version without effective_from", d -> Fixture.write(d, "version.properties", List.of("version=x")),
                "version.properties: effective_from: missing"),
            refuse("version with a bad date and an unknown key", d -> Fixture.write(d, "version.properties",
                    List.of("version=x", "effective_from=2026-13-01", "owner=me")),
                "version.properties:2: effective_from: 2026-13-01 is not a date (yyyy-MM-dd)",
                "version.properties:3: owner: unknown key (expected version and effective_from)"));
    }

    private static int cellLine(final Path dir, final String prefix)
    {
        final List<String> lines = Fixture.lines(dir, CELLS);
        for (int i = 0; i < lines.size(); i++)
        {
            if (lines.get(i).startsWith(prefix))
            {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(prefix);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiled")
    void shouldRefuseWithExactProblemWhenOneThingIsWrong(
        final String name, final Consumer<Path> spoil, final List<String> expected, @TempDir final Path tmp)
    {
        final Path dir = Fixture.copyValid(tmp);
        spoil.accept(dir);
        final ReferenceDataException ex = catchThrowableOfType(ReferenceDataException.class, () -> ReferenceDataLoader.load(dir));
        assertThat(ex).as(name).isNotNull();
        assertThat(ex.problems()).as(name).containsExactlyElementsOf(expected);
        assertThat(ex.problemCount()).isEqualTo(expected.size());
    }

    @Test
    void shouldReportUnknownColumnAndTheRowsThatNoLongerFitWhenHeaderHasAnExtraColumn(@TempDir final Path tmp)
    {
        final Path dir = Fixture.copyValid(tmp);
        replaceLine(dir, "filings.csv", 1, "psn_no,mdtrtarea_admdvs,dsgn_type,begin_date,end_date,note");
        final ReferenceDataException ex = catchThrowableOfType(ReferenceDataException.class, () -> ReferenceDataLoader.load(dir));
        assertThat(ex.problems()).containsExactly(
            "filings.csv:1: note: unknown column",
            "filings.csv:2: row: 5 cells, but the header has 6",
            "filings.csv:3: row: 5 cells, but the header has 6");
    }

    @Test
    void shouldReportEveryProblemInFileThenLineOrderWhenSeveralFilesAreWrong(@TempDir final Path tmp)
    {
        final Path dir = Fixture.copyValid(tmp);
        replaceCell(dir, PERSONS, 7, "brdy", "1990-02-30");
        replaceCell(dir, PERSONS, 3, "balance", "x");
        replaceCell(dir, PERSONS, 3, "gend", "");
        replaceCell(dir, INSTITUTIONS, 5, "agreement_end", "2020-01-01");
        append(dir, "chronic.csv", "P9999,M03900,2025-01-01,,");
        final ReferenceDataException ex = catchThrowableOfType(ReferenceDataException.class, () -> ReferenceDataLoader.load(dir));
        assertThat(ex.problems()).containsExactly(
            "institutions.csv:5: agreement_end: 2020-01-01 is before agreement_begin 2024-01-01",
            "persons.csv:3: gend: required but empty",
            "persons.csv:3: balance: x is not a number",
            "persons.csv:7: brdy: 1990-02-30 is not a date (yyyy-MM-dd)",
            "chronic.csv:5: psn_no: P9999 is not in persons.csv");
        assertThat(ex.getMessage()).startsWith("reference data in " + dir + " refused: 5 problems\n" +
            "  institutions.csv:5: agreement_end: 2020-01-01 is before agreement_begin 2024-01-01\n");
    }

    @Test
    void shouldNotReportReferencesToARefusedPersonAgainWhenItsRowIsBad(@TempDir final Path tmp)
    {
        final Path dir = Fixture.copyValid(tmp);
        replaceCell(dir, PERSONS, 6, "benefit_begin", "");
        final ReferenceDataException ex = catchThrowableOfType(ReferenceDataException.class, () -> ReferenceDataLoader.load(dir));
        assertThat(ex.problems()).containsExactly("persons.csv:6: benefit_begin: required but empty");
    }

    @Test
    void shouldCountAllButKeepAndShowFewerWhenThousandsOfRowsAreBad(@TempDir final Path tmp)
    {
        final Path dir = Fixture.copyValid(tmp);
        final List<String> lines = Fixture.lines(dir, PERSONS);
        for (int i = 0; i < 3_000; i++)
        {
            lines.add(P9.replace("P0009", "Q" + i).replace("320902199909090099", "X" + i).replace("C0009", "C" + i)
                .replace("EV0009", "E" + i).replace("1999-09-09", "1999-09-31"));
        }
        Fixture.write(dir, PERSONS, lines);
        final ReferenceDataException ex = catchThrowableOfType(ReferenceDataException.class, () -> ReferenceDataLoader.load(dir));
        assertThat(ex.problemCount()).isEqualTo(3_000);
        assertThat(ex.problems()).hasSize(RowProblems.MAX_KEPT);
        assertThat(ex.problems().get(0)).isEqualTo("persons.csv:8: brdy: 1999-09-31 is not a date (yyyy-MM-dd)");
        assertThat(ex.getMessage()).endsWith("\n  persons.csv:57: brdy: 1999-09-31 is not a date (yyyy-MM-dd)\n  ... and 2950 more");
    }

    @Test
    void shouldStopReadingAFileWhenItsQuotingIsBroken(@TempDir final Path tmp)
    {
        final Path dir = Fixture.copyValid(tmp);
        append(dir, "filings.csv", "P0004,\"611000,1,2025-01-01,");
        final ReferenceDataException ex = catchThrowableOfType(ReferenceDataException.class, () -> ReferenceDataLoader.load(dir));
        assertThat(ex.problems()).hasSize(1);
        assertThat(ex.problems().get(0)).startsWith("filings.csv:4: row: the file is not valid CSV (")
            .endsWith("; the rest of the file was not read");
    }

    @Test
    void shouldRefuseWhenDirectoryDoesNotExist(@TempDir final Path tmp)
    {
        final Path dir = tmp.resolve("nope");
        final ReferenceDataException ex = catchThrowableOfType(ReferenceDataException.class, () -> ReferenceDataLoader.load(dir));
        assertThat(ex.problems()).containsExactly(dir + ": not a directory");
    }
}
