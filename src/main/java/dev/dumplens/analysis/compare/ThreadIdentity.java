package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.model.DumpThread;

/**
 * What makes a thread the same thread in another dump of the same process: its name, Java id and OS thread id
 * together. A name reused by a new thread comes with a new Java id; a recycled OS id comes with another Java id.
 * Parts the dump format does not print are {@code null} and compare equal to {@code null} only. A goroutine is
 * known by its id ({@code goroutine 17}: Go never reuses an id within a process, though every process starts
 * over); the goroutines of a {@code debug=1} profile have no id and are nobody in particular
 * ({@link #isAnonymous}).
 *
 * @param name   the thread name
 * @param javaId the Java thread id ({@code #N}), or {@code null}
 * @param nid    the OS thread id, or {@code null}
 */
public record ThreadIdentity(String name, Long javaId, Long nid) {

    public static ThreadIdentity of(DumpThread thread) {
        return new ThreadIdentity(thread.name(), thread.javaId(), thread.nid());
    }

    /** Whether the entry names no particular thread: a goroutine without id (a debug=1 profile's records). */
    public static boolean isAnonymous(DumpThread thread) {
        return thread.javaId() == null && GoroutineWaits.isGoroutine(thread);
    }
}
