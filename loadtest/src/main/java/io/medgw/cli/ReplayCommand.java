package io.medgw.cli;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.replay.LedgerReplay;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code medgw replay}: re-reads a ledger, re-checks it and totals it per day and institution. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Replay a gateway's ledger, read only (safe while the gateway runs): rebuild the settlement state as a",
        "restart does and print its digest, re-check the settlement-rules §6 identities on every record that moved",
        "money, and total each day and institution net of cancellations (the figures 3201 对总账 compares)."})
public final class ReplayCommand implements Callable<Integer>
{
    @Option(names = "--ledger", required = true, description = "The gateway's ledger directory.")
    Path ledger;

    @Option(names = "--data", required = true, description = "The reference-data directory the gateway ran on.")
    Path data;

    @Option(names = "--from", description = "First settlement date to total (yyyy-MM-dd; default: the first).")
    LocalDate from;

    @Option(names = "--to", description = "Last settlement date to total (yyyy-MM-dd; default: the last).")
    LocalDate to;

    @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "The gateway's time.zone (default ${DEFAULT-VALUE}).")
    java.time.ZoneId zone;

    @Option(names = "--out", description = "Write the per-day, per-institution totals to this CSV file.")
    Path out;

    @Override
    public Integer call() throws IOException
    {
        if (!Files.isDirectory(ledger))
        {
            throw new Medgw.UsageProblem("--ledger " + ledger + ": no such directory (the gateway's ledger.dir)");
        }
        final ReferenceData ref = RegionFiles.load(data, System.err);
        final int fromDay = from == null ? Integer.MIN_VALUE : Dates.ofYmd(from.getYear(), from.getMonthValue(), from.getDayOfMonth());
        final int toDay = to == null ? Integer.MAX_VALUE : Dates.ofYmd(to.getYear(), to.getMonthValue(), to.getDayOfMonth());
        final long t0 = System.nanoTime();
        final LedgerReplay.Report r = LedgerReplay.run(ledger, zone, ref, fromDay, toDay,
            n -> System.err.printf("replay: %,d records%n", n));
        System.out.printf("replayed %,d ledger records in %d ms: %,d moved money, %,d transaction-desk records%n",
            r.records(), (System.nanoTime() - t0) / 1_000_000, r.moneyRecords(), r.otherRecords());
        System.out.printf("state digest %016x, accounts digest %016x (balances and accumulators)%n", r.stateDigest(),
            r.accountsDigest());
        System.out.printf("§6 identities: %s%n", r.violations().isEmpty() ? "hold on every record" :
            r.violations().size() + " records violate them");
        r.violations().stream().limit(20).forEach(v -> System.out.println("  " + v));
        long medfee = 0;
        long fund = 0;
        long count = 0;
        for (final LedgerReplay.DayTotals t : r.totals())
        {
            medfee += t.medfeeFen();
            fund += t.fundFen();
            count += t.settlements() - t.cancellations();
        }
        System.out.printf("%,d day × institution rows: net settlements %,d, medfee_sumamt %s, fund_pay_sumamt %s%n",
            r.totals().size(), count, Decimals.format(medfee, 2), Decimals.format(fund, 2));
        if (out != null)
        {
            write(r);
            System.out.println("wrote " + out);
        }
        return r.violations().isEmpty() ? 0 : 1;
    }

    private void write(final LedgerReplay.Report r) throws IOException
    {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("day", "fixmedins_code", "settlements",
                "cancellations", "medfee_sumamt", "fund_pay_sumamt", "acct_pay", "acct_mulaid_pay", "psn_cash_pay").get()))
        {
            for (final LedgerReplay.DayTotals t : r.totals())
            {
                csv.printRecord(t.day(), t.fixmedinsCode(), t.settlements(), t.cancellations(),
                    Decimals.format(t.medfeeFen(), 2), Decimals.format(t.fundFen(), 2), Decimals.format(t.acctFen(), 2),
                    Decimals.format(t.mulaidFen(), 2), Decimals.format(t.cashFen(), 2));
            }
        }
    }
}
