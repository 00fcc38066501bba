package dev.dumplens.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One thread dump: a snapshot of all threads of one process at one moment. A file may hold several (SIGQUIT
 * output in application logs); each is its own {@code ThreadDump} with its index within the file.
 *
 * @param source       the file as given by the user
 * @param index        0-based index of this dump within the file
 * @param line         1-based line where the dump starts
 * @param format       format id (see {@link dev.dumplens.formats.DumpFormat#id()})
 * @param timestamp    the dump's own timestamp (local time of the dumped process), or {@code null}
 * @param vmBanner     the "Full thread dump …" banner text, or ""
 * @param processId    pid when the dump names it, else {@code null}
 * @param threads      every entry: Java, VM/native, carriers and virtual threads
 * @param jvmDeadlocks deadlocks the JVM reported in this dump
 * @param warnings     what was skipped while reading this dump
 * @param fatalError   what ended the process, or the event that made it write this dump, as the dump states it;
 *                     {@code null} for a dump taken on request. Go: {@code fatal error: all goroutines are
 *                     asleep - deadlock!}, {@code panic: …} or {@code SIGQUIT: quit} with the lines that follow
 *                     it before the first goroutine; javacore: its {@code 1TISIGINFO} event ({@code Dump Event
 *                     "systhrow" … "java/lang/OutOfMemoryError"})
 */
public record ThreadDump(
        String source,
        int index,
        long line,
        String format,
        LocalDateTime timestamp,
        String vmBanner,
        Long processId,
        List<DumpThread> threads,
        List<JvmDeadlock> jvmDeadlocks,
        List<ParseWarning> warnings,
        String fatalError) {

    public ThreadDump {
        vmBanner = vmBanner == null ? "" : vmBanner;
        threads = List.copyOf(threads);
        jvmDeadlocks = List.copyOf(jvmDeadlocks);
        warnings = List.copyOf(warnings);
    }

    /** A dump without a fatal error (every JVM format). */
    public ThreadDump(String source, int index, long line, String format, LocalDateTime timestamp, String vmBanner,
                      Long processId, List<DumpThread> threads, List<JvmDeadlock> jvmDeadlocks,
                      List<ParseWarning> warnings) {
        this(source, index, line, format, timestamp, vmBanner, processId, threads, jvmDeadlocks, warnings, null);
    }

    public long virtualThreadCount() {
        return threads.stream().filter(DumpThread::virtual).count();
    }

    /** "file" for a file with one dump, "file#2" (1-based) when the file holds several. */
    public String label(boolean multiple) {
        return multiple ? source + "#" + (index + 1) : source;
    }
}
