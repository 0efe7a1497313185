package io.medgw.loadtest;

import io.medgw.loadtest.bench.FloorServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The loopback floor: what this machine gives before any gateway work. Starts a {@link FloorServer}
 * in this JVM and drives it with the gateway benchmark's own closed-loop client
 * ({@link LoadGenerator}, one connection, the same bodies, warm-up and percentiles as
 * {@code bin/medgw loadtest}), so the gateway's latency can be split into the floor and its own work.
 * <pre>
 *   medgw-load (LoopbackHttpClient) ─POST 5.2 KB─▶ loopback TCP ─▶ floor-net-io (epoll, HTTP decoder)
 *        ▲                                                              │ echo-loop: answer here
 *        │                                                              │ ring-hop(-busy): ring ─▶ floor-stage
 *        └──────────── 200, 5.7 KB reply ◀─ loopback TCP ◀─ floor-net-io ◀─ eventLoop().execute ─┘
 * </pre>
 * <pre>
 *   java -cp loadtest/target/medgw.jar FLAGS io.medgw.loadtest.LoopbackFloor --mode echo-loop|ring-hop|ring-hop-busy
 *        --requests work/bench-2207x10.jsonl [--warmup 5000] [--count N]
 * </pre>
 * Client and server share one JVM here (the gateway bench runs two): one heap and one JIT, and no
 * more threads than the gateway bench has on the same cores.
 */
@Command(name = "LoopbackFloor", mixinStandardHelpOptions = true,
    description = "Latency floor of loopback HTTP on this machine: a fixed-reply Netty server in three modes, driven by the loadtest client.")
public final class LoopbackFloor implements Callable<Integer>
{
    @Option(names = "--mode", required = true, converter = ModeConverter.class,
        description = "echo-loop (answer on the event loop), ring-hop (through a Disruptor ring and a parking stage thread, "
            + "as the gateway), ring-hop-busy (the stage busy-spins).")
    FloorServer.Mode mode;

    @Option(names = "--requests", required = true, description = "JSON-lines file of request bodies (work/bench-2207x10.jsonl).")
    Path requests;

    @Option(names = "--warmup", defaultValue = "5000", description = "Send the first N bodies first and leave them out (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--count", defaultValue = "0", description = "Measured requests after the warm-up; 0 = the rest of the file (default).")
    int count;

    @Option(names = "--port", defaultValue = "0", description = "Server port (default ${DEFAULT-VALUE}: any free port).")
    int port;

    /**
     * @param args command line (see the class comment).
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new LoopbackFloor()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException
    {
        final List<byte[]> bodies = new ArrayList<>();
        for (final String line : Files.readAllLines(requests, StandardCharsets.UTF_8))
        {
            if (!line.isBlank())
            {
                bodies.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        final int w = Math.min(warmup, bodies.size());
        final int end = count <= 0 ? bodies.size() : Math.min(bodies.size(), w + count);
        try (FloorServer server = FloorServer.start(mode, port))
        {
            // the gateway bench's client settings: loopback, the gateway's path and zone, closed loop
            final LoadGenerator load = new LoadGenerator("127.0.0.1", server.port(), "/fsi/api/rsfComIfsService/callService",
                1, 0, ZoneId.of("Asia/Shanghai"));
            if (w > 0)
            {
                load.run(bodies.subList(0, w), null);
            }
            final LoadGenerator.Report report = load.run(bodies.subList(w, end), null);
            System.out.printf("floor %s (%s), 1 connection, closed loop, warm-up %,d:%n", mode.cliName(), server.transport(), w);
            System.out.println(report.summary());
            return report.ioErrors() == 0 && report.ok() == report.sent() ? 0 : 1;
        }
    }

    /** Picocli: {@code --mode} by its command-line name. */
    static final class ModeConverter implements CommandLine.ITypeConverter<FloorServer.Mode>
    {
        @Override
        public FloorServer.Mode convert(final String value)
        {
            return FloorServer.Mode.of(value);
        }
    }
}
