package dev.dumplens.cli;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.report.AnalyzeJsonWriter;
import dev.dumplens.report.TextSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code dumplens analyze [--json] [--similarity …] FILE...}: summarizes every dump in every file. A file that
 * cannot be read as a thread dump gets a one-line error on stderr and exit code 2; the other files are still
 * analyzed and printed.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Summarize thread dumps: states, stack groups, locks and deadlocks.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Write one JSON document to stdout instead of the text summary.")
    boolean json;

    @Option(names = "--similarity", paramLabel = "LEVEL", converter = SimilarityConverter.class,
            description = "How alike stacks must be to share a group: exact, normalized (default), any-pointer "
                    + "(Go: arguments must match but for pointers), method or top:N.")
    Similarity similarity = Similarity.DEFAULT;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Thread dump files (any supported format; "
            + "a log holding several dumps gives one result per dump).")
    List<String> files;

    /**
     * The command for the common form {@code analyze [--json] FILE...}, configured as picocli would configure it,
     * or {@code null} for anything else (any other option, an argument starting with '-' or '@', a repeated
     * {@code --json}, no file): {@link Cli#run} then parses the arguments with picocli, whose model of a command
     * costs about a tenth of a second of CPU in a cold JVM.
     */
    static AnalyzeCommand ofPlainArguments(String[] args) {
        AnalyzeCommand c = new AnalyzeCommand();
        c.files = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--json") && !c.json) {
                c.json = true;
            } else if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) {
                return null;
            } else {
                c.files.add(a);
            }
        }
        return c.files.isEmpty() ? null : c;
    }

    @Override public Integer call() throws IOException {
        PrintStream stdout = System.out;
        BufferedOutputStream out = new BufferedOutputStream(stdout, 1 << 16);
        Output<?> output = json ? new JsonOutput(out) : new TextOutput(out);
        int exit = Cli.EXIT_OK;
        for (String file : files) {
            exit = Math.max(exit, analyze(file, output));
        }
        output.finish();
        out.flush();
        return exit;
    }

    /** Parses, analyzes and writes one file; returns its exit code. */
    private <T> int analyze(String file, Output<T> output) throws IOException {
        DumpInputs.Read read = DumpInputs.read(file);
        if (read.failed()) return fail(output, file, read.error(), read.exitCode());
        List<T> prepared;
        try {
            prepared = DumpAnalysis.ofAll(read.result(), similarity, output::prepare);
        } catch (RuntimeException e) {
            return fail(output, file, file + ": internal error while analyzing it (please report): " + e, 1);
        }
        for (T p : prepared) output.write(p, prepared.size() > 1);
        return Cli.EXIT_OK;
    }

    private static int fail(Output<?> output, String file, String message, int code) {
        System.err.println(message);
        output.error(file, message);
        return code;
    }

    /**
     * Where analyses go: each is first prepared (on the thread that analyzed it, while other dumps of the file may
     * still be analyzed), then written in dump order.
     */
    private interface Output<T> {
        T prepare(DumpAnalysis a);

        void write(T prepared, boolean severalInFile) throws IOException;

        void error(String file, String message);

        void finish() throws IOException;
    }

    /** Renders each dump's JSON object on its analysis thread. */
    private static final class JsonOutput implements Output<byte[]> {
        private final AnalyzeJsonWriter writer;

        JsonOutput(BufferedOutputStream out) throws IOException { writer = new AnalyzeJsonWriter(out); }

        @Override public byte[] prepare(DumpAnalysis a) { return AnalyzeJsonWriter.render(a); }

        @Override public void write(byte[] dump, boolean severalInFile) throws IOException {
            writer.writeRendered(dump);
        }

        @Override public void error(String file, String message) { writer.error(file, message); }

        @Override public void finish() throws IOException { writer.close(); }
    }

    private static final class TextOutput implements Output<DumpAnalysis> {
        private final PrintWriter writer;

        TextOutput(BufferedOutputStream out) {
            writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        }

        @Override public DumpAnalysis prepare(DumpAnalysis a) { return a; }

        @Override public void write(DumpAnalysis a, boolean severalInFile) {
            TextSummary.write(a, severalInFile, writer);
            writer.flush(); // keep stdout in step with errors on stderr
        }

        @Override public void error(String file, String message) { }

        @Override public void finish() {
            writer.flush();
            if (writer.checkError()) throw new UncheckedIOException(new IOException("cannot write to stdout"));
        }
    }

    /** Parses {@code --similarity} with {@link Similarity#parse}'s message on bad input. */
    static final class SimilarityConverter implements CommandLine.ITypeConverter<Similarity> {
        @Override public Similarity convert(String value) {
            try {
                return Similarity.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
