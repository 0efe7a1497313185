package io.medgw.loadtest.bench;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.Units;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.request.RequestDecoder;
import io.medgw.gateway.reference.Catalogue;
import io.medgw.gateway.reference.CatalogueItem;
import io.medgw.gateway.reference.Institution;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.reference.ReferenceData;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Settlement bills for the benchmarks: national-interface envelopes (fee lines inline, shaped like
 * 2204 {@code feedetail} rows) for real hospitals, local insured persons and in-policy catalogue
 * codes of a loaded region. A bill is only a candidate: whether it settles (policy cell, benefit
 * period, ...) is for the engine to say, so callers run it and draw another when it is refused.
 * <p>
 * Deterministic for a given region and random source (lists are sorted by code). Allocates freely:
 * set-up only, never on a measured path.
 */
public final class BenchBills
{
    /** The day every bench bill is dated (a Monday in policy year 2026). */
    public static final int DAY = Dates.ofYmd(2026, 3, 16);
    /** 10:00:00 on {@link #DAY}, local epoch seconds. */
    public static final long INF_TIME = DAY * (long)Dates.SECONDS_PER_DAY + 10 * 3_600;

    /**
     * What a bill is made of; rendered by {@link #json} for any infno and msgid.
     *
     * @param inst       the hospital.
     * @param person     the insured person (参保地 = the hospital's region).
     * @param medType    med_type (11 普通门诊, 21 普通住院, ...).
     * @param mdtrtId    the visit id the HIS sends.
     * @param codes      med_list_codg per line.
     * @param quantity4  cnt × 10^4 per line.
     * @param priceMicro pric in micro-yuan per line.
     * @param amountFen  line(q, p) per line.
     * @param totalFen   Σ amountFen (medfee_sumamt).
     */
    public record Bill(Institution inst, Person person, String medType, String mdtrtId, String[] codes,
        long[] quantity4, long[] priceMicro, long[] amountFen, long totalFen)
    {
    }

    private final int day;
    private final List<Institution> hospitals = new ArrayList<>();
    private final Map<String, List<Person>> personsByRegion = new TreeMap<>();
    private final Map<String, List<CatalogueItem>> itemsByRegion = new TreeMap<>();
    private long visitSeq;

    /**
     * @param ref the loaded region.
     * @param day the settlement day (epoch day) the bills are for.
     */
    public BenchBills(final ReferenceData ref, final int day)
    {
        this.day = day;
        for (final Institution i : ref.institutions().values())
        {
            if (!i.pharmacy() && i.agreementBegin() <= day && day <= i.agreementEnd() && ref.catalogue(i.admdvs()) != null)
            {
                hospitals.add(i);
            }
        }
        hospitals.sort(Comparator.comparing(Institution::code));
        for (final Person p : ref.persons().values())
        {
            if (p.active() && p.benefitBegin() <= day && day <= p.benefitEnd() && p.insuplcAdmdvs() != null)
            {
                personsByRegion.computeIfAbsent(p.insuplcAdmdvs(), k -> new ArrayList<>()).add(p);
            }
        }
        personsByRegion.values().forEach(l -> l.sort(Comparator.comparing(Person::psnNo)));
        for (final Map.Entry<String, Catalogue> e : ref.catalogues().entrySet())
        {
            final List<CatalogueItem> items = new ArrayList<>();
            for (final CatalogueItem[] versions : e.getValue().versionsByCode().values())
            {
                final CatalogueItem item = e.getValue().on(versions[0].code(), day);
                if (item != null && item.chrgitmLv() != 3 && !item.opspOnly())
                {
                    items.add(item);
                }
            }
            items.sort(Comparator.comparing(CatalogueItem::code));
            itemsByRegion.put(e.getKey(), items);
        }
        if (hospitals.isEmpty())
        {
            throw new IllegalArgumentException("no hospital with a valid agreement on " + Dates.formatDate(day));
        }
    }

    /**
     * Draws a bill: a random hospital, a random local person of its region (of {@code insutype}
     * when given) and {@code lines} distinct in-policy items the hospital's level may bill, priced
     * within the cap (one line in ten, when capped, 10 % over it: 超限价).
     *
     * @param rng      the random source.
     * @param insutype 310 or 390, or null for either.
     * @param medType  med_type.
     * @param lines    number of fee lines.
     * @return the bill, or null when the drawn hospital has no such person or too few items.
     */
    public Bill draw(final SplittableRandom rng, final String insutype, final String medType, final int lines)
    {
        final Institution inst = hospitals.get(rng.nextInt(hospitals.size()));
        final List<Person> persons = personsByRegion.getOrDefault(inst.admdvs(), List.of());
        Person person = null;
        for (int tries = 0; tries < 32 && !persons.isEmpty() && person == null; tries++)
        {
            final Person p = persons.get(rng.nextInt(persons.size()));
            person = insutype == null || insutype.equals(p.insutype()) ? p : null;
        }
        final List<CatalogueItem> items = itemsByRegion.getOrDefault(inst.admdvs(), List.of());
        if (person == null || items.size() < lines * 4)
        {
            return null;
        }
        final String[] codes = new String[lines];
        final long[] q = new long[lines];
        final long[] p = new long[lines];
        final long[] a = new long[lines];
        long total = 0;
        for (int i = 0; i < lines; i++)
        {
            CatalogueItem item;
            do
            {
                item = items.get(rng.nextInt(items.size()));
            }
            while (item.minHospLv() > inst.hospLv() || contains(codes, i, item.code()));
            codes[i] = item.code();
            q[i] = (1 + rng.nextInt(5)) * 10_000L;
            final long cap = item.pricUplmtMicro();
            if (cap == Units.NO_CAP)
            {
                p[i] = (100 + rng.nextInt(20_000)) * 10_000L;
            }
            else
            {
                p[i] = rng.nextInt(10) == 0 ? cap + cap / 10 : Math.max(10_000L, cap - rng.nextInt(10) * (cap / 100));
            }
            a[i] = Units.line(q[i], p[i]);
            total += a[i];
        }
        final String mdtrtId = inst.admdvs() + Dates.formatDate(day).replace("-", "") + seq(++visitSeq, 7);
        return new Bill(inst, person, medType, mdtrtId, codes, q, p, a, total);
    }

    private static boolean contains(final String[] codes, final int n, final String code)
    {
        for (int i = 0; i < n; i++)
        {
            if (codes[i].equals(code))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Renders the bill as a request envelope.
     *
     * @param b       the bill.
     * @param infno   2206, 2207, 2303 or 2304.
     * @param msgid   the msgid (at most 30 characters).
     * @param infTime inf_time, local epoch seconds.
     * @return the JSON envelope.
     */
    public static String json(final Bill b, final String infno, final String msgid, final long infTime)
    {
        final String time = Dates.formatDateTime(infTime);
        final String batch = b.mdtrtId().substring(6);
        final Person psn = b.person();
        final StringBuilder s = new StringBuilder(1_024 + b.codes().length * 420);
        s.append('{');
        field(s, "infno", infno).append(',');
        field(s, "msgid", msgid).append(',');
        field(s, "mdtrtarea_admvs", b.inst().admdvs()).append(',');
        field(s, "insuplc_admdvs", psn.insuplcAdmdvs()).append(',');
        field(s, "recer_sys_code", "YBXT").append(",\"dev_no\":\"\",\"dev_safe_info\":\"\",\"cainfo\":\"\",\"signtype\":\"\",");
        field(s, "infver", "V1.0").append(",\"opter_type\":\"1\",\"opter\":\"0001\",\"opter_name\":\"陈丽\",");
        field(s, "inf_time", time).append(',');
        field(s, "fixmedins_code", b.inst().code()).append(',');
        field(s, "fixmedins_name", b.inst().name()).append(",\"sign_no\":\"000000000001\",\"input\":{\"data\":{");
        field(s, "psn_no", psn.psnNo()).append(",\"mdtrt_cert_type\":\"02\",");
        field(s, "mdtrt_cert_no", psn.certno()).append(',');
        field(s, "med_type", b.medType()).append(",\"medfee_sumamt\":").append(Decimals.format(b.totalFen(), 2))
            .append(",\"psn_setlway\":\"01\",");
        field(s, "mdtrt_id", b.mdtrtId()).append(',');
        field(s, "chrg_bchno", batch).append(",\"acct_used_flag\":\"1\",");
        field(s, "insutype", psn.insutype()).append(',');
        field(s, "invono", "INV" + batch);
        if (infno.startsWith("23"))
        {
            s.append(",\"dise_codg\":\"J18.900\",\"mid_setl_flag\":\"0\"");
        }
        s.append("},\"feedetail\":[");
        for (int i = 0; i < b.codes().length; i++)
        {
            s.append(i == 0 ? "{" : ",{");
            field(s, "feedetl_sn", batch + seq(i + 1, 4)).append(',');
            field(s, "mdtrt_id", b.mdtrtId()).append(',');
            field(s, "psn_no", psn.psnNo()).append(',');
            field(s, "chrg_bchno", batch).append(",\"rx_circ_flag\":\"0\",");
            field(s, "fee_ocur_time", time).append(',');
            field(s, "med_list_codg", b.codes()[i]).append(',');
            field(s, "medins_list_codg", "YY" + seq(i + 1, 8)).append(",\"det_item_fee_sumamt\":")
                .append(Decimals.format(b.amountFen()[i], 2)).append(",\"cnt\":").append(Decimals.format(b.quantity4()[i], 4))
                .append(",\"pric\":").append(Decimals.format(b.priceMicro()[i], 6))
                .append(",\"bilg_dept_codg\":\"A03\",\"bilg_dept_name\":\"内科\",\"bilg_dr_codg\":\"D000001\",")
                .append("\"bilg_dr_name\":\"王建国\",\"hosp_appr_flag\":\"0\"}");
        }
        return s.append("]}}").toString();
    }

    /**
     * Decodes an envelope, failing loudly on a refusal.
     *
     * @param decoder the decoder.
     * @param json    the envelope.
     * @param req     filled.
     * @return {@code req}.
     * @throws IllegalStateException if the decoder refused it.
     */
    public static SettlementRequest decode(final RequestDecoder decoder, final String json, final SettlementRequest req)
    {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        if (decoder.decode(body, 0, body.length, req) != ErrorCode.NONE)
        {
            throw new IllegalStateException(decoder.lastError() + " " + decoder.lastErrorMessage() + " in " + json);
        }
        return req;
    }

    /**
     * @param fixmedinsCode an institution code (12 characters in the demo region).
     * @param n             a serial number.
     * @return a 30-character msgid unique per (institution, n): the code, then n zero-padded.
     */
    public static String msgid(final String fixmedinsCode, final long n)
    {
        return fixmedinsCode + seq(n, Math.max(1, 30 - fixmedinsCode.length()));
    }

    /**
     * @param value a non-negative number.
     * @param width digits.
     * @return value zero-padded to {@code width} digits (the low digits when it does not fit).
     */
    public static String seq(final long value, final int width)
    {
        final char[] out = new char[width];
        long v = value;
        for (int i = width - 1; i >= 0; i--)
        {
            out[i] = (char)('0' + v % 10);
            v /= 10;
        }
        return new String(out);
    }

    /** @return the hospitals bills are drawn from (sorted by code). */
    public List<Institution> hospitals()
    {
        return hospitals;
    }

    /** @return the eligible local persons per region (sorted by psn_no). */
    public Map<String, List<Person>> personsByRegion()
    {
        return personsByRegion;
    }

    private static StringBuilder field(final StringBuilder s, final String name, final String value)
    {
        s.append('"').append(name).append("\":\"");
        if (value != null)
        {
            for (int i = 0; i < value.length(); i++)
            {
                final char c = value.charAt(i);
                if (c == '"' || c == '\\')
                {
                    s.append('\\');
                }
                s.append(c);
            }
        }
        return s.append('"');
    }
}
