package io.medgw.replay;

import io.medgw.codec.Dates;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.state.SettlementState;
import io.medgw.ledger.Ledger;
import io.medgw.ledger.LedgerContext;
import io.medgw.ledger.LedgerReader;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Replays a ledger, read only, for reconciliation operators: re-applies every settlement and
 * cancellation to a fresh settlement state exactly as a gateway restart does (so the state digest
 * can be compared with a running gateway's), re-checks the settlement-rules §6 identities on every
 * record that moved money, and sums each day and institution net of cancellations — the figures a
 * 3201 对总账 compares. Nothing is written to the ledger.
 */
public final class LedgerReplay
{
    /**
     * One day's figures at one institution, net of cancellations (a cancellation counts on its own day).
     *
     * @param day           settlement date.
     * @param fixmedinsCode institution.
     * @param settlements   settlements that took effect.
     * @param cancellations cancellations and 冲正 that took effect.
     * @param medfeeFen     医疗费总额.
     * @param fundFen       基金支付总额.
     * @param acctFen       个人账户支出 (own account).
     * @param mulaidFen     家庭共济.
     * @param cashFen       个人现金.
     */
    public record DayTotals(String day, String fixmedinsCode, long settlements, long cancellations, long medfeeFen,
        long fundFen, long acctFen, long mulaidFen, long cashFen)
    {
    }

    /**
     * What a replay found.
     *
     * @param records        ledger records read.
     * @param moneyRecords   records that moved money (settlements and cancellations).
     * @param otherRecords   the transaction desk's records (sign-ins, visits, files).
     * @param violations     §6 identity violations, one line each (empty when the ledger is sound).
     * @param stateDigest    digest of the rebuilt settlement state (records, ids, remembered answers).
     * @param accountsDigest digest of balances and accumulators only (equal to any engine that
     *                       settled the same records, whatever it refused).
     * @param totals         per day and institution, sorted.
     */
    public record Report(long records, long moneyRecords, long otherRecords, List<String> violations, long stateDigest,
        long accountsDigest, List<DayTotals> totals)
    {
    }

    private LedgerReplay()
    {
    }

    /**
     * @param ledgerDir the ledger directory (opened read only).
     * @param zone      the gateway's time zone (its ledger rolls at local midnight).
     * @param reference the reference data the gateway ran on (opening balances).
     * @param fromDay   first settlement date to total (epoch day), inclusive.
     * @param toDay     last settlement date to total (epoch day), inclusive.
     * @param progress  called with the running record count every 100,000 records (may be null).
     * @return the report.
     */
    public static Report run(final Path ledgerDir, final ZoneId zone, final ReferenceData reference, final int fromDay, final int toDay,
        final LongConsumer progress)
    {
        final SettlementState state = new SettlementState(() -> reference, SettlementState.DEFAULT_RETENTION_SEC, "",
            reference.persons().size());
        final Map<String, long[]> sums = new TreeMap<>();
        final List<String> violations = new ArrayList<>();
        final long[] counts = new long[3];
        try (Ledger ledger = Ledger.open(LedgerContext.replay(ledgerDir).rollTimeZone(zone));
            LedgerReader reader = ledger.reader().fullDecodeOnlyFor(t -> SettlementEvent.kindOf(t) == SettlementEvent.KIND_OTHER))
        {
            reader.forEach((index, sequence, appendMs, req, res) ->
            {
                counts[0]++;
                if (progress != null && counts[0] % 100_000 == 0)
                {
                    progress.accept(counts[0]);
                }
                if (SettlementEvent.kindOf(req.txn) == SettlementEvent.KIND_OTHER)
                {
                    counts[2]++;
                    return;
                }
                state.apply(req, res);
                if (res.ok() && res.sign != 0)
                {
                    counts[1]++;
                    check(index, req, res, violations);
                    if (res.setlDay >= fromDay && res.setlDay <= toDay)
                    {
                        add(sums, req, res);
                    }
                }
            });
        }
        final List<DayTotals> totals = new ArrayList<>(sums.size());
        sums.forEach((key, v) ->
        {
            final int bar = key.indexOf('|');
            totals.add(new DayTotals(key.substring(0, bar), key.substring(bar + 1), v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
        });
        return new Report(counts[0], counts[1], counts[2], violations, state.digest(), state.accountsDigest(), totals);
    }

    private static void add(final Map<String, long[]> sums, final SettlementRequest req, final SettlementResult res)
    {
        final long[] v = sums.computeIfAbsent(Dates.formatDate(res.setlDay) + "|" + req.fixmedinsCode, k -> new long[7]);
        v[res.sign > 0 ? 0 : 1]++;
        v[2] += res.medfeeSumamt;
        v[3] += res.fundPaySumamt;
        v[4] += res.acctPay;
        v[5] += res.acctMulaidPay;
        v[6] += res.psnCashPay;
    }

    /** The settlement-rules §6 identities, on the record as journaled (cancellations carry negated amounts). */
    static void check(final long index, final SettlementRequest req, final SettlementResult r, final List<String> out)
    {
        long funds = 0;
        for (int i = 0; i < r.fundRowCount; i++)
        {
            if (!"310200".equals(r.fundPayType[i]))
            {
                funds += r.fundPayamt[i];
            }
        }
        final long s = r.sign;
        if (r.medfeeSumamt != r.fulamtOwnpayAmt + r.overlmtSelfpay + r.preselfpayAmt + r.inscpScpAmt ||
            r.medfeeSumamt != r.fundPaySumamt + r.psnPartAmt ||
            r.psnPartAmt != r.acctPay + r.acctMulaidPay + r.psnCashPay ||
            funds != r.fundPaySumamt ||
            s * r.fundPaySumamt < 0 || s * r.psnCashPay < 0 || s * r.acctPay < 0)
        {
            out.add("ledger index " + index + " setl_id " + r.setlId + " (" + req.fixmedinsCode + " msgid " + req.msgid +
                "): §6 identities do not hold");
        }
    }
}
