package dev.dumplens.report;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.heap.HeapThreadGroups;

import java.util.List;
import java.util.Map;

/**
 * What {@code heap} reports: the analysed heap dump, its thread groups, and the joins of thread dumps given with it.
 *
 * @param heap     the heap dump
 * @param groups   its threads grouped by stack
 * @param joins    each thread dump given, with its groups joined to the heap dump's threads (in the order given)
 * @param suspects leak suspects of the comparison of those thread dumps (when there are two or more), joined
 * @param top      rows for the histogram, dominators and the summary's lists
 */
public record HeapReport(HeapSnapshot heap, List<HeapThreadGroups.Group> groups,
                         Map<DumpAnalysis, List<HeapThreadGroups.Joined>> joins,
                         List<HeapThreadGroups.JoinedSuspect> suspects, int top) {
    public HeapReport {
        groups = List.copyOf(groups);
        suspects = List.copyOf(suspects);
    }
}
