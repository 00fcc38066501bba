package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.JvmDeadlock;
import dev.dumplens.model.ThreadDump;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds deadlocks: cycles in the wait-for graph (thread → lock it is blocked or parked on, or whose class
 * initialization it waits for → that lock's owner) over monitors, java.util.concurrent locks and class
 * initialization, platform and virtual threads alike. Each thread waits for at most one lock and each lock has at
 * most one owner, so every cycle is found exactly once in one linear walk. Deadlocks the JVM reported but whose
 * cycle the stacks do not show are added from the report.
 */
public final class DeadlockDetector {

    private DeadlockDetector() { }

    /** The deadlocks of {@code dump}, ordered by the position of their first thread in the dump. */
    public static List<Deadlock> find(ThreadDump dump, LockGraph graph) {
        List<List<DumpThread>> cycles = new ArrayList<>();
        Map<DumpThread, Integer> walk = new IdentityHashMap<>(dump.threads().size()); // thread -> id of its walk
        int walkId = 0;
        for (DumpThread start : dump.threads()) {
            if (graph.waitsFor(start) == null || walk.containsKey(start)) continue;
            walkId++;
            List<DumpThread> path = new ArrayList<>();
            DumpThread t = start;
            while (t != null && !walk.containsKey(t)) {
                walk.put(t, walkId);
                path.add(t);
                t = next(graph, t);
            }
            if (t != null && walk.get(t) == walkId) {
                int from = 0;
                while (path.get(from) != t) from++;
                cycles.add(path.subList(from, path.size()));
            }
        }
        List<Deadlock> out = new ArrayList<>();
        Map<DumpThread, Integer> position = cycles.isEmpty() && dump.jvmDeadlocks().isEmpty()
                ? Map.of() : positions(dump);
        for (List<DumpThread> c : cycles) out.add(cycle(c, graph, position, dump.jvmDeadlocks()));
        addReportedOnly(dump, graph, out);
        out.sort(Comparator.comparingInt(d -> position.get(d.threads().get(0))));
        return out;
    }

    private static Map<DumpThread, Integer> positions(ThreadDump dump) {
        Map<DumpThread, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < dump.threads().size(); i++) position.put(dump.threads().get(i), i);
        return position;
    }

    /** The owner of the lock {@code t} waits for; {@code null} when none is known. */
    private static DumpThread next(LockGraph graph, DumpThread t) {
        LockInfo lock = graph.waitsFor(t);
        DumpThread owner = lock == null ? null : lock.owner();
        return owner == t ? null : owner;
    }

    private static Deadlock cycle(List<DumpThread> members, LockGraph graph, Map<DumpThread, Integer> position,
                                  List<JvmDeadlock> reported) {
        int first = 0;
        for (int i = 1; i < members.size(); i++) {
            if (position.get(members.get(i)) < position.get(members.get(first))) first = i;
        }
        List<DumpThread> threads = new ArrayList<>(members.size());
        List<LockInfo> locks = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            DumpThread t = members.get((first + i) % members.size());
            threads.add(t);
            locks.add(graph.waitsFor(t));
        }
        return new Deadlock(threads, locks, matchesReport(threads, reported) != null);
    }

    private static JvmDeadlock matchesReport(List<DumpThread> threads, List<JvmDeadlock> reported) {
        Set<String> names = new HashSet<>();
        for (DumpThread t : threads) names.add(t.name());
        for (JvmDeadlock d : reported) {
            if (d.threads().size() == threads.size() && names.equals(new HashSet<>(d.threads()))) return d;
        }
        return null;
    }

    /** Adds JVM-reported deadlocks that no cycle found in the stacks matches. */
    private static void addReportedOnly(ThreadDump dump, LockGraph graph, List<Deadlock> found) {
        for (JvmDeadlock d : dump.jvmDeadlocks()) {
            boolean known = found.stream().anyMatch(f -> matchesReport(f.threads(), List.of(d)) != null);
            if (known || d.threads().isEmpty()) continue;
            List<DumpThread> threads = new ArrayList<>();
            List<LockInfo> locks = new ArrayList<>();
            for (String name : d.threads()) {
                DumpThread t = byName(dump, graph, name);
                if (t == null) continue;
                threads.add(t);
                if (graph.waitsFor(t) != null) locks.add(graph.waitsFor(t));
            }
            if (!threads.isEmpty()) found.add(new Deadlock(threads, locks, true));
        }
    }

    /** The thread named {@code name}, preferring one that waits for a lock (names need not be unique). */
    private static DumpThread byName(ThreadDump dump, LockGraph graph, String name) {
        DumpThread any = null;
        for (DumpThread t : dump.threads()) {
            if (!t.name().equals(name)) continue;
            if (graph.waitsFor(t) != null) return t;
            if (any == null) any = t;
        }
        return any;
    }
}
