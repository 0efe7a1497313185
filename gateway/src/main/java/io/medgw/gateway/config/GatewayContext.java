package io.medgw.gateway.config;

import io.medgw.gateway.status.GatewayMetrics;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static io.medgw.gateway.config.GatewayConfigKey.*;

/**
 * Configuration of one gateway process: fluent setters, getters of the same name, and
 * {@link #conclude()} which fills in derived defaults and validates every value before any thread
 * starts. Built by {@link GatewayConfigLoader} from the configuration file, or directly in tests.
 * Components take the concluded context in their constructor and copy what they need into final
 * fields. Not thread-safe until concluded; read-only afterwards.
 */
public final class GatewayContext
{
    public static final int MIN_RING_SIZE = 64;
    public static final int MAX_RING_SIZE = 1 << 24;
    /** Largest {@code snapshot.every.records}. */
    public static final long MAX_SNAPSHOT_EVERY = 1_000_000_000L;
    public static final int MIN_BODY_BYTES = 1024;
    public static final int MAX_BODY_BYTES_LIMIT = 64 * 1024 * 1024;
    public static final int MAX_IO_THREADS = 256;
    public static final int MAX_BUSY_POLL_US = 10_000;
    public static final int MAX_CONNECTIONS_LIMIT = 1_000_000;
    public static final long MIN_TIMEOUT_MS = 10;

    private String host = "0.0.0.0";
    private int port = 8080;
    private String adminHost;
    private int adminPort = 8081;
    private int ioThreads;
    private NetTransport netTransport = NetTransport.EPOLL;
    private int ioBusyPollUs = 0;
    private Path dataDir = Path.of("data");
    private Path ledgerDir;
    private Durability durability = Durability.FSYNC;
    private Path snapshotDir;
    private long snapshotEveryRecords = 250_000;
    private int snapshotRetain = 2;
    private int ringSize = 4096;
    private PipelineIdleStrategy pipelineIdleStrategy = PipelineIdleStrategy.PARKING;
    private int pipelineThreads = 1;
    private int pipelineBusyPollUs = 200;
    private int maxBodyBytes = 1024 * 1024;
    private int maxConnections = 10_000;
    private long idleTimeoutMs = 60_000;
    private long readTimeoutMs = 30_000;
    private long shutdownTimeoutMs = 10_000;
    private int clockSkewSeconds = 600;
    private ZoneId timeZone = ZoneId.of("Asia/Shanghai");
    private int idempotencyRetentionDays = 7;
    private String receiverAdmdvs = "000000";
    private int authTimestampWindowSeconds = 300;
    private final Map<String, String> tifTokens = new LinkedHashMap<>();
    private EpochClock epochClock;
    private NanoClock nanoClock;
    private LongSupplier refMsgSerial;
    private GatewayMetrics metrics;
    private boolean concluded;

    /**
     * Fills in derived defaults (admin host, ledger dir, io threads, clocks, metrics, serial
     * source) and validates everything. Idempotent.
     *
     * @return this.
     * @throws GatewayConfigException naming every offending key.
     */
    public GatewayContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        final List<String> errors = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        validateNetwork(errors, keys);
        validateStorageAndPipeline(errors, keys);
        validateProtocol(errors, keys);
        if (!errors.isEmpty())
        {
            throw new GatewayConfigException(keys.get(0), "invalid configuration: " + String.join("; ", errors));
        }
        adminHost = adminHost == null ? host : adminHost;
        ledgerDir = ledgerDir == null ? dataDir.resolve("ledger") : ledgerDir;
        // with the ledger, so that a snapshot is never applied to another ledger's records
        snapshotDir = snapshotDir == null ? ledgerDir.resolve("snapshots") : snapshotDir;
        ioThreads = ioThreads == 0 ? Math.min(4, Runtime.getRuntime().availableProcessors()) : ioThreads;
        epochClock = epochClock == null ? SystemEpochClock.INSTANCE : epochClock;
        nanoClock = nanoClock == null ? SystemNanoClock.INSTANCE : nanoClock;
        if (refMsgSerial == null)
        {
            final AtomicLong serial = new AtomicLong();
            refMsgSerial = serial::incrementAndGet;
        }
        metrics = metrics == null ? new GatewayMetrics() : metrics;
        concluded = true;
        return this;
    }

    private void validateNetwork(final List<String> errors, final List<String> keys)
    {
        check(errors, keys, host != null && !host.isBlank(), HOST, "must not be empty", host);
        check(errors, keys, port >= 0 && port <= 65535, PORT, "must be 0..65535 (0 = any free port)", port);
        check(errors, keys, adminHost == null || !adminHost.isBlank(), ADMIN_HOST, "must not be empty", adminHost);
        check(errors, keys, adminPort >= 0 && adminPort <= 65535, ADMIN_PORT, "must be 0..65535 (0 = any free port)", adminPort);
        check(errors, keys, port == 0 || port != adminPort, ADMIN_PORT, "must differ from port", adminPort);
        check(errors, keys, ioThreads >= 0 && ioThreads <= MAX_IO_THREADS, IO_THREADS, "must be 0..256 (0 = min(cores, 4))", ioThreads);
        check(errors, keys, netTransport != null, NET_TRANSPORT, "must be epoll or nio", netTransport);
        check(errors, keys, ioBusyPollUs >= 0 && ioBusyPollUs <= MAX_BUSY_POLL_US, IO_BUSY_POLL_US,
            "must be 0.." + MAX_BUSY_POLL_US, ioBusyPollUs);
        check(errors, keys, maxBodyBytes >= MIN_BODY_BYTES && maxBodyBytes <= MAX_BODY_BYTES_LIMIT, MAX_BODY_BYTES,
            "must be " + MIN_BODY_BYTES + ".." + MAX_BODY_BYTES_LIMIT, maxBodyBytes);
        check(errors, keys, maxConnections >= 1 && maxConnections <= MAX_CONNECTIONS_LIMIT, MAX_CONNECTIONS,
            "must be 1.." + MAX_CONNECTIONS_LIMIT, maxConnections);
        check(errors, keys, idleTimeoutMs >= MIN_TIMEOUT_MS && idleTimeoutMs <= 86_400_000L, IDLE_TIMEOUT_MS,
            "must be 10..86400000", idleTimeoutMs);
        check(errors, keys, readTimeoutMs >= MIN_TIMEOUT_MS && readTimeoutMs <= 3_600_000L, READ_TIMEOUT_MS,
            "must be 10..3600000", readTimeoutMs);
        check(errors, keys, shutdownTimeoutMs >= 0 && shutdownTimeoutMs <= 600_000L, SHUTDOWN_TIMEOUT_MS,
            "must be 0..600000", shutdownTimeoutMs);
    }

    private void validateStorageAndPipeline(final List<String> errors, final List<String> keys)
    {
        check(errors, keys, dataDir != null && !(Files.exists(dataDir) && !Files.isDirectory(dataDir)), DATA_DIR,
            "must be a directory (or not exist yet)", dataDir);
        check(errors, keys, ledgerDir == null || !(Files.exists(ledgerDir) && !Files.isDirectory(ledgerDir)), LEDGER_DIR,
            "must be a directory (or not exist yet)", ledgerDir);
        check(errors, keys, durability != null, DURABILITY, "must be fsync or process", durability);
        check(errors, keys, snapshotDir == null || !(Files.exists(snapshotDir) && !Files.isDirectory(snapshotDir)), SNAPSHOT_DIR,
            "must be a directory (or not exist yet)", snapshotDir);
        check(errors, keys, snapshotEveryRecords >= 0 && snapshotEveryRecords <= MAX_SNAPSHOT_EVERY, SNAPSHOT_EVERY_RECORDS,
            "must be 0.." + MAX_SNAPSHOT_EVERY + " (0 = only at shutdown)", snapshotEveryRecords);
        check(errors, keys, snapshotRetain >= 1 && snapshotRetain <= 100, SNAPSHOT_RETAIN, "must be 1..100", snapshotRetain);
        check(errors, keys, ringSize >= MIN_RING_SIZE && ringSize <= MAX_RING_SIZE && Integer.bitCount(ringSize) == 1,
            RING_SIZE, "must be a power of two in " + MIN_RING_SIZE + ".." + MAX_RING_SIZE, ringSize);
        check(errors, keys, pipelineIdleStrategy != null, PIPELINE_IDLE_STRATEGY,
            "must be busy-spin, yielding, sleeping, parking, backoff or blocking", pipelineIdleStrategy);
        check(errors, keys, pipelineThreads == 1 || pipelineThreads == 3, PIPELINE_THREADS, "must be 1 or 3", pipelineThreads);
        check(errors, keys, pipelineBusyPollUs >= 0 && pipelineBusyPollUs <= MAX_BUSY_POLL_US, PIPELINE_BUSY_POLL_US,
            "must be 0.." + MAX_BUSY_POLL_US, pipelineBusyPollUs);
    }

    private void validateProtocol(final List<String> errors, final List<String> keys)
    {
        check(errors, keys, clockSkewSeconds >= 0 && clockSkewSeconds <= 86_400, CLOCK_SKEW_SECONDS, "must be 0..86400", clockSkewSeconds);
        check(errors, keys, timeZone != null, TIME_ZONE, "must be a zone id such as Asia/Shanghai", timeZone);
        check(errors, keys, idempotencyRetentionDays >= 1 && idempotencyRetentionDays <= 3650, IDEMPOTENCY_RETENTION_DAYS,
            "must be 1..3650", idempotencyRetentionDays);
        check(errors, keys, receiverAdmdvs != null && receiverAdmdvs.matches("[0-9]{6}"), RECEIVER_ADMDVS,
            "must be six digits", receiverAdmdvs);
        check(errors, keys, authTimestampWindowSeconds >= 1 && authTimestampWindowSeconds <= 86_400,
            AUTH_TIMESTAMP_WINDOW_SECONDS, "must be 1..86400", authTimestampWindowSeconds);
        for (final Map.Entry<String, String> e : tifTokens.entrySet())
        {
            final String k = AUTH_PAASID.key() + e.getKey();
            final boolean ok = !e.getKey().isBlank() && e.getValue() != null && !e.getValue().isBlank();
            if (!ok)
            {
                errors.add(k + ": paasid and token must not be empty");
                keys.add(k);
            }
        }
    }

    private static void check(
        final List<String> errors, final List<String> keys, final boolean ok, final GatewayConfigKey key,
        final String rule, final Object value)
    {
        if (!ok)
        {
            errors.add(key.key() + ": " + rule + ", got " + value);
            keys.add(key.key());
        }
    }

    /** @return true once {@link #conclude()} succeeded. */
    public boolean isConcluded()
    {
        return concluded;
    }

    /** @return address the settlement HTTP server binds. */
    public String host()
    {
        return host;
    }

    /** @param host address the settlement HTTP server binds. @return this */
    public GatewayContext host(final String host)
    {
        this.host = host;
        return this;
    }

    /** @return settlement HTTP port (0 = any free port). */
    public int port()
    {
        return port;
    }

    /** @param port settlement HTTP port (0 = any free port). @return this */
    public GatewayContext port(final int port)
    {
        this.port = port;
        return this;
    }

    /** @return address the admin HTTP server binds (defaults to {@link #host()}). */
    public String adminHost()
    {
        return adminHost;
    }

    /** @param adminHost address the admin HTTP server binds. @return this */
    public GatewayContext adminHost(final String adminHost)
    {
        this.adminHost = adminHost;
        return this;
    }

    /** @return admin HTTP port (0 = any free port). */
    public int adminPort()
    {
        return adminPort;
    }

    /** @param adminPort admin HTTP port (0 = any free port). @return this */
    public GatewayContext adminPort(final int adminPort)
    {
        this.adminPort = adminPort;
        return this;
    }

    /** @return Netty event-loop threads (resolved by conclude when 0). */
    public int ioThreads()
    {
        return ioThreads;
    }

    /** @param ioThreads Netty event-loop threads, 0 = min(cores, 4). @return this */
    public GatewayContext ioThreads(final int ioThreads)
    {
        this.ioThreads = ioThreads;
        return this;
    }

    /** @return the Netty transport of the settlement port (epoll falls back to NIO when unavailable). */
    public NetTransport netTransport()
    {
        return netTransport;
    }

    /** @param transport epoll or nio. @return this */
    public GatewayContext netTransport(final NetTransport transport)
    {
        this.netTransport = transport;
        return this;
    }

    /**
     * @return how long, in microseconds, an event loop keeps polling without blocking after its last
     * I/O event or task before it blocks in epoll_wait/select again; 0 = always block at once.
     */
    public int ioBusyPollUs()
    {
        return ioBusyPollUs;
    }

    /** @param busyPollUs busy-poll window after activity, microseconds (0 = off). @return this */
    public GatewayContext ioBusyPollUs(final int busyPollUs)
    {
        this.ioBusyPollUs = busyPollUs;
        return this;
    }

    /** @return directory for the gateway's files (reference data, state). */
    public Path dataDir()
    {
        return dataDir;
    }

    /** @param dataDir directory for the gateway's files. @return this */
    public GatewayContext dataDir(final Path dataDir)
    {
        this.dataDir = dataDir;
        return this;
    }

    /** @return ledger (Chronicle Queue) directory; defaults to dataDir/ledger. */
    public Path ledgerDir()
    {
        return ledgerDir;
    }

    /** @param ledgerDir ledger directory. @return this */
    public GatewayContext ledgerDir(final Path ledgerDir)
    {
        this.ledgerDir = ledgerDir;
        return this;
    }

    /** @return when a settlement is acknowledged relative to its ledger write. */
    public Durability durability()
    {
        return durability;
    }

    /** @param durability fsync or process. @return this */
    public GatewayContext durability(final Durability durability)
    {
        this.durability = durability;
        return this;
    }

    /** @return settlement ring size (power of two). */
    public int ringSize()
    {
        return ringSize;
    }

    /** @param ringSize settlement ring size (power of two). @return this */
    public GatewayContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /** @return 1: settle, journal and reply on one thread; 3: a thread each. */
    public int pipelineThreads()
    {
        return pipelineThreads;
    }

    /** @param threads 1 or 3. @return this. */
    public GatewayContext pipelineThreads(final int threads)
    {
        this.pipelineThreads = threads;
        return this;
    }

    /** @return how long the parking idle strategy yields before it parks, microseconds. */
    public int pipelineBusyPollUs()
    {
        return pipelineBusyPollUs;
    }

    /** @param busyPollUs yield window of the parking idle strategy, microseconds (0 = park after a short spin). @return this */
    public GatewayContext pipelineBusyPollUs(final int busyPollUs)
    {
        this.pipelineBusyPollUs = busyPollUs;
        return this;
    }

    /** @return how idle pipeline threads wait. */
    public PipelineIdleStrategy pipelineIdleStrategy()
    {
        return pipelineIdleStrategy;
    }

    /** @param strategy how idle pipeline threads wait. @return this */
    public GatewayContext pipelineIdleStrategy(final PipelineIdleStrategy strategy)
    {
        this.pipelineIdleStrategy = strategy;
        return this;
    }

    /** @return largest accepted request body, bytes. */
    public int maxBodyBytes()
    {
        return maxBodyBytes;
    }

    /** @param maxBodyBytes largest accepted request body, bytes. @return this */
    public GatewayContext maxBodyBytes(final int maxBodyBytes)
    {
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    /** @return most simultaneous client connections. */
    public int maxConnections()
    {
        return maxConnections;
    }

    /** @param maxConnections most simultaneous client connections. @return this */
    public GatewayContext maxConnections(final int maxConnections)
    {
        this.maxConnections = maxConnections;
        return this;
    }

    /** @return a connection with no traffic and nothing in flight for this long is closed. */
    public long idleTimeoutMs()
    {
        return idleTimeoutMs;
    }

    /** @param idleTimeoutMs idle connection timeout. @return this */
    public GatewayContext idleTimeoutMs(final long idleTimeoutMs)
    {
        this.idleTimeoutMs = idleTimeoutMs;
        return this;
    }

    /** @return a request must be received completely within this time of its first byte. */
    public long readTimeoutMs()
    {
        return readTimeoutMs;
    }

    /** @param readTimeoutMs slow-client deadline. @return this */
    public GatewayContext readTimeoutMs(final long readTimeoutMs)
    {
        this.readTimeoutMs = readTimeoutMs;
        return this;
    }

    /** @return bound on each shutdown wait (in-flight replies, event loops). */
    public long shutdownTimeoutMs()
    {
        return shutdownTimeoutMs;
    }

    /** @param shutdownTimeoutMs bound on each shutdown wait. @return this */
    public GatewayContext shutdownTimeoutMs(final long shutdownTimeoutMs)
    {
        this.shutdownTimeoutMs = shutdownTimeoutMs;
        return this;
    }

    /** @return largest accepted distance between inf_time and the gateway clock (E1024). */
    public int clockSkewSeconds()
    {
        return clockSkewSeconds;
    }

    /** @param clockSkewSeconds inf_time skew bound. @return this */
    public GatewayContext clockSkewSeconds(final int clockSkewSeconds)
    {
        this.clockSkewSeconds = clockSkewSeconds;
        return this;
    }

    /** @return zone of inf_time and of the times the gateway writes. */
    public ZoneId timeZone()
    {
        return timeZone;
    }

    /** @param timeZone zone of the wire's local times. @return this */
    public GatewayContext timeZone(final ZoneId timeZone)
    {
        this.timeZone = timeZone;
        return this;
    }

    /** @return where snapshots of the state are kept. */
    public Path snapshotDir()
    {
        return snapshotDir;
    }

    /** @param snapshotDir snapshot directory. @return this */
    public GatewayContext snapshotDir(final Path snapshotDir)
    {
        this.snapshotDir = snapshotDir;
        return this;
    }

    /** @return ledger records between two snapshots while running (0: only at shutdown). */
    public long snapshotEveryRecords()
    {
        return snapshotEveryRecords;
    }

    /** @param records ledger records between two snapshots (0: only at shutdown). @return this */
    public GatewayContext snapshotEveryRecords(final long records)
    {
        this.snapshotEveryRecords = records;
        return this;
    }

    /** @return how many snapshots are kept. */
    public int snapshotRetain()
    {
        return snapshotRetain;
    }

    /** @param retain how many snapshots are kept. @return this */
    public GatewayContext snapshotRetain(final int retain)
    {
        this.snapshotRetain = retain;
        return this;
    }

    /** @return how long (fixmedins_code, msgid) answers are remembered. */
    public int idempotencyRetentionDays()
    {
        return idempotencyRetentionDays;
    }

    /** @param days idempotency retention. @return this */
    public GatewayContext idempotencyRetentionDays(final int days)
    {
        this.idempotencyRetentionDays = days;
        return this;
    }

    /** @return the six-digit admdvs that starts every inf_refmsgid. */
    public String receiverAdmdvs()
    {
        return receiverAdmdvs;
    }

    /** @param receiverAdmdvs six-digit admdvs. @return this */
    public GatewayContext receiverAdmdvs(final String receiverAdmdvs)
    {
        this.receiverAdmdvs = receiverAdmdvs;
        return this;
    }

    /** @return accepted distance between x-tif-timestamp and the gateway clock. */
    public int authTimestampWindowSeconds()
    {
        return authTimestampWindowSeconds;
    }

    /** @param seconds accepted x-tif-timestamp distance. @return this */
    public GatewayContext authTimestampWindowSeconds(final int seconds)
    {
        this.authTimestampWindowSeconds = seconds;
        return this;
    }

    /**
     * Adds one x-tif paasid and its token; once any is configured every request must be signed.
     *
     * @param paasid the x-tif-paasid value.
     * @param token the secret paired with it.
     * @return this
     */
    public GatewayContext tifToken(final String paasid, final String token)
    {
        tifTokens.put(Objects.requireNonNull(paasid, "paasid"), token);
        return this;
    }

    /** @return paasid → token (read-only view; empty = authentication off). */
    public Map<String, String> tifTokens()
    {
        return Collections.unmodifiableMap(tifTokens);
    }

    /** @return wall clock, epoch milliseconds. */
    public EpochClock epochClock()
    {
        return epochClock;
    }

    /** @param epochClock wall clock. @return this */
    public GatewayContext epochClock(final EpochClock epochClock)
    {
        this.epochClock = epochClock;
        return this;
    }

    /** @return monotonic clock, nanoseconds. */
    public NanoClock nanoClock()
    {
        return nanoClock;
    }

    /** @param nanoClock monotonic clock. @return this */
    public GatewayContext nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    /** @return thread-safe source of the 10-digit inf_refmsgid serial (shared by every encoder). */
    public LongSupplier refMsgSerial()
    {
        return refMsgSerial;
    }

    /** @param refMsgSerial thread-safe serial source. @return this */
    public GatewayContext refMsgSerial(final LongSupplier refMsgSerial)
    {
        this.refMsgSerial = refMsgSerial;
        return this;
    }

    /** @return the process's meters (created by conclude when not set). */
    public GatewayMetrics metrics()
    {
        return metrics;
    }

    /** @param metrics the process's meters. @return this */
    public GatewayContext metrics(final GatewayMetrics metrics)
    {
        this.metrics = metrics;
        return this;
    }
}
