package io.medgw.gateway.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

final class CountedErrorHandlerTest
{
    @Test
    void shouldCountBeforeDelegating()
    {
        final GatewayCounters counters = new GatewayCounters(new SimpleMeterRegistry());
        final List<Long> countSeenByDelegate = new ArrayList<>();
        final CountedErrorHandler handler = new CountedErrorHandler(
            t -> countSeenByDelegate.add(counters.get(GatewayCounter.HANDLER_ERRORS)), counters, GatewayCounter.HANDLER_ERRORS);

        handler.onError(new IllegalStateException("one"));
        handler.onError(new IllegalStateException("two"));

        assertThat(countSeenByDelegate).containsExactly(1L, 2L);
        assertThat(counters.errorTotal()).isEqualTo(2);
    }
}
