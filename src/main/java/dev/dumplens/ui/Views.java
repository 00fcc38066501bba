package dev.dumplens.ui;

import dev.dumplens.model.ThreadDump;
import javafx.scene.Node;

import java.util.ArrayList;
import java.util.List;

/** Turns opened files into workspace views: one dump → dump view, several → comparison, .hprof → heap view. */
final class Views {
    private Views() { }

    static List<WorkspaceView> forOpened(OpenedFiles opened, String similarity, NoticeBar notices) {
        List<WorkspaceView> out = new ArrayList<>();
        for (ThreadDump d : opened.dumpsInTimeOrder()) out.add(new SimpleDumpView(d, opened.dumps().size() > 1));
        if (!opened.heapDumps().isEmpty()) {
            notices.show(NoticeBar.Level.INFO, "Heap dumps are recognized but the heap view is not built yet:",
                    opened.heapDumps().stream().map(Object::toString).toList());
        }
        return out;
    }

    /** A dump's threads table (interim view until grouping lands). */
    private record SimpleDumpView(ThreadDump dump, boolean multiple, ThreadsTable table) implements WorkspaceView {
        SimpleDumpView(ThreadDump dump, boolean multiple) { this(dump, multiple, new ThreadsTable(dump.threads())); }

        @Override public String title() {
            return java.nio.file.Path.of(dump.source()).getFileName() + (multiple ? " #" + (dump.index() + 1) : "");
        }

        @Override public Node node() { return table; }

        @Override public void focusSearch() { table.focusFilter(); }
    }
}
