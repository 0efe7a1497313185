package io.medgw.gateway.it;

import io.medgw.codec.Decimals;
import io.medgw.codec.Transactions;
import io.medgw.codec.Units;
import io.medgw.gateway.TestRegion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the JSON body of one national-interface request, as a HIS sends it (national-interface.md
 * §1.3, docs/protocol.md): the envelope, the transaction's input node ({@code data},
 * {@code druginfo}, {@code mdtrtinfo}, {@code dscginfo}, {@code signIn}, ...) and its fee lines
 * ({@code feedetail} next to the node, or {@code drugdetail} for 2101/2102). Values are written as
 * the caller gives them, so tests can send what a broken client sends ({@code "1.005"}).
 * <pre>
 *   String json = Bill.of(clock, "2207", TestRegion.H3).person("E1").medType("11")
 *       .line("A001", 10_000, 30_000_000).json();
 * </pre>
 * Each bill gets a unique, well-formed msgid (fixmedins_code + yyyyMMddHHmmss + 4-digit serial).
 */
final class Bill
{
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final String infno;
    private final Map<String, String> envelope = new LinkedHashMap<>();
    private final Map<String, String> data = new LinkedHashMap<>();
    private final List<Map<String, String>> lines = new ArrayList<>();
    private final Map<String, String> perLine = new LinkedHashMap<>();
    private String node;
    private String lineNode;
    private boolean linesInsideNode;
    private String serialPrefix = "F";

    private Bill(final ItClock clock, final String infno, final String fixmedinsCode)
    {
        this.infno = infno;
        final int txn = Transactions.txnOf(infno);
        final String n = Transactions.inputNode(txn);
        node = n == null ? "data" : n;
        lineNode = txn == 2101 || txn == 2102 ? "drugdetail" : "feedetail";
        if ("feedetail".equals(node))
        {
            node = null;
        }
        text(envelope, "infno", infno);
        text(envelope, "msgid", fixmedinsCode + clock.compactNow() + pad4(SERIAL.incrementAndGet() % 10_000));
        text(envelope, "mdtrtarea_admvs", TestRegion.LOCAL);
        text(envelope, "insuplc_admdvs", TestRegion.LOCAL);
        text(envelope, "recer_sys_code", "YBXT");
        text(envelope, "dev_no", "");
        text(envelope, "dev_safe_info", "");
        text(envelope, "cainfo", "");
        text(envelope, "signtype", "");
        text(envelope, "infver", "V1.0");
        text(envelope, "opter_type", "1");
        text(envelope, "opter", "1022");
        text(envelope, "opter_name", "钟娟");
        text(envelope, "inf_time", clock.infTime());
        text(envelope, "fixmedins_code", fixmedinsCode);
        text(envelope, "fixmedins_name", "机构" + fixmedinsCode);
        text(envelope, "sign_no", "");
    }

    /** @return a bill for {@code infno} sent by {@code fixmedinsCode} at the clock's now. */
    static Bill of(final ItClock clock, final String infno, final String fixmedinsCode)
    {
        return new Bill(clock, infno, fixmedinsCode);
    }

    /** @return a 2207 of {@code psn} at {@code fixmedinsCode}, med_type 11, account used. */
    static Bill settle(final ItClock clock, final String fixmedinsCode, final String psn)
    {
        return of(clock, "2207", fixmedinsCode).person(psn).medType("11").acct(true);
    }

    /** @return the msgid. */
    String msgid()
    {
        return unquote(envelope.get("msgid"));
    }

    /** @return this with the msgid (null: left out). */
    Bill msgid(final String v)
    {
        return envelope("msgid", v);
    }

    /** @return this with inf_time. */
    Bill infTime(final String v)
    {
        return envelope("inf_time", v);
    }

    /** @return this with an envelope field set to a string (null: left out). */
    Bill envelope(final String key, final String v)
    {
        if (v == null)
        {
            envelope.remove(key);
        }
        else
        {
            text(envelope, key, v);
        }
        return this;
    }

    /** @return this with an envelope field set to raw JSON. */
    Bill envelopeRaw(final String key, final String rawJson)
    {
        envelope.put(key, rawJson);
        return this;
    }

    /** @return this with the input node's name (druginfo, mdtrtinfo, ...). */
    Bill node(final String name)
    {
        node = name;
        return this;
    }

    /** @return this with the fee lines inside the input node rather than next to it. */
    Bill linesInsideNode()
    {
        linesInsideNode = true;
        return this;
    }

    /** @return this with psn_no and the person's standard card (credential 03). */
    Bill person(final String psn)
    {
        return data("psn_no", psn).data("mdtrt_cert_type", "03").data("mdtrt_cert_no", "CARD" + psn);
    }

    /** @return this with med_type. */
    Bill medType(final String v)
    {
        return data("med_type", v);
    }

    /** @return this with acct_used_flag. */
    Bill acct(final boolean v)
    {
        return data("acct_used_flag", v ? "1" : "0");
    }

    /** @return this with a string field of the input node (null: left out). */
    Bill data(final String key, final String v)
    {
        if (v == null)
        {
            data.remove(key);
        }
        else
        {
            text(data, key, v);
        }
        return this;
    }

    /** @return this with a field of the input node as raw JSON ({@code 12.50}, {@code -1}). */
    Bill dataRaw(final String key, final String rawJson)
    {
        data.put(key, rawJson);
        return this;
    }

    /** @return this with medfee_sumamt (fen, written as yuan). */
    Bill medfee(final long fen)
    {
        return dataRaw("medfee_sumamt", Decimals.format(fen, 2));
    }

    /** Adds a fee line whose amount is {@code line(q, p)}. @return this */
    Bill line(final String code, final long quantity4, final long priceMicro)
    {
        return lineRaw(code, Decimals.format(quantity4, 4), Decimals.format(priceMicro, 6),
            Decimals.format(Units.line(quantity4, priceMicro), 2));
    }

    /** Adds a fee line with its numbers as raw JSON. @return this */
    Bill lineRaw(final String code, final String cnt, final String pric, final String amount)
    {
        final Map<String, String> l = new LinkedHashMap<>();
        l.put("feedetl_sn", null);
        text(l, "med_list_codg", code);
        text(l, "medins_list_codg", "HIS-" + code);
        l.put("cnt", cnt);
        l.put("pric", pric);
        l.put("det_item_fee_sumamt", amount);
        lines.add(l);
        return this;
    }

    /** @return this with fee-line serials {@code prefix + 1, prefix + 2, ...} (default F1, F2, ...). */
    Bill serials(final String prefix)
    {
        serialPrefix = prefix;
        return this;
    }

    /** @return this with a string field on every fee line (2204/2301 carry mdtrt_id, psn_no per line). */
    Bill eachLine(final String key, final String v)
    {
        text(perLine, key, v);
        return this;
    }

    /** @return the sum of the line amounts, fen (lines added with {@link #line}). */
    long linesTotal()
    {
        long sum = 0;
        for (final Map<String, String> l : lines)
        {
            sum += Decimals.parse(l.get("det_item_fee_sumamt"), 2);
        }
        return sum;
    }

    /** @return the request body. */
    String json()
    {
        final StringBuilder b = new StringBuilder(512 + lines.size() * 160).append('{');
        fields(b, envelope);
        b.append(",\"input\":{");
        boolean first = true;
        if (node != null)
        {
            b.append('"').append(node).append("\":{");
            fields(b, data);
            if (linesInsideNode && !lines.isEmpty())
            {
                b.append(data.isEmpty() ? "" : ",");
                lines(b);
            }
            b.append('}');
            first = false;
        }
        if (!linesInsideNode && !lines.isEmpty())
        {
            b.append(first ? "" : ",");
            lines(b);
        }
        return b.append("}}").toString();
    }

    /** @return the request body as UTF-8. */
    byte[] bytes()
    {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    private void lines(final StringBuilder b)
    {
        b.append('"').append(lineNode).append("\":[");
        for (int i = 0; i < lines.size(); i++)
        {
            final Map<String, String> l = new LinkedHashMap<>(lines.get(i));
            text(l, "feedetl_sn", serialPrefix + (i + 1));
            l.putAll(perLine);
            b.append(i == 0 ? "{" : ",{");
            fields(b, l);
            b.append('}');
        }
        b.append(']');
    }

    private static void fields(final StringBuilder b, final Map<String, String> m)
    {
        boolean first = true;
        for (final Map.Entry<String, String> e : m.entrySet())
        {
            b.append(first ? "" : ",").append('"').append(e.getKey()).append("\":").append(e.getValue());
            first = false;
        }
    }

    private static void text(final Map<String, String> m, final String key, final String v)
    {
        m.put(key, quote(v));
    }

    private static String quote(final String v)
    {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String unquote(final String v)
    {
        return v == null ? null : v.substring(1, v.length() - 1);
    }

    private static String pad4(final int v)
    {
        final String s = Integer.toString(v);
        return "0000".substring(s.length()) + s;
    }

    @Override
    public String toString()
    {
        return infno + " " + json();
    }
}
