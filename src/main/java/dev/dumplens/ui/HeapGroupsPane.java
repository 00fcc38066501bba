package dev.dumplens.ui;

import atlantafx.base.theme.Styles;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.analysis.compare.Suspect;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.heap.HeapThreadGroups;
import dev.dumplens.model.ThreadState;
import dev.dumplens.report.Text;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Retained heap per thread group: the groups of the thread dumps opened with the heap dump (their threads found
 * in the heap dump by id, else by name) and, after a comparison, per leak suspect; without thread dumps, the
 * heap dump's own threads grouped by stack.
 */
final class HeapGroupsPane extends VBox {

    /** A group: its template and state, members, members found in the heap dump, their retained heap. */
    record GroupRow(String name, ThreadState state, int members, int matched, long retained, String topFrame) { }

    /** A suspect: kind and summary, its threads, those found in the heap dump, their retained heap. */
    record SuspectRow(String kind, String summary, int threads, int matched, long retained) { }

    private final TableView<GroupRow> groups = new TableView<>();
    private final TableView<SuspectRow> suspects = new TableView<>();

    HeapGroupsPane(HeapSnapshot heap, List<DumpAnalysis> threadDumps, Comparison comparison, Similarity similarity) {
        setSpacing(6);
        setPadding(new Insets(6));
        groups.setId("heap-groups");
        List<GroupRow> rows = threadDumps.isEmpty() ? ownGroups(heap, similarity)
                : joinedGroups(heap, threadDumps.get(threadDumps.size() - 1));
        long largest = rows.stream().mapToLong(GroupRow::retained).max().orElse(1);
        setUpGroups(rows, largest);
        String heading = threadDumps.isEmpty() ? "The heap dump's threads grouped by stack"
                : "Groups of " + Path.of(threadDumps.get(threadDumps.size() - 1).dump().source()).getFileName()
                + ", by the heap their threads retain";
        if (comparison != null) {
            List<SuspectRow> suspectRows = suspects(heap, comparison);
            setUpSuspects(suspectRows, Math.max(largest, suspectRows.stream().mapToLong(SuspectRow::retained).max().orElse(1)));
            suspects.setPrefHeight(40 + 28 * Math.min(6, suspectRows.size()));
            getChildren().addAll(title("Leak suspects of the comparison, by the heap their threads retain"), suspects);
        }
        getChildren().addAll(title(heading), groups);
        VBox.setVgrow(groups, Priority.ALWAYS);
    }

    TableView<GroupRow> groups() { return groups; }

    TableView<SuspectRow> suspects() { return suspects; }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    private static List<GroupRow> ownGroups(HeapSnapshot heap, Similarity similarity) {
        List<GroupRow> out = new ArrayList<>();
        for (HeapThreadGroups.Group g : HeapThreadGroups.group(heap, similarity)) {
            out.add(row(g.group(), g.threads().size(), g.retainedBytes()));
        }
        return out;
    }

    private static List<GroupRow> joinedGroups(HeapSnapshot heap, DumpAnalysis dump) {
        List<GroupRow> out = new ArrayList<>();
        for (HeapThreadGroups.Joined j : HeapThreadGroups.join(heap, dump)) {
            out.add(row(j.group(), j.matched().size(), j.retainedBytes()));
        }
        return out;
    }

    private static GroupRow row(StackGroup g, int matched, long retained) {
        return new GroupRow(Text.label(g), g.state(), g.size(), matched, retained,
                UiBits.frame(g.topFrame()));
    }

    /** Each suspect's threads (as the latest dump holding them shows them) found in the heap dump. */
    private static List<SuspectRow> suspects(HeapSnapshot heap, Comparison c) {
        List<SuspectRow> out = new ArrayList<>();
        for (HeapThreadGroups.JoinedSuspect j : HeapThreadGroups.joinSuspects(heap, c)) {
            Suspect s = j.suspect();
            out.add(new SuspectRow(SuspectsList.kindText(s.kind()), Text.oneLine(s.summary()), s.threads().size(),
                    j.matched().size(), j.retainedBytes()));
        }
        return out;
    }

    private void setUpGroups(List<GroupRow> rows, long largest) {
        groups.getItems().setAll(rows);
        groups.getStyleClass().add(Styles.DENSE);
        groups.getColumns().add(retainedColumn(GroupRow::retained, largest));
        groups.getColumns().add(UiBits.numberColumn("Threads", 80, GroupRow::members, String::valueOf));
        groups.getColumns().add(UiBits.numberColumn("Found", 80, GroupRow::matched, String::valueOf));
        groups.getColumns().add(UiBits.stateColumn("State", 160, GroupRow::state, r -> r.state().name()));
        groups.getColumns().add(UiBits.column("Name template", 220, GroupRow::name));
        groups.getColumns().add(UiBits.column("Top frame", 380, GroupRow::topFrame));
        groups.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private void setUpSuspects(List<SuspectRow> rows, long largest) {
        suspects.setId("heap-suspects");
        suspects.getItems().setAll(rows);
        suspects.getStyleClass().add(Styles.DENSE);
        suspects.getColumns().add(retainedColumn(SuspectRow::retained, largest));
        suspects.getColumns().add(UiBits.numberColumn("Threads", 80, SuspectRow::threads, String::valueOf));
        suspects.getColumns().add(UiBits.numberColumn("Found", 80, SuspectRow::matched, String::valueOf));
        suspects.getColumns().add(UiBits.column("Kind", 200, SuspectRow::kind));
        suspects.getColumns().add(UiBits.column("Suspect", 560, SuspectRow::summary));
        suspects.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static <S> TableColumn<S, Long> retainedColumn(java.util.function.Function<S, Long> value, long largest) {
        TableColumn<S, Long> c = UiBits.column("Retained", 170, value);
        c.setCellFactory(col -> SizeBarCell.bytes(() -> largest));
        c.setMinWidth(150);
        c.setSortType(TableColumn.SortType.DESCENDING);
        return c;
    }
}
