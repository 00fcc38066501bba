package dev.dumplens.analysis.compare;

import dev.dumplens.model.DumpThread;

/**
 * What makes a thread the same thread in another dump of the same process: its name, Java id and OS thread id
 * together. A name reused by a new thread comes with a new Java id; a recycled OS id comes with another Java id.
 * Parts the dump format does not print are {@code null} and compare equal to {@code null} only.
 *
 * @param name   the thread name
 * @param javaId the Java thread id ({@code #N}), or {@code null}
 * @param nid    the OS thread id, or {@code null}
 */
public record ThreadIdentity(String name, Long javaId, Long nid) {

    public static ThreadIdentity of(DumpThread thread) {
        return new ThreadIdentity(thread.name(), thread.javaId(), thread.nid());
    }
}
