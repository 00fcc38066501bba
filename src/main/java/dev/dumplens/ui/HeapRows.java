package dev.dumplens.ui;

import dev.dumplens.heap.HeapFrame;
import dev.dumplens.heap.HeapLocal;
import dev.dumplens.heap.HeapObject;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.heap.HeapThread;
import dev.dumplens.report.Text;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of the heap view's tree tables: threads → frames → locals → the objects each object dominates, built
 * lazily when a row is expanded.
 */
final class HeapRows {
    /** Objects listed under an expanded object: the largest it dominates. */
    static final int DOMINATED_SHOWN = 50;

    private HeapRows() { }

    /**
     * One row: the text of the first column, retained and shallow size (or null), a detail text, the object the row
     * stands for (or null), and the thread it belongs to (or null).
     */
    record Row(String text, Long retained, Long shallow, String detail, HeapObject object, HeapThread thread) { }

    /** A thread with its frames (and what it holds outside frames) below it. */
    static TreeItem<Row> thread(HeapSnapshot heap, HeapThread t) {
        String detail = t.state() + (t.daemon() ? " · daemon" : "") + " · " + t.frames().size() + " frames";
        Row row = new Row(Text.quote(t.name()) + (t.tid() == null ? "" : " #" + t.tid()), t.retainedBytes(),
                t.threadObject().shallowBytes(), detail, t.threadObject(), t);
        return new LazyTreeItem<>(row, () -> {
            List<TreeItem<Row>> out = new ArrayList<>();
            for (HeapFrame f : t.frames()) out.add(frame(heap, t, f));
            if (!t.heldLocals().isEmpty()) {
                out.add(new LazyTreeItem<>(new Row("held by the thread itself", null, null, t.heldLocals().size() + " objects", null, t),
                        () -> locals(heap, t, t.heldLocals())));
            }
            return out;
        });
    }

    private static TreeItem<Row> frame(HeapSnapshot heap, HeapThread t, HeapFrame f) {
        String detail = f.locals().isEmpty() ? "no locals"
                : f.locals().size() + (f.locals().size() == 1 ? " local" : " locals") + ", largest "
                + Text.bytes(f.maxLocalRetainedBytes());
        Row row = new Row("at " + f.frame().text(), f.retainedBytes(), null, detail, null, t);
        if (f.locals().isEmpty()) return new TreeItem<>(row);
        return new LazyTreeItem<>(row, () -> locals(heap, t, f.locals()));
    }

    private static List<TreeItem<Row>> locals(HeapSnapshot heap, HeapThread t, List<HeapLocal> locals) {
        List<TreeItem<Row>> out = new ArrayList<>(locals.size());
        for (HeapLocal l : locals) out.add(object(heap, l.object(), l.kind().label(), t));
        return out;
    }

    /** An object; expanding it lists the objects it dominates, largest first. */
    static TreeItem<Row> object(HeapSnapshot heap, HeapObject o, String detail, HeapThread thread) {
        Row row = new Row(o.className() + " " + o.idHex(), o.retainedBytes(), o.shallowBytes(), detail, o, thread);
        if (o.retainedBytes() <= o.shallowBytes()) return new TreeItem<>(row);
        return new LazyTreeItem<>(row, () -> {
            List<TreeItem<Row>> out = new ArrayList<>();
            for (HeapObject d : heap.dominated(o, DOMINATED_SHOWN)) out.add(object(heap, d, "", thread));
            return out;
        });
    }
}
