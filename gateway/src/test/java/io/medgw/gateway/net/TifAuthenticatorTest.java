package io.medgw.gateway.net;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

final class TifAuthenticatorTest
{
    private long nowMs = 1_700_000_000_000L;
    private final TifAuthenticator auth = new TifAuthenticator(Map.of("paas", "tok"), 60, () -> nowMs);

    @Test
    void shouldSignAsLowercaseHexSha256OfTimestampTokenNonceTimestamp()
    {
        // sha256("1700000000tokabc1700000000"), computed independently with sha256sum
        assertThat(TifAuthenticator.sign("1700000000", "tok", "abc"))
            .isEqualTo("8b20958863686f68063a11108bbf74dfceae3eb37ff93e687018b01cbd73b78d");
    }

    @Test
    void shouldAcceptTheClientSignatureInEitherCaseWithinTheWindow()
    {
        final String sig = TifAuthenticator.sign("1700000060", "tok", "n");

        assertThat(auth.verify("paas", "1700000060", "n", sig)).isTrue();
        assertThat(auth.verify("paas", "1700000060", "n", sig.toUpperCase())).isTrue();
        nowMs += 120_000;
        assertThat(auth.verify("paas", "1700000060", "n", sig)).isTrue();
        nowMs += 1_000;
        assertThat(auth.verify("paas", "1700000060", "n", sig)).isFalse();
    }

    @Test
    void shouldRefuseWrongPartsAndMissingHeaders()
    {
        final String sig = TifAuthenticator.sign("1700000000", "tok", "n");

        assertThat(auth.verify("paas", "1700000000", "m", sig)).isFalse();
        assertThat(auth.verify("other", "1700000000", "n", sig)).isFalse();
        assertThat(auth.verify("paas", "1700000000", "n", sig.substring(1) + "0")).isFalse();
        assertThat(auth.verify("paas", "17e8", "n", sig)).isFalse();
        assertThat(auth.verify(null, "1700000000", "n", sig)).isFalse();
        assertThat(auth.verify("paas", "1700000000", "n", null)).isFalse();
        assertThat(auth.verify("paas", "1700000000", "n", "zz" + sig.substring(2))).isFalse();
        assertThat(new TifAuthenticator(Map.of(), 60, () -> nowMs).isEnabled()).isFalse();
    }

    @Test
    void shouldHandleNonAsciiNonces()
    {
        final String sig = TifAuthenticator.sign("1700000000", "tok", "随机");

        assertThat(auth.verify("paas", "1700000000", "随机", sig)).isTrue();
    }
}
