package io.medgw.codec;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Decimals#format(long, int, char[], int)}: the encoder's allocation-free formatter. */
class DecimalsFormatTest
{
    private static String format(final long v, final int scale)
    {
        final char[] out = new char[64];
        final int n = Decimals.format(v, scale, out, 7);
        return new String(out, 7, n);
    }

    @Test
    void shouldWriteExactlyScalePlaces()
    {
        assertThat(format(452, 2)).isEqualTo("4.52");
        assertThat(format(0, 2)).isEqualTo("0.00");
        assertThat(format(-2510, 2)).isEqualTo("-25.10");
        assertThat(format(-5, 2)).isEqualTo("-0.05");
        assertThat(format(1500, 4)).isEqualTo("0.1500");
        assertThat(format(12_500, 6)).isEqualTo("0.012500");
        assertThat(format(999_999, 0)).isEqualTo("999999");
        assertThat(format(0, 0)).isEqualTo("0");
        assertThat(format(350, 1)).isEqualTo("35.0");
        assertThat(format(Long.MAX_VALUE, 2)).isEqualTo("92233720368547758.07");
        assertThat(format(Long.MIN_VALUE, 2)).isEqualTo("-92233720368547758.08");
    }

    @RepeatedTest(5)
    void shouldAgreeWithAppendAndParseBack(final RepetitionInfo info)
    {
        final long seed = 0xF0F0L + info.getCurrentRepetition();
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++)
        {
            final long v = random.nextInt(4) == 0 ? random.nextLong() : random.nextLong(-1_000_000_000L, 1_000_000_000L);
            final int scale = random.nextInt(7);
            final String text = format(v, scale);
            assertThat(text).as("seed %d", seed).isEqualTo(Decimals.append(new StringBuilder(), v, scale).toString());
            if (v != Long.MIN_VALUE)
            {
                assertThat(Decimals.parse(text, scale)).as("seed %d: %s", seed, text).isEqualTo(v);
            }
        }
    }
}
