package io.medgw.gateway;

import io.medgw.codec.Units;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds decoded {@link SettlementRequest}s for tests, as the codec's decoder would leave them,
 * including a body digest over {@code infno} and the input fields (not msgid, inf_time or the
 * institution: rules §8), so that two requests with the same input have the same digest.
 * <pre>
 *   SettlementRequest req = TestRequest.of("2207").msgid("m1").at(TestRegion.H3).card("CARDE1")
 *       .medType("11").time("2026-03-01 10:00:00").line("A001", 10_000, 100_000_000).build();
 * </pre>
 * Quantities are ×10,000 ({@code 10_000} = 1 unit), prices micro-yuan ({@code 1_000_000} = 1 yuan).
 * Without {@link #msgid(String)} each builder gets a unique msgid ({@code MSG-n}); building the
 * same builder twice gives the same msgid and body (a re-send).
 */
public final class TestRequest
{
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String infno;
    private String msgid;
    private String fixmedinsCode = TestRegion.H3;
    private String time = "2026-03-01 10:00:00";
    private String psnNo;
    private String certType;
    private String certNo;
    private String medType = "11";
    private long medfee = SettlementRequest.ABSENT;
    private boolean acct = true;
    private String insutype;
    private String mdtrtId;
    private String dise;
    private String setlId;
    private String omsgid;
    private String oinfno;
    private final List<long[]> lines = new ArrayList<>();
    private final List<String> codes = new ArrayList<>();
    private final List<String> badText = new ArrayList<>();

    private TestRequest(final String infno)
    {
        this.infno = infno;
        this.msgid = "MSG-" + SEQUENCE.incrementAndGet();
    }

    /** @param infno transaction number. @return a builder. */
    public static TestRequest of(final String infno)
    {
        return new TestRequest(infno);
    }

    /** @return this with the msgid. */
    public TestRequest msgid(final String v)
    {
        msgid = v;
        return this;
    }

    /** @return this sent by the institution. */
    public TestRequest at(final String code)
    {
        fixmedinsCode = code;
        return this;
    }

    /** @return this with inf_time {@code yyyy-MM-dd HH:mm:ss} (null: absent). */
    public TestRequest time(final String v)
    {
        time = v;
        return this;
    }

    /** @return this with psn_no. */
    public TestRequest psn(final String v)
    {
        psnNo = v;
        return this;
    }

    /** @return this with credential 03 (social-security card). */
    public TestRequest card(final String cardNo)
    {
        return credential("03", cardNo);
    }

    /** @return this with credential 02 (ID number). */
    public TestRequest idCard(final String certno)
    {
        return credential("02", certno);
    }

    /** @return this with credential 01 (e-voucher token). */
    public TestRequest voucher(final String token)
    {
        return credential("01", token);
    }

    /** @return this with mdtrt_cert_type and mdtrt_cert_no. */
    public TestRequest credential(final String type, final String no)
    {
        certType = type;
        certNo = no;
        return this;
    }

    /** Shortcut: psn_no and its standard card ({@code CARD + psn_no}). @return this. */
    public TestRequest person(final String psn)
    {
        return psn(psn).card("CARD" + psn);
    }

    /** @return this with med_type. */
    public TestRequest medType(final String v)
    {
        medType = v;
        return this;
    }

    /** @return this with medfee_sumamt (fen). */
    public TestRequest medfee(final long fen)
    {
        medfee = fen;
        return this;
    }

    /** @return this with acct_used_flag. */
    public TestRequest acct(final boolean v)
    {
        acct = v;
        return this;
    }

    /** @return this with the request's insutype. */
    public TestRequest insutype(final String v)
    {
        insutype = v;
        return this;
    }

    /** @return this with mdtrt_id. */
    public TestRequest mdtrtId(final String v)
    {
        mdtrtId = v;
        return this;
    }

    /** @return this with the declared disease code. */
    public TestRequest dise(final String v)
    {
        dise = v;
        return this;
    }

    /** @return this with setl_id (cancels). */
    public TestRequest setlId(final String v)
    {
        setlId = v;
        return this;
    }

    /** @return this naming the transaction a 2601 冲正 reverses. */
    public TestRequest original(final String msg, final String infnoOfOriginal)
    {
        omsgid = msg;
        oinfno = infnoOfOriginal;
        return this;
    }

    /** Adds a line whose amount is {@code line(q, p)}. @return this. */
    public TestRequest line(final String code, final long quantity4, final long priceMicro)
    {
        return line(code, Units.line(quantity4, priceMicro), quantity4, priceMicro);
    }

    /** Adds a line with an explicit amount (fen). @return this. */
    public TestRequest line(final String code, final long amountFen, final long quantity4, final long priceMicro)
    {
        lines.add(new long[] {amountFen, quantity4, priceMicro, 0});
        codes.add(code);
        badText.add(null);
        return this;
    }

    /** Adds a line the decoder could not read (field 1 amount, 2 cnt, 3 pric). @return this. */
    public TestRequest unreadableLine(final String code, final int field, final String text)
    {
        lines.add(new long[] {0, 0, 0, field});
        codes.add(code);
        badText.add(text);
        return this;
    }

    /** @return a new decoded request. */
    public SettlementRequest build()
    {
        return into(new SettlementRequest());
    }

    /** @param req a request to overwrite. @return it. */
    public SettlementRequest into(final SettlementRequest req)
    {
        req.clear();
        req.infno = infno;
        req.txn = Integer.parseInt(infno.substring(0, 4));
        req.msgid = msgid;
        req.fixmedinsCode = fixmedinsCode;
        req.infTimeText = time;
        req.infTime = time == null ? SettlementRequest.ABSENT : TestRegion.time(time);
        req.psnNo = psnNo;
        req.mdtrtCertType = certType;
        req.mdtrtCertNo = certNo;
        req.medType = medType;
        req.medfeeSumamt = medfee;
        req.acctUsedFlag = acct;
        req.insutype = insutype;
        req.mdtrtId = mdtrtId;
        req.diseCodg = dise;
        req.setlId = setlId;
        req.omsgid = omsgid;
        req.oinfno = oinfno;
        for (int i = 0; i < lines.size(); i++)
        {
            final long[] v = lines.get(i);
            final FeeLine l = req.addLine();
            l.feedetlSn = "F" + (i + 1);
            l.medListCodg = codes.get(i);
            l.amountFen = v[0];
            l.quantity4 = v[1];
            l.priceMicro = v[2];
            l.parseError = (int)v[3];
            l.parseErrorText = badText.get(i);
        }
        digest(req);
        return req;
    }

    private void digest(final SettlementRequest req)
    {
        final StringBuilder b = new StringBuilder();
        b.append(infno).append('|').append(psnNo).append('|').append(certType).append('|').append(certNo).append('|')
            .append(medType).append('|').append(medfee).append('|').append(acct).append('|').append(insutype).append('|')
            .append(mdtrtId).append('|').append(dise).append('|').append(setlId).append('|').append(omsgid).append('|')
            .append(oinfno);
        for (int i = 0; i < lines.size(); i++)
        {
            final long[] v = lines.get(i);
            b.append('|').append(codes.get(i)).append(',').append(v[0]).append(',').append(v[1]).append(',').append(v[2])
                .append(',').append(v[3]);
        }
        final String s = b.toString();
        long hi = 0xcbf2_9ce4_8422_2325L;
        long lo = 0x8422_2325_cbf2_9ce4L;
        for (int i = 0; i < s.length(); i++)
        {
            hi = (hi ^ s.charAt(i)) * 0x100_0000_01b3L;
            lo = (lo ^ s.charAt(i)) * 0x9E37_79B9_7F4A_7C15L + 1;
        }
        req.bodyDigestHi = hi;
        req.bodyDigestLo = lo;
    }
}
