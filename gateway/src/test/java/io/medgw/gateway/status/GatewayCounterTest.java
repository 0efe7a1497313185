package io.medgw.gateway.status;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

final class GatewayCounterTest
{
    @Test
    void shouldHaveUniqueStableIdsAndOneTagKeyPerFamily()
    {
        final Map<String, String> tagKeyByName = new HashMap<>();
        final Set<String> series = new HashSet<>();
        for (final GatewayCounter c : GatewayCounter.values())
        {
            assertThat(GatewayCounter.ofId(c.id())).isSameAs(c);
            final String tagKey = String.valueOf(c.tagKey());
            assertThat(tagKeyByName.computeIfAbsent(c.meterName(), n -> tagKey)).as(c.name()).isEqualTo(tagKey);
            assertThat(series.add(c.meterName() + "/" + c.tagValue())).as(c.name()).isTrue();
        }
        assertThat(GatewayCounter.REQUESTS_RECEIVED.id()).isEqualTo(1);
        assertThat(GatewayCounter.ofId(0)).isNull();
        assertThat(GatewayCounter.ofId(10_000)).isNull();
    }
}
