package io.medgw.gateway.reference;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.codec.Units;

/**
 * Typed reading of one cell of the current row of a {@link CsvRows}: each method reports a bad
 * cell as {@code field: reason} on the row's line and returns a sentinel ({@link #BAD} /
 * {@link #BAD_LONG} / null), so a reader checks every cell of a row and keeps the row only if no
 * problem was added. No regex; decimals go straight to scaled integers. Stateless.
 */
final class Cells
{
    static final int BAD = Integer.MIN_VALUE;
    static final long BAD_LONG = Long.MIN_VALUE;
    /** An empty end date: open (9999-12-31). */
    static final int OPEN_END = Dates.ofYmd(9999, 12, 31);

    private static final int SCALE_FEN = 2;
    private static final int SCALE_MICRO = 6;
    private static final int SCALE_BP = 4;

    private Cells()
    {
    }

    /** @return a required {@code yyyy-MM-dd} date as an epoch day, or BAD. */
    static int date(final CsvRows r, final int col)
    {
        final String v = r.required(col);
        return v == null ? BAD : parseDate(r, col, v);
    }

    private static int parseDate(final CsvRows r, final int col, final String v)
    {
        final int day = v.length() == 10 ? Dates.parseDate(v) : Dates.NOT_A_DATE;
        if (day == Dates.NOT_A_DATE)
        {
            r.problem(col, v + " is not a date (yyyy-MM-dd)");
            return BAD;
        }
        return day;
    }

    /**
     * @param begin    the row's begin day (BAD if it was bad: then only the format is checked).
     * @param beginCol the begin column (named in the message).
     * @return an end date, {@link #OPEN_END} when empty, or BAD (also when before begin).
     */
    static int endDate(final CsvRows r, final int col, final int begin, final int beginCol)
    {
        final String v = r.text(col);
        if (v.isEmpty())
        {
            return OPEN_END;
        }
        final int end = parseDate(r, col, v);
        if (end != BAD && begin != BAD && end < begin)
        {
            r.problem(col, v + " is before " + r.column(beginCol) + " " + r.text(beginCol));
            return BAD;
        }
        return end;
    }

    /** @return an optional {@code yyyy-MM-dd HH:mm:ss} as local epoch seconds, Long.MAX_VALUE when empty, or BAD_LONG. */
    static long optionalDateTime(final CsvRows r, final int col)
    {
        final String v = r.text(col);
        if (v.isEmpty())
        {
            return Long.MAX_VALUE;
        }
        final long t = Dates.parseDateTime(v);
        if (t == Dates.NOT_A_TIME || v.charAt(10) != ' ')
        {
            r.problem(col, v + " is not a date-time (yyyy-MM-dd HH:mm:ss)");
            return BAD_LONG;
        }
        return t;
    }

    /** @return a required amount of money (yuan, ≥ 0, whole fen) in fen, or BAD_LONG. */
    static long money(final CsvRows r, final int col)
    {
        final String v = r.required(col);
        return v == null ? BAD_LONG : amount(r, col, v, SCALE_FEN, "is finer than a fen (at most 2 decimals)");
    }

    /** @return an optional amount of money in fen, {@code ifEmpty} when empty, or BAD_LONG. */
    static long money(final CsvRows r, final int col, final long ifEmpty)
    {
        final String v = r.text(col);
        return v.isEmpty() ? ifEmpty : amount(r, col, v, SCALE_FEN, "is finer than a fen (at most 2 decimals)");
    }

    /** @return a cap in fen, {@link Units#NO_CAP} when empty, or BAD_LONG. */
    static long cap(final CsvRows r, final int col)
    {
        return money(r, col, Units.NO_CAP);
    }

    /** @return a unit price cap (yuan, up to 6 decimals) in micro-yuan, {@link Units#NO_CAP} when empty, or BAD_LONG. */
    static long price(final CsvRows r, final int col)
    {
        final String v = r.text(col);
        return v.isEmpty() ? Units.NO_CAP : amount(r, col, v, SCALE_MICRO, "has more than 6 decimals");
    }

    private static long amount(final CsvRows r, final int col, final String v, final int scale, final String tooFine)
    {
        final long x = Decimals.parse(v, scale);
        if (x == Decimals.NOT_A_NUMBER)
        {
            r.problem(col, v + " is not a number");
        }
        else if (x == Decimals.TOO_FINE)
        {
            r.problem(col, v + " " + tooFine);
        }
        else if (x == Decimals.TOO_LARGE)
        {
            r.problem(col, v + " is too large");
        }
        else if (x < 0)
        {
            r.problem(col, v + " is negative");
        }
        else
        {
            return x;
        }
        return BAD_LONG;
    }

    /** @return a required ratio in [0, 1] (at most 4 decimals) in bp, or BAD. */
    static int ratio(final CsvRows r, final int col)
    {
        final String v = r.required(col);
        return v == null ? BAD : ratio(r, col, v, 0);
    }

    /** @return an optional ratio in bp, {@code ifEmpty} when empty, or BAD. */
    static int ratio(final CsvRows r, final int col, final int ifEmpty)
    {
        final String v = r.text(col);
        return v.isEmpty() ? ifEmpty : ratio(r, col, v, 0);
    }

    /** @return a required signed ratio in [-1, 1] in bp, or BAD. */
    static int signedRatio(final CsvRows r, final int col)
    {
        final String v = r.required(col);
        return v == null ? BAD : ratio(r, col, v, -Units.FULL_BP);
    }

    private static int ratio(final CsvRows r, final int col, final String v, final int min)
    {
        final long x = Decimals.parse(v, SCALE_BP);
        if (x == Decimals.NOT_A_NUMBER)
        {
            r.problem(col, v + " is not a number");
        }
        else if (x == Decimals.TOO_FINE)
        {
            r.problem(col, v + " has more than 4 decimals");
        }
        else if (x == Decimals.TOO_LARGE || x < min || x > Units.FULL_BP)
        {
            r.problem(col, v + (min < 0 ? " is outside [-1, 1]" : " is outside [0, 1]"));
        }
        else
        {
            return (int)x;
        }
        return BAD;
    }

    /** @return a flag: 1, 0 (also when empty), or BAD. */
    static int flag(final CsvRows r, final int col)
    {
        final String v = r.text(col);
        if (v.isEmpty() || "0".equals(v))
        {
            return 0;
        }
        if ("1".equals(v))
        {
            return 1;
        }
        r.problem(col, v + " is not a flag (0 or 1)");
        return BAD;
    }

    /** @return a required whole number in [min, max], or BAD. */
    static int number(final CsvRows r, final int col, final int min, final int max)
    {
        final String v = r.required(col);
        return v == null ? BAD : number(r, col, v, min, max);
    }

    /** @return an optional whole number in [min, max], {@code ifEmpty} when empty, or BAD. */
    static int number(final CsvRows r, final int col, final int min, final int max, final int ifEmpty)
    {
        final String v = r.text(col);
        return v.isEmpty() ? ifEmpty : number(r, col, v, min, max);
    }

    private static int number(final CsvRows r, final int col, final String v, final int min, final int max)
    {
        int x = 0;
        final int n = v.length();
        for (int i = 0; i < n; i++)
        {
            final char c = v.charAt(i);
            if (c < '0' || c > '9' || i > 8)
            {
                x = BAD;
                break;
            }
            x = x * 10 + (c - '0');
        }
        if (x == BAD || x < min || x > max)
        {
            r.problem(col, v + " is not a whole number from " + min + " to " + max);
            return BAD;
        }
        return x;
    }

    /** @return a required code of exactly {@code digits} decimal digits (admdvs: 6), or null. */
    static String digits(final CsvRows r, final int col, final int digits)
    {
        final String v = r.required(col);
        if (v == null)
        {
            return null;
        }
        boolean ok = v.length() == digits;
        for (int i = 0; ok && i < digits; i++)
        {
            ok = v.charAt(i) >= '0' && v.charAt(i) <= '9';
        }
        if (!ok)
        {
            r.problem(col, v + " is not " + digits + " digits");
            return null;
        }
        return v;
    }

    /** @return a required cell that must be one of {@code allowed}, as the allowed constant, or null. */
    static String oneOf(final CsvRows r, final int col, final String... allowed)
    {
        final String v = r.required(col);
        if (v == null)
        {
            return null;
        }
        for (final String a : allowed)
        {
            if (a.equals(v))
            {
                return a;
            }
        }
        r.problem(col, v + " is not one of " + String.join(", ", allowed));
        return null;
    }
}
