package io.medgw.gateway.net;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.config.GatewayContext;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Writes the response envelope of a refusal that carries no output (national-interface.md §1.4):
 * <pre>
 * {"infcode":-2,"inf_refmsgid":"&lt;admdvs 6&gt;&lt;yyyyMMddHHmmss&gt;&lt;serial 10&gt;","refmsg_time":"yyyyMMddHHmmssSSS",
 *  "respond_time":"yyyyMMddHHmmssSSS","err_msg":"E5006: request body too large","warn_msg":null,
 *  "cainfo":null,"signtype":null,"output":null}
 * </pre>
 * Used by the edge for transport refusals (E5004, E5006, E5009, E9003, E9004) and by the inbound
 * listener for overload (E9001). The serial comes from the context's shared source, so edge and
 * pipeline never repeat an inf_refmsgid. Netty-free; thread-safe; {@link #encode(ErrorCode, long, byte[], int)}
 * allocates nothing.
 */
public final class ErrorEnvelope
{
    /** Upper bound of an encoded envelope, bytes. */
    public static final int MAX_LENGTH = 768;

    private static final byte[] INFCODE = ascii("{\"infcode\":");
    private static final byte[] REFMSGID = ascii(",\"inf_refmsgid\":\"");
    private static final byte[] REFMSG_TIME = ascii("\",\"refmsg_time\":\"");
    private static final byte[] RESPOND_TIME = ascii("\",\"respond_time\":\"");
    private static final byte[] ERR_MSG = ascii("\",\"err_msg\":\"");
    private static final byte[] DETAIL_SEPARATOR = ascii(": ");
    private static final int MAX_DETAIL = 160;
    private static final byte[] TAIL = ascii("\",\"warn_msg\":null,\"cainfo\":null,\"signtype\":null,\"output\":null}");
    private static final byte[][] MESSAGES = new byte[ErrorCode.values().length][];
    private static final byte[][] INFCODES = new byte[ErrorCode.values().length][];

    static
    {
        for (final ErrorCode c : ErrorCode.values())
        {
            final String text = c.name() + ": " + c.summary();
            MESSAGES[c.ordinal()] = text.replace("\\", "\\\\").replace("\"", "\\\"").getBytes(StandardCharsets.UTF_8);
            INFCODES[c.ordinal()] = ascii(Integer.toString(c.infcode()));
            if (MESSAGES[c.ordinal()].length > MAX_LENGTH - 256 - MAX_DETAIL - 2)
            {
                throw new IllegalStateException("error summary too long for MAX_LENGTH: " + c);
            }
        }
    }

    private final byte[] admdvs;
    private final WireClock clock;
    private final LongSupplier serial;

    /** @param ctx concluded context: receiver admdvs, time zone, epoch clock, serial source. */
    public ErrorEnvelope(final GatewayContext ctx)
    {
        this(ctx.receiverAdmdvs(), new WireClock(ctx.timeZone(), ctx.epochClock()), ctx.refMsgSerial());
    }

    /**
     * @param receiverAdmdvs six digits that start inf_refmsgid.
     * @param clock local wall clock.
     * @param serial thread-safe serial source (the low 10 digits are used).
     */
    public ErrorEnvelope(final String receiverAdmdvs, final WireClock clock, final LongSupplier serial)
    {
        this.admdvs = ascii(receiverAdmdvs);
        this.clock = clock;
        this.serial = serial;
    }

    /**
     * @param code the refusal.
     * @param receivedEpochMs when the request arrived (refmsg_time); respond_time is now.
     * @param dst target with at least {@link #MAX_LENGTH} bytes from offset.
     * @param offset first byte.
     * @return number of bytes written.
     */
    public int encode(final ErrorCode code, final long receivedEpochMs, final byte[] dst, final int offset)
    {
        return encode(code, null, receivedEpochMs, dst, offset);
    }

    /**
     * As {@link #encode(ErrorCode, long, byte[], int)}, with what exactly was wrong after the code's
     * summary in {@code err_msg} ({@code "E5001: malformed request: " + detail}).
     *
     * @param code            the refusal.
     * @param detail          from {@link #detail(String)}, or null.
     * @param receivedEpochMs when the request arrived (refmsg_time); respond_time is now.
     * @param dst             target with at least {@link #MAX_LENGTH} bytes from offset.
     * @param offset          first byte.
     * @return number of bytes written.
     */
    public int encode(final ErrorCode code, final byte[] detail, final long receivedEpochMs, final byte[] dst,
        final int offset)
    {
        final long nowLocal = clock.localMs(clock.epochMs());
        final long receivedLocal = clock.localMs(receivedEpochMs);
        int p = put(INFCODE, dst, offset);
        p = put(INFCODES[code.ordinal()], dst, p);
        p = put(REFMSGID, dst, p);
        p = put(admdvs, dst, p);
        p = WireClock.writeCompact(nowLocal, dst, p, false);
        p = WireClock.digits(Math.floorMod(serial.getAsLong(), 10_000_000_000L), 10, dst, p);
        p = put(REFMSG_TIME, dst, p);
        p = WireClock.writeCompact(receivedLocal, dst, p, true);
        p = put(RESPOND_TIME, dst, p);
        p = WireClock.writeCompact(nowLocal, dst, p, true);
        p = put(ERR_MSG, dst, p);
        p = put(MESSAGES[code.ordinal()], dst, p);
        if (detail != null)
        {
            p = put(DETAIL_SEPARATOR, dst, p);
            p = put(detail, dst, p);
        }
        p = put(TAIL, dst, p);
        return p - offset;
    }

    /**
     * Allocating convenience for tests and the admin side.
     *
     * @param code the refusal.
     * @return the envelope bytes, received now.
     */
    public byte[] encode(final ErrorCode code)
    {
        final byte[] out = new byte[MAX_LENGTH];
        final int n = encode(code, clock.epochMs(), out, 0);
        return Arrays.copyOf(out, n);
    }

    /**
     * Encodes a fixed explanation once, at class initialisation (so refusing allocates nothing).
     *
     * @param text what was wrong and what to do (at most {@value #MAX_DETAIL} bytes in UTF-8).
     * @return the JSON-escaped bytes for {@link #encode(ErrorCode, byte[], long, byte[], int)}.
     */
    public static byte[] detail(final String text)
    {
        final byte[] b = text.replace("\\", "\\\\").replace("\"", "\\\"").getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_DETAIL)
        {
            throw new IllegalArgumentException("detail longer than " + MAX_DETAIL + " bytes: " + text);
        }
        return b;
    }

    private static int put(final byte[] src, final byte[] dst, final int offset)
    {
        System.arraycopy(src, 0, dst, offset, src.length);
        return offset + src.length;
    }

    private static byte[] ascii(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
