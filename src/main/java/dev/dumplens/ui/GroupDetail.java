package dev.dumplens.ui;

import atlantafx.base.theme.Styles;
import dev.dumplens.model.DumpThread;
import dev.dumplens.report.Text;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.function.Supplier;

/**
 * The detail of a group (or of any set of threads): a title, the selected member's full stack with lock lines,
 * the members in a table, and buttons that copy the stack or the whole group.
 */
final class GroupDetail extends BorderPane {
    private final Label title = new Label();
    private final StackText stack = new StackText();
    private final TableView<DumpThread> members = new TableView<>();
    private Supplier<String> groupText = () -> null;

    /** {@code sideBySide}: the members table beside the stack rather than below it. */
    GroupDetail(boolean sideBySide) {
        members.setId("members-table");
        members.getStyleClass().add(Styles.DENSE);
        TableColumn<DumpThread, String> name = UiBits.column("Member thread", 180, t -> Text.oneLine(t.name()));
        name.setMinWidth(120);
        members.getColumns().add(name);
        members.getColumns().addAll(UiBits.threadNumberColumns(!sideBySide));
        members.getColumns().add(UiBits.stateColumn("State", 220, DumpThread::state, UiBits::stateText));
        members.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        members.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> stack.show(t));
        members.setContextMenu(UiBits.menu(UiBits.copyItem("Copy stack", this::shownStack)));
        stack.setContextMenu(UiBits.menu(UiBits.copyItem("Copy stack", this::shownStack),
                UiBits.copyItem("Copy group", () -> groupText.get())));

        title.setId("group-title");
        title.getStyleClass().add("title-4");
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Button copyStack = UiBits.copyButton("Copy stack", "copy-stack", this::shownStack);
        Button copyGroup = UiBits.copyButton("Copy group", "copy-group", () -> groupText.get());
        copyStack.setMinWidth(Region.USE_PREF_SIZE);
        copyGroup.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(4, title, copyStack, copyGroup);
        actions.setAlignment(Pos.CENTER_LEFT);
        SplitPane split = new SplitPane(stack, members);
        split.setOrientation(sideBySide ? Orientation.HORIZONTAL : Orientation.VERTICAL);
        split.setDividerPositions(sideBySide ? 0.6 : 0.5);
        setTop(actions);
        setCenter(split);
        BorderPane.setMargin(actions, new Insets(6));
    }

    /** Shows {@code threads} under {@code heading} and selects the first; {@code text} is what Copy group copies. */
    void show(String heading, List<DumpThread> threads, Supplier<String> text) {
        title.setText(heading);
        groupText = text;
        members.getItems().setAll(threads);
        UiBits.fitNumberColumns(members, threads);
        if (threads.isEmpty()) stack.show(null);
        else members.getSelectionModel().select(0);
    }

    /** Selects {@code thread} among the members. */
    void select(DumpThread thread) {
        members.getSelectionModel().select(thread);
        members.scrollTo(thread);
    }

    TableView<DumpThread> members() { return members; }

    StackText stack() { return stack; }

    Label title() { return title; }

    private String shownStack() {
        return stack.getText().isEmpty() ? null : stack.getText();
    }
}
