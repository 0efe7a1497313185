package io.medgw.codec;

/**
 * Dates as {@code int} epoch days and local date-times as {@code long} "local epoch seconds"
 * ({@code epochDay × 86400 + secondOfDay}, no zone: the wire's {@code inf_time} is already in the
 * gateway's configured zone). Parsing and formatting allocate nothing but the output text.
 * Stateless; safe from any thread.
 */
public final class Dates
{
    /** Returned when the text is not a valid date or date-time. */
    public static final int NOT_A_DATE = Integer.MIN_VALUE;
    /** Returned when the text is not a valid date-time. */
    public static final long NOT_A_TIME = Long.MIN_VALUE;
    public static final int SECONDS_PER_DAY = 86_400;

    private Dates()
    {
    }

    /**
     * @param text {@code yyyy-MM-dd} (also accepts {@code yyyyMMdd}).
     * @return epoch day, or {@link #NOT_A_DATE}.
     */
    public static int parseDate(final CharSequence text)
    {
        final int n = text.length();
        if (n == 10 && text.charAt(4) == '-' && text.charAt(7) == '-')
        {
            return ofYmd(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        }
        if (n == 8)
        {
            return ofYmd(digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8));
        }
        return NOT_A_DATE;
    }

    /**
     * @param text {@code yyyy-MM-dd HH:mm:ss} (also {@code yyyy-MM-ddTHH:mm:ss}).
     * @return local epoch seconds, or {@link #NOT_A_TIME}.
     */
    public static long parseDateTime(final CharSequence text)
    {
        if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':' ||
            text.charAt(16) != ':' || (text.charAt(10) != ' ' && text.charAt(10) != 'T'))
        {
            return NOT_A_TIME;
        }
        final int day = ofYmd(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        final int h = digits(text, 11, 13);
        final int m = digits(text, 14, 16);
        final int s = digits(text, 17, 19);
        if (day == NOT_A_DATE || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
        {
            return NOT_A_TIME;
        }
        return day * (long)SECONDS_PER_DAY + h * 3600L + m * 60L + s;
    }

    /** @return the epoch day of a local epoch second. */
    public static int dayOf(final long localEpochSecond)
    {
        return (int)Math.floorDiv(localEpochSecond, SECONDS_PER_DAY);
    }

    /** @return the calendar year of an epoch day. */
    public static int yearOf(final int epochDay)
    {
        return (int)(civil(epochDay) >> 16);
    }

    /**
     * @param y year.
     * @param m month 1..12.
     * @param d day of month.
     * @return epoch day, or {@link #NOT_A_DATE} if the date does not exist.
     */
    public static int ofYmd(final int y, final int m, final int d)
    {
        if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
        {
            return NOT_A_DATE;
        }
        // Howard Hinnant's days_from_civil.
        final int yy = m <= 2 ? y - 1 : y;
        final int era = yy / 400;
        final int yoe = yy - era * 400;
        final int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        final int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** Appends {@code yyyy-MM-dd}. @param out target @param epochDay day @return out */
    public static StringBuilder appendDate(final StringBuilder out, final int epochDay)
    {
        final long c = civil(epochDay);
        final int y = (int)(c >> 16);
        final int m = (int)((c >> 8) & 0xFF);
        final int d = (int)(c & 0xFF);
        out.append(y).append('-');
        two(out, m).append('-');
        return two(out, d);
    }

    /** Appends {@code yyyy-MM-dd HH:mm:ss}. @param out target @param localEpochSecond time @return out */
    public static StringBuilder appendDateTime(final StringBuilder out, final long localEpochSecond)
    {
        appendDate(out, dayOf(localEpochSecond)).append(' ');
        final int sod = (int)Math.floorMod(localEpochSecond, SECONDS_PER_DAY);
        two(out, sod / 3600).append(':');
        two(out, (sod / 60) % 60).append(':');
        return two(out, sod % 60);
    }

    /** @return {@code yyyy-MM-dd} as a new String (allocates). @param epochDay day */
    public static String formatDate(final int epochDay)
    {
        return appendDate(new StringBuilder(10), epochDay).toString();
    }

    /** @return {@code yyyy-MM-dd HH:mm:ss} as a new String (allocates). @param t local epoch second */
    public static String formatDateTime(final long t)
    {
        return appendDateTime(new StringBuilder(19), t).toString();
    }

    private static StringBuilder two(final StringBuilder out, final int v)
    {
        return out.append((char)('0' + v / 10)).append((char)('0' + v % 10));
    }

    // civil_from_days, packed as (year << 16) | (month << 8) | day.
    private static long civil(final int epochDay)
    {
        final int z = epochDay + 719_468;
        final int era = (z >= 0 ? z : z - 146_096) / 146_097;
        final int doe = z - era * 146_097;
        final int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final int mp = (5 * doy + 2) / 153;
        final int d = doy - (153 * mp + 2) / 5 + 1;
        final int m = mp < 10 ? mp + 3 : mp - 9;
        final int y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return ((long)y << 16) | ((long)m << 8) | d;
    }

    private static int daysInMonth(final int y, final int m)
    {
        if (m == 2)
        {
            return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
        }
        return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
    }

    private static int digits(final CharSequence text, final int from, final int to)
    {
        int v = 0;
        for (int i = from; i < to; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1_000_000;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
