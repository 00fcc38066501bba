package dev.dumplens.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs the commands of a plain {@code java -jar dumplens.jar analyze|compare|heap …} in a child JVM with options
 * suited to them. The thread-dump commands run for a second or two ({@link #OPTIONS}): with the default options, C2
 * compiling the parser costs about as much CPU as the whole run needs with C1 alone; the second JVM start costs
 * ~50 ms of CPU. The heap command holds a few large arrays whose sizes change from phase to phase
 * ({@link #HEAP_OPTIONS}): the default collector lets the process grow well past them (figures in BENCHMARKS.md).
 * <p>Only a JVM started without any option is re-launched: a user who passes JVM options (or an installer
 * launcher that sets its own) gets exactly those, in this process. The child inherits the working directory,
 * environment, stdin, stdout and stderr; its exit code becomes this process's.
 */
public final class TunedJvm {

    /**
     * The child's JVM options: C1 only, the serial collector, and a small young generation (the parser's
     * temporary objects die young, so minor collections are cheap; 48 MB kept peak RSS ~35 MB below the default
     * young generation of a quarter of the initial heap, and 32 MB runs as fast as 48 MB with ~10 MB less); no
     * performance-data file (its creation costs ~20 ms, and a run this short is not one to watch with jstat).
     */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn32m",
            "-XX:-UsePerfData");

    /**
     * Set in the child, so that it knows at once that it runs the command itself: asking the OS for this process's
     * arguments costs the child ~20 ms before it can start reading its input.
     */
    static final String CHILD_PROPERTY = "dumplens.tunedChild";

    /**
     * The heap command's JVM options: the serial collector, which keeps the heap close to the live data (the engine
     * collects between its phases), grown by a fifth of the live data when full rather than two thirds, a small
     * young generation (the engine's data is a few large long-lived arrays), and half of the memory as the limit
     * (the engine needs about 32 bytes per object of the dump).
     */
    static final List<String> HEAP_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmn32m", "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=40", "-XX:MaxRAMPercentage=50");

    /** Commands that read thread dumps: short runs where C2 costs more than it returns. */
    private static final Set<String> SHORT_COMMANDS = Set.of("analyze", "compare");

    /**
     * Below this much input the second JVM start costs more than C2 would: small dumps are read in this process.
     */
    static final long MIN_INPUT_BYTES = 8L << 20;

    private TunedJvm() { }

    /**
     * Runs {@code args} in a tuned child JVM when this one was started as plain {@code java -jar JAR args};
     * returns its exit code, or empty when this JVM should run the command itself (also when the child cannot be
     * started).
     */
    public static OptionalInt relaunch(String[] args) {
        if (args.length == 0 || !(readsThreadDumps(args[0]) || args[0].equals("heap"))
                || Boolean.getBoolean(CHILD_PROPERTY)
                || inputBytes(args) < MIN_INPUT_BYTES) {
            return OptionalInt.empty();
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        Optional<List<String>> command = childCommand(self.command(), self.arguments(), args);
        if (command.isEmpty()) return OptionalInt.empty();
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Runtime.getRuntime().addShutdownHook(new ChildStopper(child)); // this JVM stopped by a signal
        try {
            return OptionalInt.of(child.waitFor());
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return OptionalInt.of(1);
        }
    }

    /** Whether {@code command} is one of the thread-dump commands, which this class re-launches. */
    static boolean readsThreadDumps(String command) {
        return SHORT_COMMANDS.contains(command);
    }

    /**
     * The total size of the arguments that name existing files (options and missing files count as nothing).
     * {@link java.io.File} rather than NIO: its classes are loaded already, and this runs before every command.
     */
    static long inputBytes(String[] args) {
        long total = 0;
        for (int i = 1; i < args.length; i++) {
            java.io.File f = new java.io.File(args[i]);
            if (f.isFile()) total += f.length();
        }
        return total;
    }

    /** Stops the child when this JVM is stopped (a class rather than a lambda: no lambda bootstrap at startup). */
    private static final class ChildStopper extends Thread {
        private final Process child;

        ChildStopper(Process child) { this.child = child; }

        @Override public void run() { child.destroy(); }
    }

    /**
     * The child's command line: {@code java}, {@link #OPTIONS} and the class-data archive when the build left one
     * (or {@link #HEAP_OPTIONS} for {@code heap}), {@link #CHILD_PROPERTY}, {@code -jar JAR} and the arguments; empty
     * unless this JVM's own arguments are exactly {@code -jar JAR} followed by {@code args}.
     *
     * @param java    this process's executable
     * @param jvmArgs this process's arguments after the executable
     * @param args    the arguments {@code main} received
     */
    static Optional<List<String>> childCommand(Optional<String> java, Optional<String[]> jvmArgs, String[] args) {
        if (java.isEmpty() || jvmArgs.isEmpty()) return Optional.empty();
        String[] own = jvmArgs.get();
        boolean plainJar = own.length == args.length + 2 && own[0].equals("-jar")
                && Arrays.equals(own, 2, own.length, args, 0, args.length);
        if (!plainJar) return Optional.empty();
        List<String> command = new ArrayList<>();
        command.add(java.get());
        boolean heap = args.length > 0 && args[0].equals("heap");
        command.addAll(heap ? HEAP_OPTIONS : OPTIONS);
        java.io.File archive = classArchive(own[1]);
        if (!heap && archive.isFile()) command.add("-XX:SharedArchiveFile=" + archive.getPath());
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.add("-jar");
        command.add(own[1]);
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }

    /**
     * Where the build leaves the class-data archive of the thread-dump child: beside the jar ({@link #main}). The JVM
     * maps it when it was made by this JDK from this very jar, and silently does without it otherwise.
     */
    static java.io.File classArchive(String jar) {
        return new java.io.File(new java.io.File(jar).getAbsoluteFile().getParentFile(), "dumplens-cli.jsa");
    }

    /**
     * Run by the build after packaging, with the jar and sample thread dumps as arguments: makes the class-data
     * archive of the thread-dump child (JDK's dynamic AppCDS, about 2 MB) by one child run of {@code analyze --json}
     * over the samples with exactly the child's options. Saves the child ~0.05 s of class loading on every later
     * run (BENCHMARKS.md). Best effort: a JDK that cannot make one (no base CDS archive) leaves none.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        String jar = args[0];
        java.io.File archive = classArchive(jar);
        java.nio.file.Files.deleteIfExists(archive.toPath());
        List<String> command = new ArrayList<>();
        command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OPTIONS);
        command.add("-XX:ArchiveClassesAtExit=" + archive.getPath());
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.addAll(List.of("-jar", jar, "analyze", "--json"));
        command.addAll(Arrays.asList(args).subList(1, args.length));
        int exit = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start().waitFor();
        System.out.println(archive.isFile() ? "class-data archive for the command line: " + archive
                : "no class-data archive for the command line (exit " + exit + "); runs do without");
    }
}
