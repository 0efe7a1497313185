package io.medgw.loadtest;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Drives a running gateway over loopback HTTP with prepared national-interface request bodies and
 * records latency in HdrHistogram.
 * <p>
 * Requests are split across connections by institution ({@code fixmedins_code}), so one
 * institution's requests keep their order (a 2601 冲正 still follows its original). In
 * closed-loop mode (rate 0) each connection sends its next request when the last answer arrives;
 * at a fixed offered rate each request has an intended start time and latency is measured from
 * it, which corrects for coordinated omission. {@code inf_time} in every body is rewritten to the
 * send time, so the gateway's clock-skew check (E1024) passes whatever day the bodies were
 * generated for.
 */
public final class LoadGenerator
{
    private static final byte[] INF_TIME_KEY = "\"inf_time\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFCODE_KEY = "\"infcode\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FIXMEDINS_KEY = "\"fixmedins_code\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final java.time.format.DateTimeFormatter INF_TIME_FORMAT =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final byte[] ERR_MSG_KEY = "\"err_msg\":\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * What a run measured.
     *
     * @param sent        requests answered.
     * @param ok          infcode 0.
     * @param business    infcode -2.
     * @param system      infcode -1 (overload, ledger).
     * @param ioErrors    requests that failed at the socket.
     * @param elapsedNs   wall time of the measured phase.
     * @param latencyNs   latency histogram (ns).
     */
    public record Report(long sent, long ok, long business, long system, long ioErrors, long elapsedNs, Histogram latencyNs,
        java.util.SortedMap<String, Long> refusalsByCode, java.util.SortedMap<String, String> refusalExamples)
    {
        /** @return answered requests per second. */
        public long throughputPerSec()
        {
            return elapsedNs == 0 ? 0 : sent * 1_000_000_000L / elapsedNs;
        }

        /** @return the first refusal message of each code, one per line (allocates). */
        public String examples()
        {
            final StringBuilder b = new StringBuilder();
            refusalExamples.forEach((code, msg) -> b.append("  ").append(msg).append(System.lineSeparator()));
            return b.toString();
        }

        /** @return a one-paragraph human summary with percentiles in µs. */
        public String summary()
        {
            return String.format(
                "requests %,d (ok %,d, business refusals %,d, system errors %,d, io errors %,d) in %.2f s: %,d req/s%n" +
                "latency µs: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f",
                sent, ok, business, system, ioErrors, elapsedNs / 1e9, throughputPerSec(),
                latencyNs.getValueAtPercentile(50) / 1e3, latencyNs.getValueAtPercentile(90) / 1e3,
                latencyNs.getValueAtPercentile(99) / 1e3, latencyNs.getValueAtPercentile(99.9) / 1e3,
                latencyNs.getMaxValue() / 1e3) + (refusalsByCode.isEmpty() ? "" : "\nrefusals by code: " + refusalsByCode);
        }
    }

    private final String host;
    private final int port;
    private final String path;
    private final int connections;
    private final long ratePerSec;
    private final ZoneId zone;

    /**
     * @param host        gateway host (loopback).
     * @param port        gateway port.
     * @param path        request path.
     * @param connections parallel keep-alive connections (≥ 1).
     * @param ratePerSec  offered rate over all connections; 0 = closed loop.
     * @param zone        the gateway's time zone, for rewriting inf_time.
     */
    public LoadGenerator(final String host, final int port, final String path, final int connections,
        final long ratePerSec, final ZoneId zone)
    {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.path = Objects.requireNonNull(path, "path");
        this.connections = Math.max(1, connections);
        this.ratePerSec = Math.max(0, ratePerSec);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Sends every body once and waits for every answer.
     *
     * @param bodies   request bodies (UTF-8 JSON envelopes); modified in place (inf_time).
     * @param progress called with the running count of answers, about every 1,000 (may be null).
     * @return what was measured.
     * @throws InterruptedException if interrupted while waiting for the workers.
     */
    public Report run(final List<byte[]> bodies, final LongConsumer progress) throws InterruptedException
    {
        final List<List<byte[]>> shards = new ArrayList<>();
        for (int i = 0; i < connections; i++)
        {
            shards.add(new ArrayList<>());
        }
        for (final byte[] body : bodies)
        {
            shards.get(Math.floorMod(institutionHash(body), connections)).add(body);
        }
        final AtomicLong answered = new AtomicLong();
        final Worker[] workers = new Worker[connections];
        final long startNs = System.nanoTime();
        final long intervalNs = ratePerSec == 0 ? 0 : 1_000_000_000L * connections / ratePerSec;
        for (int i = 0; i < connections; i++)
        {
            workers[i] = new Worker(shards.get(i), startNs, intervalNs, answered, progress);
            workers[i].start();
        }
        final Histogram all = new Histogram(3_600_000_000_000L, 3);
        final java.util.SortedMap<String, Long> codes = new java.util.TreeMap<>();
        final java.util.SortedMap<String, String> examples = new java.util.TreeMap<>();
        long ok = 0;
        long business = 0;
        long system = 0;
        long io = 0;
        for (final Worker w : workers)
        {
            w.join();
            all.add(w.histogram);
            ok += w.ok;
            business += w.business;
            system += w.system;
            io += w.ioErrors;
            w.codes.forEach((k, v) -> codes.merge(k, v, Long::sum));
            w.examples.forEach(examples::putIfAbsent);
        }
        final long elapsed = System.nanoTime() - startNs;
        return new Report(ok + business + system, ok, business, system, io, elapsed, all, codes, examples);
    }

    private final class Worker extends Thread
    {
        private final List<byte[]> bodies;
        private final long startNs;
        private final long intervalNs;
        private final AtomicLong answered;
        private final LongConsumer progress;
        private final Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        private final java.util.Map<String, Long> codes = new java.util.HashMap<>();
        private final InfTimeCache infTime = new InfTimeCache();
        private final java.util.Map<String, String> examples = new java.util.HashMap<>();
        private long ok;
        private long business;
        private long system;
        private long ioErrors;

        Worker(final List<byte[]> bodies, final long startNs, final long intervalNs, final AtomicLong answered,
            final LongConsumer progress)
        {
            super("medgw-load");
            setDaemon(true);
            this.bodies = bodies;
            this.startNs = startNs;
            this.intervalNs = intervalNs;
            this.answered = answered;
            this.progress = progress;
        }

        @Override
        public void run()
        {
            try (LoopbackHttpClient client = new LoopbackHttpClient(host, port, path))
            {
                long intended = startNs;
                for (final byte[] body : bodies)
                {
                    if (intervalNs > 0)
                    {
                        intended += intervalNs;
                        while (System.nanoTime() < intended)
                        {
                            Thread.onSpinWait();
                        }
                    }
                    stampInfTime(body, infTime);
                    final long t0 = intervalNs > 0 ? intended : System.nanoTime();
                    try
                    {
                        client.post(body, body.length);
                    }
                    catch (final IOException ex)
                    {
                        ioErrors++;
                        return;
                    }
                    histogram.recordValue(Math.max(1, System.nanoTime() - t0));
                    classify(client.body(), client.bodyOffset(), client.bodyLength());
                    final long n = answered.incrementAndGet();
                    if (progress != null && n % 1_000 == 0)
                    {
                        progress.accept(n);
                    }
                }
            }
            catch (final IOException ex)
            {
                ioErrors++;
            }
        }

        private void classify(final byte[] buf, final int off, final int len)
        {
            final int at = indexOf(buf, off, off + len, INFCODE_KEY);
            if (at < 0)
            {
                system++;
                return;
            }
            int p = at + INFCODE_KEY.length;
            while (buf[p] == ' ' || buf[p] == '"')
            {
                p++;
            }
            if (buf[p] == '0')
            {
                ok++;
                return;
            }
            if (buf[p] == '-' && buf[p + 1] == '2')
            {
                business++;
            }
            else
            {
                system++;
            }
            final int e = indexOf(buf, off, off + len, ERR_MSG_KEY);
            if (e >= 0 && e + ERR_MSG_KEY.length + 5 <= off + len)
            {
                final String code = new String(buf, e + ERR_MSG_KEY.length, 5, StandardCharsets.US_ASCII);
                if (codes.merge(code, 1L, Long::sum) == 1L)
                {
                    final int start = e + ERR_MSG_KEY.length;
                    int end = start;
                    while (end < off + len && buf[end] != '"')
                    {
                        end++;
                    }
                    examples.put(code, new String(buf, start, end - start, StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** Writes the current second into the body's inf_time (formats once per second per worker). */
    private void stampInfTime(final byte[] body, final InfTimeCache cache)
    {
        final int at = indexOf(body, 0, body.length, INF_TIME_KEY);
        if (at >= 0 && at + INF_TIME_KEY.length + 19 <= body.length)
        {
            final byte[] now = cache.now(zone);
            if (now.length == 19)
            {
                System.arraycopy(now, 0, body, at + INF_TIME_KEY.length, 19);
            }
        }
    }

    /** The formatted current second, re-formatted only when the second changes. One per worker thread. */
    private static final class InfTimeCache
    {
        private long second = Long.MIN_VALUE;
        private byte[] text;

        byte[] now(final ZoneId zone)
        {
            final long s = System.currentTimeMillis() / 1000;
            if (s != second)
            {
                second = s;
                text = INF_TIME_FORMAT.format(LocalDateTime.ofEpochSecond(s, 0, zone.getRules().getOffset(
                    java.time.Instant.ofEpochSecond(s)))).getBytes(StandardCharsets.US_ASCII);
            }
            return text;
        }
    }

    private static int institutionHash(final byte[] body)
    {
        final int at = indexOf(body, 0, body.length, FIXMEDINS_KEY);
        if (at < 0)
        {
            return 0;
        }
        int h = 0;
        for (int p = at + FIXMEDINS_KEY.length; p < body.length && body[p] != '"'; p++)
        {
            h = 31 * h + body[p];
        }
        return h;
    }

    static int indexOf(final byte[] buf, final int from, final int to, final byte[] key)
    {
        outer:
        for (int i = from; i <= to - key.length; i++)
        {
            for (int j = 0; j < key.length; j++)
            {
                if (buf[i + j] != key[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
