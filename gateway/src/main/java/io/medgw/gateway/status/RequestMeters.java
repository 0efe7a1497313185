package io.medgw.gateway.status;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-transaction outcome counters ({@code medgw.infno.results{infno, result}}) and the request
 * latency timer ({@code medgw.request.latency}, a Prometheus histogram). Every series is created
 * at construction for a fixed infno set (plus {@code infno="other"}), so
 * {@link #onReply(int, int, long)} indexes arrays and never touches the registry. Thread-safe.
 */
public final class RequestMeters
{
    /** The transactions pre-created by default: every settlement-relevant number of the national interface. */
    public static final int[] DEFAULT_INFNOS = {
        1101, 2001, 2101, 2102, 2103, 2201, 2202, 2203, 2204, 2205, 2206, 2207, 2208,
        2301, 2302, 2303, 2304, 2305, 2401, 2402, 2403, 2404, 2405, 2601,
        3201, 3202, 5203, 5204, 5206, 9001, 9002};

    public static final int RESULT_OK = 0;
    public static final int RESULT_BUSINESS_ERROR = 1;
    public static final int RESULT_SYSTEM_ERROR = 2;
    private static final String[] RESULT_TAGS = {"ok", "business_error", "system_error"};
    private static final GatewayCounter[] RESULT_COUNTERS = {
        GatewayCounter.RESULT_OK, GatewayCounter.RESULT_BUSINESS_ERROR, GatewayCounter.RESULT_SYSTEM_ERROR};

    private final short[] indexByInfno = new short[10_000];
    private final int otherIndex;
    private final LongAdder[] byIndexAndResult;
    private final LongAdder[] totalsByResult = new LongAdder[RESULT_TAGS.length];
    private final Timer latency;

    /**
     * @param registry where the meters live.
     * @param counters the gateway counters (the per-result totals are incremented too).
     * @param infnos the transaction numbers (0..9999) that get their own series.
     */
    public RequestMeters(final MeterRegistry registry, final GatewayCounters counters, final int[] infnos)
    {
        otherIndex = infnos.length;
        Arrays.fill(indexByInfno, (short)otherIndex);
        byIndexAndResult = new LongAdder[(infnos.length + 1) * RESULT_TAGS.length];
        for (int r = 0; r < RESULT_TAGS.length; r++)
        {
            totalsByResult[r] = counters.adder(RESULT_COUNTERS[r]);
        }
        for (int i = 0; i <= infnos.length; i++)
        {
            final String tag;
            if (i < infnos.length)
            {
                final int infno = infnos[i];
                if (infno < 0 || infno >= indexByInfno.length || indexByInfno[infno] != otherIndex)
                {
                    throw new IllegalArgumentException("infno out of range or repeated: " + infno);
                }
                indexByInfno[infno] = (short)i;
                tag = String.format("%04d", infno);
            }
            else
            {
                tag = "other";
            }
            for (int r = 0; r < RESULT_TAGS.length; r++)
            {
                final LongAdder adder = new LongAdder();
                byIndexAndResult[i * RESULT_TAGS.length + r] = adder;
                FunctionCounter.builder("medgw.infno.results", adder, LongAdder::sum)
                    .description("replies by transaction number and result")
                    .tag("infno", tag).tag("result", RESULT_TAGS[r])
                    .register(registry);
            }
        }
        latency = GatewayMetrics.latencyHistogram(registry, "medgw.request.latency",
            "request complete to reply handed back, per request", Duration.ofNanos(20_000), Duration.ofSeconds(10));
    }

    /**
     * Records one reply.
     *
     * @param infno the transaction number (0..9999; anything else counts as "other").
     * @param infcode the reply's infcode: 0 ok, -2 business error, anything else a system error.
     * @param latencyNs request complete → reply, nanoseconds (negative values are not recorded).
     */
    public void onReply(final int infno, final int infcode, final long latencyNs)
    {
        final int result = infcode == 0 ? RESULT_OK : infcode == -2 ? RESULT_BUSINESS_ERROR : RESULT_SYSTEM_ERROR;
        final int index = infno >= 0 && infno < indexByInfno.length ? indexByInfno[infno] : otherIndex;
        byIndexAndResult[index * RESULT_TAGS.length + result].increment();
        totalsByResult[result].increment();
        if (latencyNs >= 0)
        {
            latency.record(latencyNs, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * @param infno transaction number.
     * @param result {@link #RESULT_OK}, {@link #RESULT_BUSINESS_ERROR} or {@link #RESULT_SYSTEM_ERROR}.
     * @return how many replies were recorded for the pair.
     */
    public long count(final int infno, final int result)
    {
        final int index = infno >= 0 && infno < indexByInfno.length ? indexByInfno[infno] : otherIndex;
        return byIndexAndResult[index * RESULT_TAGS.length + result].sum();
    }

    /**
     * Parses the four leading digits of an infno ("2207", "2207A").
     *
     * @param infno text from the envelope or the path.
     * @return 0..9999, or -1 when it does not start with four digits.
     */
    public static int infnoNumber(final CharSequence infno)
    {
        if (infno == null || infno.length() < 4)
        {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++)
        {
            final char c = infno.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** @return the latency timer (for tests and the admin view). */
    public Timer latency()
    {
        return latency;
    }
}
