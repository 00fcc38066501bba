package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.NameTemplates;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds the same group in every dump: threads with the same stack group key (state and signature at the chosen
 * similarity) and the same name template.
 *
 * <p>A name template can hide a leak: {@code pool-1-thread-1..8} (a healthy pool) and the single workers of
 * leaked pools {@code pool-2-thread-1}, {@code pool-3-thread-1}, … share both the stack and the template
 * {@code pool-*-thread-*}. So when a group's counts differ between dumps and its template has several {@code *},
 * the values of each {@code *} but the last are examined in turn; at the first one where some values hold more
 * threads than the median value does (pool 1 holds 8 threads, each other pool 1), each of those values becomes a
 * group of its own ({@code pool-1-thread-*}) and the other values stay together ({@code pool-*-thread-1}). In
 * split groups a {@code *} whose value is the same for every member is written out.
 */
final class GroupMatcher {

    private GroupMatcher() { }

    /** The groups of {@code analyses} (oldest first, built with one shared signature cache), largest first. */
    static List<GroupTrend> match(List<DumpAnalysis> analyses, Timeline timeline) {
        int n = analyses.size();
        Map<String, Family> families = new LinkedHashMap<>();
        for (int d = 0; d < n; d++) {
            for (StackGroup group : analyses.get(d).groups()) {
                for (StackGroup part : group.splitByNameTemplate()) {
                    families.computeIfAbsent(part.key() + " " + part.nameTemplate(), k -> new Family(part, n))
                            .perDump.get(d).addAll(part.threads());
                }
            }
        }
        List<GroupTrend> out = new ArrayList<>();
        for (Family f : families.values()) {
            for (Part p : split(f.template, f.perDump)) out.add(f.trend(p, timeline));
        }
        out.sort(Comparator.comparingInt(GroupTrend::maxCount).reversed());
        return out;
    }

    /** Each member thread of {@code groups} (of any dump) to its group. */
    static Map<DumpThread, GroupTrend> byThread(List<GroupTrend> groups) {
        Map<DumpThread, GroupTrend> out = new IdentityHashMap<>();
        for (GroupTrend g : groups) for (List<DumpThread> ts : g.threadsPerDump()) for (DumpThread t : ts) out.put(t, g);
        return out;
    }

    /** One key + template across the dumps. */
    private static final class Family {
        final String key;
        final ThreadState state;
        final List<String> signature;
        final List<StackFrame> frames;
        final String template;
        final List<List<DumpThread>> perDump = new ArrayList<>();

        Family(StackGroup first, int dumps) {
            key = first.key();
            state = first.state();
            signature = first.signature();
            frames = first.frames();
            template = first.nameTemplate();
            for (int i = 0; i < dumps; i++) perDump.add(new ArrayList<>());
        }

        GroupTrend trend(Part part, Timeline timeline) {
            List<Integer> counts = part.perDump.stream().map(List::size).toList();
            int n = counts.size();
            int net = counts.get(n - 1) - counts.get(0);
            Double seconds = timeline.secondsBetween(0, n - 1);
            Double perMinute = seconds == null || seconds <= 0 ? null : net * 60.0 / seconds;
            return new GroupTrend(key + " " + part.template, key, state, signature, frames, part.template, counts,
                    part.perDump, Trend.of(counts), n < 2 ? 0 : (double) net / (n - 1), perMinute);
        }
    }

    /** A group's members per dump under one template. */
    private record Part(String template, List<List<DumpThread>> perDump) { }

    /** {@code perDump} as one part, or split by the first {@code *} whose values hold pools of different sizes. */
    private static List<Part> split(String template, List<List<DumpThread>> perDump) {
        List<Part> whole = List.of(new Part(template, perDump));
        int stars = (int) template.chars().filter(c -> c == '*').count();
        if (stars < 2 || perDump.stream().map(List::size).distinct().count() == 1) return whole;
        Map<DumpThread, List<String>> values = new IdentityHashMap<>();
        for (List<DumpThread> threads : perDump) {
            for (DumpThread t : threads) {
                List<String> v = NameTemplates.values(t.name());
                if (v.size() != stars) return whole; // a '*' that is part of the name itself
                values.put(t, v);
            }
        }
        for (int position = 0; position < stars - 1; position++) {
            List<List<List<DumpThread>>> parts = splitAt(position, perDump, values);
            if (parts.size() > 1) {
                List<Part> out = new ArrayList<>(parts.size());
                for (List<List<DumpThread>> p : parts) out.add(new Part(literalized(template, p, values), p));
                return out;
            }
        }
        return whole;
    }

    /**
     * The members of each value at {@code position} that holds more threads than the median value does, then the
     * members of the other values; an empty list when no value stands out.
     */
    private static List<List<List<DumpThread>>> splitAt(int position, List<List<DumpThread>> perDump,
                                      Map<DumpThread, List<String>> values) {
        int dumps = perDump.size();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int d = 0; d < dumps; d++) {
            for (DumpThread t : perDump.get(d)) counts.computeIfAbsent(values.get(t).get(position), v -> new int[dumps])[d]++;
        }
        if (counts.size() < 2) return List.of();
        int[] maxima = counts.values().stream().mapToInt(c -> Arrays.stream(c).max().orElse(0)).sorted().toArray();
        int median = maxima[(maxima.length - 1) / 2];
        List<String> big = new ArrayList<>();
        counts.forEach((value, c) -> {
            if (Arrays.stream(c).max().orElse(0) > median) big.add(value);
        });
        if (big.isEmpty()) return List.of();
        List<List<List<DumpThread>>> parts = new ArrayList<>();
        for (String value : big) parts.add(select(perDump, t -> values.get(t).get(position).equals(value)));
        parts.add(select(perDump, t -> !big.contains(values.get(t).get(position))));
        return parts;
    }

    private static List<List<DumpThread>> select(List<List<DumpThread>> perDump,
                                                 Predicate<DumpThread> keep) {
        List<List<DumpThread>> out = new ArrayList<>(perDump.size());
        for (List<DumpThread> threads : perDump) out.add(threads.stream().filter(keep).toList());
        return out;
    }

    /** {@code template} with each {@code *} whose value is the same for every member written out. */
    private static String literalized(String template, List<List<DumpThread>> perDump,
                                      Map<DumpThread, List<String>> values) {
        String[] common = null;
        for (List<DumpThread> threads : perDump) {
            for (DumpThread t : threads) {
                List<String> v = values.get(t);
                if (common == null) {
                    common = v.toArray(new String[0]);
                } else {
                    for (int i = 0; i < common.length; i++) if (common[i] != null && !common[i].equals(v.get(i))) common[i] = null;
                }
            }
        }
        StringBuilder out = new StringBuilder(template.length());
        int star = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '*' && common != null && common[star] != null) out.append(common[star]);
            else out.append(c);
            if (c == '*') star++;
        }
        return out.toString();
    }
}
