package io.medgw.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the gateway's configuration file: UTF-8 lines of {@code key = value}; blank lines and
 * lines starting with {@code #} or {@code !} are ignored; values are taken verbatim after trimming
 * (no escapes, no continuation lines). An unknown key, a repeated key, a line without {@code =}
 * or a value of the wrong type is refused with a message naming the key and the line. Range
 * checks happen in {@link GatewayContext#conclude()}. Overrides (e.g. from the command line) use
 * the same keys and win over the file. Relative paths are relative to the working directory.
 */
public final class GatewayConfigLoader
{
    private GatewayConfigLoader()
    {
    }

    /**
     * @param file the configuration file.
     * @return a context holding the file's values (not concluded).
     * @throws IOException when the file cannot be read.
     */
    public static GatewayContext load(final Path file) throws IOException
    {
        return load(file, Map.of());
    }

    /**
     * @param file the configuration file, or null for defaults plus overrides only.
     * @param overrides key → value applied after the file.
     * @return a context holding the values (not concluded: set clocks/metrics, then conclude()).
     * @throws IOException when the file cannot be read.
     */
    public static GatewayContext load(final Path file, final Map<String, String> overrides) throws IOException
    {
        final GatewayContext ctx = new GatewayContext();
        if (file != null)
        {
            parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString(), ctx);
        }
        for (final Map.Entry<String, String> e : overrides.entrySet())
        {
            apply(ctx, e.getKey().trim(), e.getValue() == null ? "" : e.getValue().trim(), "override");
        }
        return ctx;
    }

    /**
     * @param lines the file's lines.
     * @param source name used in messages (the file name).
     * @param ctx context to fill.
     * @return ctx.
     */
    public static GatewayContext parse(final List<String> lines, final String source, final GatewayContext ctx)
    {
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).strip();
            final String where = source + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!"))
            {
                continue;
            }
            final int eq = line.indexOf('=');
            if (eq <= 0)
            {
                throw new GatewayConfigException(line, where + ": expected 'key = value', got '" + line + "'");
            }
            final String key = line.substring(0, eq).strip();
            if (!seen.add(key))
            {
                throw new GatewayConfigException(key, key + ": given twice (" + where + ")");
            }
            apply(ctx, key, line.substring(eq + 1).strip(), where);
        }
        return ctx;
    }

    /**
     * Applies one key to a context.
     *
     * @param ctx target.
     * @param key key as written in the file.
     * @param value trimmed value.
     * @param where source for messages ("medgw.conf line 3", "override").
     * @throws GatewayConfigException for an unknown key or a value of the wrong type.
     */
    public static void apply(final GatewayContext ctx, final String key, final String value, final String where)
    {
        final GatewayConfigKey k = GatewayConfigKey.of(key);
        if (k == null)
        {
            throw new GatewayConfigException(key, key + ": unknown key (" + where + ")");
        }
        switch (k)
        {
            case HOST -> ctx.host(value);
            case PORT -> ctx.port(intValue(key, value, where));
            case ADMIN_HOST -> ctx.adminHost(value);
            case ADMIN_PORT -> ctx.adminPort(intValue(key, value, where));
            case IO_THREADS -> ctx.ioThreads(intValue(key, value, where));
            case NET_TRANSPORT -> ctx.netTransport(enumValue(key, value, where, NetTransport.byConfigName(value), "epoll, nio"));
            case IO_BUSY_POLL_US -> ctx.ioBusyPollUs(intValue(key, value, where));
            case DATA_DIR -> ctx.dataDir(pathValue(key, value, where));
            case LEDGER_DIR -> ctx.ledgerDir(pathValue(key, value, where));
            case DURABILITY -> ctx.durability(enumValue(key, value, where, Durability.byConfigName(value), "fsync, process"));
            case SNAPSHOT_DIR -> ctx.snapshotDir(pathValue(key, value, where));
            case SNAPSHOT_EVERY_RECORDS -> ctx.snapshotEveryRecords(longValue(key, value, where));
            case SNAPSHOT_RETAIN -> ctx.snapshotRetain(intValue(key, value, where));
            case RING_SIZE -> ctx.ringSize(intValue(key, value, where));
            case PIPELINE_THREADS -> ctx.pipelineThreads(intValue(key, value, where));
            case PIPELINE_BUSY_POLL_US -> ctx.pipelineBusyPollUs(intValue(key, value, where));
            case PIPELINE_IDLE_STRATEGY -> ctx.pipelineIdleStrategy(enumValue(key, value, where,
                PipelineIdleStrategy.byConfigName(value), "busy-spin, yielding, sleeping, parking, backoff, blocking"));
            case MAX_BODY_BYTES -> ctx.maxBodyBytes(intValue(key, value, where));
            case MAX_CONNECTIONS -> ctx.maxConnections(intValue(key, value, where));
            case IDLE_TIMEOUT_MS -> ctx.idleTimeoutMs(longValue(key, value, where));
            case READ_TIMEOUT_MS -> ctx.readTimeoutMs(longValue(key, value, where));
            case SHUTDOWN_TIMEOUT_MS -> ctx.shutdownTimeoutMs(longValue(key, value, where));
            case CLOCK_SKEW_SECONDS -> ctx.clockSkewSeconds(intValue(key, value, where));
            case TIME_ZONE -> ctx.timeZone(zoneValue(key, value, where));
            case IDEMPOTENCY_RETENTION_DAYS -> ctx.idempotencyRetentionDays(intValue(key, value, where));
            case RECEIVER_ADMDVS -> ctx.receiverAdmdvs(value);
            case AUTH_TIMESTAMP_WINDOW_SECONDS -> ctx.authTimestampWindowSeconds(intValue(key, value, where));
            case AUTH_PAASID -> ctx.tifToken(key.substring(k.key().length()), value);
            default -> throw new IllegalStateException("unhandled key " + k);
        }
    }

    private static int intValue(final String key, final String value, final String where)
    {
        final long v = longValue(key, value, where);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)
        {
            throw new GatewayConfigException(key, key + ": out of range: '" + value + "' (" + where + ")");
        }
        return (int)v;
    }

    private static long longValue(final String key, final String value, final String where)
    {
        try
        {
            return Long.parseLong(value.replace("_", ""));
        }
        catch (final NumberFormatException ex)
        {
            throw new GatewayConfigException(key, key + ": not an integer: '" + value + "' (" + where + ")");
        }
    }

    private static Path pathValue(final String key, final String value, final String where)
    {
        if (value.isEmpty())
        {
            throw new GatewayConfigException(key, key + ": must not be empty (" + where + ")");
        }
        return Path.of(value);
    }

    private static ZoneId zoneValue(final String key, final String value, final String where)
    {
        try
        {
            return ZoneId.of(value);
        }
        catch (final DateTimeException ex)
        {
            throw new GatewayConfigException(key, key + ": not a time zone: '" + value + "' (" + where + ")");
        }
    }

    private static <T> T enumValue(final String key, final String value, final String where, final T parsed, final String allowed)
    {
        if (parsed == null)
        {
            throw new GatewayConfigException(key, key + ": must be one of " + allowed + ", got '" + value + "' (" + where + ")");
        }
        return parsed;
    }
}
