package io.medgw.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class GatewayContextTest
{
    @Test
    void shouldFillTheDocumentedDefaultsWhenConcluded()
    {
        final GatewayContext ctx = new GatewayContext().conclude();

        assertThat(ctx.host()).isEqualTo("0.0.0.0");
        assertThat(ctx.port()).isEqualTo(8080);
        assertThat(ctx.adminHost()).isEqualTo("0.0.0.0");
        assertThat(ctx.adminPort()).isEqualTo(8081);
        assertThat(ctx.ioThreads()).isBetween(1, 4);
        assertThat(ctx.netTransport()).isEqualTo(NetTransport.EPOLL);
        assertThat(ctx.ioBusyPollUs()).isEqualTo(0);
        assertThat(ctx.pipelineBusyPollUs()).isEqualTo(200);
        assertThat(ctx.dataDir()).isEqualTo(Path.of("data"));
        assertThat(ctx.ledgerDir()).isEqualTo(Path.of("data", "ledger"));
        assertThat(ctx.durability()).isEqualTo(Durability.FSYNC);
        assertThat(ctx.ringSize()).isEqualTo(4096);
        assertThat(ctx.pipelineIdleStrategy()).isEqualTo(PipelineIdleStrategy.PARKING);
        assertThat(ctx.maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(ctx.maxConnections()).isEqualTo(10_000);
        assertThat(ctx.idleTimeoutMs()).isEqualTo(60_000);
        assertThat(ctx.readTimeoutMs()).isEqualTo(30_000);
        assertThat(ctx.shutdownTimeoutMs()).isEqualTo(10_000);
        assertThat(ctx.clockSkewSeconds()).isEqualTo(600);
        assertThat(ctx.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(ctx.idempotencyRetentionDays()).isEqualTo(7);
        assertThat(ctx.receiverAdmdvs()).isEqualTo("000000");
        assertThat(ctx.authTimestampWindowSeconds()).isEqualTo(300);
        assertThat(ctx.tifTokens()).isEmpty();
        assertThat(ctx.epochClock()).isNotNull();
        assertThat(ctx.nanoClock()).isNotNull();
        assertThat(ctx.metrics()).isNotNull();
        assertThat(ctx.refMsgSerial().getAsLong()).isEqualTo(1);
        assertThat(ctx.refMsgSerial().getAsLong()).isEqualTo(2);
    }

    @Test
    void shouldNameEveryOffendingKeyInOneMessage()
    {
        final GatewayContext ctx = new GatewayContext().ringSize(1000).port(70_000).receiverAdmdvs("4403").maxBodyBytes(10)
            .idleTimeoutMs(0).durability(null).tifToken("paas", " ").ioBusyPollUs(10_001).pipelineBusyPollUs(-1);

        assertThatThrownBy(ctx::conclude)
            .isInstanceOf(GatewayConfigException.class)
            .hasMessageContaining("ring.size: must be a power of two in 64..16777216, got 1000")
            .hasMessageContaining("port: must be 0..65535")
            .hasMessageContaining("receiver.admdvs: must be six digits, got 4403")
            .hasMessageContaining("max.body.bytes: must be 1024..67108864, got 10")
            .hasMessageContaining("io.busy.poll.us: must be 0..10000, got 10001")
            .hasMessageContaining("pipeline.busy.poll.us: must be 0..10000, got -1")
            .hasMessageContaining("idle.timeout.ms")
            .hasMessageContaining("durability")
            .hasMessageContaining("auth.paasid.paas: paasid and token must not be empty")
            .extracting(e -> ((GatewayConfigException)e).key()).isEqualTo("port");
        assertThat(ctx.isConcluded()).isFalse();
    }

    @Test
    void shouldRefuseTheSamePortForAdminAndADataDirThatIsAFile(@TempDir final Path tmp) throws Exception
    {
        final Path file = Files.writeString(tmp.resolve("f"), "x");

        assertThatThrownBy(() -> new GatewayContext().port(9000).adminPort(9000).conclude())
            .hasMessageContaining("admin.port: must differ from port");
        assertThatThrownBy(() -> new GatewayContext().dataDir(file).conclude())
            .hasMessageContaining("data.dir: must be a directory");
        assertThat(new GatewayContext().port(0).adminPort(0).conclude().port()).isZero();
    }
}
