package io.medgw.gateway.config;

/**
 * Every key the configuration file accepts, with its documented default. docs/operations.md lists
 * the same keys (a test keeps the two in step). {@link #AUTH_PAASID} is a prefix: one line per
 * paasid, {@code auth.paasid.<paasid> = <token>}.
 */
public enum GatewayConfigKey
{
    HOST("host", "0.0.0.0"),
    PORT("port", "8080"),
    ADMIN_HOST("admin.host", "(the value of host)"),
    ADMIN_PORT("admin.port", "8081"),
    IO_THREADS("io.threads", "0"),
    NET_TRANSPORT("net.transport", "epoll"),
    IO_BUSY_POLL_US("io.busy.poll.us", "0"),
    DATA_DIR("data.dir", "data"),
    LEDGER_DIR("ledger.dir", "(data.dir)/ledger"),
    DURABILITY("durability", "fsync"),
    SNAPSHOT_DIR("snapshot.dir", "(ledger.dir)/snapshots"),
    SNAPSHOT_EVERY_RECORDS("snapshot.every.records", "250000"),
    SNAPSHOT_RETAIN("snapshot.retain", "2"),
    RING_SIZE("ring.size", "4096"),
    PIPELINE_IDLE_STRATEGY("pipeline.idle.strategy", "parking"),
    PIPELINE_THREADS("pipeline.threads", "1"),
    PIPELINE_BUSY_POLL_US("pipeline.busy.poll.us", "200"),
    MAX_BODY_BYTES("max.body.bytes", "1048576"),
    MAX_CONNECTIONS("max.connections", "10000"),
    IDLE_TIMEOUT_MS("idle.timeout.ms", "60000"),
    READ_TIMEOUT_MS("read.timeout.ms", "30000"),
    SHUTDOWN_TIMEOUT_MS("shutdown.timeout.ms", "10000"),
    CLOCK_SKEW_SECONDS("clock.skew.seconds", "600"),
    TIME_ZONE("time.zone", "Asia/Shanghai"),
    IDEMPOTENCY_RETENTION_DAYS("idempotency.retention.days", "7"),
    RECEIVER_ADMDVS("receiver.admdvs", "000000"),
    AUTH_TIMESTAMP_WINDOW_SECONDS("auth.timestamp.window.seconds", "300"),
    AUTH_PAASID("auth.paasid.", "(none: authentication off)");

    private final String key;
    private final String defaultText;

    GatewayConfigKey(final String key, final String defaultText)
    {
        this.key = key;
        this.defaultText = defaultText;
    }

    /** @return the key as written in the file ({@code auth.paasid.} is a prefix). */
    public String key()
    {
        return key;
    }

    /** @return the documented default, as text. */
    public String defaultText()
    {
        return defaultText;
    }

    /** @return true for the prefix key {@link #AUTH_PAASID}. */
    public boolean isPrefix()
    {
        return this == AUTH_PAASID;
    }

    /**
     * @param fileKey a key as read from the file.
     * @return its descriptor, or null when the key is unknown.
     */
    public static GatewayConfigKey of(final String fileKey)
    {
        for (final GatewayConfigKey k : values())
        {
            if (k.isPrefix() ? fileKey.startsWith(k.key) && fileKey.length() > k.key.length() : k.key.equals(fileKey))
            {
                return k;
            }
        }
        return null;
    }
}
