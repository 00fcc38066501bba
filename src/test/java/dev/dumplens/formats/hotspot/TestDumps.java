package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Access to the captured dumps in src/test/resources/dumps (see the README there). */
final class TestDumps {
    static final List<String> ALL = List.of(
            "jdk17-locks-jstack-l.txt", "jdk17-locks-jcmd-thread-print-l-e.txt", "jdk17-locks-sigquit.log",
            "jdk25-locks-jstack-e.txt", "jdk25-vthreads-jstack-l.txt", "jdk25-vthreads-jcmd-thread-print.txt",
            "jdk17-sigquit.log");

    private TestDumps() { }

    static byte[] bytes(String name) {
        try (InputStream in = TestDumps.class.getResourceAsStream("/dumps/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test dump " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    static ParseResult parse(String name) throws DumpParseException {
        return parse(name, bytes(name));
    }

    static ParseResult parse(String source, byte[] content) throws DumpParseException {
        return new HotSpotFormat().parse(DumpText.of(source, content), ProgressMonitor.NONE);
    }

    static ThreadDump single(String name) throws DumpParseException {
        ParseResult r = parse(name);
        if (r.dumps().size() != 1) throw new AssertionError(name + " has " + r.dumps().size() + " dumps");
        return r.dumps().get(0);
    }

    /** The one thread with this name and Java id ({@code null} for VM threads). */
    static DumpThread thread(ThreadDump dump, String name, Long javaId) {
        List<DumpThread> found = dump.threads().stream()
                .filter(t -> t.name().equals(name) && java.util.Objects.equals(t.javaId(), javaId))
                .collect(Collectors.toList());
        if (found.size() != 1) throw new AssertionError(found.size() + " threads named " + name + " #" + javaId);
        return found.get(0);
    }

    static DumpThread thread(ThreadDump dump, String name) {
        List<DumpThread> found = dump.threads().stream().filter(t -> t.name().equals(name))
                .collect(Collectors.toList());
        if (found.size() != 1) throw new AssertionError(found.size() + " threads named " + name);
        return found.get(0);
    }
}
