package io.medgw.codec.reply;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;

/**
 * Writes national-interface response envelopes (national-interface.md §1.4) as UTF-8 JSON into a
 * reused {@link ByteSink}, through a hand-written {@link JsonWriter} (Jackson's generator cost
 * more than the rest of the reply). Field order: {@code infcode} (a JSON number: 0, -1, -2),
 * {@code inf_refmsgid}, {@code refmsg_time}, {@code respond_time}, {@code err_msg} ("E5005: …" on
 * failure, null on success), {@code warn_msg}, {@code cainfo}, {@code signtype} (null), then
 * {@code output} (null on failure). Output values follow {@link OutputWriter}'s conventions.
 * <p>
 * Use: {@link #header} once per response, then one of {@link #encodeError},
 * {@link #encodeSettlement}, {@link #encodeFeeResults}, or {@link #beginOutput()} + the
 * {@link #output()} helpers + {@link #finish()}. The bytes are {@link #sink()}
 * {@code [0, length)} until the next response. After warm-up nothing allocates. One instance per
 * thread.
 */
public final class ResponseEncoder
{
    /** China Standard Time, the zone of every timestamp on the wire by default. */
    public static final int DEFAULT_ZONE_OFFSET_SECONDS = 8 * 3600;
    /** Length of {@code err_msg} in the spec; longer messages are cut. */
    public static final int ERR_MSG_MAX = 200;

    private static final byte[] INFCODE = JsonWriter.name("infcode");
    private static final byte[] INF_REFMSGID = JsonWriter.name("inf_refmsgid");
    private static final byte[] REFMSG_TIME = JsonWriter.name("refmsg_time");
    private static final byte[] RESPOND_TIME = JsonWriter.name("respond_time");
    private static final byte[] ERR_MSG = JsonWriter.name("err_msg");
    private static final byte[] WARN_MSG = JsonWriter.name("warn_msg");
    private static final byte[] CAINFO = JsonWriter.name("cainfo");
    private static final byte[] SIGNTYPE = JsonWriter.name("signtype");
    private static final byte[] OUTPUT = JsonWriter.name("output");
    private static final int[] DATE_TIME_DIGITS = { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18 };
    private static final long SERIAL_MOD = 10_000_000_000L;

    private final ByteSink sink = new ByteSink();
    private final JsonWriter gen = new JsonWriter(sink);
    private final OutputWriter out = new OutputWriter(gen);
    private final long zoneOffsetMs;
    private final StringBuilder text = new StringBuilder(256);
    private final char[] chars = new char[32];
    private String receiverAdmdvs;
    private long serial;
    private long receivedMs;
    private long respondMs;

    /** An encoder for China Standard Time (UTC+8). */
    public ResponseEncoder()
    {
        this(DEFAULT_ZONE_OFFSET_SECONDS);
    }

    /** @param zoneOffsetSeconds offset of the wire's local time from UTC (China: 28800). */
    public ResponseEncoder(final int zoneOffsetSeconds)
    {
        this.zoneOffsetMs = zoneOffsetSeconds * 1000L;
    }

    /**
     * Sets the envelope values of the next response.
     *
     * @param receiverAdmdvs  the gateway's region (6 digits) that starts {@code inf_refmsgid}.
     * @param serial          the gateway's serial for this response (its last 10 digits are used).
     * @param receivedEpochMs when the request arrived (UTC epoch ms): {@code refmsg_time} and the
     *                        time inside {@code inf_refmsgid}.
     * @param respondEpochMs  when the response is sent (UTC epoch ms): {@code respond_time}.
     * @return this.
     */
    public ResponseEncoder header(final String receiverAdmdvs, final long serial, final long receivedEpochMs,
        final long respondEpochMs)
    {
        this.receiverAdmdvs = receiverAdmdvs;
        this.serial = serial;
        this.receivedMs = receivedEpochMs;
        this.respondMs = respondEpochMs;
        return this;
    }

    /** @return where the last response was written. */
    public ByteSink sink()
    {
        return sink;
    }

    /** @return the helpers that write fields of the node being written. */
    public OutputWriter output()
    {
        return out;
    }

    /**
     * @param code    the refusal ({@link ErrorCode#infcode()} gives {@code infcode}).
     * @param message the cashier message without the code, or null for the code's summary.
     * @return the sink holding the response.
     */
    public ByteSink encodeError(final ErrorCode code, final String message)
    {
        begin(code.infcode());
        if (code == ErrorCode.NONE)
        {
            gen.nullValue();
        }
        else
        {
            text.setLength(0);
            text.append(code.name()).append(": ").append(message != null ? message : code.summary());
            out.charsValue(text, ERR_MSG_MAX);
        }
        endHeader();
        gen.nullValue();
        gen.endObject();
        return sink;
    }

    /**
     * The answer to 2206/2207/2208, 2101/2102/2103, 2303/2304/2305: {@code setlinfo},
     * {@code setldetail[]} and {@code detlcutinfo[]} (one row per fee line of {@code req}). A refused
     * result is written as {@link #encodeError}.
     *
     * @param req the request (its msgid is {@code medins_setl_id}; its lines are {@code detlcutinfo}).
     * @param res the result; amounts are printed as held (a cancel's are already negative).
     * @return the sink holding the response.
     */
    public ByteSink encodeSettlement(final SettlementRequest req, final SettlementResult res)
    {
        if (!res.ok())
        {
            return encodeError(res.error, res.errorMessage);
        }
        beginSuccess();
        out.settlement().write(req, res);
        return end();
    }

    /**
     * The answer to 2204/2301: {@code output.result[]}, one row per fee line (§3.3).
     *
     * @param req the request whose lines were priced.
     * @return the sink holding the response.
     */
    public ByteSink encodeFeeResults(final SettlementRequest req)
    {
        beginSuccess();
        out.settlement().lines(SettlementOutputWriter.RESULT, req);
        return end();
    }

    /**
     * Starts a successful response and opens {@code output}; write its nodes with the returned
     * helpers, then call {@link #finish()}.
     *
     * @return {@link #output()}, positioned inside the {@code output} object.
     */
    public OutputWriter beginOutput()
    {
        beginSuccess();
        return out;
    }

    /** Closes {@code output} and the envelope. @return the sink holding the response. */
    public ByteSink finish()
    {
        return end();
    }

    private void beginSuccess()
    {
        begin(0);
        gen.nullValue();
        endHeader();
        gen.startObject();
    }

    private ByteSink end()
    {
        gen.endObject();
        gen.endObject();
        return sink;
    }

    /** Writes the envelope up to the name {@code err_msg}. */
    private void begin(final int infcode)
    {
        gen.reset(); // also forgets a previous response abandoned half-written
        gen.startObject();
        gen.field(INFCODE);
        gen.number(chars, Decimals.format(infcode, 0, chars, 0));
        gen.field(INF_REFMSGID);
        int n = 0;
        for (int i = 0; i < 6; i++)
        {
            chars[n++] = receiverAdmdvs != null && i < receiverAdmdvs.length() ? receiverAdmdvs.charAt(i) : '0';
        }
        n = compactTime(receivedMs, n);
        long s = Math.floorMod(serial, SERIAL_MOD);
        for (int i = n + 9; i >= n; i--)
        {
            chars[i] = (char)('0' + s % 10);
            s /= 10;
        }
        gen.string(chars, n + 10);
        gen.field(REFMSG_TIME);
        writeMillisTime(receivedMs);
        gen.field(RESPOND_TIME);
        writeMillisTime(respondMs);
        gen.field(ERR_MSG);
    }

    /** Writes warn_msg, cainfo, signtype and the name {@code output}. */
    private void endHeader()
    {
        gen.field(WARN_MSG);
        gen.nullValue();
        gen.field(CAINFO);
        gen.nullValue();
        gen.field(SIGNTYPE);
        gen.nullValue();
        gen.field(OUTPUT);
    }

    /** {@code yyyyMMddHHmmssSSS} in the wire's zone. */
    private void writeMillisTime(final long epochMs)
    {
        int n = compactTime(epochMs, 0);
        final int ms = (int)Math.floorMod(epochMs, 1000L);
        chars[n++] = (char)('0' + ms / 100);
        chars[n++] = (char)('0' + (ms / 10) % 10);
        chars[n++] = (char)('0' + ms % 10);
        gen.string(chars, n);
    }

    /** Puts {@code yyyyMMddHHmmss} of {@code epochMs} (wire zone) at {@code chars[pos]}. @return the next position */
    private int compactTime(final long epochMs, final int pos)
    {
        text.setLength(0);
        Dates.appendDateTime(text, Math.floorDiv(epochMs + zoneOffsetMs, 1000L));
        int n = pos;
        for (final int i : DATE_TIME_DIGITS)
        {
            chars[n++] = text.charAt(i);
        }
        return n;
    }
}
