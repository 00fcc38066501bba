package dev.dumplens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Set;

/** The headless command line: {@code dumplens <command> …}. Exit codes: 0 ok, 2 bad input or usage, 3 --fail-on hit. */
@Command(name = "dumplens", mixinStandardHelpOptions = true, version = "DumpLens 0.1.0",
        description = "Offline analyzer for JVM thread dumps and heap dumps.",
        exitCodeOnInvalidInput = Cli.EXIT_INPUT, exitCodeOnExecutionException = 1,
        subcommands = {CommandLine.HelpCommand.class, AnalyzeCommand.class, CompareCommand.class, HeapCommand.class})
public final class Cli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INPUT = 2;
    public static final int EXIT_FAIL_ON = 3;

    private Cli() { }

    /**
     * Whether {@code args} ask for a headless command rather than the desktop window. Reads the subcommand names
     * from the annotations rather than building the command line, which costs a noticeable part of a short run.
     */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) return false;
        String a = args[0];
        return TunedJvm.readsThreadDumps(a) || Set.of("-h", "--help", "-V", "--version").contains(a)
                || subcommand(a) != null;
    }

    /**
     * Runs the command. A subcommand runs through a command line built for it alone: building picocli's model of
     * every subcommand is the largest start-up cost of a short run, and only the one asked for is needed. The
     * first input of a thread-dump command is parsed meanwhile ({@link DumpInputs#prefetch}).
     */
    public static int run(String... args) {
        boolean readsDumps = args.length > 0 && TunedJvm.readsThreadDumps(args[0]);
        if (readsDumps) DumpInputs.prefetch(args);
        try {
            String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            AnalyzeCommand plain = args.length > 0 && args[0].equals("analyze") ? AnalyzeCommand.ofPlainArguments(rest)
                    : null;
            if (plain != null) return callPlain(plain, args[0]);
            Class<?> sub = args.length == 0 ? null : subcommand(args[0]);
            if (sub == null || sub == CommandLine.HelpCommand.class) return commandLine().execute(args);
            CommandLine cl = configure(new CommandLine(sub));
            cl.setCommandName("dumplens " + args[0]);
            return cl.execute(rest);
        } finally {
            if (readsDumps) DumpInputs.cancelPrefetch();
        }
    }

    /** Runs a command whose arguments needed no parsing, with the exit codes and messages of {@link #configure}. */
    private static int callPlain(java.util.concurrent.Callable<Integer> command, String name) {
        try {
            return command.call();
        } catch (Exception e) {
            System.err.println(internalError("dumplens " + name, e));
            return 1;
        }
    }

    private static String internalError(String command, Exception e) {
        return command + ": internal error (please report): " + e;
    }

    /** The whole command line with every subcommand (help output, tests). */
    static CommandLine commandLine() {
        return configure(new CommandLine(new Cli()));
    }

    private static CommandLine configure(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(EXIT_INPUT);
        cl.getCommandSpec().exitCodeOnExecutionException(1);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(internalError(cmd.getCommandSpec().qualifiedName(), e));
            return 1;
        });
        return cl;
    }

    /** The subcommand class named {@code name} (or one of its aliases), read from the annotations; else null. */
    private static Class<?> subcommand(String name) {
        for (Class<?> sub : Cli.class.getAnnotation(Command.class).subcommands()) {
            Command c = sub.getAnnotation(Command.class);
            if (c.name().equals(name) || List.of(c.aliases()).contains(name)) return sub;
        }
        return null;
    }
}
