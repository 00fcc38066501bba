package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.Similarity;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The captured series in {@code sample-dumps/} (see its README) and helpers to compare and inspect them. */
final class Series {
    static final Path SAMPLES = Path.of("sample-dumps");
    static final List<String> LEAK_FILES = List.of("leak-jdk17-jstack-1.txt", "leak-jdk17-jstack-2.txt",
            "leak-jdk17-jstack-3.txt", "leak-jdk17-jstack-4.txt");
    static final String LEAK_LOG = "leak-jdk17-kill3.log";
    static final List<String> BUSY_FILES = List.of("busy-jdk17-jstack-l-e-1.txt", "busy-jdk17-jstack-l-e-2.txt",
            "busy-jdk17-jstack-l-e-3.txt");

    private Series() { }

    /** Every dump of the files in {@code dir}, in the order given. */
    static List<ThreadDump> dumps(Path dir, List<String> files) {
        List<ThreadDump> out = new ArrayList<>();
        for (String f : files) {
            try {
                out.addAll(Formats.parse(dir.resolve(f), f, ProgressMonitor.NONE).dumps());
            } catch (DumpParseException e) {
                throw new AssertionError(e.userMessage(), e);
            }
        }
        return out;
    }

    static List<ThreadDump> samples(List<String> files) {
        return dumps(SAMPLES, files);
    }

    static Comparison compare(List<String> files) {
        return Comparison.of(samples(files), CompareOptions.DEFAULT);
    }

    static Comparison compare(Similarity similarity, List<String> files) {
        return Comparison.of(samples(files), new CompareOptions(similarity, List.of()));
    }

    /** The one group with this name template. */
    static GroupTrend group(Comparison c, String template) {
        List<GroupTrend> found = c.groups().stream().filter(g -> g.nameTemplate().equals(template)).toList();
        assertThat(found).as("groups named " + template).hasSize(1);
        return found.get(0);
    }

    /** The suspects of one kind. */
    static List<Suspect> suspects(Comparison c, Suspect.Kind kind) {
        return c.suspects().stream().filter(s -> s.kind() == kind).toList();
    }

    /** What a verdict says, without the wording: kind, template, lock, counts and threads. */
    static String verdict(Suspect s) {
        return s.kind().label() + " " + s.nameTemplate() + " " + s.lockClassName() + " " + s.counts() + " "
                + s.threadNames();
    }
}
