package io.medgw.gateway.state;

import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.CapGroup;

import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The accumulators of one person for one calendar year (settlement-rules.md §4): deductible used
 * per benefit class, basic pool paid per cap group, large-amount paid, the serious-illness running
 * total {@code S} and what it paid, civil-servant paid, assistance deductible used and paid, and
 * each "N" fund by its fund_pay_type code. Owned and written by {@link SettlementState} only (one
 * writer); stages read it through {@link SettlementState#accumulators(String, int)}.
 */
public final class YearAccumulators
{
    private static final String[] NO_CODES = new String[0];
    private static final long[] NO_PAID = new long[0];

    final int year;
    final long[] dedUsed = new long[BenefitClass.values().length];
    final long[] poolPaid = new long[CapGroup.values().length];
    long largePaid;
    long seriousTotal;
    long seriousPaid;
    long civilPaid;
    long assistDedUsed;
    long assistPaid;
    String[] nCodes = NO_CODES;
    long[] nPaid = NO_PAID;
    int nCount;

    YearAccumulators(final int year)
    {
        this.year = year;
    }

    /** @return the calendar year. */
    public int year()
    {
        return year;
    }

    /** @param c a class. @return the annual deductible used for it (all levels together). */
    public long dedUsed(final BenefitClass c)
    {
        return dedUsed[c.ordinal()];
    }

    /** @param g a cap group. @return the basic pool (or maternity fund) paid against it. */
    public long poolPaid(final CapGroup g)
    {
        return poolPaid[g.ordinal()];
    }

    /** @return 职工大额 paid this year. */
    public long largePaid()
    {
        return largePaid;
    }

    /** @return the serious-illness running total {@code S} (grows even after the cap is exhausted). */
    public long seriousTotal()
    {
        return seriousTotal;
    }

    /** @return 居民大病 paid this year. */
    public long seriousPaid()
    {
        return seriousPaid;
    }

    /** @return 公务员医疗补助 paid this year. */
    public long civilPaid()
    {
        return civilPaid;
    }

    /** @return assistance deductible used this year (whatever the category). */
    public long assistDedUsed()
    {
        return assistDedUsed;
    }

    /** @return 医疗救助 paid this year (whatever the category). */
    public long assistPaid()
    {
        return assistPaid;
    }

    /** @param fundPayType an N fund's code. @return what it paid this year. */
    public long nFundPaid(final String fundPayType)
    {
        for (int i = 0; i < nCount; i++)
        {
            if (nCodes[i].equals(fundPayType))
            {
                return nPaid[i];
            }
        }
        return 0;
    }

    /** @return the number of N fund codes this year has seen. */
    public int nFundCount()
    {
        return nCount;
    }

    /** @param i index below {@link #nFundCount()}. @return the code. */
    public String nFundCode(final int i)
    {
        return nCodes[i];
    }

    void addNFund(final String code, final long amount)
    {
        for (int i = 0; i < nCount; i++)
        {
            if (nCodes[i].equals(code))
            {
                nPaid[i] += amount;
                return;
            }
        }
        if (nCount == nCodes.length)
        {
            final int size = Math.max(2, nCount * 2);
            nCodes = Arrays.copyOf(nCodes, size);
            nPaid = Arrays.copyOf(nPaid, size);
        }
        nCodes[nCount] = code;
        nPaid[nCount] = amount;
        nCount++;
    }

    /**
     * Writes every accumulator (the snapshot format of one year; the year itself is the caller's):
     * the per-class and per-group arrays with their lengths (a reader built with other enums fails),
     * the six totals, then each N fund's code and paid, in the order they were first seen.
     *
     * @param out the payload.
     * @throws IOException when writing fails.
     */
    void writeTo(final DataOutput out) throws IOException
    {
        writeLongs(out, dedUsed);
        writeLongs(out, poolPaid);
        out.writeLong(largePaid);
        out.writeLong(seriousTotal);
        out.writeLong(seriousPaid);
        out.writeLong(civilPaid);
        out.writeLong(assistDedUsed);
        out.writeLong(assistPaid);
        out.writeInt(nCount);
        for (int i = 0; i < nCount; i++)
        {
            SnapshotData.writeString(out, nCodes[i]);
            out.writeLong(nPaid[i]);
        }
    }

    /**
     * Fills this fresh year from what {@link #writeTo} wrote.
     *
     * @param in   the payload.
     * @param refs shares the N-fund codes through the state's canon.
     * @throws IOException when the payload is damaged or ends early.
     */
    void readFrom(final DataInput in, final CanonRefs.Reader refs) throws IOException
    {
        readLongs(in, dedUsed, "deductible classes");
        readLongs(in, poolPaid, "pool cap groups");
        largePaid = in.readLong();
        seriousTotal = in.readLong();
        seriousPaid = in.readLong();
        civilPaid = in.readLong();
        assistDedUsed = in.readLong();
        assistPaid = in.readLong();
        final int n = SnapshotData.readCount(in);
        for (int i = 0; i < n; i++)
        {
            final String code = refs.share(SnapshotData.readString(in));
            if (code == null)
            {
                throw new IOException("snapshot year " + year + ": N fund without a code");
            }
            addNFund(code, in.readLong());
        }
    }

    private static void writeLongs(final DataOutput out, final long[] values) throws IOException
    {
        out.writeInt(values.length);
        for (final long v : values)
        {
            out.writeLong(v);
        }
    }

    private void readLongs(final DataInput in, final long[] into, final String what) throws IOException
    {
        final int n = in.readInt();
        if (n != into.length)
        {
            throw new IOException("snapshot year " + year + ": " + n + " " + what + ", this build has " + into.length);
        }
        for (int i = 0; i < n; i++)
        {
            into[i] = in.readLong();
        }
    }

    /** @return true if every accumulator is zero (the canonical "untouched" year). */
    public boolean isZero()
    {
        for (final long v : dedUsed)
        {
            if (v != 0)
            {
                return false;
            }
        }
        for (final long v : poolPaid)
        {
            if (v != 0)
            {
                return false;
            }
        }
        for (int i = 0; i < nCount; i++)
        {
            if (nPaid[i] != 0)
            {
                return false;
            }
        }
        return largePaid == 0 && seriousTotal == 0 && seriousPaid == 0 && civilPaid == 0 &&
            assistDedUsed == 0 && assistPaid == 0;
    }

    long hash()
    {
        long h = StateHash.combine(0x9E37_79B9_7F4A_7C15L, year);
        for (final long v : dedUsed)
        {
            h = StateHash.combine(h, v);
        }
        for (final long v : poolPaid)
        {
            h = StateHash.combine(h, v);
        }
        h = StateHash.combine(h, largePaid);
        h = StateHash.combine(h, seriousTotal);
        h = StateHash.combine(h, seriousPaid);
        h = StateHash.combine(h, civilPaid);
        h = StateHash.combine(h, assistDedUsed);
        h = StateHash.combine(h, assistPaid);
        long n = 0;
        for (int i = 0; i < nCount; i++)
        {
            if (nPaid[i] != 0)
            {
                n += StateHash.mix(StateHash.combine(StateHash.of(nCodes[i]), nPaid[i]));
            }
        }
        return StateHash.combine(h, n);
    }
}
