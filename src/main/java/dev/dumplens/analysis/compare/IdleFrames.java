package dev.dumplens.analysis.compare;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;

import java.util.HashMap;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a thread waits by design: a thread found in one of these places in every dump is idle, not stuck. One
 * table, one row per case, grouped by runtime ({@link #JAVA}, {@link #GO}).
 *
 * <p>A row matches a thread when its name matches {@code threadName} (if given) and some frame of its stack
 * matches one of {@code frames} (if given). Anywhere in the stack, because the telling frame is rarely the top
 * one: an idle pool worker's top frame is {@code Unsafe.park}, with {@code ThreadPoolExecutor.getTask} further
 * down (and {@code getTask} is on the stack only while the worker waits for a task).
 *
 * <p>Deliberately <em>not</em> idle (a thread seen there in every dump is stuck): {@code CompletableFuture.get}
 * and {@code join}, {@code Future.get}, {@code SynchronousQueue.take}/{@code put} outside a pool's
 * {@code getTask}, {@code CountDownLatch.await}, {@code CyclicBarrier.await}, {@code Semaphore.acquire},
 * {@code BlockingQueue.put}, socket reads, {@code Object.wait} and {@code Condition.await} outside the JDK's own
 * service threads, lock acquisition, and waiting for a child process.
 */
public final class IdleFrames {

    /**
     * One idle-by-design case.
     *
     * @param section    the runtime this row is about ({@code "java"}, {@code "go"})
     * @param threadName regular expression over the whole thread name, or {@code null} for any name
     * @param frames     {@code pkg.Class.method} patterns ({@code *} = anything); empty for any stack
     * @param reason     why a thread there is idle, as shown to the user
     */
    public record Rule(String section, Pattern threadName, List<FrameGlob> frames, String reason) { }

    private static Rule frames(String reason, String... globs) {
        return new Rule("java", null, FrameGlob.all(globs), reason);
    }

    private static Rule goFrames(String reason, String... globs) {
        return new Rule("go", null, FrameGlob.all(globs), reason);
    }

    private static Rule named(String nameRegex, String reason, String... globs) {
        return new Rule("java", Pattern.compile(nameRegex), FrameGlob.all(globs), reason);
    }

    /** Java (HotSpot and JDK 21+ dumps). */
    public static final List<Rule> JAVA = List.of(
            frames("a pool worker waiting for its next task",
                    "java.util.concurrent.ThreadPoolExecutor.getTask"),
            frames("a fork/join worker waiting for work",
                    "java.util.concurrent.ForkJoinPool.awaitWork",
                    "java.util.concurrent.ForkJoinPool$DelayScheduler.loop"),
            frames("a scheduler waiting for the next scheduled task",
                    "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take",
                    "java.util.TimerThread.mainLoop"),
            frames("a consumer waiting for work on its queue",
                    "java.util.concurrent.*Blocking*.take*",
                    "java.util.concurrent.DelayQueue.take",
                    "java.util.concurrent.LinkedTransferQueue.take"),
            frames("the JVM's Reference Handler waiting for references to process",
                    "java.lang.ref.Reference.waitForReferencePendingList",
                    "java.lang.ref.Reference$ReferenceHandler.run"),
            frames("the JVM's Finalizer waiting for objects to finalize",
                    "java.lang.ref.Finalizer$FinalizerThread.run"),
            frames("a Cleaner (Common-Cleaner) waiting for objects to clean",
                    "jdk.internal.ref.CleanerImpl.run"),
            frames("an I/O selector waiting for events",
                    "sun.nio.ch.*SelectorImpl.doSelect",
                    "sun.nio.ch.EPoll.wait",
                    "sun.nio.ch.KQueue.poll",
                    "sun.nio.ch.WEPoll.wait",
                    "io.netty.channel.epoll.Native.epollWait*",
                    "io.netty.channel.nio.NioEventLoop.select"),
            frames("a server waiting for connections",
                    "java.net.ServerSocket.accept",
                    "sun.nio.ch.ServerSocketChannelImpl.accept",
                    "java.net.PlainSocketImpl.socketAccept"),
            frames("a periodic loop pausing between rounds",
                    "java.lang.Thread.sleep"),
            frames("the JDK's process reaper waiting for a child process to exit",
                    "java.lang.ProcessHandleImpl$1.run",
                    "java.lang.ProcessHandleImpl.waitForProcessExit0"),
            named("main", "the main thread reading console input (stdin)",
                    "java.io.FileInputStream.readBytes"),
            named("Attach Listener|Signal Dispatcher|Service Thread|Notification Thread|Monitor Deflation Thread"
                    + "|Common-Cleaner|Reference Handler|Finalizer|process reaper|JFR .*|DestroyJavaVM",
                    "a JVM service thread"));

    /**
     * Go. Deliberately not idle: a goroutine blocked in a channel operation, select, mutex, WaitGroup or Cond of the
     * application, an HTTP handler (its stack also shows {@code net/http.(*conn).serve}, below the handler), and
     * {@code select {}} outside {@code main}.
     */
    public static final List<Rule> GO = List.of(
            goFrames("a server waiting for connections",
                    "net/http.(*Server).Serve", "net.(*TCPListener).Accept", "net.(*UnixListener).Accept"),
            goFrames("an HTTP server connection waiting for the client's next request",
                    "net/http.(*conn).readRequest", "net/http.(*connReader).backgroundRead"),
            goFrames("an idle keep-alive connection of an HTTP client",
                    "net/http.(*persistConn).readLoop", "net/http.(*persistConn).writeLoop"),
            goFrames("the os/signal watcher", "os/signal.signal_recv", "os/signal.loop"),
            goFrames("one of the Go runtime's own goroutines (garbage collector, finalizers)",
                    "runtime.forcegchelper", "runtime.bgsweep", "runtime.bgscavenge", "runtime.runfinq",
                    "runtime.gcBgMarkWorker"),
            goFrames("database/sql's connection pool housekeeping",
                    "database/sql.(*DB).connectionOpener", "database/sql.(*DB).connectionCleaner"),
            goFrames("a logging library's flush daemon",
                    "k8s.io/klog*.flushDaemon*", "github.com/golang/glog.(*loggingT).flushDaemon"),
            goFrames("a periodic loop pausing between rounds", "time.Sleep"));

    /** Every row, all runtimes. */
    public static final List<Rule> ALL = concat(JAVA, GO);

    static {
        if (ALL.size() > Long.SIZE) throw new IllegalStateException("Matcher keeps one bit per row: at most 64 rows");
    }

    private IdleFrames() { }

    private static List<Rule> concat(List<Rule> a, List<Rule> b) {
        List<Rule> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The first row matching {@code thread}, or {@code null} when it is not idle by design. */
    public static Rule match(DumpThread thread) {
        return new Matcher().match(thread);
    }

    /**
     * Matches many threads: remembers for each distinct frame (parsers share frame instances between threads)
     * which rows' patterns it matches, so each frame is matched against the patterns once. Not thread-safe.
     */
    static final class Matcher {
        private final Map<StackFrame, Long> rowsByFrame = new HashMap<>();

        /** The first row matching {@code thread}, or {@code null} when it is not idle by design. */
        Rule match(DumpThread thread) {
            long rows = 0;
            for (StackFrame f : thread.frames()) rows |= rowsByFrame.computeIfAbsent(f, Matcher::rowsMatching);
            for (int i = 0; i < ALL.size(); i++) {
                Rule r = ALL.get(i);
                if (r.threadName() != null && !r.threadName().matcher(thread.name()).matches()) continue;
                if (r.frames().isEmpty() || (rows & (1L << i)) != 0) return r;
            }
            return null;
        }

        private static long rowsMatching(StackFrame frame) {
            long rows = 0;
            for (int i = 0; i < ALL.size(); i++) {
                for (FrameGlob g : ALL.get(i).frames()) {
                    if (g.matches(frame)) {
                        rows |= 1L << i;
                        break;
                    }
                }
            }
            return rows;
        }
    }
}
