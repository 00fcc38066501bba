package dev.dumplens.ui;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.StackSignatures;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns opened files into workspace views: one dump → dump view, several → comparison, .hprof → heap view. The
 * analysis runs off the FX thread ({@link #prepare}); only building the nodes runs on it ({@link #create}).
 */
final class Views {
    private Views() { }

    /** Opened files with each thread dump analysed, in time order. */
    record Prepared(OpenedFiles opened, List<DumpAnalysis> analyses) { }

    /** Analyses every dump of {@code opened}; runs on the worker thread. */
    static Prepared prepare(OpenedFiles opened, String similarity, ProgressMonitor progress) {
        List<ThreadDump> dumps = opened.dumpsInTimeOrder();
        StackSignatures signatures = new StackSignatures(Similarity.parse(similarity));
        List<DumpAnalysis> analyses = new ArrayList<>(dumps.size());
        progress.phase("Analysing " + dumps.size() + " dump(s)", dumps.size());
        for (ThreadDump d : dumps) {
            progress.checkCancelled();
            analyses.add(DumpAnalysis.of(d, signatures, List.of()));
            progress.worked(analyses.size());
        }
        return new Prepared(opened, analyses);
    }

    /** Builds the views of {@code prepared}; runs on the FX thread. */
    static List<WorkspaceView> create(Prepared prepared, BackgroundWork work, NoticeBar notices) {
        Map<String, Integer> perFile = new HashMap<>();
        for (DumpAnalysis a : prepared.analyses()) perFile.merge(a.dump().source(), 1, Integer::sum);
        List<WorkspaceView> out = new ArrayList<>();
        for (DumpAnalysis a : prepared.analyses()) {
            out.add(new DumpView(a, perFile.get(a.dump().source()) > 1, work, notices));
        }
        if (!prepared.opened().heapDumps().isEmpty()) {
            notices.show(NoticeBar.Level.INFO, "Heap dumps are recognized but the heap view is not built yet:",
                    prepared.opened().heapDumps().stream().map(Object::toString).toList());
        }
        return out;
    }
}
