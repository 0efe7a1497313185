package io.medgw.cli;

import io.medgw.loadtest.region.DemoRegionGenerator;
import io.medgw.loadtest.region.Scale;
import io.medgw.loadtest.scenario.DemoDayGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline settle command over the SMALL demo region, as a HIS vendor runs it. */
class SettleCommandTest
{
    @TempDir
    static Path dir;

    @BeforeAll
    static void region()
    {
        DemoRegionGenerator.generate(dir.resolve("region"), 3, Scale.SMALL);
        DemoDayGenerator.generate(dir.resolve("region"), dir.resolve("day.jsonl"), 5, 200, LocalDate.of(2026, 3, 16));
    }

    @Test
    void shouldPrintOneResponseEnvelopePerRequestWhenJson()
    {
        final String out = run("settle", "--data", dir.resolve("region").toString(), "--requests",
            dir.resolve("day.jsonl").toString(), "--json");
        final List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(200);
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{\"infcode\":"));
        assertThat(lines.stream().filter(l -> l.startsWith("{\"infcode\":0")).count()).isGreaterThan(150);
        assertThat(lines.stream().filter(l -> l.contains("\"err_msg\":\"E")).count()).isGreaterThan(0);
    }

    @Test
    void shouldExplainEveryRuleWhenAsked()
    {
        final String out = run("settle", "--data", dir.resolve("region").toString(), "--requests",
            dir.resolve("day.jsonl").toString(), "--explain");
        assertThat(out).contains("§3 totals: medfee_sumamt").contains("§4.1 deductible").contains("§4.2 pool")
            .contains("§5 psn_part_amt");
    }

    @Test
    void shouldGiveTheSameOutputForTheSameInput()
    {
        final String[] args = {"settle", "--data", dir.resolve("region").toString(), "--requests",
            dir.resolve("day.jsonl").toString(), "--json"};
        assertThat(run(args)).isEqualTo(run(args));
    }

    @Test
    void shouldRefuseAMissingRequestsFileWithExitCode2()
    {
        assertThat(Medgw.commandLine().execute("settle", "--data", dir.resolve("region").toString(), "--requests",
            dir.resolve("missing.jsonl").toString())).isEqualTo(2);
    }

    private static String run(final String... args)
    {
        final PrintStream saved = System.out;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try
        {
            assertThat(Medgw.commandLine().execute(args)).isEqualTo(0);
        }
        finally
        {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
