package dev.dumplens.ui;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.compare.CompareOptions;
import dev.dumplens.analysis.compare.ComparedDump;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns opened files into workspace views: one dump → dump view, several → comparison, .hprof → heap view. The
 * analysis runs off the FX thread ({@link #prepare}); only building the nodes runs on it ({@link #create}).
 */
final class Views {
    private Views() { }

    /**
     * Opened files, analysed: each dump's analysis (one dump), or the comparison of several dumps ({@code null}
     * when there are fewer than two); the heap dumps opened; a message per file that could not be opened.
     */
    record Prepared(OpenedFiles opened, List<DumpAnalysis> analyses, Comparison comparison, List<HeapSnapshot> heaps,
                    List<String> errors) { }

    /**
     * Analyses the dumps of {@code opened} (one → its analysis, several → their comparison) and opens its heap
     * dumps; runs on the worker thread. On cancellation the heap dumps opened so far are closed again.
     */
    static Prepared prepare(OpenedFiles opened, String similarity, ProgressMonitor progress) {
        List<ThreadDump> dumps = opened.dumpsInTimeOrder();
        Similarity s = Similarity.parse(similarity);
        progress.checkCancelled();
        Comparison comparison = null;
        List<DumpAnalysis> analyses;
        if (dumps.size() > 1) {
            progress.phase("Comparing " + dumps.size() + " dumps", -1);
            comparison = Comparison.of(dumps, new CompareOptions(s, List.of()));
            analyses = comparison.dumps().stream().map(ComparedDump::analysis).toList();
        } else {
            progress.phase("Analysing", -1);
            analyses = dumps.stream().map(d -> DumpAnalysis.of(d, s)).toList();
        }
        List<String> errors = new ArrayList<>(opened.errors());
        List<HeapSnapshot> heaps = new ArrayList<>();
        try {
            for (Path p : opened.heapDumps()) {
                try {
                    heaps.add(HeapSnapshot.open(p, p.toString(), progress));
                } catch (DumpParseException e) {
                    errors.add(e.userMessage());
                }
            }
        } catch (RuntimeException e) {
            heaps.forEach(HeapSnapshot::close);
            throw e;
        }
        return new Prepared(opened, analyses, comparison, heaps, errors);
    }

    /** Builds the views of {@code prepared}, heap views last; runs on the FX thread. */
    static List<WorkspaceView> create(Prepared prepared, String similarity, ViewContext context) {
        List<WorkspaceView> out = new ArrayList<>();
        if (prepared.comparison() != null) out.add(new ComparisonView(prepared.comparison(), context));
        else for (DumpAnalysis a : prepared.analyses()) out.add(new DumpView(a, false, context));
        for (HeapSnapshot h : prepared.heaps()) {
            out.add(new HeapView(h, prepared.analyses(), prepared.comparison(), similarity, context));
        }
        return out;
    }
}
