package dev.dumplens.ui;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.compare.CompareOptions;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns opened files into workspace views: one dump → dump view, several → comparison, .hprof → heap view. The
 * analysis runs off the FX thread ({@link #prepare}); only building the nodes runs on it ({@link #create}).
 */
final class Views {
    private Views() { }

    /**
     * Opened files, analysed: one dump's analysis, or the comparison of several dumps ({@code null} when there
     * are fewer than two).
     */
    record Prepared(OpenedFiles opened, List<DumpAnalysis> analyses, Comparison comparison) { }

    /** Analyses the dumps of {@code opened}: one → its analysis, several → their comparison; on the worker thread. */
    static Prepared prepare(OpenedFiles opened, String similarity, ProgressMonitor progress) {
        List<ThreadDump> dumps = opened.dumpsInTimeOrder();
        Similarity s = Similarity.parse(similarity);
        progress.checkCancelled();
        if (dumps.size() > 1) {
            progress.phase("Comparing " + dumps.size() + " dumps", -1);
            return new Prepared(opened, List.of(), Comparison.of(dumps, new CompareOptions(s, List.of())));
        }
        progress.phase("Analysing", -1);
        List<DumpAnalysis> analyses = dumps.stream().map(d -> DumpAnalysis.of(d, s)).toList();
        return new Prepared(opened, analyses, null);
    }

    /** Builds the views of {@code prepared}; runs on the FX thread. */
    static List<WorkspaceView> create(Prepared prepared, ViewContext context) {
        List<WorkspaceView> out = new ArrayList<>();
        if (prepared.comparison() != null) out.add(new ComparisonView(prepared.comparison(), context));
        for (DumpAnalysis a : prepared.analyses()) out.add(new DumpView(a, false, context));
        if (!prepared.opened().heapDumps().isEmpty()) {
            context.notices().show(NoticeBar.Level.INFO, "Heap dumps are recognized but the heap view is not built yet:",
                    prepared.opened().heapDumps().stream().map(Object::toString).toList());
        }
        return out;
    }
}
