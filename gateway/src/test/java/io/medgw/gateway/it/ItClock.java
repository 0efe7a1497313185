package io.medgw.gateway.it;

import io.medgw.codec.Dates;
import org.agrona.concurrent.EpochClock;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The gateway's wall clock in the end-to-end tests: pinned to a start instant inside the years the
 * test region has policies for (2026), then advancing with real time, so that inf_time "now" is
 * always within the gateway's clock skew and every settlement date is known in advance. The wire's
 * zone is China Standard Time (UTC+8, no daylight saving).
 */
final class ItClock implements EpochClock
{
    /** 2026-03-02 10:00:00 in Asia/Shanghai. */
    static final String DEFAULT_START = "2026-03-02T10:00:00";
    private static final int OFFSET_SEC = 8 * 3600;

    private final long startMs;
    private final long startNs = System.nanoTime();

    /** A clock starting at {@link #DEFAULT_START}. */
    ItClock()
    {
        this(DEFAULT_START);
    }

    /** @param localStart ISO local date-time in UTC+8 at which the clock starts. */
    ItClock(final String localStart)
    {
        this.startMs = LocalDateTime.parse(localStart).toInstant(ZoneOffset.ofHours(8)).toEpochMilli();
    }

    @Override
    public long time()
    {
        return startMs + (System.nanoTime() - startNs) / 1_000_000L;
    }

    /** @return now as local epoch seconds (the unit of inf_time). */
    long nowLocalSec()
    {
        return Math.floorDiv(time(), 1000L) + OFFSET_SEC;
    }

    /** @param offsetSec seconds to add to now. @return {@code yyyy-MM-dd HH:mm:ss} local. */
    String infTime(final long offsetSec)
    {
        return Dates.formatDateTime(nowLocalSec() + offsetSec);
    }

    /** @return now as {@code yyyy-MM-dd HH:mm:ss} local. */
    String infTime()
    {
        return infTime(0);
    }

    /** @return now as {@code yyyyMMddHHmmss} local (the middle of a msgid). */
    String compactNow()
    {
        return infTime().replace("-", "").replace(" ", "").replace(":", "");
    }
}
