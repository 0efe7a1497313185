package io.medgw.codec.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.medgw.codec.Dates;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.Limits;
import io.medgw.codec.Transactions;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import org.agrona.DirectBuffer;

import java.io.IOException;

/**
 * Decodes a national-interface request envelope (national-interface.md §1.3) from UTF-8 JSON into
 * a reused {@link SettlementRequest}, with Jackson's streaming parser: keys in any order, unknown
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
    private final JsonFactory factory;
    private final int maxBodyBytes;
    private final DecodeStatus status = new DecodeStatus();
    private final BodyHasher hasher = new BodyHasher();
    private final CharSlice slice = new CharSlice();
    private final RecentStrings recent = new RecentStrings();
    private final InputReader input;
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
        this.factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth()).build())
            .build();
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
        try (JsonParser p = factory.createParser(buf, off, len))
        {
            final JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT)
            {
                status.fail(DecodeStatus.JSON, ErrorCode.E5001, t == null ? "empty body" : "body must be a JSON object");
                return status.code;
            }
            readEnvelope(p, req);
            if (p.nextToken() != null)
            {
                status.fail(DecodeStatus.JSON, ErrorCode.E5001, "content after the JSON object" + at(p.currentLocation()));
            }
        }
        catch (final StreamConstraintsException e)
        {
            status.fail(DecodeStatus.JSON, ErrorCode.E5001, "JSON over a limit: " + e.getOriginalMessage());
        }
        catch (final JsonProcessingException e)
        {
            status.fail(DecodeStatus.JSON, ErrorCode.E5001, "malformed JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        }
        catch (final IOException e)
        {
            status.fail(DecodeStatus.JSON, ErrorCode.E5001, "unreadable body: " + e.getMessage());
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

    private void readEnvelope(final JsonParser p, final SettlementRequest req) throws IOException
    {
        String name;
        while ((name = p.nextFieldName()) != null)
        {
            final JsonToken t = p.nextToken();
            switch (name)
            {
                case "infno" -> req.infno = text(p, t, name, Limits.INFNO_MAX, 0);
                case "msgid" -> req.msgid = text(p, t, name, Limits.MSGID_MAX, 1);
                case "mdtrtarea_admvs", "mdtrtarea_admdvs" -> req.mdtrtareaAdmvs = text(p, t, name, Limits.ADMDVS_MAX, 2);
                case "insuplc_admdvs" -> req.insuplcAdmdvs = text(p, t, name, Limits.ADMDVS_MAX, 3);
                case "recer_sys_code" -> req.recerSysCode = text(p, t, name, Limits.RECER_SYS_CODE_MAX, 4);
                case "dev_no" -> text(p, t, name, Limits.DEV_NO_MAX, 5);
                case "dev_safe_info" -> text(p, t, name, Limits.DEV_SAFE_INFO_MAX, 6);
                case "cainfo" -> req.cainfo = text(p, t, name, Limits.CAINFO_MAX, 7);
                case "signtype" -> req.signtype = text(p, t, name, Limits.SIGNTYPE_MAX, 8);
                case "infver" -> req.infver = text(p, t, name, Limits.INFVER_MAX, 9);
                case "opter_type" -> req.opterType = text(p, t, name, Limits.OPTER_TYPE_MAX, 10);
                case "opter" -> req.opter = text(p, t, name, Limits.OPTER_MAX, 11);
                case "opter_name" -> req.opterName = text(p, t, name, Limits.OPTER_NAME_MAX, 12);
                case "inf_time" -> req.infTimeText = text(p, t, name, Limits.INF_TIME_MAX, 13);
                case "fixmedins_code" -> req.fixmedinsCode = text(p, t, name, Limits.FIXMEDINS_CODE_MAX, 14);
                case "fixmedins_name" -> req.fixmedinsName = text(p, t, name, Limits.FIXMEDINS_NAME_MAX, 15);
                case "sign_no" -> envelopeSignNo = text(p, t, name, Limits.SIGN_NO_MAX, 16);
                case "input" ->
                {
                    input.read(p, t, req);
                    inputA = hasher.a;
                    inputB = hasher.b;
                }
                default -> p.skipChildren();
            }
        }
    }

    private String text(final JsonParser p, final JsonToken t, final String field, final int maxLength, final int slot)
        throws IOException
    {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5001, field + " must be a string");
            p.skipChildren();
            return null;
        }
        if (t == JsonToken.VALUE_NULL)
        {
            return null;
        }
        slice.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (slice.isNullText())
        {
            return null;
        }
        if (slice.length() > maxLength && !status.has(DecodeStatus.ENVELOPE))
        {
            status.fail(DecodeStatus.ENVELOPE, ErrorCode.E5003,
                field + " is " + slice.length() + " characters (at most " + maxLength + ")");
        }
        return recent.get(RecentStrings.ENVELOPE + slot, slice);
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

    private static String at(final JsonLocation loc)
    {
        return loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }
}
