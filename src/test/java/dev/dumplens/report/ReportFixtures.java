package dev.dumplens.report;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.JvmDeadlock;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A small dump shaped like the contention/deadlock scenarios: 3 readers blocked on a monitor held by a writer,
 * 2 listeners in wait() (with HotSpot's stale "locked" line), a 2-thread monitor deadlock, a worker parked on a
 * ReentrantLock without -l information, and a GC thread.
 */
final class ReportFixtures {
    private ReportFixtures() { }

    static ThreadDump dump() {
        List<DumpThread> threads = new ArrayList<>();
        StackFrame read = new StackFrame("app.Ledger.read(Ledger.java:49)");
        StackFrame run = new StackFrame("java.lang.Thread.run(java.base@17.0.15/Thread.java:840)");
        DumpThread.Builder writer = thread("ledger-writer", ThreadState.TIMED_WAITING,
                new StackFrame("java.lang.Thread.sleep(java.base@17.0.15/Native Method)"),
                new StackFrame("app.Ledger.write(Ledger.java:44)"), run);
        writer.locks.add(new LockAction(1, LockAction.Kind.LOCKED, new LockRef("0x10", "app.AccountLock")));
        threads.add(writer.build());
        for (int i = 1; i <= 3; i++) {
            DumpThread.Builder r = thread("ledger-reader-" + i, ThreadState.BLOCKED, read, run);
            r.locks.add(new LockAction(0, LockAction.Kind.WAITING_TO_LOCK, new LockRef("0x10", "app.AccountLock")));
            threads.add(r.build());
        }
        StackFrame wait = new StackFrame("java.lang.Object.wait(java.base@17.0.15/Native Method)");
        StackFrame listen = new StackFrame("app.Bus.listen(Bus.java:89)");
        for (int i = 1; i <= 2; i++) {
            DumpThread.Builder l = thread("event-listener-" + i, ThreadState.WAITING, wait, listen, run);
            l.locks.add(new LockAction(0, LockAction.Kind.WAITING_ON, new LockRef("0x20", "app.EventBus")));
            l.locks.add(new LockAction(1, LockAction.Kind.LOCKED, new LockRef("0x20", "app.EventBus")));
            threads.add(l.build());
        }
        threads.add(transfer("transfer-A-to-B\nsecond line", "0x31", "0x30"));
        threads.add(transfer("transfer-B-to-A", "0x30", "0x31"));
        DumpThread.Builder parked = thread("inventory-worker-1", ThreadState.WAITING,
                new StackFrame("jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)"), run);
        parked.locks.add(new LockAction(0, LockAction.Kind.PARKING,
                new LockRef("0x40", "java.util.concurrent.locks.ReentrantLock$NonfairSync")));
        threads.add(parked.build());
        threads.add(thread("GC Thread#0", ThreadState.NONE).build());
        return new ThreadDump("dumps/app.txt", 0, 2, "hotspot", LocalDateTime.of(2026, 11, 26, 17, 56, 19),
                "OpenJDK 64-Bit Server VM (17.0.15+6 mixed mode)", 4242L, threads,
                List.of(new JvmDeadlock(List.of("transfer-A-to-B\nsecond line", "transfer-B-to-A"))),
                List.of(ParseWarning.atLine("dumps/app.txt", 77, "skipped an unreadable line")));
    }

    private static DumpThread transfer(String name, String wanted, String held) {
        DumpThread.Builder b = thread(name, ThreadState.BLOCKED, new StackFrame("app.Bank.transfer(Bank.java:46)"));
        b.locks.add(new LockAction(0, LockAction.Kind.WAITING_TO_LOCK, new LockRef(wanted, "app.Account")));
        b.locks.add(new LockAction(0, LockAction.Kind.LOCKED, new LockRef(held, "app.Account")));
        return b.build();
    }

    private static long line = 3;

    private static DumpThread.Builder thread(String name, ThreadState state, StackFrame... frames) {
        DumpThread.Builder b = DumpThread.builder(name);
        b.state = state;
        b.line = line += 7;
        b.frames.addAll(List.of(frames));
        return b;
    }
}
