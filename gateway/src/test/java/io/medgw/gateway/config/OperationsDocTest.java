package io.medgw.gateway.config;

import io.medgw.gateway.status.GatewayCounter;
import io.medgw.gateway.status.GatewayGauge;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps docs/operations.md in step with the configuration keys and the meters. */
final class OperationsDocTest
{
    private static String doc() throws Exception
    {
        Path p = Path.of("docs", "operations.md");
        if (!Files.exists(p))
        {
            p = Path.of("..", "docs", "operations.md"); // surefire runs in the module directory
        }
        return Files.readString(p);
    }

    @Test
    void shouldDocumentEveryConfigurationKeyWithItsDefault() throws Exception
    {
        final String doc = doc();
        for (final GatewayConfigKey k : GatewayConfigKey.values())
        {
            assertThat(doc).as(k.key()).contains("| `" + k.key()).contains(k.defaultText());
        }
    }

    @Test
    void shouldDocumentEveryMeter() throws Exception
    {
        final String doc = doc();
        for (final GatewayCounter c : GatewayCounter.values())
        {
            assertThat(doc).as(c.name()).contains("`" + c.meterName().replace('.', '_') + "_total");
        }
        for (final GatewayGauge g : GatewayGauge.values())
        {
            assertThat(doc).as(g.name()).contains("`" + g.meterName().replace('.', '_'));
        }
    }
}
