package io.medgw.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one launcher ({@code bin/medgw}) for every command of the project. Each subcommand has
 * {@code --help}; errors say what is wrong, where, and what to do, and exit with 2 (usage or bad
 * data) or 1 (a failure while running).
 */
@Command(
    name = "medgw",
    mixinStandardHelpOptions = true,
    version = "medgw 0.1.0",
    description = "Medical-insurance (医保) real-time settlement gateway.",
    subcommands = {
        DemoCommand.class,
        ServeCommand.class,
        SettleCommand.class,
        GenDemoCommand.class,
        GenRequestsCommand.class,
        LoadtestCommand.class,
        ReplayCommand.class,
        BenchCommand.class,
        CommandLine.HelpCommand.class })
public final class Medgw implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** @param args command line. */
    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line (tests call {@code execute} on it). */
    public static CommandLine commandLine()
    {
        final CommandLine cl = new CommandLine(new Medgw());
        // `bench -f 1 -wi 2 -prof gc` : every option is JMH's, passed through in order
        cl.getSubcommands().get("bench").setUnmatchedOptionsArePositionalParams(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) ->
        {
            cmd.getErr().println("medgw " + cmd.getCommandName() + ": " + describe(ex));
            return ex instanceof UsageProblem ? 2 : 1;
        });
        return cl;
    }

    private static String describe(final Throwable ex)
    {
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see medgw --help)");
    }

    /** A problem with what the user gave (a path, a file, its contents): exit code 2, message only. */
    public static final class UsageProblem extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        /** @param message what is wrong, where, and what to do. */
        public UsageProblem(final String message)
        {
            super(message);
        }
    }
}
