package io.medgw.gateway.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class GatewayMetricsTest
{
    private final GatewayMetrics metrics = new GatewayMetrics();

    @AfterEach
    void close()
    {
        metrics.close();
    }

    @Test
    void shouldExposeCountersPerInfnoResultsLatencyAndGaugesInPrometheusText()
    {
        final AtomicLong occupancy = new AtomicLong(17);
        metrics.counters().add(GatewayCounter.REQUESTS_RECEIVED, 3);
        metrics.counters().increment(GatewayCounter.BODY_TOO_LARGE);
        metrics.requests().onReply(2207, 0, 150_000);
        metrics.requests().onReply(2207, -2, 250_000);
        metrics.requests().onReply(4242, -1, 1_000_000);
        metrics.gauge(GatewayGauge.RING_OCCUPANCY, occupancy::get);
        occupancy.set(21);

        final String text = metrics.scrape();

        assertThat(text)
            .contains("medgw_requests_received_total 3.0")
            .contains("medgw_refusals_total{reason=\"body_too_large\"} 1.0")
            .contains("medgw_results_total{result=\"ok\"} 1.0")
            .contains("medgw_results_total{result=\"business_error\"} 1.0")
            .contains("medgw_results_total{result=\"system_error\"} 1.0")
            .contains("medgw_infno_results_total{infno=\"2207\",result=\"ok\"} 1.0")
            .contains("medgw_infno_results_total{infno=\"2207\",result=\"business_error\"} 1.0")
            .contains("medgw_infno_results_total{infno=\"other\",result=\"system_error\"} 1.0")
            .contains("medgw_infno_results_total{infno=\"9001\",result=\"ok\"} 0.0")
            .contains("medgw_request_latency_seconds_count 3")
            .contains("medgw_request_latency_seconds_bucket{le=")
            .contains("medgw_ring_occupancy 21.0");
        assertThat(metrics.requests().count(2207, RequestMeters.RESULT_OK)).isEqualTo(1);
        assertThat(metrics.requests().count(1234, RequestMeters.RESULT_SYSTEM_ERROR)).isEqualTo(1);
    }

    @Test
    void shouldRefuseRegisteringAGaugeTwice()
    {
        metrics.gauge(GatewayGauge.READY, () -> 1);

        assertThatThrownBy(() -> metrics.gauge(GatewayGauge.READY, () -> 0)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("READY");
    }

    @Test
    void shouldSumErrorCountersOnly()
    {
        metrics.counters().increment(GatewayCounter.HANDLER_ERRORS);
        metrics.counters().increment(GatewayCounter.NET_ERRORS);
        metrics.counters().increment(GatewayCounter.REPLIES_SENT);

        assertThat(metrics.counters().errorTotal()).isEqualTo(2);
    }

    @Test
    void shouldParseTheLeadingFourDigitsOfAnInfno()
    {
        assertThat(RequestMeters.infnoNumber("2207")).isEqualTo(2207);
        assertThat(RequestMeters.infnoNumber("2207A")).isEqualTo(2207);
        assertThat(RequestMeters.infnoNumber("0001")).isEqualTo(1);
        assertThat(RequestMeters.infnoNumber("22")).isEqualTo(-1);
        assertThat(RequestMeters.infnoNumber("22x7")).isEqualTo(-1);
        assertThat(RequestMeters.infnoNumber(null)).isEqualTo(-1);
    }

    @Test
    void shouldBindJvmMetricsOnce()
    {
        metrics.bindJvmMetrics();
        metrics.bindJvmMetrics();

        assertThat(metrics.scrape()).contains("jvm_memory_used_bytes");
    }
}
