package io.medgw.codec.request;

import io.medgw.codec.Dates;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.Limits;
import io.medgw.codec.Transactions;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import org.agrona.DirectBuffer;

/**
 * Decodes a national-interface request envelope (national-interface.md §1.3) from UTF-8 JSON into
 * a reused {@link SettlementRequest}, with a byte-level scanner ({@link JsonScanner}; Jackson's
 * tokenizer cost most of the decode time): keys in any order, unknown
 * fields skipped at any depth, {@code null}/{@code ""}/{@code "null"} read as absent, amounts read
 * from the token text straight to fen (no binary fractions), and the 128-bit body digest of
 * {@code infno} + {@code input} computed on the way (see {@link BodyHasher}).
 * <p>
 * Refusals: malformed JSON → E5001 (with line and column); body too large or too many fee lines →
 * E5006; a missing envelope field or input node → E5002; an over-long field → E5003; a bad
 * {@code msgid} length or {@code inf_time} → E5001; a bad amount in {@code input} → E5005. A bad
 * number in a fee line does not refuse: it sets {@link FeeLine#parseError} and the engine answers
 * E2001. After a refusal the request still holds every envelope field that could be read.
 * Whether the {@code infno} is supported is the caller's decision ({@link Transactions}).
 * <p>
 * One instance per thread: reusable, not thread-safe.
 */
public final class RequestDecoder
{
    private final JsonScanner scanner;
    private final int maxBodyBytes;
    private final DecodeStatus status = new DecodeStatus();
    private final BodyHasher hasher = new BodyHasher();
    private final RecentStrings recent = new RecentStrings();
    private final InputReader input;
    private final FieldNames names;
    private byte[] copyBuffer = new byte[0];
    private String envelopeSignNo;
    private long inputA;
    private long inputB;

    /** A decoder with the default {@link Limits}. */
    public RequestDecoder()
    {
        this(new Limits());
    }

    /** @param limits size limits (validated with {@link Limits#conclude()}; values copied). */
    public RequestDecoder(final Limits limits)
    {
        limits.conclude();
        this.maxBodyBytes = limits.maxBodyBytes();
        this.scanner = new JsonScanner(limits.maxDepth());
        this.names = hasher.names();
        this.input = new InputReader(status, hasher, recent, limits.maxFeeLines());
    }

    /**
     * @param buf bytes holding the body.
     * @param off first byte.
     * @param len body length.
     * @param req cleared and filled.
     * @return {@link ErrorCode#NONE}, or the refusal ({@link #lastErrorMessage()} says why).
     */
    public ErrorCode decode(final byte[] buf, final int off, final int len, final SettlementRequest req)
    {
        return decode(buf, off, len, null, req);
    }

    /**
     * @param buf        bytes holding the body.
     * @param off        first byte.
     * @param len        body length.
     * @param pathInfno  the {@code infno} the URL path implies (per-service paths), or null; the
     *                   body's {@code infno} wins when both are present.
     * @param req        cleared and filled.
     * @return {@link ErrorCode#NONE}, or the refusal.
     */
    public ErrorCode decode(final byte[] buf, final int off, final int len, final String pathInfno, final SettlementRequest req)
    {
        req.clear();
        status.reset();
        input.reset();
        envelopeSignNo = null;
        if (len > maxBodyBytes)
        {
            status.fail(DecodeStatus.JSON, ErrorCode.E5006, "request body is " + len + " bytes (at most " + maxBodyBytes + ")");
            return status.code;
        }
        try
        {
            scanner.wrap(buf, off, len);
            final int t = scanner.first();
            if (t != JsonScanner.OBJECT)
            {
                status.fail(DecodeStatus.JSON, ErrorCode.E5001, t == JsonScanner.EMPTY ? "empty body" : "body must be a JSON object");
                return status.code;
            }
            readEnvelope(req);
            if (!scanner.atEnd())
            {
                trailing();
            }
        }
        catch (final JsonSyntaxException e)
        {
            status.fail(DecodeStatus.JSON, ErrorCode.E5001, (e.limit ? "JSON over a limit: " : "malformed JSON ") + e.getMessage());
        }
        if (!status.has(DecodeStatus.JSON))
        {
            complete(req, pathInfno);
        }
        return status.code;
    }

    /**
     * @param buffer a buffer holding the body.
     * @param off    first byte.
     * @param len    body length.
     * @param req    cleared and filled.
     * @return {@link ErrorCode#NONE}, or the refusal.
     */
    public ErrorCode decode(final DirectBuffer buffer, final int off, final int len, final SettlementRequest req)
    {
        return decode(buffer, off, len, null, req);
    }

    /**
     * @param buffer a buffer holding the body (copied once when it has no backing array).
     * @param off    first byte.
     * @param len    body length.
     * @param pathInfno as in {@link #decode(byte[], int, int, String, SettlementRequest)}.
     * @param req    cleared and filled.
     * @return {@link ErrorCode#NONE}, or the refusal.
     */
    public ErrorCode decode(final DirectBuffer buffer, final int off, final int len, final String pathInfno,
        final SettlementRequest req)
    {
        final byte[] array = buffer.byteArray();
        if (array != null)
        {
            return decode(array, buffer.wrapAdjustment() + off, len, pathInfno, req);
        }
        if (len > maxBodyBytes)
        {
            return decode(copyBuffer, 0, len, pathInfno, req);
        }
        if (copyBuffer.length < len)
        {
            copyBuffer = new byte[Math.max(len, Math.min(maxBodyBytes, copyBuffer.length * 2))];
        }
        buffer.getBytes(off, copyBuffer, 0, len);
        return decode(copyBuffer, 0, len, pathInfno, req);
    }

    /** @return why the last decode was refused, without the code prefix; null after a success. */
    public String lastErrorMessage()
    {
        return status.message;
    }

    /** @return the last decode's result. */
    public ErrorCode lastError()
    {
        return status.code;
    }

    /** Reads the root object's fields; only {@code input} is hashed (the envelope changes on a re-send). */
    private void readEnvelope(final SettlementRequest req) throws JsonSyntaxException
    {
        final JsonScanner s = scanner;
        while (s.nextField())
        {
            final FieldNames.Name name = names.lookup(s);
            final int id = name.envelope;
            final String field = name.text;
            final int t = s.value();
            switch (id)
            {
                case 0 -> req.infno = text(t, field, Limits.INFNO_MAX, id);
                case 1 -> req.msgid = text(t, field, Limits.MSGID_MAX, id);
                case 2 -> req.mdtrtareaAdmvs = text(t, field, Limits.ADMDVS_MAX, id);
                case 3 -> req.insuplcAdmdvs = text(t, field, Limits.ADMDVS_MAX, id);
                case 4 -> req.recerSysCode = text(t, field, Limits.RECER_SYS_CODE_MAX, id);
                case 5 -> text(t, field, Limits.DEV_NO_MAX, id);
                case 6 -> text(t, field, Limits.DEV_SAFE_INFO_MAX, id);
                case 7 -> req.cainfo = text(t, field, Limits.CAINFO_MAX, id);
                case 8 -> req.signtype = text(t, field, Limits.SIGNTYPE_MAX, id);
                case 9 -> req.infver = text(t, field, Limits.INFVER_MAX, id);
                case 10 -> req.opterType = text(t, field, Limits.OPTER_TYPE_MAX, id);
                case 11 -> req.opter = text(t, field, Limits.OPTER_MAX, id);
                case 12 -> req.opterName = text(t, field, Limits.OPTER_NAME_MAX, id);
                case 13 -> req.infTimeText = text(t, field, Limits.INF_TIME_MAX, id);
                case 14 -> req.fixmedinsCode = text(t, field, Limits.FIXMEDINS_CODE_MAX, id);
                case 15 -> req.fixmedinsName = text(t, field, Limits.FIXMEDINS_NAME_MAX, id);
                case 16 -> envelopeSignNo = text(t, field, Limits.SIGN_NO_MAX, id);
                case FieldNames.INPUT ->
                {
                    input.read(s, t, req);
                    inputA = hasher.a;
                    inputB = hasher.b;
                }
                default -> skip(t);
            }
        }
    }

    private void skip(final int t) throws JsonSyntaxException
    {
        if (t == JsonScanner.OBJECT || t == JsonScanner.ARRAY)
        {
            scanner.skipChildren();
        }
    }

    /** After the root object: another value is "content after"; anything else is malformed, as Jackson says. */
    private void trailing() throws JsonSyntaxException
    {
        status.fail(DecodeStatus.JSON, ErrorCode.E5001, "content after the JSON object" + scanner.trailingToken());
    }

    private String text(final int t, final String field, final int maxLength, final int slot) throws JsonSyntaxException
    {
        if (t == JsonScanner.OBJECT || t == JsonScanner.ARRAY)
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5001, field + " must be a string");
            scanner.skipChildren();
            return null;
        }
        if (t == JsonScanner.NULL)
        {
            return null;
        }
        if (scanner.isNullText())
        {
            return null;
        }
        final int length = scanner.textLength();
        if (length > maxLength && !status.has(DecodeStatus.ENVELOPE))
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5003, field + " is " + length + " characters (at most " + maxLength + ")");
        }
        return recent.get(RecentStrings.ENVELOPE + slot, scanner);
    }

    private void complete(final SettlementRequest req, final String pathInfno)
    {
        if (req.infno == null && pathInfno != null && !pathInfno.isEmpty())
        {
            req.infno = pathInfno;
        }
        req.txn = Transactions.txnOf(req.infno);
        if (req.signNo == null)
        {
            req.signNo = envelopeSignNo;
        }
        checkEnvelope(req);
        if (!input.present())
        {
            inputA = 0;
            inputB = 0;
        }
        fillFromLines(req);
        hasher.string(req.infno == null ? "" : req.infno);
        req.bodyDigestHi = BodyHasher.mix(hasher.a * 0x9E3779B185EBCA87L + inputA);
        req.bodyDigestLo = BodyHasher.mix((hasher.b ^ inputB) * 0xC2B2AE3D27D4EB4FL + 0x27D4EB2F165667C5L);
    }

    private void checkEnvelope(final SettlementRequest req)
    {
        if (req.infno == null)
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5002, "infno is missing");
        }
        if (req.msgid == null)
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5002, "msgid is missing");
        }
        else if (req.msgid.length() < Limits.MSGID_MIN)
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5001, "msgid " + req.msgid + " is " + req.msgid.length() +
                " characters (expected 27-30: fixmedins_code + yyyyMMddHHmmss + serial)");
        }
        if (req.fixmedinsCode == null)
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5002, "fixmedins_code is missing");
        }
        if (req.infTimeText == null)
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5002, "inf_time is missing");
        }
        else
        {
            final long t = Dates.parseDateTime(req.infTimeText);
            if (t == Dates.NOT_A_TIME)
            {
                status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5001, "inf_time " + req.infTimeText + " is not yyyy-MM-dd HH:mm:ss");
            }
            else
            {
                req.infTime = t;
            }
        }
        final String node = Transactions.inputNode(req.txn);
        if (node != null && !input.present())
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5002, "input is missing");
        }
        else if (node != null && input.isObject() && !input.hasNode(node) && !pharmacyAsData(node, input))
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5002, "input." + node + " is missing");
        }
    }

    /** 2101/2102 may also come shaped like 2207: {@code data} + {@code feedetail} (issue #3: settle's inline lines). */
    private static boolean pharmacyAsData(final String node, final InputReader input)
    {
        return "druginfo".equals(node) && input.hasNode("data");
    }

    /** dise_codg, mdtrt_id, psn_no and chrg_bchno default to the first fee line's (2204/2301 carry them per line). */
    private static void fillFromLines(final SettlementRequest req)
    {
        if (req.lineCount() == 0)
        {
            return;
        }
        final FeeLine first = req.line(0);
        if (req.diseCodg == null)
        {
            req.diseCodg = first.diseCodg;
        }
        if (req.mdtrtId == null)
        {
            req.mdtrtId = first.mdtrtId;
        }
        if (req.psnNo == null)
        {
            req.psnNo = first.psnNo;
        }
        if (req.chrgBchno == null)
        {
            req.chrgBchno = first.chrgBchno;
        }
    }
}
