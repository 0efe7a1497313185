package io.medgw.gateway.state;

import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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

    /**
     * Writes the opening balance, the balance and every year (the snapshot format of one person; the
     * psn_no is the caller's), in the order the years were first touched.
     *
     * @param out the payload.
     * @throws IOException when writing fails.
     */
    void writeTo(final DataOutput out) throws IOException
    {
        out.writeLong(opening);
        out.writeLong(balance);
        out.writeInt(yearCount);
        for (int i = 0; i < yearCount; i++)
        {
            out.writeInt(years[i].year);
            years[i].writeTo(out);
        }
    }

    /**
     * @param in   the payload.
     * @param refs shares the N-fund codes through the state's canon.
     * @return the person {@link #writeTo} wrote.
     * @throws IOException when the payload is damaged or ends early.
     */
    static PersonState readFrom(final DataInput in, final CanonRefs.Reader refs) throws IOException
    {
        final PersonState ps = new PersonState(in.readLong());
        ps.balance = in.readLong();
        final int n = SnapshotData.readCount(in);
        for (int i = 0; i < n; i++)
        {
            final int year = in.readInt();
            if (ps.year(year) != null)
            {
                throw new IOException("snapshot person: year " + year + " twice");
            }
            ps.yearForWrite(year).readFrom(in, refs);
        }
        return ps;
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
