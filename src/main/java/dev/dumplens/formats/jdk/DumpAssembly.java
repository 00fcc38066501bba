package dev.dumplens.formats.jdk;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code Thread.dump_to_file} file yields while it is read: the dump header, the thread entries in file
 * order, and warnings. Frames and lock objects are interned per file, so threads with the same stack share the
 * same {@link StackFrame} instances. Relations the dump states on one side only are completed when the dump is
 * built: a virtual thread's {@code carrier} also sets the carrier's {@link DumpThread#mountedVirtualId()}, and a
 * park blocker "owned by #N" lands in thread N's {@link DumpThread#ownedSynchronizers()}.
 */
final class DumpAssembly {
    private final String source;
    private final String format;
    private final Map<String, StackFrame> frames = new HashMap<>();
    private final Map<String, LockRef> locks = new HashMap<>();
    private final List<DumpThread.Builder> threads = new ArrayList<>();
    private final Map<Long, List<LockRef>> synchronizerOwners = new LinkedHashMap<>();
    private final List<ParseWarning> dumpWarnings = new ArrayList<>();
    private final List<ParseWarning> fileWarnings = new ArrayList<>();

    Long processId;
    LocalDateTime timestamp;
    String runtimeVersion = "";

    DumpAssembly(String source, String format) {
        this.source = source;
        this.format = format;
    }

    String source() { return source; }

    /** The shared frame for {@code text} (as printed, without "at "). */
    StackFrame frame(String text) {
        return frames.computeIfAbsent(text, StackFrame::new);
    }

    /** The shared lock for an identity string such as {@code java.util.HashMap@f317dd9}; the id is kept as printed. */
    LockRef lock(String identity) {
        return locks.computeIfAbsent(identity, id -> {
            int at = id.lastIndexOf('@');
            return new LockRef(id, at > 0 ? id.substring(0, at) : "");
        });
    }

    void add(DumpThread.Builder thread) {
        threads.add(thread);
    }

    int threadCount() { return threads.size(); }

    /** Records that the dump names thread {@code ownerId} as the exclusive owner of {@code synchronizer}. */
    void ownedBy(long ownerId, LockRef synchronizer) {
        synchronizerOwners.computeIfAbsent(ownerId, k -> new ArrayList<>(1)).add(synchronizer);
    }

    /** A problem with one place of the dump (an unreadable line, an odd value). */
    void warnAtLine(long line, String message) {
        dumpWarnings.add(ParseWarning.atLine(source, line, message));
    }

    /** A problem with the file as a whole, such as truncation. */
    void warnFile(ParseWarning warning) {
        fileWarnings.add(warning);
    }

    /**
     * Parses the ISO-8601 instant the JDK prints ({@code 2026-11-26T17:56:22.617805530Z}) as a UTC date-time,
     * or {@code null} with a warning.
     */
    LocalDateTime instant(String text, long line) {
        try {
            return LocalDateTime.ofInstant(Instant.parse(text.trim()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            warnAtLine(line, "unreadable time \"" + text + "\"");
            return null;
        }
    }

    /** Builds the single dump of the file. */
    ParseResult result() {
        Map<Long, Long> mounted = new HashMap<>();
        for (DumpThread.Builder t : threads) {
            if (t.virtual && t.carrierId != null && t.javaId != null) mounted.put(t.carrierId, t.javaId);
        }
        List<DumpThread> built = new ArrayList<>(threads.size());
        for (DumpThread.Builder t : threads) {
            if (t.javaId != null) {
                if (t.mountedVirtualId == null) t.mountedVirtualId = mounted.get(t.javaId);
                t.ownedSynchronizers.addAll(synchronizerOwners.getOrDefault(t.javaId, List.of()));
            }
            built.add(t.build());
        }
        ThreadDump dump = new ThreadDump(source, 0, 1, format, timestamp, runtimeVersion, processId, built,
                List.of(), dumpWarnings);
        return new ParseResult(source, format, List.of(dump), fileWarnings);
    }
}
