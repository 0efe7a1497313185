package io.medgw.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.medgw.loadtest.bench.FloorServer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;

/** Every floor mode answers a request over a real loopback socket with the fixed 2207 reply, twice on one connection. */
class LoopbackFloorTest
{
    @ParameterizedTest
    @EnumSource(FloorServer.Mode.class)
    void shouldAnswerWithTheFixedReplyWhenARequestArrives(final FloorServer.Mode mode) throws Exception
    {
        final byte[] body = "{\"infno\":\"2207\",\"input\":{\"data\":{}}}".getBytes(StandardCharsets.UTF_8);
        final String reply = new String(FloorServer.reply(), StandardCharsets.UTF_8);
        try (FloorServer server = FloorServer.start(mode, 0);
            LoopbackHttpClient client = new LoopbackHttpClient("127.0.0.1", server.port(), "/fsi/api/rsfComIfsService/callService"))
        {
            for (int i = 0; i < 2; i++)
            {
                assertThat(client.post(body, body.length)).isEqualTo(200);
                assertThat(client.bodyText()).isEqualTo(reply);
            }
        }
        assertThat(reply).startsWith("{\"infcode\":0,").contains("\"setlinfo\"");
        assertThat(FloorServer.Mode.of(mode.cliName())).isEqualTo(mode);
    }
}
