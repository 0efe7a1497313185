package io.medgw.gateway.net;

import io.medgw.codec.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ErrorEnvelopeTest
{
    // 2021-07-14T03:08:17.123Z = 11:08:17.123 in Asia/Shanghai
    private static final long NOW_MS = 1_626_232_097_123L;

    @Test
    void shouldWriteTheRefusalEnvelopeWithLocalTimesAndASerialAtANonZeroOffset()
    {
        final AtomicLong serial = new AtomicLong(514_554);
        final ErrorEnvelope envelope = new ErrorEnvelope("500000",
            new WireClock(ZoneId.of("Asia/Shanghai"), () -> NOW_MS), serial::incrementAndGet);
        final byte[] out = new byte[ErrorEnvelope.MAX_LENGTH + 7];

        final int n = envelope.encode(ErrorCode.E5006, NOW_MS - 1_000, out, 7);

        assertThat(new String(out, 7, n, StandardCharsets.UTF_8)).isEqualTo(
            "{\"infcode\":-2,\"inf_refmsgid\":\"500000202107141108170000514555\",\"refmsg_time\":\"20210714110816123\"," +
            "\"respond_time\":\"20210714110817123\",\"err_msg\":\"E5006: request body too large\",\"warn_msg\":null," +
            "\"cainfo\":null,\"signtype\":null,\"output\":null}");
    }

    @Test
    void shouldAppendAnEscapedDetailAfterTheSummaryAndRefuseAnOverlongOne()
    {
        final ErrorEnvelope envelope = new ErrorEnvelope("440300", new WireClock(ZoneId.of("UTC"), () -> NOW_MS), () -> 1);
        final byte[] out = new byte[ErrorEnvelope.MAX_LENGTH];
        final byte[] longest = ErrorEnvelope.detail("x".repeat(158) + "\"");
        for (final ErrorCode code : ErrorCode.values())
        {
            final int n = envelope.encode(code, longest, NOW_MS, out, 0);
            assertThat(n).isLessThanOrEqualTo(ErrorEnvelope.MAX_LENGTH);
        }
        final int n = envelope.encode(ErrorCode.E5001, ErrorEnvelope.detail("say \"json\" 中文"), NOW_MS, out, 0);
        assertThat(new String(out, 0, n, StandardCharsets.UTF_8))
            .contains("\"err_msg\":\"E5001: malformed request: say \\\"json\\\" 中文\",\"warn_msg\":null");
        assertThatThrownBy(() -> ErrorEnvelope.detail("x".repeat(161))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFitEveryCodeInMaxLengthAndMarkSystemErrorsMinusOne()
    {
        final ErrorEnvelope envelope = new ErrorEnvelope("440300", new WireClock(ZoneId.of("UTC"), () -> NOW_MS), () -> -1);
        for (final ErrorCode code : ErrorCode.values())
        {
            final String text = new String(envelope.encode(code), StandardCharsets.UTF_8);
            assertThat(text).startsWith("{\"infcode\":" + code.infcode() + ",").contains(code.name() + ": ")
                .contains("\"inf_refmsgid\":\"440300202107140308179999999999\"");
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ErrorEnvelope.MAX_LENGTH);
        }
    }

    @Test
    void shouldFormatCompactTimesAcrossZoneOffsets()
    {
        final byte[] out = new byte[17];
        final WireClock newYork = new WireClock(ZoneId.of("America/New_York"), () -> 0);
        // 2021-03-14T07:00:00Z is 03:00 EDT (after the spring-forward), 06:59:59.999Z is 01:59:59.999 EST.
        WireClock.writeCompact(newYork.localMs(1_615_705_200_000L), out, 0, true);
        assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("20210314030000000");
        WireClock.writeCompact(newYork.localMs(1_615_705_199_999L), out, 0, true);
        assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo("20210314015959999");
        WireClock.writeCompact(-1, out, 0, false);
        assertThat(new String(out, 0, 14, StandardCharsets.US_ASCII)).isEqualTo("19691231235959");
    }
}
