package dev.dumplens.ui;

import dev.dumplens.model.DumpThread;
import dev.dumplens.report.StackFormat;
import javafx.scene.control.TextArea;

import java.util.List;

/** A thread's stack as text, the way jstack prints it (with lock lines), monospace, selectable and copyable. */
final class StackText extends TextArea {

    StackText() {
        setEditable(false);
        setWrapText(false);
        getStyleClass().add("stack-text");
        setId("stack-text");
    }

    void show(DumpThread t) {
        showAll(t == null ? List.of() : List.of(t));
    }

    /** The stacks of {@code threads}, one after the other. */
    void showAll(List<DumpThread> threads) {
        setText(threads.size() == 1 ? StackFormat.thread(threads.get(0)) : StackFormat.threads(threads));
        positionCaret(0);
    }
}
