package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.JvmDeadlock;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every lock of one dump with owner, blocked, waiting and parked threads, and who waits for what.
 * <p>Ownership rules:
 * <ul>
 *   <li>A monitor is owned by the thread showing {@code - locked} for it, unless that same thread is in
 *       {@code Object.wait()} on it ({@code - waiting on}) or re-locking it after a wait: such a thread released it,
 *       even though HotSpot (and JDK 25's {@code monitorsOwned}) still list it on a lower frame. When several
 *       threads still claim one monitor, the first in dump order keeps it and a warning names the others.</li>
 *   <li>A java.util.concurrent synchronizer is owned by the thread listing it under "Locked ownable synchronizers"
 *       ({@code jstack -l}); without that section its owner is unknown — except when the JVM's own deadlock report
 *       names it (each reported thread waits for a lock held by the next one in the report).</li>
 *   <li>The initialization of class X is owned by the thread with an {@code X.<clinit>} frame.</li>
 * </ul>
 */
public final class LockGraph {

    /** Synchronizer classes that record an exclusive owner; threads parked on other kinds wait for no owner. */
    private static final List<String> OWNABLE_CLASS_PREFIXES = List.of(
            "java.util.concurrent.locks.ReentrantLock$",
            "java.util.concurrent.locks.ReentrantReadWriteLock$",
            "java.util.concurrent.ThreadPoolExecutor$Worker");

    private static final String CLASS_INIT_PREFIX = "class-init:";
    private static final String CLINIT = ".<clinit>(";

    private final List<LockInfo> locks;
    private final Map<String, LockInfo> byId;
    private final Map<DumpThread, LockInfo> waitsFor;
    private final Map<DumpThread, List<LockInfo>> held = new IdentityHashMap<>();
    private final Map<DumpThread, Integer> position;
    private final List<ParseWarning> warnings;

    private LockGraph(List<LockInfo> locks, Map<DumpThread, String> waitsForId, Map<DumpThread, Integer> position,
                      List<ParseWarning> warnings) {
        this.locks = List.copyOf(locks);
        this.byId = new HashMap<>();
        for (LockInfo l : locks) {
            byId.put(l.id(), l);
            if (l.owner() != null) held.computeIfAbsent(l.owner(), t -> new ArrayList<>()).add(l);
        }
        this.waitsFor = new IdentityHashMap<>();
        waitsForId.forEach((t, id) -> waitsFor.put(t, byId.get(id)));
        this.position = position;
        this.warnings = List.copyOf(warnings);
    }

    /** Builds the lock graph of {@code dump}. */
    public static LockGraph of(ThreadDump dump) {
        return new Builder(dump).build();
    }

    /** Every lock, those with the most blocked/waiting/parked threads first, then by id. */
    public List<LockInfo> locks() { return locks; }

    /** The lock with this id, or {@code null}. */
    public LockInfo lock(String id) { return byId.get(id); }

    /** The lock {@code thread} is blocked or parked trying to acquire, or {@code null}. */
    public LockInfo waitsFor(DumpThread thread) { return waitsFor.get(thread); }

    /** The locks {@code thread} holds. */
    public List<LockInfo> heldBy(DumpThread thread) {
        return Collections.unmodifiableList(held.getOrDefault(thread, List.of()));
    }

    /**
     * {@code lock}, then the lock its owner waits for, then that lock's owner's, and so on until an owner waits
     * for nothing, the owner is unknown, or a lock repeats (a deadlock).
     */
    public List<LockInfo> chain(LockInfo lock) {
        List<LockInfo> out = new ArrayList<>();
        Set<LockInfo> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LockInfo l = lock; l != null && seen.add(l); l = l.owner() == null ? null : waitsFor(l.owner())) {
            out.add(l);
        }
        return out;
    }

    /** 0-based position of {@code thread} in its dump. */
    int position(DumpThread thread) { return position.get(thread); }

    /** Inconsistencies found while resolving owners (several threads claiming one monitor). */
    public List<ParseWarning> warnings() { return warnings; }

    /** Collects lock usage thread by thread, then resolves owners. */
    private static final class Builder {
        private final ThreadDump dump;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private final Map<DumpThread, String> waitsForId = new IdentityHashMap<>();
        private final Map<DumpThread, Integer> position = new IdentityHashMap<>();
        private final List<ParseWarning> warnings = new ArrayList<>();
        private boolean dumpListsOwnables;

        Builder(ThreadDump dump) { this.dump = dump; }

        LockGraph build() {
            List<DumpThread> threads = dump.threads();
            for (int i = 0; i < threads.size(); i++) {
                position.put(threads.get(i), i);
                collect(threads.get(i));
            }
            resolveClassInitOwners();
            inferOwnersFromJvmReport();
            List<LockInfo> infos = new ArrayList<>(entries.size());
            for (Entry e : entries.values()) infos.add(e.toInfo());
            infos.sort((a, b) -> a.waiterCount() != b.waiterCount()
                    ? Integer.compare(b.waiterCount(), a.waiterCount()) : a.id().compareTo(b.id()));
            return new LockGraph(infos, waitsForId, position, warnings);
        }

        private void collect(DumpThread t) {
            List<LockAction> actions = t.locks();
            for (LockAction a : actions) {
                LockRef ref = a.lock();
                if (ref == null) continue;
                switch (a.kind()) {
                    case LOCKED:
                        if (!released(actions, ref.id())) entry(ref, LockInfo.Kind.MONITOR).claim(t);
                        break;
                    case WAITING_TO_LOCK:
                    case WAITING_TO_RELOCK:
                        entry(ref, LockInfo.Kind.MONITOR).blocked.add(t);
                        waitsForId.putIfAbsent(t, ref.id());
                        break;
                    case WAITING_ON:
                        entry(ref, LockInfo.Kind.MONITOR).waiting.add(t);
                        break;
                    case PARKING:
                        entry(ref, LockInfo.Kind.SYNCHRONIZER).parked.add(t);
                        waitsForId.putIfAbsent(t, ref.id());
                        break;
                    case CLASS_INIT:
                        entry(ref, LockInfo.Kind.CLASS_INIT).blocked.add(t);
                        waitsForId.putIfAbsent(t, ref.id());
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
                e.claim(t);
            }
        }

        /** Whether the thread is in {@code wait()} on the monitor or re-locking it: it does not hold it. */
        private static boolean released(List<LockAction> actions, String id) {
            for (LockAction a : actions) {
                if ((a.kind() == LockAction.Kind.WAITING_ON || a.kind() == LockAction.Kind.WAITING_TO_RELOCK)
                        && a.lock() != null && a.lock().id().equals(id)) return true;
            }
            return false;
        }

        private Entry entry(LockRef ref, LockInfo.Kind kind) {
            Entry e = entries.computeIfAbsent(ref.id(), id -> new Entry(ref, kind));
            if (kind == LockInfo.Kind.SYNCHRONIZER) e.kind = kind; // a park blocker that is also a monitor
            return e;
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
            Map<String, DumpThread> byName = new HashMap<>();
            for (DumpThread t : dump.threads()) {
                if (waitsForId.containsKey(t)) byName.putIfAbsent(t.name(), t);
            }
            for (JvmDeadlock d : dump.jvmDeadlocks()) {
                List<String> names = d.threads();
                for (int i = 0; i < names.size(); i++) {
                    DumpThread waiter = byName.get(names.get(i));
                    DumpThread holder = byName.get(names.get((i + 1) % names.size()));
                    Entry e = waiter == null ? null : entries.get(waitsForId.get(waiter));
                    if (e != null && holder != null && holder != waiter && e.claims.isEmpty()) {
                        e.claim(holder);
                        e.ownerFromJvmReport = true;
                    }
                }
            }
        }

        /** One lock being collected. */
        private final class Entry {
            final LockRef ref;
            LockInfo.Kind kind;
            final List<DumpThread> claims = new ArrayList<>(1);
            final List<DumpThread> blocked = new ArrayList<>();
            final List<DumpThread> waiting = new ArrayList<>();
            final List<DumpThread> parked = new ArrayList<>();
            boolean ownable;
            boolean ownerFromJvmReport;

            Entry(LockRef ref, LockInfo.Kind kind) {
                this.ref = ref;
                this.kind = kind;
            }

            void claim(DumpThread t) {
                if (containsSame(claims, t)) return; // re-entrant: the same thread locked it on several frames
                if (!claims.isEmpty()) {
                    warnings.add(ParseWarning.atLine(dump.source(), t.line(), "\"" + t.name() + "\" also shows "
                            + ref.display() + " as locked, but \"" + claims.get(0).name()
                            + "\" holds it; kept \"" + claims.get(0).name() + "\" as the owner"));
                }
                claims.add(t);
            }

            LockInfo toInfo() {
                DumpThread owner = claims.isEmpty() ? null : claims.get(0);
                if (owner != null) {
                    String note = ownerFromJvmReport ? "owner named by the JVM's deadlock report" : "";
                    return info(owner, LockInfo.OwnerStatus.OWNED, note);
                }
                switch (kind) {
                    case CLASS_INIT:
                        return info(null, LockInfo.OwnerStatus.UNKNOWN,
                                "no thread shows " + initializedClass(ref) + ".<clinit> on its stack");
                    case SYNCHRONIZER:
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

            private LockInfo info(DumpThread owner, LockInfo.OwnerStatus status, String note) {
                return new LockInfo(ref, kind, owner, status, note, blocked, waiting, parked);
            }
        }

        private static boolean containsSame(List<DumpThread> threads, DumpThread t) {
            for (DumpThread x : threads) if (x == t) return true;
            return false;
        }

        private static boolean isOwnableClass(String className) {
            for (String p : OWNABLE_CLASS_PREFIXES) if (className.startsWith(p)) return true;
            return false;
        }
    }
}
