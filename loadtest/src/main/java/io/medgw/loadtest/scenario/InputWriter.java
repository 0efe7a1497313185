package io.medgw.loadtest.scenario;

import io.medgw.codec.Dates;
import io.medgw.loadtest.scenario.FeeLines.Line;

/**
 * Renders the {@code input} object of a request: {@code data} (2207/2304 settlement fields, or 2601
 * {@code psn_no, omsgid, oinfno}) and {@code feedetail} rows shaped like 2204 rows, with the amount,
 * quantity and price as JSON numbers; a 2102 pharmacy sale uses the national node names
 * {@code druginfo} and {@code drugdetail} for the same fields. Holds the running counters for
 * mdtrt_id, chrg_bchno and invono.
 */
final class InputWriter
{
    private static final String[][] DEPTS = {
        {"A03", "内科"}, {"A04", "外科"}, {"A07", "儿科"}, {"A05", "妇产科"}, {"A50", "中医科"}, {"A10", "眼科"},
        {"A12", "口腔科"}};
    private static final String[] DOCTORS = {"王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴涛",
        "徐丽", "孙强", "马芳", "朱军", "胡敏"};

    private final StringBuilder text = new StringBuilder(1 << 15);
    private final StringBuilder stamp = new StringBuilder(20);
    private final String prefixDay;
    private long mdtrtSeq;
    private long batchSeq;
    private long invoiceSeq;
    private long lastTime = Long.MIN_VALUE;
    private String lastTimeText;

    /** @param day epoch day of the requests. */
    InputWriter(final int day)
    {
        final String d = Dates.formatDate(day);
        this.prefixDay = d.substring(0, 4) + d.substring(5, 7) + d.substring(8, 10);
    }

    /**
     * @param v a settlement visit.
     * @param t request time (local epoch second).
     * @return the input object as JSON text.
     */
    String settlement(final Visit v, final long t)
    {
        text.setLength(0);
        final JsonOut j = new JsonOut(text);
        final String mdtrtId = v.inst.admdvs() + prefixDay + seq(++mdtrtSeq, 7);
        compact(t);
        final String batch = stamp + seq(++batchSeq % 10_000, 4);
        final String psnNo = v.person.psnNo();
        final boolean pharmacy = "2102".equals(v.infno);
        j.beginObject(null).beginObject(pharmacy ? "druginfo" : "data");
        j.str("psn_no", psnNo).str("mdtrt_cert_type", v.certType).str("mdtrt_cert_no", v.certNo);
        if ("03".equals(v.certType))
        {
            j.str("card_sn", cardSn(v.certNo));
        }
        j.str("med_type", v.medType).money("medfee_sumamt", v.declaredTotal()).str("psn_setlway", "01")
            .str("mdtrt_id", mdtrtId).str("chrg_bchno", batch).str("acct_used_flag", v.acct ? "1" : "0")
            .str("insutype", v.person.insutype()).str("invono", prefixDay + seq(++invoiceSeq, 8));
        if (v.diseCodg != null)
        {
            j.str("dise_codg", v.diseCodg);
        }
        if ("2304".equals(v.infno))
        {
            j.str("mid_setl_flag", "0");
        }
        j.endObject().beginArray(pharmacy ? "drugdetail" : "feedetail");
        final String[] dept = v.inst.pharmacy() ? new String[] {"YF01", "零售药房"}
            : "maternity".equals(v.kind) ? DEPTS[3] : DEPTS[(int)(mdtrtSeq % DEPTS.length)];
        final int doctor = (int)((v.inst.index() * 7L + mdtrtSeq) % DOCTORS.length);
        final String doctorCode = "D" + v.inst.admdvs() + seq(doctor + 1, 6);
        for (int i = 0; i < v.lines.size(); i++)
        {
            final Line l = v.lines.get(i);
            j.beginObject(null).str("feedetl_sn", batch + seq(i + 1, 4)).str("mdtrt_id", mdtrtId).str("psn_no", psnNo)
                .str("chrg_bchno", batch);
            if (v.diseCodg != null)
            {
                j.str("dise_codg", v.diseCodg);
            }
            j.str("rx_circ_flag", "0").str("fee_ocur_time", time(l.time)).str("med_list_codg", l.code)
                .str("medins_list_codg", medinsCode(l)).money("det_item_fee_sumamt", l.amountFen)
                .decimal("cnt", l.quantity4, 4).decimal("pric", l.priceMicro, 6).str("bilg_dept_codg", dept[0])
                .str("bilg_dept_name", dept[1]).str("bilg_dr_codg", doctorCode)
                .str("bilg_dr_name", DOCTORS[doctor]).str("hosp_appr_flag", "0").endObject();
        }
        j.endArray().endObject();
        return text.toString();
    }

    // Lines of one visit mostly share a time: format it once.
    private String time(final long t)
    {
        if (t != lastTime)
        {
            lastTime = t;
            lastTimeText = Dates.formatDateTime(t);
        }
        return lastTimeText;
    }

    /**
     * @param psnNo  the person of the original.
     * @param omsgid the original msgid.
     * @param oinfno the original infno.
     * @return the 2601 input object.
     */
    String reversal(final String psnNo, final String omsgid, final String oinfno)
    {
        text.setLength(0);
        new JsonOut(text).beginObject(null).beginObject("data").str("psn_no", psnNo).str("omsgid", omsgid)
            .str("oinfno", oinfno).endObject().endObject();
        return text.toString();
    }

    /** @param t local epoch second. @return {@code yyyyMMddHHmmss} (a reused builder: copy before the next call). */
    StringBuilder compact(final long t)
    {
        stamp.setLength(0);
        final String full = Dates.formatDateTime(t);
        for (int i = 0; i < full.length(); i++)
        {
            final char c = full.charAt(i);
            if (c >= '0' && c <= '9')
            {
                stamp.append(c);
            }
        }
        return stamp;
    }

    static String seq(final long value, final int width)
    {
        final StringBuilder b = new StringBuilder(width);
        long p = 1;
        for (int i = 1; i < width; i++)
        {
            p *= 10;
        }
        for (long d = p; d > 0; d /= 10)
        {
            b.append((char)('0' + (value / d) % 10));
        }
        return b.toString();
    }

    private static String medinsCode(final Line l)
    {
        final String t = l.medChrgitmType;
        final String prefix = "09".equals(t) || "11".equals(t) || "10".equals(t) ? "YP" : "08".equals(t) ? "CL" : "ZL";
        return prefix + seq(Math.floorMod(l.code.hashCode(), 100_000_000), 8);
    }

    private static String cardSn(final String cardNo)
    {
        final long h1 = DayScript.mix(cardNo.hashCode());
        final long h2 = DayScript.mix(h1);
        final StringBuilder b = new StringBuilder(32);
        for (final long h : new long[] {h1, h2})
        {
            for (int s = 60; s >= 0; s -= 4)
            {
                b.append(Character.forDigit((int)(h >>> s) & 15, 16));
            }
        }
        return b.toString();
    }
}
