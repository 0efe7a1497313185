package io.medgw.codec.request;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.JsonShuffle;
import io.medgw.codec.Samples;
import io.medgw.codec.message.SettlementRequest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static io.medgw.codec.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** The 128-bit body digest: equal for the same infno + parsed input, different otherwise (rules §8). */
class BodyDigestTest
{
    private final RequestDecoder decoder = new RequestDecoder();
    private final SettlementRequest req = new SettlementRequest();

    private long[] digest(final String json)
    {
        final byte[] b = utf8(json);
        assertThat(decoder.decode(b, 0, b.length, req)).as(json + " → " + decoder.lastErrorMessage()).isEqualTo(ErrorCode.NONE);
        return new long[] { req.bodyDigestHi, req.bodyDigestLo };
    }

    private long[] input(final String infno, final String input)
    {
        return digest(RequestDecoderTest.body(infno, input));
    }

    @RepeatedTest(20)
    void shouldGiveSameRequestAndDigestWhenKeysAreReordered(final RepetitionInfo info)
    {
        final long seed = 0x5EED_0000L + info.getCurrentRepetition();
        final SplittableRandom random = new SplittableRandom(seed);
        for (final String sample : new String[] { Samples.REQ_1101, Samples.REQ_2207, Samples.req2207WithLines(10) })
        {
            final long[] expected = digest(sample);
            final String expectedDump = JsonShuffle.dump(req);
            final String shuffled = JsonShuffle.shuffle(sample, random);
            assertThat(digest(shuffled)).as("seed %d: %s", seed, shuffled).containsExactly(expected);
            assertThat(JsonShuffle.dump(req)).as("seed %d", seed).isEqualTo(expectedDump);
        }
    }

    /**
     * Digests are stored in ledgers and compared when a request is re-sent, so they may never
     * change: these were computed by the Jackson-based decoder, before the byte scanner.
     */
    @Test
    void shouldKeepTheDigestsRecordedBeforeTheByteScanner()
    {
        assertThat(digest(Samples.REQ_1101)).containsExactly(0x0fd04dc7e342194cL, 0x8a9938e514dcd964L);
        assertThat(digest(Samples.REQ_2207)).containsExactly(0x43e26c90f75f3107L, 0x85c471ea308e783cL);
        assertThat(digest(Samples.req2207WithLines(1))).containsExactly(0x0c6c60a3901f5bd1L, 0x558caf3ad9ab4b92L);
        assertThat(digest(Samples.req2207WithLines(10))).containsExactly(0xd2887cc7e85637a9L, 0x16242ddefc901f42L);
        assertThat(input("2207", "{\"data\":{\"psn_no\":\"P1\",\"medfee_sumamt\":9}}"))
            .containsExactly(0xa7fd081893b68e83L, 0x034a6853e51e2ce2L);
        assertThat(input("2207", "{\"data\":{\"psn_no\":\"P1\",\"x\":9,\"y\":[9]}}"))
            .containsExactly(0x6bad15f41f803762L, 0xba80e0e4e54d5772L);
    }

    @Test
    void shouldTreatEqualAmountsWrittenDifferentlyAsEqual()
    {
        final long[] nine = input("2207", "{\"data\":{\"medfee_sumamt\":9}}");
        assertThat(input("2207", "{\"data\":{\"medfee_sumamt\":9.00}}")).containsExactly(nine);
        assertThat(input("2207", "{\"data\":{\"medfee_sumamt\":\"9.00\"}}")).containsExactly(nine);
        assertThat(input("2207", "{\"data\":{\"medfee_sumamt\":\"9\"}}")).containsExactly(nine);
        assertThat(input("2207", "{\"data\":{\"medfee_sumamt\":9.0e0}}")).containsExactly(nine);

        final String line = "{\"feedetail\":[{\"cnt\":%s,\"pric\":%s,\"det_item_fee_sumamt\":%s}]}";
        assertThat(input("2204", String.format(line, "2", "6.25", "12.5")))
            .containsExactly(input("2204", String.format(line, "\"2.0000\"", "6.250000", "\"12.50\"")));
    }

    @Test
    void shouldChangeDigestWhenAnAmountChanges()
    {
        assertThat(input("2207", "{\"data\":{\"medfee_sumamt\":9.01}}"))
            .isNotEqualTo(input("2207", "{\"data\":{\"medfee_sumamt\":9.00}}"));
        assertThat(input("2207", "{\"data\":{\"medfee_sumamt\":9,\"inscp_scp_amt\":0}}"))
            .isNotEqualTo(input("2207", "{\"data\":{\"medfee_sumamt\":0,\"inscp_scp_amt\":9}}"));
        final String sample = Samples.req2207WithLines(10);
        assertThat(digest(sample)).isNotEqualTo(digest(sample.replaceFirst("\"cnt\":2", "\"cnt\":3")));
    }

    @Test
    void shouldIgnoreEnvelopeOutsideInput()
    {
        final long[] expected = digest(Samples.REQ_2207);
        final String changed = Samples.REQ_2207
            .replace("2021-09-24 08:28:27", "2021-09-24 08:31:02")
            .replace("H50015501017202109240828271037", "H50015501017202109240831021038")
            .replace("\"sign_no\": \"651918\"", "\"sign_no\": \"651919\"")
            .replace("\"opter\": \"1022\"", "\"opter\": \"1023\"")
            .replace("\"serv_sign\": \"HH00001\"", "\"serv_sign\": \"HH00002\"");
        assertThat(digest(changed)).containsExactly(expected);
    }

    @Test
    void shouldIncludeInfno()
    {
        assertThat(input("2206", "{\"data\":{\"medfee_sumamt\":9}}"))
            .isNotEqualTo(input("2207", "{\"data\":{\"medfee_sumamt\":9}}"));
    }

    @Test
    void shouldTreatNullEmptyNullTextAndAbsentAlike()
    {
        final long[] absent = input("2207", "{\"data\":{\"psn_no\":\"P1\"}}");
        assertThat(input("2207", "{\"data\":{\"psn_no\":\"P1\",\"invono\":null}}")).containsExactly(absent);
        assertThat(input("2207", "{\"data\":{\"psn_no\":\"P1\",\"invono\":\"\"}}")).containsExactly(absent);
        assertThat(input("2207", "{\"data\":{\"psn_no\":\"P1\",\"invono\":\"null\"}}")).containsExactly(absent);
        assertThat(input("2207", "{\"data\":{\"psn_no\":\"P1\",\"return_date\":\"\"}}")).containsExactly(absent);
    }

    @Test
    void shouldKeepOrderOfArrayRows()
    {
        final String a = "{\"feedetl_sn\":\"1\",\"cnt\":1,\"pric\":1,\"det_item_fee_sumamt\":1}";
        final String b = "{\"feedetl_sn\":\"2\",\"cnt\":1,\"pric\":2,\"det_item_fee_sumamt\":2}";
        assertThat(input("2204", "{\"feedetail\":[" + a + "," + b + "]}"))
            .isNotEqualTo(input("2204", "{\"feedetail\":[" + b + "," + a + "]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":{\"psn_no\":\"P1\",\"exp_content\":\"{\\\"er_flag\\\":1}\"}}",
        "{\"data\":{\"psn_no\":\"P2\"}}",
        "{\"data\":{\"psn_no\":\"P1\"},\"diseinfo\":[]}",
        "{\"data\":{\"psn_no\":\"P1\",\"x\":{}}}",
        "{\"data\":{\"psn_no\":\"P1\",\"x\":[]}}",
        "{\"data\":{\"psn_no\":\"P1\",\"x\":true}}",
        "{\"data\":{\"psn_no\":\"P1\",\"x\":0}}",
        "{\"data\":{\"psn_no\":\"1P\"}}",
        "{\"data\":{\"psn_n\":\"P1\"}}",
        "{\"data\":{\"psn_no\":\"P1\"},\"feedetail\":[]}"
    })
    void shouldChangeDigestWhenAnyInputValueOrFieldDiffers(final String other)
    {
        assertThat(input("2207", other)).isNotEqualTo(input("2207", "{\"data\":{\"psn_no\":\"P1\"}}"));
    }

    @Test
    void shouldIgnoreKeyOrderInsideUnknownNestedObjects()
    {
        assertThat(input("2207", "{\"data\":{\"x\":{\"a\":1,\"b\":[\"c\",{\"d\":2,\"e\":3}]}}}"))
            .containsExactly(input("2207", "{\"data\":{\"x\":{\"b\":[\"c\",{\"e\":3,\"d\":2}],\"a\":1.0}}}"));
    }

    @RepeatedTest(5)
    void shouldNotCollideOverManyRandomBodies(final RepetitionInfo info)
    {
        final long seed = 0xD16E_0000L + info.getCurrentRepetition();
        final SplittableRandom random = new SplittableRandom(seed);
        final Set<String> his = new HashSet<>();
        final Set<String> los = new HashSet<>();
        final int n = 2_000;
        for (int i = 0; i < n; i++)
        {
            final String in = "{\"data\":{\"psn_no\":\"P" + random.nextInt(1_000_000) + "\",\"medfee_sumamt\":" +
                random.nextInt(100_000) + "." + random.nextInt(10) + "}}";
            final long[] d = input("2207", in);
            his.add(in + "|" + Long.toHexString(d[0]));
            los.add(Long.toHexString(d[0]) + Long.toHexString(d[1]));
        }
        assertThat(los).as("seed %d", seed).hasSize((int)his.stream().map(s -> s.substring(0, s.indexOf('|'))).distinct().count());
    }
}
