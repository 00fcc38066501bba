package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.GoWaitCategory;
import dev.dumplens.model.ThreadState;

import java.util.List;

/**
 * What a stack says, in plain words: one table of stack patterns with what a thread there is doing, why many of
 * them accumulating is a leak, why one staying there is stuck, why one running there burns CPU, and the usual
 * fix. Grouped by runtime ({@link #JAVA}, {@link #GO}). Rows are tried in order and the
 * first match wins, so specific cases (an idle pool worker, whose stack also shows a queue) come before general
 * ones. {@code {method}} in {@code activity} stands for the matched frame as {@code Class.method}; the
 * application frame that called it (or the matched frame itself, when it is the application's) is added when
 * the wording is used. The other
 * wordings are written for one thread; a leading "it " becomes "each " when they speak of several.
 */
public final class StackExplanations {

    /**
     * One stack pattern.
     *
     * @param section  the runtime this row is about ({@code "java"}, {@code "go"})
     * @param id       a short stable name ({@code "handoff-take"})
     * @param state    the thread state this row needs, or {@code null} for any
     * @param goWait   Go: what the goroutine must wait for ({@link GoWaitCategory#of}), or {@code null}; its
     *                 {@code frames} then only pick the frame the wording names (the deepest match, else the top
     *                 frame), since tracebacks hide the runtime frames that would tell
     * @param frames   {@code pkg.Class.method} patterns, matched anywhere in the stack; empty to match on the
     *                 state alone
     * @param activity what a thread here is doing ("parked in {method}")
     * @param leak     why a growing number of threads here is a leak, or {@code null} for the generic wording
     * @param stuck    why a thread that stays here is stuck, or {@code null} for the generic wording
     * @param spinning why a thread that keeps running here burns CPU, or {@code null} for the generic wording
     * @param fix      the usual fix
     */
    public record Explanation(String section, String id, ThreadState state, GoWaitCategory goWait,
                              List<FrameGlob> frames, String activity, String leak, String stuck, String spinning,
                              String fix) {

        /** Index of the frame of {@code t} this row matches (the deepest matching one), or -1. */
        int match(DumpThread t) {
            if (state != null && t.state() != state) return -1;
            if (goWait != null) {
                if (t.frames().isEmpty() || !GoroutineWaits.isGoroutine(t) || GoWaitCategory.of(t) != goWait) return -1;
                return Math.max(0, FrameGlob.deepest(frames, t.frames()));
            }
            if (frames.isEmpty()) return state == null || t.frames().isEmpty() ? -1 : 0;
            return FrameGlob.deepest(frames, t.frames());
        }
    }

    private static final class Row {
        private final String id;
        private ThreadState state;
        private GoWaitCategory goWait;
        private List<FrameGlob> frames = List.of();
        private String activity;
        private String leak;
        private String stuck;
        private String spinning;
        private String fix = "";

        Row(String id) { this.id = id; }

        Row state(ThreadState s) { state = s; return this; }
        Row goWait(GoWaitCategory c) { goWait = c; return this; }
        Row frames(String... globs) { frames = FrameGlob.all(globs); return this; }
        Row activity(String s) { activity = s; return this; }
        Row leak(String s) { leak = s; return this; }
        Row stuck(String s) { stuck = s; return this; }
        Row leakAndStuck(String s) { leak = s; stuck = s; return this; }
        Row spinning(String s) { spinning = s; return this; }
        Row fix(String s) { fix = s; return this; }

        Explanation java() {
            return new Explanation("java", id, state, goWait, frames, activity, leak, stuck, spinning, fix);
        }

        Explanation go() {
            return new Explanation("go", id, state, goWait, frames, activity, leak, stuck, spinning, fix);
        }
    }

    private static Row row(String id) { return new Row(id); }

    /** Java (HotSpot and JDK 21+ dumps). */
    public static final List<Explanation> JAVA = List.of(
            row("monitor-enter").state(ThreadState.BLOCKED)
                    .activity("blocked entering a synchronized block")
                    .leak("more and more threads queue for the same monitor: the thread that holds it does not let "
                            + "go (it waits, sleeps or does slow I/O inside synchronized)")
                    .stuck("the monitor's owner never releases it")
                    .fix("keep synchronized sections short: no sleeping, waiting or I/O while holding the lock")
                    .java(),
            row("pool-idle").frames("java.util.concurrent.ThreadPoolExecutor.getTask")
                    .activity("idle in ThreadPoolExecutor.getTask (a pool worker waiting for its next task)")
                    .leak("idle workers of new thread pools keep appearing: a pool is created per request or per "
                            + "call (Executors.newFixedThreadPool, newSingleThreadExecutor, …) and never shut down, "
                            + "so its workers wait for tasks forever")
                    .fix("create the pool once and share it, or shut it down when done (shutdown() in a finally "
                            + "block, or try-with-resources on JDK 19+)")
                    .java(),
            row("forkjoin-idle").frames("java.util.concurrent.ForkJoinPool.awaitWork")
                    .activity("idle in ForkJoinPool.awaitWork (a fork/join worker waiting for work)")
                    .leak("new ForkJoinPools are created again and again and never shut down")
                    .fix("use one shared pool (or the common pool), or shut pools down when done")
                    .java(),
            row("scheduler-idle").frames("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take")
                    .activity("idle in a ScheduledThreadPoolExecutor, waiting for its next scheduled task")
                    .leak("scheduled executors are created again and again and never shut down")
                    .fix("create the scheduler once and share it, or shut it down when done")
                    .java(),
            row("timer-idle").frames("java.util.TimerThread.mainLoop")
                    .activity("idle in a java.util.Timer thread")
                    .leak("a new java.util.Timer is created again and again and never cancelled: each keeps its "
                            + "thread")
                    .fix("share one timer or ScheduledExecutorService, and cancel() timers no longer needed")
                    .java(),
            row("handoff-take").frames("java.util.concurrent.SynchronousQueue.take",
                            "java.util.concurrent.SynchronousQueue.poll")
                    .activity("parked in {method}")
                    .leak("each waits for a hand-off that no other thread makes — a read with no writer: every new "
                            + "thread of this kind stays forever")
                    .stuck("it waits for a hand-off that no other thread makes — a read with no writer")
                    .fix("make sure a producer hands over, or use poll(timeout) and let the thread end")
                    .java(),
            row("handoff-put").frames("java.util.concurrent.SynchronousQueue.put",
                            "java.util.concurrent.SynchronousQueue.offer")
                    .activity("parked in {method}")
                    .leakAndStuck("it offers a hand-off that nobody takes — a write with no reader")
                    .fix("make sure a consumer takes, or use offer(timeout) and handle the refusal")
                    .java(),
            row("future-get").frames("java.util.concurrent.CompletableFuture.get",
                            "java.util.concurrent.CompletableFuture.join", "java.util.concurrent.FutureTask.get",
                            "java.util.concurrent.ForkJoinTask.get", "java.util.concurrent.ForkJoinTask.join")
                    .activity("waiting for a result in {method}")
                    .leakAndStuck("it waits for a Future that is never completed: the task behind it never runs, "
                            + "never finishes or waits itself, and without a timeout the wait has no exit condition")
                    .fix("complete (or cancel) the future on every path, and wait with get(timeout)")
                    .java(),
            row("latch").frames("java.util.concurrent.CountDownLatch.await")
                    .activity("waiting in CountDownLatch.await")
                    .leakAndStuck("the latch never reaches zero: a countDown() is missed (on an error path, or "
                            + "fewer parties than the count), and without a timeout the wait has no exit condition")
                    .fix("call countDown() in a finally block; await with a timeout")
                    .java(),
            row("barrier").frames("java.util.concurrent.CyclicBarrier.await", "java.util.concurrent.Phaser.await*",
                            "java.util.concurrent.Phaser.arriveAndAwaitAdvance")
                    .activity("waiting at {method}")
                    .leakAndStuck("the other parties never arrive at the barrier")
                    .fix("make every party arrive (or reset the barrier on errors); await with a timeout")
                    .java(),
            row("semaphore").frames("java.util.concurrent.Semaphore.acquire*")
                    .activity("waiting for a permit in {method}")
                    .leakAndStuck("the permits are never given back: a release() is missed on some path")
                    .fix("call release() in a finally block; use tryAcquire with a timeout")
                    .java(),
            row("queue-put").frames("java.util.concurrent.*Blocking*.put*",
                            "java.util.concurrent.LinkedTransferQueue.transfer")
                    .activity("parked in {method}")
                    .leakAndStuck("it writes to a full queue that nobody reads — a write with no reader")
                    .fix("keep the consumer running, or use offer(timeout) and handle a full queue")
                    .java(),
            row("queue-take").frames("java.util.concurrent.*Blocking*.take*", "java.util.concurrent.*Blocking*.poll",
                            "java.util.concurrent.DelayQueue.take", "java.util.concurrent.LinkedTransferQueue.take")
                    .activity("waiting in {method}")
                    .leak("each waits for items on a queue that nobody feeds — a read with no writer: consumers keep "
                            + "being started and never stop")
                    .stuck("it waits for items on a queue that nobody feeds — a read with no writer")
                    .fix("stop consumers when the producer is done (a poison pill or an interrupt), or poll with a "
                            + "timeout")
                    .java(),
            row("socket-read").frames("java.net.Socket$SocketInputStream.read", "java.net.SocketInputStream.read",
                            "java.net.SocketInputStream.socketRead*", "sun.nio.ch.NioSocketImpl.read",
                            "sun.nio.ch.SocketChannelImpl.read", "sun.security.ssl.SSLSocketImpl$AppInputStream.read")
                    .activity("blocked in a socket read ({method})")
                    .leakAndStuck("it reads from a connection the peer never writes to and never closes — a read "
                            + "with no writer; without a read timeout the read has no exit condition")
                    .fix("set a read timeout (Socket.setSoTimeout, or the HTTP/database client's read timeout) and "
                            + "close connections that are no longer used")
                    .java(),
            row("accept").frames("java.net.ServerSocket.accept", "sun.nio.ch.ServerSocketChannelImpl.accept")
                    .activity("waiting for connections in {method}")
                    .leak("new server sockets keep being opened, each with a thread accepting on it")
                    .fix("open the server socket once and close it when done")
                    .java(),
            row("selector").frames("sun.nio.ch.SelectorImpl.select", "sun.nio.ch.*SelectorImpl.doSelect",
                            "io.netty.channel.nio.NioEventLoop.select", "io.netty.channel.epoll.Native.epollWait*")
                    .activity("waiting for I/O events in {method}")
                    .leak("new selectors or event loops are created again and again and never closed (a client or "
                            + "event loop group per request)")
                    .fix("share one client or event loop group; close the ones no longer used")
                    .java(),
            row("sleep").frames("java.lang.Thread.sleep")
                    .activity("sleeping in Thread.sleep")
                    .leak("threads that sleep in a loop keep being started and never stop — a loop with no exit "
                            + "condition")
                    .fix("give the loop an exit condition (a flag or an interrupt) and stop the thread on shutdown")
                    .java(),
            row("object-wait").frames("java.lang.Object.wait")
                    .activity("waiting in Object.wait")
                    .leakAndStuck("it waits for a notify() that never comes: the condition it waits for is never "
                            + "signalled, and without a timeout the wait has no exit condition")
                    .fix("notify on every path that changes the condition; wait with a timeout in a loop that "
                            + "re-checks it")
                    .java(),
            row("lock-acquire").frames("java.util.concurrent.locks.ReentrantLock.lock*",
                            "java.util.concurrent.locks.ReentrantReadWriteLock$*.lock*",
                            "java.util.concurrent.locks.StampedLock.*Lock")
                    .activity("waiting to acquire a lock in {method}")
                    .leak("more and more threads queue for a lock that its holder does not release")
                    .stuck("the lock's holder never releases it")
                    .fix("unlock() in a finally block; do not hold locks while waiting or doing I/O; tryLock with a "
                            + "timeout")
                    .java(),
            row("condition-await").frames("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await*")
                    .activity("waiting on a Condition in {method}")
                    .leakAndStuck("it waits for a signal() that never comes, and without a timeout the wait has no "
                            + "exit condition")
                    .fix("signal on every path that changes the condition; await with a timeout")
                    .java(),
            row("regex").frames("java.util.regex.Pattern$*", "java.util.regex.Matcher.*")
                    .activity("matching a regular expression (java.util.regex)")
                    .spinning("catastrophic backtracking: a pattern with nested quantifiers such as (a+)+ tries "
                            + "exponentially many ways to match an input that does not match")
                    .stuck("catastrophic backtracking in a regular expression")
                    .fix("rewrite the pattern without nested quantifiers (possessive quantifiers or atomic groups), "
                            + "or limit the input's length")
                    .java(),
            row("process-wait").frames("java.lang.ProcessImpl.waitFor", "java.lang.ProcessHandleImpl.waitForProcessExit0")
                    .activity("waiting for a child process to exit")
                    .leakAndStuck("the child process never exits (it may itself wait for input, or for its output "
                            + "to be read)")
                    .fix("read the child's output and error streams, and waitFor with a timeout")
                    .java(),
            row("file-read").frames("java.io.FileInputStream.readBytes")
                    .activity("reading a file or pipe ({method})")
                    .leakAndStuck("it waits for input on a pipe or console that nobody writes to")
                    .fix("close the pipe's other end when done, or read it with a timeout")
                    .java(),
            row("park").frames("java.util.concurrent.locks.LockSupport.park*")
                    .activity("parked in {method}")
                    .leakAndStuck("it waits for an unpark() that never comes")
                    .java());

    /**
     * Go (goroutine tracebacks and profiles), by what the goroutine waits for. Channel waits are recognized from
     * the wait reason only: a {@code debug=1} profile, which prints none, gets the generic wording for them.
     */
    public static final List<Explanation> GO = List.of(
            row("go-chan-receive").goWait(GoWaitCategory.CHAN_RECEIVE)
                    .frames("runtime.chanrecv1", "runtime.chanrecv2")
                    .activity("waiting to receive from a channel")
                    .leak("each waits to receive from a channel that nobody sends on and nobody closes — a read "
                            + "with no writer: every goroutine started this way stays forever")
                    .stuck("it waits to receive from a channel that nobody sends on and nobody closes — a read "
                            + "with no writer")
                    .fix("close the channel when the sender is done (a for-range over it then ends), or select "
                            + "on <-ctx.Done() as well and cancel the context when the work is abandoned; add a "
                            + "timeout (context.WithTimeout or time.After) where an answer may never come")
                    .go(),
            row("go-chan-send").goWait(GoWaitCategory.CHAN_SEND).frames("runtime.chansend1")
                    .activity("waiting to send on a channel")
                    .leakAndStuck("it sends on a channel that nobody receives from: an unbuffered channel whose "
                            + "reader is gone, or a buffered one that is full — a write with no reader")
                    .fix("give the channel a buffer big enough for every send (make(chan T, n) when n goroutines "
                            + "each send one result), make sure a receiver drains it, or send in a select with "
                            + "<-ctx.Done() so the sender can give up")
                    .go(),
            row("go-select").goWait(GoWaitCategory.SELECT).frames("runtime.selectgo", "runtime.block")
                    .activity("blocked in a select")
                    .leak("each waits in a select none of whose channels ever becomes ready — a select without a "
                            + "ctx.Done() case, or whose context is never cancelled, typically in a for loop with "
                            + "no exit")
                    .stuck("none of the channels its select waits on ever becomes ready, and nothing cancels it")
                    .fix("give every such loop a way out: a case <-ctx.Done(): return, with a context that is "
                            + "cancelled (defer cancel()) when the work is done or abandoned, or a timeout")
                    .go(),
            row("go-mutex").goWait(GoWaitCategory.MUTEX)
                    .frames("sync.(*Mutex).Lock", "sync.(*RWMutex).Lock", "sync.(*RWMutex).RLock")
                    .activity("waiting to lock a mutex in {method}")
                    .leak("more and more goroutines queue for a mutex that its holder does not unlock (Go dumps do "
                            + "not say which goroutine holds it)")
                    .stuck("the mutex's holder never unlocks it (Go dumps do not say which goroutine holds it)")
                    .fix("defer mu.Unlock() right after mu.Lock(); do not hold a mutex across channel operations, "
                            + "I/O or sleeps")
                    .go(),
            row("go-waitgroup").goWait(GoWaitCategory.WAITGROUP).frames("sync.(*WaitGroup).Wait")
                    .activity("waiting in WaitGroup.Wait")
                    .leakAndStuck("the WaitGroup never reaches zero: a Done() is missed (an early return or an error "
                            + "path), or Add counted more goroutines than were started")
                    .fix("call wg.Add before starting each goroutine and defer wg.Done() as its first statement")
                    .go(),
            row("go-cond").goWait(GoWaitCategory.COND).frames("sync.(*Cond).Wait")
                    .activity("waiting in Cond.Wait")
                    .leakAndStuck("it waits for a Signal or Broadcast that never comes")
                    .fix("Signal or Broadcast on every path that changes the condition, or use a channel that is "
                            + "closed instead")
                    .go(),
            row("go-semaphore").goWait(GoWaitCategory.SEMAPHORE)
                    .activity("waiting for a semaphore")
                    .leakAndStuck("the semaphore is never released")
                    .fix("release on every path (defer), and acquire with a context so the wait can be cancelled")
                    .go(),
            row("go-io-wait").goWait(GoWaitCategory.IO_WAIT).frames("internal/poll.runtime_pollWait")
                    .activity("waiting for network I/O")
                    .leak("each waits on a connection that the peer neither writes to nor closes, or connections "
                            + "are opened and never closed (an HTTP response body not closed, a client per request)")
                    .stuck("it reads from a connection that the peer never writes to — a read with no writer; "
                            + "without a deadline the read has no exit")
                    .fix("set deadlines (conn.SetDeadline, http.Client{Timeout: …}, http.Server ReadTimeout and "
                            + "IdleTimeout), close response bodies, and share one http.Client")
                    .go(),
            row("go-sleep").goWait(GoWaitCategory.SLEEP).frames("time.Sleep")
                    .activity("sleeping in time.Sleep")
                    .leak("goroutines that sleep in a loop keep being started and never stop — a loop with no exit")
                    .fix("loop on a time.Ticker in a select with <-ctx.Done(), and cancel the context on shutdown")
                    .go(),
            row("go-syscall").goWait(GoWaitCategory.SYSCALL)
                    .activity("in a system call")
                    .leakAndStuck("it waits in a system call that does not return (a blocking read of a pipe, file "
                            + "or device)")
                    .fix("use the non-blocking, deadline-aware APIs (os.File with SetDeadline, net) or run the "
                            + "call in a process that can be killed")
                    .go());

    /** Every row, all runtimes. */
    public static final List<Explanation> ALL = concat(JAVA, GO);

    /** Wording when no row matches. */
    static final String GENERIC_LEAK = "threads with this stack keep being started and never finish";
    static final String GENERIC_LEAK_GO = "goroutines with this stack keep being started and never return";
    static final String GENERIC_STUCK = "it has not moved between dumps";
    static final String GENERIC_SPINNING = "it keeps running without ever waiting: a busy loop with no exit "
            + "condition, or one that polls without pausing";

    private StackExplanations() { }

    private static List<Explanation> concat(List<Explanation> a, List<Explanation> b) {
        List<Explanation> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * What {@code thread} is doing, in plain words: "parked in SynchronousQueue.take, called from
     * scenario.Leak.awaitHandOff (Leak.java:137)".
     */
    public static String activity(DumpThread thread) {
        return Wording.Reading.of(thread).activity();
    }

    /** The first row matching {@code thread} with the index of the matched frame, or {@code null}. */
    public static Match match(DumpThread thread) {
        for (Explanation e : ALL) {
            int at = e.match(thread);
            if (at >= 0) return new Match(e, at);
        }
        return null;
    }

    /**
     * A row and the frame of the thread it matched.
     *
     * @param explanation the row
     * @param frameIndex  index of the matched frame in the thread's stack
     */
    public record Match(Explanation explanation, int frameIndex) { }
}
