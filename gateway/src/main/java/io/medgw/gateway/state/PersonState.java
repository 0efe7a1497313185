package io.medgw.gateway.state;

import java.util.Arrays;

/** The running account balance and the per-year accumulators of one person. One writer. */
final class PersonState
{
    final long opening;
    long balance;
    private YearAccumulators[] years = new YearAccumulators[2];
    private int yearCount;

    PersonState(final long opening)
    {
        this.opening = opening;
        this.balance = opening;
    }

    YearAccumulators year(final int year)
    {
        for (int i = 0; i < yearCount; i++)
        {
            if (years[i].year == year)
            {
                return years[i];
            }
        }
        return null;
    }

    YearAccumulators yearForWrite(final int year)
    {
        YearAccumulators y = year(year);
        if (y == null)
        {
            if (yearCount == years.length)
            {
                years = Arrays.copyOf(years, yearCount * 2);
            }
            y = new YearAccumulators(year);
            years[yearCount++] = y;
        }
        return y;
    }

    /** @return 0 when canonically untouched (balance at opening, every year zero), else a hash. */
    long hash()
    {
        long sum = 0;
        for (int i = 0; i < yearCount; i++)
        {
            if (!years[i].isZero())
            {
                sum += StateHash.mix(years[i].hash());
            }
        }
        if (sum == 0 && balance == opening)
        {
            return 0;
        }
        return StateHash.combine(StateHash.combine(sum, balance), opening) | 1L;
    }
}
