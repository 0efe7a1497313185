package io.medgw.gateway.status;

/**
 * Every counter the gateway keeps. Each constant has a stable id, a Micrometer meter name with an
 * optional single tag (constants of one family share the name and tag key), a human label, and
 * whether a rise means something went wrong ({@link #isError()}: alert on "&gt; 0"; the test base
 * fails a test that moves one without declaring it). Bound to meters once by
 * {@link GatewayCounters}; code keeps the bound adder in a field or indexes by ordinal.
 */
public enum GatewayCounter
{
    REQUESTS_RECEIVED(1, "medgw.requests.received", null, null, "requests whose HTTP head was received", false),
    REPLIES_SENT(2, "medgw.replies.sent", null, null, "HTTP responses written", false),
    RESULT_OK(3, "medgw.results", "result", "ok", "replies with infcode 0", false),
    RESULT_BUSINESS_ERROR(4, "medgw.results", "result", "business_error", "replies with infcode -2", false),
    RESULT_SYSTEM_ERROR(5, "medgw.results", "result", "system_error", "replies with infcode -1", false),
    OVERLOAD_REFUSALS(6, "medgw.refusals", "reason", "overload", "E9001: ring full", false),
    BAD_REQUESTS(7, "medgw.refusals", "reason", "bad_request", "malformed HTTP or unsupported content type", false),
    BODY_TOO_LARGE(8, "medgw.refusals", "reason", "body_too_large", "E5006: body over max.body.bytes", false),
    UNKNOWN_PATHS(9, "medgw.refusals", "reason", "unknown_path", "E5004: unknown path or method", false),
    AUTH_REFUSALS(10, "medgw.refusals", "reason", "auth", "E5009: x-tif signature missing or wrong", false),
    SHUTDOWN_REFUSALS(11, "medgw.refusals", "reason", "shutting_down", "E9004: request after shutdown began", false),
    CONNECTIONS_OPENED(12, "medgw.connections.opened", null, null, "client connections accepted", false),
    CONNECTIONS_CLOSED(13, "medgw.connections.closed", null, null, "client connections closed", false),
    CONNECTIONS_REFUSED(14, "medgw.connections.refused", null, null, "connections closed at once: max.connections", false),
    IDLE_CLOSED(15, "medgw.connections.timed.out", "reason", "idle", "closed after idle.timeout.ms", false),
    READ_TIMEOUT_CLOSED(16, "medgw.connections.timed.out", "reason", "read", "closed after read.timeout.ms", false),
    CONNECTION_RESETS(17, "medgw.connections.reset", null, null, "I/O errors from a peer (reset, broken pipe)", false),
    REPLIES_DROPPED(18, "medgw.replies.dropped", null, null, "replies for connections that were already closed", false),
    LEDGER_APPENDS(19, "medgw.ledger.appends", null, null, "entries appended to the ledger", false),
    LEDGER_FSYNCS(20, "medgw.ledger.fsyncs", null, null, "ledger batches forced to disk", false),
    IDEMPOTENT_REPLAYS(21, "medgw.idempotent.replays", null, null, "re-sent requests answered from memory", false),
    REFERENCE_RELOADS(22, "medgw.reference.reloads", "result", "ok", "reference-data reloads", false),
    REFERENCE_RELOAD_FAILURES(23, "medgw.reference.reloads", "result", "failed", "reference-data reloads that failed", true),
    HANDLER_ERRORS(24, "medgw.errors", "kind", "handler", "exceptions in pipeline handlers", true),
    LISTENER_ERRORS(25, "medgw.errors", "kind", "listener", "exceptions thrown by the inbound request listener", true),
    NET_ERRORS(26, "medgw.errors", "kind", "net", "unexpected exceptions on a client connection", true),
    FATAL_ERRORS(27, "medgw.errors", "kind", "fatal", "errors that stopped the pipeline", true),
    SNAPSHOTS_WRITTEN(28, "medgw.snapshots", "result", "written", "state snapshots committed", false),
    SNAPSHOT_FAILURES(29, "medgw.snapshots", "result", "failed", "state snapshots that could not be written", true);

    private static final GatewayCounter[] BY_ID;

    static
    {
        int max = 0;
        for (final GatewayCounter c : values())
        {
            max = Math.max(max, c.id);
        }
        BY_ID = new GatewayCounter[max + 1];
        for (final GatewayCounter c : values())
        {
            if (c.id <= 0 || BY_ID[c.id] != null)
            {
                throw new IllegalStateException("duplicate or non-positive counter id " + c.id + ": " + c);
            }
            BY_ID[c.id] = c;
        }
    }

    private final int id;
    private final String meterName;
    private final String tagKey;
    private final String tagValue;
    private final String label;
    private final boolean error;

    GatewayCounter(
        final int id, final String meterName, final String tagKey, final String tagValue, final String label,
        final boolean error)
    {
        this.id = id;
        this.meterName = meterName;
        this.tagKey = tagKey;
        this.tagValue = tagValue;
        this.label = label;
        this.error = error;
    }

    /** @return the stable id. */
    public int id()
    {
        return id;
    }

    /** @return the Micrometer meter name (Prometheus: dots become underscores, plus {@code _total}). */
    public String meterName()
    {
        return meterName;
    }

    /** @return the tag key, or null for an untagged counter. */
    public String tagKey()
    {
        return tagKey;
    }

    /** @return the tag value, or null for an untagged counter. */
    public String tagValue()
    {
        return tagValue;
    }

    /** @return a human label (the meter's description). */
    public String label()
    {
        return label;
    }

    /** @return true when any rise means something went wrong. */
    public boolean isError()
    {
        return error;
    }

    /** @param id a stable id. @return its counter, or null. */
    public static GatewayCounter ofId(final int id)
    {
        return id > 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
