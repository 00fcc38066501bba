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
        if (Set.of("-h", "--help", "-V", "--version").contains(a)) return true;
        for (Class<?> sub : Cli.class.getAnnotation(Command.class).subcommands()) {
            Command c = sub.getAnnotation(Command.class);
            if (c.name().equals(a) || List.of(c.aliases()).contains(a)) return true;
        }
        return false;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("dumplens " + cmd.getCommandName() + ": internal error (please report): " + e);
            return 1;
        });
        return cl;
    }
}
