package io.medgw.codec.message;

/**
 * A decoded request: the national envelope plus the union of the {@code input} fields the gateway
 * acts on, with amounts already in integer units. Mutable and reused (one per ring slot); every
 * field is reset by {@link #clear()} before a decode.
 * <p>
 * String fields are {@code null} when absent, empty, or the literal {@code "null"}. Amount fields
 * use {@link #ABSENT} when absent.
 */
public final class SettlementRequest
{
    /** Marks a numeric field that was not sent. */
    public static final long ABSENT = Long.MIN_VALUE;

    // ---- envelope ----
    /** Transaction number as sent ({@code "2207"}, {@code "2207A"}). */
    public String infno;
    /** The numeric part of infno (2207), or 0 if not numeric. */
    public int txn;
    public String msgid;
    public String mdtrtareaAdmvs;
    public String insuplcAdmdvs;
    public String recerSysCode;
    public String infver;
    public String opterType;
    public String opter;
    public String opterName;
    public String infTimeText;
    /** inf_time as local epoch seconds ({@link io.medgw.codec.Dates}), or {@link #ABSENT}. */
    public long infTime;
    public String fixmedinsCode;
    public String fixmedinsName;
    public String signNo;
    public String cainfo;
    public String signtype;

    // ---- input.data (settlement, cancel, registration, queries) ----
    public String psnNo;
    public String mdtrtCertType;
    public String mdtrtCertNo;
    public String cardSn;
    public String psnCertType;
    public String certno;
    /** psn_name (1101 query, 2101 druginfo). */
    public String psnName;
    public String medType;
    /** medfee_sumamt in fen, or ABSENT. */
    public long medfeeSumamt;
    public String psnSetlway;
    public String mdtrtId;
    public String chrgBchno;
    /** acct_used_flag: true only for "1". */
    public boolean acctUsedFlag;
    public String insutype;
    public String invono;
    /** Declared disease code (data.dise_codg, else the first line's dise_codg). */
    public String diseCodg;
    /** For cancels (2208, 2305, 2103) and queries. */
    public String setlId;
    /** For 2601 冲正. */
    public String omsgid;
    public String oinfno;
    /** 2201/2401 registration and admission. */
    public String begntime;
    public String iptOtpNo;
    public String atddrNo;
    public String drName;
    public String deptCode;
    public String deptName;
    public String caty;
    /** 2402 discharge / 2205 cancel batch. */
    public String endtime;
    /** 2207 echo of 2206 figures (fen or ABSENT), compared on settle. */
    public long fulamtOwnpayAmt;
    public long overlmtSelfpay;
    public long preselfpayAmt;
    public long inscpScpAmt;
    /** 9001 sign-in. */
    public String opterNo;
    public String mac;
    public String ip;
    /** 3201/3202 reconciliation and 5206 query. */
    public String clrType;
    public String setlOptins;
    public String stmtBegndate;
    public String stmtEnddate;
    public long fundPaySumamt;
    public long acctPay;
    public long cashPayamt;
    public long fixmedinsSetlCnt;
    public String refdSetlFlag;
    public String fileQuryNo;
    public String filename;
    public String cumYm;
    /** 9101 upload: the decoded {@code fsUploadIn.in} bytes (a new array per request), or null. */
    public byte[] fileData;

    // ---- fee lines (feedetail / drugdetail / inline) ----
    private FeeLine[] lines = new FeeLine[0];
    private int lineCount;

    /** Hash of (infno, parsed input) used to tell a true re-send from msgid reuse (rules §8). */
    public long bodyDigestHi;
    public long bodyDigestLo;

    public SettlementRequest()
    {
        ensureLines(64);
        clear();
    }

    /** @return the number of fee lines. */
    public int lineCount()
    {
        return lineCount;
    }

    /** @param i index below {@link #lineCount()}. @return the line. */
    public FeeLine line(final int i)
    {
        return lines[i];
    }

    /** @return a cleared line appended to this request (grows the pool only past its size). */
    public FeeLine addLine()
    {
        if (lineCount == lines.length)
        {
            ensureLines(lines.length * 2);
        }
        final FeeLine line = lines[lineCount++];
        line.clear();
        return line;
    }

    /** Drops every fee line. */
    public void clearLines()
    {
        lineCount = 0;
    }

    private void ensureLines(final int capacity)
    {
        final FeeLine[] bigger = new FeeLine[capacity];
        System.arraycopy(lines, 0, bigger, 0, lines.length);
        for (int i = lines.length; i < capacity; i++)
        {
            bigger[i] = new FeeLine();
        }
        lines = bigger;
    }

    /** Resets every field: a reused slot never leaks the previous request. */
    public void clear()
    {
        infno = null;
        txn = 0;
        msgid = null;
        mdtrtareaAdmvs = null;
        insuplcAdmdvs = null;
        recerSysCode = null;
        infver = null;
        opterType = null;
        opter = null;
        opterName = null;
        infTimeText = null;
        infTime = ABSENT;
        fixmedinsCode = null;
        fixmedinsName = null;
        signNo = null;
        cainfo = null;
        signtype = null;
        psnNo = null;
        mdtrtCertType = null;
        mdtrtCertNo = null;
        cardSn = null;
        psnCertType = null;
        certno = null;
        psnName = null;
        medType = null;
        medfeeSumamt = ABSENT;
        psnSetlway = null;
        mdtrtId = null;
        chrgBchno = null;
        acctUsedFlag = false;
        insutype = null;
        invono = null;
        diseCodg = null;
        setlId = null;
        omsgid = null;
        oinfno = null;
        begntime = null;
        iptOtpNo = null;
        atddrNo = null;
        drName = null;
        deptCode = null;
        deptName = null;
        caty = null;
        endtime = null;
        fulamtOwnpayAmt = ABSENT;
        overlmtSelfpay = ABSENT;
        preselfpayAmt = ABSENT;
        inscpScpAmt = ABSENT;
        opterNo = null;
        mac = null;
        ip = null;
        clrType = null;
        setlOptins = null;
        stmtBegndate = null;
        stmtEnddate = null;
        fundPaySumamt = ABSENT;
        acctPay = ABSENT;
        cashPayamt = ABSENT;
        fixmedinsSetlCnt = ABSENT;
        refdSetlFlag = null;
        fileQuryNo = null;
        filename = null;
        cumYm = null;
        fileData = null;
        lineCount = 0;
        bodyDigestHi = 0;
        bodyDigestLo = 0;
    }
}
