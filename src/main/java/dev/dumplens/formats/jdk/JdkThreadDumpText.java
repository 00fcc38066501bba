package dev.dumplens.formats.jdk;

import dev.dumplens.formats.DumpFormat;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The plain-text thread dump of {@code jcmd <pid> Thread.dump_to_file FILE} (JDK 21 and later).
 * <p>
 * The file starts with the process id, the time of the dump ({@code Instant}, UTC) and the runtime version, one
 * per line, then one entry per thread, each closed by a blank line. Threads come container by container (root
 * first, then executors and ForkJoin pools) but no container names are printed. Accepted entry forms:
 * <ul>
 *   <li>JDK 21: {@code #22 "name"} or {@code #22 "name" virtual}, then frames indented by six spaces, without
 *       {@code at} and without state or lock information: such threads get {@link dev.dumplens.model.ThreadState#NONE}.</li>
 *   <li>JDK 25: {@code #22 "name" [virtual ]STATE time}, then {@code     at frame} lines, each followed by its lock
 *       lines ({@code - locked <X@hash>}, {@code - waiting to lock}, {@code - waiting on},
 *       {@code - parking to wait for}, {@code - lock is eliminated}).</li>
 *   <li>A JDK development form whose lock lines are comments before their frame ({@code // parked on X, owned by #N},
 *       {@code // blocked on X}, {@code // waiting on X}, {@code // locked X}).</li>
 * </ul>
 * Lock ids stay as printed ({@code java.util.HashMap@f317dd9}, see {@link dev.dumplens.model.LockRef}); the
 * carrier of a mounted virtual thread is not printed in this form. Thread names may contain quotes and
 * newlines. The dump's timestamp is the printed instant as a UTC date-time and its {@code vmBanner} is the runtime
 * version line. Lock lines are recorded as printed: a thread in {@code Object.wait()} also shows a stale
 * {@code - locked} line for the monitor it released; this parser does not filter those (the lock analysis does).
 */
public final class JdkThreadDumpText implements DumpFormat {
    public static final String ID = "jdk-thread-dump-text";

    @Override public String id() { return ID; }

    @Override public String displayName() { return "JDK 21+ jcmd Thread.dump_to_file (text)"; }

    @Override
    public int sniff(DumpText text) {
        String[] first = text.head(1024).split("\r?\n", 4);
        String top = TextDumpReader.withoutBom(first[0]);
        if (first.length >= 3 && top.matches("-?\\d+") && isInstant(first[1].strip())) return 95;
        return first.length > 1 && TextDumpReader.HEADER.matcher(top).matches() ? 50 : 0;
    }

    @Override
    public ParseResult parse(DumpText text, ProgressMonitor progress) throws DumpParseException {
        return new TextDumpReader(text, progress).read();
    }

    private static boolean isInstant(String s) {
        try {
            Instant.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
