package io.medgw.gateway.it;

import io.medgw.codec.reply.ResponseReader;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on response envelopes read off the wire. */
final class WireChecks
{
    /** The personal-account row of setldetail (settlement-rules.md §6). */
    static final String ACCOUNT_ROW = "310200";

    private WireChecks()
    {
    }

    /** @return every {@code output.*} value of an envelope (the whole answer but the envelope's times and ids). */
    static Map<String, String> output(final ResponseReader r)
    {
        final Map<String, String> out = new TreeMap<>();
        for (final Map.Entry<String, String> e : r.values().entrySet())
        {
            if (e.getKey().startsWith("output."))
            {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** @return the values under {@code output.<node>} (e.g. setlinfo, setldetail). */
    static Map<String, String> node(final ResponseReader r, final String node)
    {
        final Map<String, String> out = new TreeMap<>();
        final String prefix = "output." + node;
        for (final Map.Entry<String, String> e : r.values().entrySet())
        {
            if (e.getKey().startsWith(prefix + ".") || e.getKey().startsWith(prefix + "["))
            {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /**
     * The wire answer and the oracle's answer are the same: infcode, err_msg, and every output
     * value (setlinfo, setldetail, detlcutinfo).
     */
    static void assertSameAnswer(final ResponseReader wire, final ResponseReader offline, final String what)
    {
        assertThat(wire.infcode()).as(what + ": infcode").isEqualTo(offline.infcode());
        assertThat(wire.errMsg()).as(what + ": err_msg").isEqualTo(offline.errMsg());
        assertThat(wire.setlinfoFen()).as(what + ": setlinfo amounts (fen)").isEqualTo(offline.setlinfoFen());
        assertThat(node(wire, "setldetail")).as(what + ": setldetail").isEqualTo(node(offline, "setldetail"));
        assertThat(output(wire)).as(what + ": whole output").isEqualTo(output(offline));
    }

    /** settlement-rules.md §6 on the wire values of a successful answer (sign +1 a settlement, -1 a cancellation). */
    static void assertIdentities(final ResponseReader r, final int sign, final String what)
    {
        final Map<String, Long> s = r.setlinfoFen();
        final long medfee = s.get("medfee_sumamt");
        assertThat(medfee).as(what + ": medfee = ownpay + overlimit + preselfpay + inscp")
            .isEqualTo(s.get("fulamt_ownpay_amt") + s.get("overlmt_selfpay") + s.get("preselfpay_amt") + s.get("inscp_scp_amt"));
        assertThat(medfee).as(what + ": medfee = fund + personal").isEqualTo(s.get("fund_pay_sumamt") + s.get("psn_part_amt"));
        assertThat(s.get("psn_part_amt")).as(what + ": personal = acct + mulaid + cash")
            .isEqualTo(s.get("acct_pay") + s.get("acct_mulaid_pay") + s.get("psn_cash_pay"));
        assertThat(s.get("fund_pay_sumamt")).as(what + ": fund = sum of funds").isEqualTo(s.get("hifp_pay") + s.get("hifob_pay") +
            s.get("hifmi_pay") + s.get("cvlserv_pay") + s.get("maf_pay") + s.get("oth_pay"));
        long rows = 0;
        long accountRow = 0;
        final int n = Math.max(0, r.size("output.setldetail"));
        for (int i = 0; i < n; i++)
        {
            final String type = r.text("output.setldetail[" + i + "].fund_pay_type");
            final long pay = r.fen("output.setldetail[" + i + "].fund_payamt");
            assertThat(pay).as(what + ": setldetail row " + type + " is non-zero").isNotZero();
            if (ACCOUNT_ROW.equals(type))
            {
                accountRow += pay;
            }
            else
            {
                rows += pay;
            }
        }
        assertThat(rows).as(what + ": sum of fund rows = fund_pay_sumamt").isEqualTo(s.get("fund_pay_sumamt"));
        assertThat(accountRow).as(what + ": 310200 row = acct + mulaid").isEqualTo(s.get("acct_pay") + s.get("acct_mulaid_pay"));
        for (final Map.Entry<String, Long> e : s.entrySet())
        {
            if (!"balc".equals(e.getKey()) && !"hosp_part_amt".equals(e.getKey()))
            {
                assertThat(e.getValue() * sign).as(what + ": " + e.getKey() + " has the sign of the answer")
                    .isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(s.get("balc")).as(what + ": balc").isGreaterThanOrEqualTo(0);
    }

    /** The answer is a refusal with this code. */
    static void assertRefused(final ResponseReader r, final String code, final int infcode)
    {
        assertThat(r.infcode()).as("infcode of " + r.errMsg()).isEqualTo(infcode);
        assertThat(r.errMsg()).startsWith(code + ": ");
        assertThat(r.text("output")).as("output of a refusal").isNull();
        assertThat(r.has("output")).isTrue();
    }

    /** @return the value of the first sample of {@code name} in a Prometheus text exposition (whole number), or -1. */
    static long metric(final String exposition, final String name)
    {
        for (final String line : exposition.split("\n"))
        {
            if (line.startsWith(name + " ") || line.startsWith(name + "{"))
            {
                return new BigDecimal(line.substring(line.lastIndexOf(' ') + 1)).longValue();
            }
        }
        return -1;
    }
}
