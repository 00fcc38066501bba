package dev.dumplens.heap;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.analysis.StackGrouper;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.analysis.compare.Suspect;
import dev.dumplens.analysis.compare.ThreadTrack;
import dev.dumplens.model.DumpThread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heap dump's threads grouped by identical stack with the thread-dump grouping ({@link StackGrouper}), and the
 * join of thread dumps of the same process to the heap dump's threads (by thread id first, then by name): the
 * retained heap of each group of a thread dump, and of each leak suspect of a comparison of several thread dumps.
 */
public final class HeapThreadGroups {
    private HeapThreadGroups() { }

    /**
     * One stack group of the heap dump's threads.
     *
     * @param group         the group as the thread-dump grouping builds it (its {@code key} matches the key of the
     *                      same stack in a thread dump grouped at the same similarity)
     * @param threads       the members
     * @param retainedBytes the members' retained heap, summed
     */
    public record Group(StackGroup group, List<HeapThread> threads, long retainedBytes) {
        public Group {
            threads = List.copyOf(threads);
        }
    }

    /**
     * A group of a thread dump with the heap its threads retain in the heap dump.
     *
     * @param group          the thread-dump group
     * @param matched        heap dump threads matched to the group's members (by id, else by name)
     * @param retainedBytes  their retained heap, summed
     */
    public record Joined(StackGroup group, List<HeapThread> matched, long retainedBytes) {
        public Joined {
            matched = List.copyOf(matched);
        }
    }

    /**
     * A leak suspect of a thread-dump comparison with the heap its threads retain in the heap dump.
     *
     * @param suspect       the suspect
     * @param matched       heap dump threads matched to the suspect's threads (as they are in the latest dump)
     * @param retainedBytes their retained heap, summed
     */
    public record JoinedSuspect(Suspect suspect, List<HeapThread> matched, long retainedBytes) {
        public JoinedSuspect {
            matched = List.copyOf(matched);
        }
    }

    /** Groups the heap dump's threads; largest summed retained heap first. */
    public static List<Group> group(HeapSnapshot heap, Similarity similarity) {
        List<HeapThread> threads = heap.threads();
        List<DumpThread> dumpThreads = heap.toThreadDump().threads();
        Map<DumpThread, HeapThread> back = new IdentityHashMap<>();
        for (int i = 0; i < threads.size(); i++) back.put(dumpThreads.get(i), threads.get(i));
        List<Group> out = new ArrayList<>();
        for (StackGroup g : StackGrouper.group(dumpThreads, similarity)) {
            List<HeapThread> members = new ArrayList<>();
            long sum = 0;
            for (DumpThread t : g.threads()) {
                HeapThread h = back.get(t);
                members.add(h);
                sum += h.retainedBytes();
            }
            out.add(new Group(g, members, sum));
        }
        out.sort(Comparator.comparingLong(Group::retainedBytes).reversed());
        return out;
    }

    /** The group key of every heap dump thread. */
    public static Map<HeapThread, String> keys(List<Group> groups) {
        Map<HeapThread, String> out = new IdentityHashMap<>();
        for (Group g : groups) for (HeapThread t : g.threads()) out.put(t, g.group().key());
        return out;
    }

    /**
     * Joins a thread dump's groups to the heap dump's threads: each member is matched to the heap thread with its
     * thread id, else to an unmatched heap thread of the same name; each heap thread matches at most once. Groups
     * come largest retained heap first.
     */
    public static List<Joined> join(HeapSnapshot heap, DumpAnalysis threadDump) {
        Map<Long, HeapThread> byTid = new HashMap<>();
        Map<String, List<HeapThread>> byName = new HashMap<>();
        index(heap, byTid, byName);
        Map<HeapThread, Boolean> used = new IdentityHashMap<>();
        List<Joined> out = new ArrayList<>();
        for (StackGroup g : threadDump.groups()) {
            List<HeapThread> matched = new ArrayList<>();
            long sum = 0;
            for (DumpThread t : g.threads()) {
                HeapThread h = match(t, byTid, byName, used);
                if (h == null) continue;
                matched.add(h);
                sum += h.retainedBytes();
            }
            out.add(new Joined(g, matched, sum));
        }
        out.sort(Comparator.comparingLong(Joined::retainedBytes).reversed());
        return out;
    }

    /** Joins a comparison's leak suspects (in their rank order) to the heap dump's threads. */
    public static List<JoinedSuspect> joinSuspects(HeapSnapshot heap, Comparison comparison) {
        Map<Long, HeapThread> byTid = new HashMap<>();
        Map<String, List<HeapThread>> byName = new HashMap<>();
        index(heap, byTid, byName);
        List<JoinedSuspect> out = new ArrayList<>();
        for (Suspect s : comparison.suspects()) {
            Map<HeapThread, Boolean> used = new IdentityHashMap<>();
            List<HeapThread> matched = new ArrayList<>();
            long sum = 0;
            for (ThreadTrack t : s.threads()) {
                HeapThread h = match(t.latest(), byTid, byName, used);
                if (h == null) continue;
                matched.add(h);
                sum += h.retainedBytes();
            }
            out.add(new JoinedSuspect(s, matched, sum));
        }
        return out;
    }

    private static void index(HeapSnapshot heap, Map<Long, HeapThread> byTid, Map<String, List<HeapThread>> byName) {
        for (HeapThread t : heap.threads()) {
            if (t.tid() != null) byTid.putIfAbsent(t.tid(), t);
            byName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
        }
    }

    private static HeapThread match(DumpThread t, Map<Long, HeapThread> byTid, Map<String, List<HeapThread>> byName,
                                    Map<HeapThread, Boolean> used) {
        HeapThread h = t.javaId() == null ? null : byTid.get(t.javaId());
        if (h != null && used.putIfAbsent(h, Boolean.TRUE) == null) return h;
        for (HeapThread c : byName.getOrDefault(t.name(), List.of())) {
            if (used.putIfAbsent(c, Boolean.TRUE) == null) return c;
        }
        return null;
    }
}
