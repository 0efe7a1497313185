package io.medgw.codec.reply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.medgw.codec.Dates;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes national-interface response envelopes (national-interface.md §1.4) as UTF-8 JSON into a
 * reused {@link ByteSink}, through one reused Jackson generator (responses are successive root
 * values with no separator). Field order: {@code infcode} (a JSON number: 0, -1, -2),
 * {@code inf_refmsgid}, {@code refmsg_time}, {@code respond_time}, {@code err_msg} ("E5005: …" on
 * failure, null on success), {@code warn_msg}, {@code cainfo}, {@code signtype} (null), then
 * {@code output} (null on failure). Output values follow {@link OutputWriter}'s conventions.
 * <p>
 * Use: {@link #header} once per response, then one of {@link #encodeError},
 * {@link #encodeSettlement}, {@link #encodeFeeResults}, or {@link #beginOutput()} + the
 * {@link #output()} helpers (or the generator) + {@link #finish()}. The bytes are {@link #sink()}
 * {@code [0, length)} until the next response. After warm-up nothing allocates. One instance per
 * thread.
 */
public final class ResponseEncoder
{
    /** China Standard Time, the zone of every timestamp on the wire by default. */
    public static final int DEFAULT_ZONE_OFFSET_SECONDS = 8 * 3600;
    /** Length of {@code err_msg} in the spec; longer messages are cut. */
    public static final int ERR_MSG_MAX = 200;

    private static final SerializedString INFCODE = new SerializedString("infcode");
    private static final SerializedString INF_REFMSGID = new SerializedString("inf_refmsgid");
    private static final SerializedString REFMSG_TIME = new SerializedString("refmsg_time");
    private static final SerializedString RESPOND_TIME = new SerializedString("respond_time");
    private static final SerializedString ERR_MSG = new SerializedString("err_msg");
    private static final SerializedString WARN_MSG = new SerializedString("warn_msg");
    private static final SerializedString CAINFO = new SerializedString("cainfo");
    private static final SerializedString SIGNTYPE = new SerializedString("signtype");
    private static final SerializedString OUTPUT = new SerializedString("output");
    private static final int[] DATE_TIME_DIGITS = { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18 };
    private static final long SERIAL_MOD = 10_000_000_000L;

    private final JsonFactory factory = new JsonFactory();
    private final ByteSink sink = new ByteSink();
    private final OutputWriter out = new OutputWriter();
    private final long zoneOffsetMs;
    private final StringBuilder text = new StringBuilder(256);
    private final char[] chars = new char[32];
    private JsonGenerator gen;
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
        newGenerator();
    }

    private void newGenerator()
    {
        try
        {
            gen = factory.createGenerator(sink);
            gen.setRootValueSeparator(null);
            out.use(gen);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
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
        try
        {
            begin(code.infcode());
            if (code == ErrorCode.NONE)
            {
                gen.writeNull();
            }
            else
            {
                text.setLength(0);
                text.append(code.name()).append(": ").append(message != null ? message : code.summary());
                out.charsValue(text, ERR_MSG_MAX);
            }
            endHeader();
            gen.writeNull();
            gen.writeEndObject();
            gen.flush();
            return sink;
        }
        catch (final IOException e)
        {
            throw failed(e);
        }
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
        try
        {
            beginSuccess();
            out.settlement().write(req, res);
            return end();
        }
        catch (final IOException e)
        {
            throw failed(e);
        }
    }

    /**
     * The answer to 2204/2301: {@code output.result[]}, one row per fee line (§3.3).
     *
     * @param req the request whose lines were priced.
     * @return the sink holding the response.
     */
    public ByteSink encodeFeeResults(final SettlementRequest req)
    {
        try
        {
            beginSuccess();
            out.settlement().lines(SettlementOutputWriter.RESULT, req);
            return end();
        }
        catch (final IOException e)
        {
            throw failed(e);
        }
    }

    /**
     * Starts a successful response and opens {@code output}; write its nodes with {@link #output()}
     * (or the generator), then call {@link #finish()}.
     *
     * @return the generator, positioned inside the {@code output} object.
     */
    public JsonGenerator beginOutput()
    {
        try
        {
            beginSuccess();
            return gen;
        }
        catch (final IOException e)
        {
            throw failed(e);
        }
    }

    /** Closes {@code output} and the envelope. @return the sink holding the response. */
    public ByteSink finish()
    {
        try
        {
            return end();
        }
        catch (final IOException e)
        {
            throw failed(e);
        }
    }

    private void beginSuccess() throws IOException
    {
        begin(0);
        gen.writeNull();
        endHeader();
        gen.writeStartObject();
    }

    private ByteSink end() throws IOException
    {
        gen.writeEndObject();
        gen.writeEndObject();
        gen.flush();
        return sink;
    }

    /** Writes the envelope up to the name {@code err_msg}. */
    private void begin(final int infcode) throws IOException
    {
        if (!gen.getOutputContext().inRoot())
        {
            newGenerator(); // the previous response was abandoned half-written
        }
        sink.reset();
        gen.writeStartObject();
        gen.writeFieldName(INFCODE);
        gen.writeNumber(infcode);
        gen.writeFieldName(INF_REFMSGID);
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
        gen.writeString(chars, 0, n + 10);
        gen.writeFieldName(REFMSG_TIME);
        writeMillisTime(receivedMs);
        gen.writeFieldName(RESPOND_TIME);
        writeMillisTime(respondMs);
        gen.writeFieldName(ERR_MSG);
    }

    /** Writes warn_msg, cainfo, signtype and the name {@code output}. */
    private void endHeader() throws IOException
    {
        gen.writeFieldName(WARN_MSG);
        gen.writeNull();
        gen.writeFieldName(CAINFO);
        gen.writeNull();
        gen.writeFieldName(SIGNTYPE);
        gen.writeNull();
        gen.writeFieldName(OUTPUT);
    }

    /** {@code yyyyMMddHHmmssSSS} in the wire's zone. */
    private void writeMillisTime(final long epochMs) throws IOException
    {
        int n = compactTime(epochMs, 0);
        final int ms = (int)Math.floorMod(epochMs, 1000L);
        chars[n++] = (char)('0' + ms / 100);
        chars[n++] = (char)('0' + (ms / 10) % 10);
        chars[n++] = (char)('0' + ms % 10);
        gen.writeString(chars, 0, n);
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

    private RuntimeException failed(final IOException e)
    {
        newGenerator();
        return new UncheckedIOException(e);
    }
}
