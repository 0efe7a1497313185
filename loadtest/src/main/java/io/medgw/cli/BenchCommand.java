package io.medgw.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code medgw bench}: runs the JMH micro-benchmarks compiled into the jar (loadtest/src/jmh/java).
 * Every argument goes to JMH unchanged, e.g. {@code bench SettleBenchmark -prof gc}.
 */
@Command(name = "bench", mixinStandardHelpOptions = false,
    description = {"Run the JMH benchmarks (arguments go to JMH: a benchmark regex, -f, -wi, -i, -prof gc, -h for JMH's help).",
        "Results and the exact commands used are in docs/benchmarks.md."})
public final class BenchCommand implements Callable<Integer>
{
    @Parameters(arity = "0..*", description = "JMH arguments.")
    java.util.List<String> args = new java.util.ArrayList<>();


    @Override
    public Integer call() throws Exception
    {
        org.openjdk.jmh.Main.main(args.toArray(new String[0]));
        return 0;
    }
}
