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
}
