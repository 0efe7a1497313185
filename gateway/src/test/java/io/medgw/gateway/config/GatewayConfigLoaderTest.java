package io.medgw.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class GatewayConfigLoaderTest
{
    @Test
    void shouldReadEveryKeyAndLetOverridesWin(@TempDir final Path tmp) throws Exception
    {
        final Path file = Files.writeString(tmp.resolve("medgw.conf"), String.join("\n",
            "# medgw test configuration",
            "host = 127.0.0.1",
            "port = 9080",
            "admin.host=127.0.0.2",
            "admin.port = 9081",
            "io.threads = 2",
            "net.transport = NIO",
            "io.busy.poll.us = 150",
            "! also a comment",
            "data.dir = " + tmp.resolve("d"),
            "ledger.dir = " + tmp.resolve("l"),
            "durability = PROCESS",
            "ring.size = 1_024",
            "pipeline.idle.strategy = busy-spin",
            "pipeline.busy.poll.us = 250",
            "max.body.bytes = 65536",
            "max.connections = 50",
            "idle.timeout.ms = 1000",
            "read.timeout.ms = 500",
            "shutdown.timeout.ms = 200",
            "clock.skew.seconds = 60",
            "time.zone = UTC",
            "idempotency.retention.days = 3",
            "receiver.admdvs = 500000",
            "auth.timestamp.window.seconds = 30",
            "auth.paasid.mbs_fsi_auth = s3cret = with equals",
            "",
            "   "));

        final GatewayContext ctx = GatewayConfigLoader.load(file, Map.of("port", "9090", "auth.paasid.x", "y")).conclude();

        assertThat(ctx.host()).isEqualTo("127.0.0.1");
        assertThat(ctx.port()).isEqualTo(9090);
        assertThat(ctx.adminHost()).isEqualTo("127.0.0.2");
        assertThat(ctx.adminPort()).isEqualTo(9081);
        assertThat(ctx.ioThreads()).isEqualTo(2);
        assertThat(ctx.netTransport()).isEqualTo(NetTransport.NIO);
        assertThat(ctx.ioBusyPollUs()).isEqualTo(150);
        assertThat(ctx.dataDir()).isEqualTo(tmp.resolve("d"));
        assertThat(ctx.ledgerDir()).isEqualTo(tmp.resolve("l"));
        assertThat(ctx.durability()).isEqualTo(Durability.PROCESS);
        assertThat(ctx.ringSize()).isEqualTo(1024);
        assertThat(ctx.pipelineIdleStrategy()).isEqualTo(PipelineIdleStrategy.BUSY_SPIN);
        assertThat(ctx.pipelineBusyPollUs()).isEqualTo(250);
        assertThat(ctx.maxBodyBytes()).isEqualTo(65_536);
        assertThat(ctx.maxConnections()).isEqualTo(50);
        assertThat(ctx.idleTimeoutMs()).isEqualTo(1000);
        assertThat(ctx.readTimeoutMs()).isEqualTo(500);
        assertThat(ctx.shutdownTimeoutMs()).isEqualTo(200);
        assertThat(ctx.clockSkewSeconds()).isEqualTo(60);
        assertThat(ctx.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(ctx.idempotencyRetentionDays()).isEqualTo(3);
        assertThat(ctx.receiverAdmdvs()).isEqualTo("500000");
        assertThat(ctx.authTimestampWindowSeconds()).isEqualTo(30);
        assertThat(ctx.tifTokens()).containsExactly(Map.entry("mbs_fsi_auth", "s3cret = with equals"), Map.entry("x", "y"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "prot = 8080|prot: unknown key (test line 1)",
        "port = eighty|port: not an integer: 'eighty' (test line 1)",
        "port = 99999999999|port: out of range: '99999999999' (test line 1)",
        "durability = sometimes|durability: must be one of fsync, process, got 'sometimes' (test line 1)",
        "pipeline.idle.strategy = spin|pipeline.idle.strategy: must be one of busy-spin, yielding, sleeping",
        "net.transport = kqueue|net.transport: must be one of epoll, nio, got 'kqueue' (test line 1)",
        "time.zone = Mars/Olympus|time.zone: not a time zone: 'Mars/Olympus' (test line 1)",
        "data.dir =|data.dir: must not be empty (test line 1)",
        "just some words|test line 1: expected 'key = value', got 'just some words'",
        "auth.paasid. = x|auth.paasid.: unknown key (test line 1)",
    })
    void shouldRefuseABadLineNamingTheKey(final String line, final String message)
    {
        assertThatThrownBy(() -> GatewayConfigLoader.parse(List.of(line), "test", new GatewayContext()))
            .isInstanceOf(GatewayConfigException.class)
            .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseARepeatedKeyAndLeaveRangeChecksToConclude()
    {
        assertThatThrownBy(() -> GatewayConfigLoader.parse(List.of("port = 1", "# x", "port = 2"), "f", new GatewayContext()))
            .hasMessage("port: given twice (f line 3)");
        final GatewayContext ctx = GatewayConfigLoader.parse(List.of("ring.size = 1000"), "f", new GatewayContext());
        assertThatThrownBy(ctx::conclude).isInstanceOf(GatewayConfigException.class)
            .hasMessageContaining("ring.size: must be a power of two")
            .extracting(e -> ((GatewayConfigException)e).key()).isEqualTo("ring.size");
    }

    @Test
    void shouldRefuseABadOverrideNamingIt() throws Exception
    {
        assertThatThrownBy(() -> GatewayConfigLoader.load(null, Map.of("max.connections", "many")))
            .hasMessage("max.connections: not an integer: 'many' (override)");
    }
}
