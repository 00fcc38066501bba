package dev.dumplens.ui;

import dev.dumplens.heap.GcRootKind;
import dev.dumplens.heap.GcRootPath;
import dev.dumplens.heap.HeapObject;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.report.Text;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;

import java.util.stream.Collectors;

/**
 * The path from the selected object to a GC root: each object, and how the next one references it, ending at
 * the root and why it is one. Worked out off the FX thread (a breadth-first search over the heap).
 */
final class GcRootPane extends BorderPane {
    private final HeapSnapshot heap;
    private final ViewContext context;
    private final TextArea text = new TextArea();
    private HeapObject shown;

    GcRootPane(HeapSnapshot heap, ViewContext context) {
        this.heap = heap;
        this.context = context;
        Label title = new Label("Path to GC root");
        title.getStyleClass().add("title-4");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("stack-text");
        text.setId("gc-root-path");
        text.setPromptText("Select an object or a thread to see what keeps it alive.");
        setTop(title);
        setCenter(text);
        BorderPane.setMargin(title, new Insets(6));
        setId("gc-root-pane");
    }

    /** Shows the path of {@code o} (nothing for {@code null}). */
    void show(HeapObject o) {
        shown = o;
        if (o == null) {
            text.clear();
            return;
        }
        text.setText("Looking for a path from " + o.className() + " " + o.idHex() + " …");
        context.work().run("Path to GC root of " + o.idHex(), monitor -> heap.pathToGcRoot(o), path -> {
            if (shown == o) text.setText(render(path));
        }, t -> text.setText("Could not find the path: " + t.getMessage()));
    }

    TextArea text() { return text; }

    /** The path as text: the object first, each step indented by how it is referenced. */
    static String render(GcRootPath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.steps().size(); i++) {
            GcRootPath.Step s = path.steps().get(i);
            HeapObject o = s.object();
            sb.append(o.className()).append(' ').append(o.idHex()).append("  retained ")
                    .append(Text.bytes(o.retainedBytes())).append('\n');
            if (s.via() != null) sb.append("    ↑ referenced as ").append(s.via()).append(" by\n");
            if (!s.rootKinds().isEmpty()) {
                sb.append("    = GC root: ").append(s.rootKinds().stream().map(GcRootKind::label)
                        .collect(Collectors.joining(", "))).append('\n');
            }
        }
        if (path.steps().isEmpty()) sb.append("No path: the object is not reachable from a GC root.\n");
        return sb.toString();
    }
}
