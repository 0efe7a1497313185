package io.medgw.codec;

import java.math.BigInteger;

/**
 * The integer units every amount, quantity and ratio is carried in (settlement-rules.md §0), and
 * the only two roundings the rules allow.
 * <pre>
 *   money      long fen          (1 yuan = 100 fen)
 *   unit price long micro-yuan   (1 fen = 10,000 micro-yuan; wire type 16,6)
 *   quantity   long 1/10,000     (wire type 16,4)
 *   ratio      int  basis points (1/10,000; in reference files a decimal in [0,1], 4 places)
 * </pre>
 * Stateless; safe from any thread.
 */
public final class Units
{
    /** Sentinel for "no cap" in every cap field. */
    public static final long NO_CAP = -1L;
    public static final int FULL_BP = 10_000;
    public static final long MICRO_PER_FEN = 10_000L;
    private static final long LINE_DIVISOR = 100_000_000L;
    private static final long HALF_FEN_MICRO4 = 50_000_000L;

    private Units()
    {
    }

    /**
     * {@code pct(x, bp) = (x × bp + 5000) div 10000}: half-up to the fen.
     *
     * @param fen non-negative amount.
     * @param bp  ratio in basis points, 0..10000.
     * @return the share in fen.
     */
    public static long pct(final long fen, final int bp)
    {
        return (fen * bp + 5_000L) / 10_000L;
    }

    /**
     * {@code line(q, p)}: quantity in 1/10,000 units times unit price in micro-yuan, rounded half
     * up to the fen. The product can pass 64 bits, so it is computed as 128 bits.
     *
     * @param quantity4 quantity × 10,000, ≥ 0.
     * @param priceMicro unit price in micro-yuan, ≥ 0.
     * @return the line amount in fen.
     * @throws ArithmeticException if the result does not fit a long.
     */
    public static long line(final long quantity4, final long priceMicro)
    {
        final long hi = Math.multiplyHigh(quantity4, priceMicro);
        final long lo = quantity4 * priceMicro;
        if (hi == 0 && lo >= 0 && lo <= Long.MAX_VALUE - HALF_FEN_MICRO4)
        {
            return (lo + HALF_FEN_MICRO4) / LINE_DIVISOR;
        }
        return lineWide(quantity4, priceMicro);
    }

    // Rare: q × p passes 2^63 (over 92 billion yuan before rounding); exact, allocates.
    private static long lineWide(final long quantity4, final long priceMicro)
    {
        final BigInteger q = BigInteger.valueOf(quantity4).multiply(BigInteger.valueOf(priceMicro))
            .add(BigInteger.valueOf(HALF_FEN_MICRO4)).divide(BigInteger.valueOf(LINE_DIVISOR));
        if (q.bitLength() >= 64)
        {
            throw new ArithmeticException("line amount does not fit 64 bits");
        }
        return q.longValue();
    }

    /**
     * @param cap  a cap in fen, or {@link #NO_CAP}.
     * @param used what was already used against it.
     * @return {@code max(0, cap − used)}, or {@link Long#MAX_VALUE} when there is no cap.
     */
    public static long remaining(final long cap, final long used)
    {
        return cap == NO_CAP ? Long.MAX_VALUE : Math.max(0L, cap - used);
    }
}
