package io.medgw.gateway.net;

import org.agrona.concurrent.EpochClock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local wall-clock time in the gateway's configured zone, for the envelope's compact timestamps
 * ({@code refmsg_time}/{@code respond_time} {@code yyyyMMddHHmmssSSS}, and the 14 digits inside
 * {@code inf_refmsgid}). The zone offset is cached between transitions, so steady-state calls
 * allocate nothing. Netty-free; thread-safe.
 */
public final class WireClock
{
    private final ZoneRules rules;
    private final EpochClock clock;
    private volatile OffsetWindow window = new OffsetWindow(0, 0, 0);

    /**
     * @param zone the configured zone (e.g. Asia/Shanghai).
     * @param clock wall clock, epoch milliseconds.
     */
    public WireClock(final ZoneId zone, final EpochClock clock)
    {
        this.rules = zone.getRules();
        this.clock = clock;
    }

    /** @return the wall clock now, epoch milliseconds. */
    public long epochMs()
    {
        return clock.time();
    }

    /**
     * @param epochMs an instant, epoch milliseconds.
     * @return the same instant as local milliseconds (epoch millis shifted by the zone offset).
     */
    public long localMs(final long epochMs)
    {
        OffsetWindow w = window;
        if (epochMs < w.fromMs || epochMs >= w.toMs)
        {
            w = OffsetWindow.at(rules, epochMs);
            window = w;
        }
        return epochMs + w.offsetMs;
    }

    /**
     * Writes {@code yyyyMMddHHmmss} (14 bytes) or {@code yyyyMMddHHmmssSSS} (17 bytes) as ASCII.
     *
     * @param localMs local milliseconds (see {@link #localMs(long)}).
     * @param dst target.
     * @param offset first byte.
     * @param withMillis true for the 17-digit form.
     * @return the offset after the last byte written.
     */
    public static int writeCompact(final long localMs, final byte[] dst, final int offset, final boolean withMillis)
    {
        final long days = Math.floorDiv(localMs, 86_400_000L);
        final int msOfDay = (int)Math.floorMod(localMs, 86_400_000L);
        // civil_from_days (H. Hinnant)
        final long z = days + 719_468;
        final long era = (z >= 0 ? z : z - 146_096) / 146_097;
        final int doe = (int)(z - era * 146_097);
        final int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final int mp = (5 * doy + 2) / 153;
        final int d = doy - (153 * mp + 2) / 5 + 1;
        final int m = mp < 10 ? mp + 3 : mp - 9;
        final int y = (int)(yoe + era * 400 + (m <= 2 ? 1 : 0));
        int p = digits(y, 4, dst, offset);
        p = digits(m, 2, dst, p);
        p = digits(d, 2, dst, p);
        p = digits(msOfDay / 3_600_000, 2, dst, p);
        p = digits((msOfDay / 60_000) % 60, 2, dst, p);
        p = digits((msOfDay / 1000) % 60, 2, dst, p);
        return withMillis ? digits(msOfDay % 1000, 3, dst, p) : p;
    }

    /**
     * Writes a non-negative number as exactly {@code width} decimal digits (keeps the low digits).
     *
     * @param value number.
     * @param width digits.
     * @param dst target.
     * @param offset first byte.
     * @return the offset after the last digit.
     */
    public static int digits(final long value, final int width, final byte[] dst, final int offset)
    {
        long v = value;
        for (int i = offset + width - 1; i >= offset; i--)
        {
            dst[i] = (byte)('0' + (v % 10));
            v /= 10;
        }
        return offset + width;
    }

    private static final class OffsetWindow
    {
        final long fromMs;
        final long toMs;
        final long offsetMs;

        OffsetWindow(final long fromMs, final long toMs, final long offsetMs)
        {
            this.fromMs = fromMs;
            this.toMs = toMs;
            this.offsetMs = offsetMs;
        }

        static OffsetWindow at(final ZoneRules rules, final long epochMs)
        {
            final Instant instant = Instant.ofEpochMilli(epochMs);
            final ZoneOffsetTransition prev = rules.previousTransition(instant.plusMillis(1)); // at or before instant
            final ZoneOffsetTransition next = rules.nextTransition(instant);
            return new OffsetWindow(
                prev == null ? Long.MIN_VALUE : prev.toEpochSecond() * 1000,
                next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000,
                rules.getOffset(instant).getTotalSeconds() * 1000L);
        }
    }
}
