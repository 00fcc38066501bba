package dev.dumplens.ui;

import javafx.scene.Node;

/** One open document in the workspace (a dump, a comparison, a heap): a tab's content. */
interface WorkspaceView {

    /** Tab title. */
    String title();

    /** The content node. */
    Node node();

    /** Re-groups with the new stack similarity ("exact", "normalized", "method", "top:N"). */
    default void similarityChanged(String similarity) { }

    /** Ctrl+F: focus the view's search/filter field. */
    default void focusSearch() { }

    /** The tab was closed: release what the view holds open (files). */
    default void close() { }

    /** The report of what the view shows (File ▸ Export Report…), or {@code null} when it has none. */
    default Report report() { return null; }

    /**
     * A report to export: a file name to suggest and the two renderings (called off the FX thread, so they must
     * only read immutable analysis results).
     */
    record Report(String baseName, java.util.function.Supplier<String> html,
                  java.util.function.Supplier<String> markdown) { }
}
