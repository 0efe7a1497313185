package io.medgw.gateway.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

final class ServicePathsTest
{
    @Test
    void shouldMapEveryPerServicePathOfTheTableWithAndWithoutAProvincialPrefix()
    {
        for (final String[] row : ServicePaths.SERVICE_PATHS)
        {
            assertThat(ServicePaths.route(row[1])).as(row[1]).isEqualTo(row[0]);
            assertThat(ServicePaths.route("/ebus/rio_fsi" + row[1])).as(row[1]).isEqualTo(row[0]);
            assertThat(ServicePaths.route("http://10.1.2.3:8080/ebus/mbs_fsi_auth" + row[1] + "?a=b")).isEqualTo(row[0]);
        }
    }

    @Test
    void shouldTakeTheInfnoFromAFourDigitLastSegment()
    {
        assertThat(ServicePaths.route("/fsi/api/rsfComIfsService/callService/2207")).isEqualTo("2207");
        assertThat(ServicePaths.route("/2207")).isEqualTo("2207");
        assertThat(ServicePaths.route("/2207/")).isEqualTo("2207");
        assertThat(ServicePaths.route("/x/2206A?y")).isEqualTo("2206A");
        assertThat(ServicePaths.route("/2207")).isSameAs(ServicePaths.route("/a/2207"));
    }

    @Test
    void shouldReturnNoInfnoForSingleEntryPaths()
    {
        assertThat(ServicePaths.route("/fsi/api/rsfComIfsService/callService")).isSameAs(ServicePaths.NO_INFNO);
        assertThat(ServicePaths.route("/mbs/fmi/fsi/api/callFsiService/callService")).isSameAs(ServicePaths.NO_INFNO);
        assertThat(ServicePaths.route("/callService?x=1#f")).isSameAs(ServicePaths.NO_INFNO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", "callService", "/fsi/api/rsfComIfsService", "/callservice", "/220", "/22077",
        "/2207a", "/fsi/api/outpatientSettleService/saveSettletmentV3", "/x/outpatientSettleService/saveSettletmentV2",
        "http://host", "/callService/extra"})
    void shouldRefuseUnknownPaths(final String path)
    {
        assertThat(ServicePaths.route(path)).isNull();
    }
}
