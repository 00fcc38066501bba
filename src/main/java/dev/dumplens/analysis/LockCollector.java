package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.JvmDeadlock;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link LockGraph}: collects lock usage thread by thread, then resolves lock kinds, what each thread
 * waits for, and owners, by the rules {@link LockGraph} describes.
 */
final class LockCollector {

    /** Synchronizer classes that record an exclusive owner; threads parked on other kinds wait for no owner. */
    private static final List<String> OWNABLE_CLASS_PREFIXES = List.of(
            "java.util.concurrent.locks.ReentrantLock$",
            "java.util.concurrent.locks.ReentrantReadWriteLock$",
            "java.util.concurrent.ThreadPoolExecutor$Worker");

    /**
     * What goroutines block on that has a holder (a locked mutex, a channel someone should send on or receive
     * from) — none of which a Go dump names; a WaitGroup or Cond has no owner at all.
     */
    private static final List<String> GO_OWNED_KINDS = List.of("sync.Mutex", "sync.RWMutex", "chan");
    /** The owner note of {@link #GO_OWNED_KINDS}. */
    static final String GO_NO_OWNERS = "Go dumps show no mutex or channel owners";

    private static final String CLASS_INIT_PREFIX = "class-init:";
    private static final String CLINIT = ".<clinit>(";

    private final ThreadDump dump;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Wait> waits = new ArrayList<>();
    private final Map<DumpThread, Entry> waitsFor;
    private final List<ParseWarning> warnings = new ArrayList<>();
    private boolean dumpListsOwnables;

    LockCollector(ThreadDump dump) {
        this.dump = dump;
        this.waitsFor = new IdentityHashMap<>(dump.threads().size());
    }

    LockGraph build() {
        for (DumpThread t : dump.threads()) collect(t);
        resolveWaits();
        resolveClassInitOwners();
        inferOwnersFromJvmReport();
        List<LockInfo> infos = new ArrayList<>(entries.size());
        Map<Entry, LockInfo> infoOf = new IdentityHashMap<>(entries.size());
        for (Entry e : entries.values()) {
            LockInfo info = e.toInfo();
            infos.add(info);
            infoOf.put(e, info);
        }
        infos.sort((a, b) -> a.waiterCount() != b.waiterCount()
                ? Integer.compare(b.waiterCount(), a.waiterCount()) : a.id().compareTo(b.id()));
        Map<DumpThread, LockInfo> waitsForInfo = new IdentityHashMap<>(waitsFor.size());
        for (Map.Entry<DumpThread, Entry> w : waitsFor.entrySet()) waitsForInfo.put(w.getKey(), infoOf.get(w.getValue()));
        return new LockGraph(infos, waitsForInfo, warnings);
    }

    private void collect(DumpThread t) {
        List<LockAction> actions = withWaitObjectsResolved(t.locks());
        for (LockAction a : actions) {
            LockRef ref = a.lock();
            if (ref == null) continue;
            switch (a.kind()) {
                case LOCKED:
                    if (!released(actions, ref.id())) entry(ref, LockInfo.Kind.MONITOR).claim(t);
                    break;
                case WAITING_TO_LOCK:
                case WAITING_TO_RELOCK:
                    waitFor(t, ref, LockInfo.Kind.MONITOR).blocked.add(t);
                    break;
                case WAITING_ON:
                    entry(ref, LockInfo.Kind.MONITOR).waiting.add(t);
                    break;
                case PARKING:
                    waitFor(t, ref, LockInfo.Kind.SYNCHRONIZER).parked.add(t);
                    break;
                case CLASS_INIT:
                    waitFor(t, ref, LockInfo.Kind.CLASS_INIT).blocked.add(t);
                    break;
                case ELIMINATED:
                default:
                    break;
            }
        }
        for (LockRef ref : t.ownedSynchronizers()) {
            dumpListsOwnables = true;
            Entry e = entry(ref, LockInfo.Kind.SYNCHRONIZER);
            e.ownable = true;
            e.claimSynchronizer(t);
        }
    }

    /**
     * HotSpot prints {@code waiting on <no object reference available>} when it cannot read the object a
     * compiled frame waits on; the thread must hold that monitor when it calls {@code wait()}, and it is the
     * nearest {@code - locked} line below. The same holds for {@code waiting to re-lock in wait()}.
     */
    private static List<LockAction> withWaitObjectsResolved(List<LockAction> actions) {
        List<LockAction> out = null;
        for (int i = 0; i < actions.size(); i++) {
            LockAction a = actions.get(i);
            boolean unknownWait = a.lock() == null && (a.kind() == LockAction.Kind.WAITING_ON
                    || a.kind() == LockAction.Kind.WAITING_TO_RELOCK);
            if (!unknownWait) continue;
            for (int j = i + 1; j < actions.size(); j++) {
                LockAction below = actions.get(j);
                if (below.kind() == LockAction.Kind.LOCKED && below.lock() != null) {
                    if (out == null) out = new ArrayList<>(actions);
                    out.set(i, new LockAction(a.frameIndex(), a.kind(), below.lock()));
                    break;
                }
            }
        }
        return out == null ? actions : out;
    }

    /**
     * Whether the thread waits on or for the monitor (in {@code wait()}, re-locking after it, or, as JDK 8
     * prints a woken waiter, "waiting to lock" it above its own {@code - locked} line): then it does not
     * hold it.
     */
    private static boolean released(List<LockAction> actions, String id) {
        for (LockAction a : actions) {
            boolean waits = a.kind() == LockAction.Kind.WAITING_ON || a.kind() == LockAction.Kind.WAITING_TO_RELOCK
                    || a.kind() == LockAction.Kind.WAITING_TO_LOCK;
            if (waits && a.lock() != null && a.lock().id().equals(id)) return true;
        }
        return false;
    }

    /**
     * The entry of {@code ref}. An object used as a monitor anywhere is a monitor, even when a thread also
     * names it as its park blocker ({@code LockSupport.park(obj)}): parking on it does not wait for its owner.
     */
    private Entry entry(LockRef ref, LockInfo.Kind usage) {
        Entry e = entries.computeIfAbsent(ref.id(), id -> new Entry(ref, usage));
        if (usage == LockInfo.Kind.MONITOR && e.kind == LockInfo.Kind.SYNCHRONIZER) e.kind = LockInfo.Kind.MONITOR;
        return e;
    }

    /** Records that {@code t} tries to acquire {@code ref} as {@code usage}; returns the lock's entry. */
    private Entry waitFor(DumpThread t, LockRef ref, LockInfo.Kind usage) {
        Entry e = entry(ref, usage);
        waits.add(new Wait(t, e, usage));
        return e;
    }

    /** Each thread waits for the first lock it tries to acquire the way the lock's kind is acquired. */
    private void resolveWaits() {
        for (Wait w : waits) {
            if (w.entry.kind == w.usage) waitsFor.putIfAbsent(w.thread, w.entry);
        }
    }

    /** The initialization of X is held by the thread running {@code X.<clinit>}. */
    private void resolveClassInitOwners() {
        Map<String, Entry> byClass = new HashMap<>();
        for (Entry e : entries.values()) {
            if (e.kind == LockInfo.Kind.CLASS_INIT) byClass.put(initializedClass(e.ref), e);
        }
        if (byClass.isEmpty()) return;
        for (DumpThread t : dump.threads()) {
            for (StackFrame f : t.frames()) {
                String cls = clinitClass(f.text());
                Entry e = cls == null ? null : byClass.get(cls);
                if (e != null && !containsSame(e.blocked, t)) e.claim(t);
            }
        }
    }

    private static String initializedClass(LockRef ref) {
        if (!ref.className().isEmpty()) return ref.className();
        return ref.id().startsWith(CLASS_INIT_PREFIX) ? ref.id().substring(CLASS_INIT_PREFIX.length()) : ref.id();
    }

    /** {@code pkg.X} of a frame {@code [loader/module/]pkg.X.<clinit>(…)}, else null. */
    private static String clinitClass(String frame) {
        int at = frame.indexOf(CLINIT);
        if (at < 0) return null;
        int start = frame.lastIndexOf('/', at) + 1;
        return frame.substring(start, at);
    }

    /**
     * In the JVM's report each thread waits for a lock held by the next one (the last by the first); this
     * names owners of synchronizers that a dump without "Locked ownable synchronizers" leaves unknown.
     */
    private void inferOwnersFromJvmReport() {
        if (dump.jvmDeadlocks().isEmpty()) return;
        Map<String, DumpThread> byName = new HashMap<>();
        for (DumpThread t : dump.threads()) {
            if (waitsFor.containsKey(t)) byName.putIfAbsent(t.name(), t);
        }
        for (JvmDeadlock d : dump.jvmDeadlocks()) {
            List<String> names = d.threads();
            for (int i = 0; i < names.size(); i++) {
                DumpThread waiter = byName.get(names.get(i));
                DumpThread holder = byName.get(names.get((i + 1) % names.size()));
                Entry e = waiter == null ? null : waitsFor.get(waiter);
                if (e != null && holder != null && holder != waiter && e.owner() == null) {
                    if (e.kind == LockInfo.Kind.SYNCHRONIZER) e.claimSynchronizer(holder);
                    else e.claim(holder);
                    e.ownerFromJvmReport = true;
                }
            }
        }
    }

    /** A thread trying to acquire a lock as {@code usage} (monitor entry, park, class initialization). */
    private record Wait(DumpThread thread, Entry entry, LockInfo.Kind usage) { }

    /** One lock being collected. */
    private final class Entry {
        final LockRef ref;
        LockInfo.Kind kind;
        /** Threads holding it as a monitor (or running the class initialization). */
        final List<DumpThread> claims = new ArrayList<>(1);
        /** Threads listing it under "Locked ownable synchronizers". */
        final List<DumpThread> synchronizerClaims = new ArrayList<>(1);
        final List<DumpThread> blocked = new ArrayList<>();
        final List<DumpThread> waiting = new ArrayList<>();
        final List<DumpThread> parked = new ArrayList<>();
        boolean ownable;
        boolean ownerFromJvmReport;

        Entry(LockRef ref, LockInfo.Kind kind) {
            this.ref = ref;
            this.kind = kind;
        }

        void claim(DumpThread t) { addClaim(claims, t); }

        void claimSynchronizer(DumpThread t) { addClaim(synchronizerClaims, t); }

        private void addClaim(List<DumpThread> list, DumpThread t) {
            if (containsSame(list, t)) return; // re-entrant: the same thread locked it on several frames
            if (!list.isEmpty()) {
                warnings.add(ParseWarning.atLine(dump.source(), t.line(), "\"" + t.name() + "\" also shows "
                        + ref.display() + " as locked, but \"" + list.get(0).name()
                        + "\" holds it; kept \"" + list.get(0).name() + "\" as the owner"));
            }
            list.add(t);
        }

        /** The owner as this lock's kind defines it, or null. */
        DumpThread owner() {
            List<DumpThread> holders = kind == LockInfo.Kind.SYNCHRONIZER ? synchronizerClaims : claims;
            return holders.isEmpty() ? null : holders.get(0);
        }

        LockInfo toInfo() {
            DumpThread owner = owner();
            if (owner != null) {
                String note = ownerFromJvmReport ? "owner named by the JVM's deadlock report" : "";
                return info(owner, LockInfo.OwnerStatus.OWNED, note);
            }
            switch (kind) {
                case CLASS_INIT:
                    return info(null, LockInfo.OwnerStatus.UNKNOWN,
                            "no thread shows " + initializedClass(ref) + ".<clinit> on its stack");
                case SYNCHRONIZER:
                    if (GO_OWNED_KINDS.contains(ref.className()) && anyGoroutine(parked)) {
                        return info(null, LockInfo.OwnerStatus.UNKNOWN, GO_NO_OWNERS);
                    }
                    if (!ownable && !isOwnableClass(ref.className())) {
                        return info(null, LockInfo.OwnerStatus.NONE, "");
                    }
                    return info(null, LockInfo.OwnerStatus.UNKNOWN, dumpListsOwnables
                            ? "no thread lists it under \"Locked ownable synchronizers\" (held for reading, or just released)"
                            : "the dump has no \"Locked ownable synchronizers\" sections; capture it with "
                                    + "jstack -l or jcmd <pid> Thread.print -l to see the owner");
                case MONITOR:
                default:
                    if (blocked.isEmpty()) return info(null, LockInfo.OwnerStatus.NONE, "");
                    return info(null, LockInfo.OwnerStatus.UNKNOWN, "no thread shows it as locked "
                            + "(held from native code via JNI, or by a lock the JIT elided)");
            }
        }

        /** Threads that merely name a monitor as their park blocker are not waiting to acquire it. */
        private LockInfo info(DumpThread owner, LockInfo.OwnerStatus status, String note) {
            List<DumpThread> parkedToAcquire = kind == LockInfo.Kind.SYNCHRONIZER ? parked : List.of();
            return new LockInfo(ref, kind, owner, status, note, blocked, waiting, parkedToAcquire);
        }
    }

    private static boolean containsSame(List<DumpThread> threads, DumpThread t) {
        for (DumpThread x : threads) if (x == t) return true;
        return false;
    }

    private static boolean anyGoroutine(List<DumpThread> threads) {
        for (DumpThread t : threads) if (!t.frames().isEmpty() && t.frames().get(0).isGo()) return true;
        return false;
    }

    private static boolean isOwnableClass(String className) {
        for (String p : OWNABLE_CLASS_PREFIXES) if (className.startsWith(p)) return true;
        return false;
    }
}
