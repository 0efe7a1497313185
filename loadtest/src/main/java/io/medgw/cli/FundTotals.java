package io.medgw.cli;

import io.medgw.codec.Decimals;
import io.medgw.codec.message.SettlementResult;

import java.io.PrintStream;

/** Sums the day's answers per fund (fen), for the demo's and settle's closing summary. */
final class FundTotals
{
    long requests;
    long ok;
    long refused;
    long settlements;
    long cancellations;
    long medfee;
    long hifp;
    long hifob;
    long hifmi;
    long cvlserv;
    long maf;
    long oth;
    long fund;
    long acct;
    long mulaid;
    long cash;

    /** @param res one answer (cancellations carry negated amounts and count against the totals). */
    void add(final SettlementResult res)
    {
        requests++;
        if (!res.ok())
        {
            refused++;
            return;
        }
        ok++;
        if (res.sign > 0)
        {
            settlements++;
        }
        else if (res.sign < 0)
        {
            cancellations++;
        }
        if (res.sign == 0 || res.setlId == null)
        {
            return; // pre-settle or a no-op 冲正: no money moved
        }
        medfee += res.medfeeSumamt;
        hifp += res.hifpPay;
        hifob += res.hifobPay;
        hifmi += res.hifmiPay;
        cvlserv += res.cvlservPay;
        maf += res.mafPay;
        oth += res.othPay;
        fund += res.fundPaySumamt;
        acct += res.acctPay;
        mulaid += res.acctMulaidPay;
        cash += res.psnCashPay;
    }

    /** @param out where to print the table. @param what what was counted ("answers", "ledger records"). */
    void print(final PrintStream out, final String what)
    {
        out.printf("%s %,d: ok %,d (settlements %,d, cancellations %,d, other %,d), refused %,d%n",
            what, requests, ok, settlements, cancellations, ok - settlements - cancellations, refused);
        out.println("day's totals, net of cancellations (yuan):");
        row(out, "medfee_sumamt   医疗费总额", medfee);
        row(out, "hifp_pay        统筹基金", hifp);
        row(out, "hifob_pay       职工大额", hifob);
        row(out, "hifmi_pay       居民大病", hifmi);
        row(out, "cvlserv_pay     公务员补助", cvlserv);
        row(out, "maf_pay         医疗救助", maf);
        row(out, "oth_pay         N 类补助", oth);
        row(out, "fund_pay_sumamt 基金支付合计", fund);
        row(out, "acct_pay        个人账户", acct);
        row(out, "acct_mulaid_pay 家庭共济", mulaid);
        row(out, "psn_cash_pay    个人现金", cash);
    }

    private static void row(final PrintStream out, final String label, final long fen)
    {
        out.printf("  %-28s %18s%n", label, Decimals.format(fen, 2));
    }
}
