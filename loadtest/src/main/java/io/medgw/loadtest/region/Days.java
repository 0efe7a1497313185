package io.medgw.loadtest.region;

import io.medgw.codec.Dates;

import java.util.SplittableRandom;

/** Epoch-day constants and helpers for the demo data. */
final class Days
{
    /** An open end date ({@code 9999-12-31}), written as an empty cell. */
    static final int OPEN = Dates.ofYmd(9999, 12, 31);
    static final int Y2025 = Dates.ofYmd(2025, 1, 1);
    static final int Y2026 = Dates.ofYmd(2026, 1, 1);
    static final int END_2025 = Dates.ofYmd(2025, 12, 31);
    static final int END_2026 = Dates.ofYmd(2026, 12, 31);
    static final int END_2027 = Dates.ofYmd(2027, 12, 31);
    /** Ages are computed against this day. */
    static final int REFERENCE = Y2026;

    private Days()
    {
    }

    /** @param y year @param m month @param d day @return the epoch day. */
    static int of(final int y, final int m, final int d)
    {
        return Dates.ofYmd(y, m, d);
    }

    /**
     * @param rng  random source.
     * @param from first day (inclusive).
     * @param to   last day (inclusive).
     * @return a uniformly drawn day.
     */
    static int between(final SplittableRandom rng, final int from, final int to)
    {
        return from + rng.nextInt(to - from + 1);
    }
}
