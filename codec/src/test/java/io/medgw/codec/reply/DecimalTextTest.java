package io.medgw.codec.reply;

import io.medgw.codec.Decimals;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalTextTest
{
    private final byte[] scratch = new byte[48];

    /** The formatter the Jackson-era encoder used (the char[] one: the StringBuilder one prints "--" for Long.MIN_VALUE). */
    private static String expected(final long value, final int scale)
    {
        final char[] c = new char[48];
        return new String(c, 0, Decimals.format(value, scale, c, 0));
    }

    private String format(final long value, final int scale)
    {
        final byte[] out = new byte[64];
        final int n = DecimalText.write(value, scale, out, 3, scratch);
        assertThat(new String(out, 3, n, StandardCharsets.US_ASCII)).as("write %d at %d", value, scale).isEqualTo(formatted(value, scale));
        return formatted(value, scale);
    }

    private String formatted(final long value, final int scale)
    {
        final int pos = DecimalText.format(value, scale, scratch);
        return new String(scratch, pos, scratch.length - pos, StandardCharsets.US_ASCII);
    }

    @Test
    void shouldWriteWhatDecimalsFormatWritesForEdgesAndRandomValues()
    {
        final long[] edges = { 0, 1, -1, 9, 10, 99, 100, -5, Integer.MAX_VALUE, Integer.MAX_VALUE - 1, -Integer.MAX_VALUE,
            Integer.MIN_VALUE, Integer.MIN_VALUE + 1, (long)Integer.MAX_VALUE + 1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1 };
        final SplittableRandom random = new SplittableRandom(42);
        for (int scale = 0; scale <= 12; scale++)
        {
            for (final long v : edges)
            {
                assertThat(format(v, scale)).as("%d at %d", v, scale).isEqualTo(expected(v, scale));
            }
            for (int i = 0; i < 2_000; i++)
            {
                final long v = i % 2 == 0 ? random.nextLong() >> random.nextInt(64) : random.nextInt(-1_000_000, 1_000_000);
                assertThat(format(v, scale)).as("%d at %d", v, scale).isEqualTo(expected(v, scale));
            }
        }
    }
}
