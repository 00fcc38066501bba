package dev.dumplens.cli;

import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.compare.CompareOptions;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.analysis.compare.Suspect;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.report.CompareJsonWriter;
import dev.dumplens.report.CompareText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code dumplens compare [--json] [--similarity …] [--fail-on KIND] [--ignore PATTERN]... FILE...}: compares
 * several dumps of one process (several files, a log holding several dumps, or both) in time order and reports
 * group trends and leak suspects. Exit codes: 0; 2 when a file cannot be read as a thread dump (the others are
 * still compared) or fewer than two dumps remain; 3 when {@code --fail-on} finds a suspect of its kind.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare successive thread dumps of one process: growing groups, stuck and spinning threads, "
                + "locks whose waiters grow, deadlocks — ranked leak suspects with explanations.")
public final class CompareCommand implements Callable<Integer> {
    static final Set<String> FAIL_ON = Set.of("growing", "stuck", "spinning", "deadlock", "any");

    @Option(names = "--json", description = "Write one JSON document to stdout instead of the text report.")
    boolean json;

    @Option(names = "--similarity", paramLabel = "LEVEL", converter = AnalyzeCommand.SimilarityConverter.class,
            description = "How alike stacks must be to group: exact, normalized (default), method or top:N.")
    Similarity similarity = Similarity.DEFAULT;

    @Option(names = "--fail-on", paramLabel = "KIND", split = ",",
            description = "Exit with code 3 when a suspect of this kind is found: growing, stuck, spinning, deadlock "
                    + "or any (repeatable or comma-separated; a lock held while its waiters grow counts as growing "
                    + "and as stuck).")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--ignore", paramLabel = "PATTERN", converter = PatternConverter.class,
            description = "Leave out threads whose name or any frame contains a match of this regular expression "
                    + "(repeatable).")
    List<Pattern> ignore = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Thread dump files, in any supported format; a "
            + "log may hold several dumps. Dumps are put in timestamp order when all have one, else taken as given.")
    List<String> files;

    @Override public Integer call() throws IOException {
        for (String kind : failOn) {
            if (!FAIL_ON.contains(kind)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown --fail-on kind '" + kind
                        + "': expected growing, stuck, spinning, deadlock or any");
            }
        }
        int exit = Cli.EXIT_OK;
        Map<String, String> errors = new LinkedHashMap<>();
        List<ThreadDump> dumps = new ArrayList<>();
        List<String> parseWarnings = new ArrayList<>();
        for (String file : files) {
            DumpInputs.Read read = DumpInputs.read(file);
            if (read.failed()) {
                System.err.println(read.error());
                errors.put(file, read.error());
                exit = Math.max(exit, read.exitCode());
            } else {
                dumps.addAll(read.result().dumps());
                for (ParseWarning w : read.result().warnings()) parseWarnings.add(w.toString());
            }
        }
        Comparison comparison = dumps.isEmpty() ? null : Comparison.of(dumps, new CompareOptions(similarity, ignore));
        if (dumps.size() < 2) {
            System.err.println("compare needs at least two dumps; " + (dumps.isEmpty() ? "none" : "only one")
                    + " could be read");
            exit = Math.max(exit, Cli.EXIT_INPUT);
        }
        print(comparison, errors, parseWarnings);
        if (comparison != null && failOnHit(comparison)) exit = Math.max(exit, Cli.EXIT_FAIL_ON);
        return exit;
    }

    private boolean failOnHit(Comparison comparison) {
        for (Suspect s : comparison.suspects()) {
            for (String kind : failOn) if (s.kind().matchesFailOn(kind)) return true;
        }
        return false;
    }

    private void print(Comparison comparison, Map<String, String> errors, List<String> parseWarnings)
            throws IOException {
        for (String w : parseWarnings) System.err.println(w);
        BufferedOutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        if (json) {
            CompareJsonWriter.write(comparison, errors, out);
            out.flush();
            return;
        }
        if (comparison == null) return;
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        CompareText.write(comparison, writer);
        writer.flush();
        if (writer.checkError()) throw new UncheckedIOException(new IOException("cannot write to stdout"));
    }

    /** Compiles {@code --ignore} patterns, with the regex error as the message on bad input. */
    static final class PatternConverter implements CommandLine.ITypeConverter<Pattern> {
        @Override public Pattern convert(String value) {
            try {
                return Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new CommandLine.TypeConversionException("not a valid regular expression: "
                        + e.getDescription() + " in '" + value + "'");
            }
        }
    }
}
