package dev.dumplens.ui;

import atlantafx.base.theme.Styles;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.heap.ClassHistogramEntry;
import dev.dumplens.heap.HeapObject;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.heap.HeapThread;
import dev.dumplens.heap.HeapThreadGroups;
import dev.dumplens.report.HeapReport;
import dev.dumplens.report.HeapReportDoc;
import dev.dumplens.report.Text;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;

/**
 * An HPROF heap dump: threads by retained heap, expandable into frames, locals and what each object dominates;
 * the retained heap of thread groups (of the thread dumps opened with it, when there are any); the class
 * histogram; the dominator tree; and the path to a GC root of the selected object. Closing the tab closes the
 * file.
 */
final class HeapView implements WorkspaceView {
    private static final int TOP_DOMINATORS = 200;
    private static final int MAX_NOTES = 3;
    /** Rows of the exported report's lists. */
    private static final int REPORT_TOP = 20;

    private final HeapSnapshot heap;
    private final List<DumpAnalysis> threadDumps;
    private final Comparison comparison;
    private final Similarity similarity;
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final TreeTableView<HeapRows.Row> threads = new TreeTableView<>();
    private final TreeTableView<HeapRows.Row> dominators = new TreeTableView<>();
    private final TableView<ClassHistogramEntry> histogram = new TableView<>();
    private final HeapGroupsPane groups;
    /** The path to a GC root of the object selected in the threads tab, and in the dominators tab. */
    private final GcRootPane threadsPath;
    private final GcRootPane dominatorsPath;
    private final TextField histogramFilter = new TextField();
    private final TabPane tabs = new TabPane();

    /** {@code threadDumps} (may be empty) and {@code comparison} (may be null): opened with the heap dump. */
    HeapView(HeapSnapshot heap, List<DumpAnalysis> threadDumps, Comparison comparison, String similarity,
             ViewContext context) {
        this.heap = heap;
        this.threadDumps = List.copyOf(threadDumps);
        this.comparison = comparison;
        this.similarity = Similarity.parse(similarity);
        this.context = context;
        this.threadsPath = new GcRootPane(heap, context);
        this.dominatorsPath = new GcRootPane(heap, context);
        this.groups = new HeapGroupsPane(heap, threadDumps, comparison, this.similarity);

        buildThreads();
        buildDominators();
        buildHistogram();
        Tab threadsTab = new Tab("Threads", withPath(threads, threadsPath));
        Tab groupsTab = new Tab(threadDumps.isEmpty() ? "Thread groups" : "Groups of the thread dumps", groups);
        Tab histogramTab = new Tab("Histogram", histogramPane());
        Tab dominatorsTab = new Tab("Dominators", withPath(dominators, dominatorsPath));
        tabs.getTabs().addAll(threadsTab, groupsTab, histogramTab, dominatorsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("heap-tabs");
        root.setTop(header());
        root.setCenter(tabs);
    }

    @Override public String title() { return String.valueOf(Path.of(heap.source()).getFileName()); }

    @Override public Node node() { return root; }

    @Override public void focusSearch() {
        tabs.getSelectionModel().select(2);
        histogramFilter.requestFocus();
    }

    @Override public void close() { heap.close(); }

    /**
     * The heap dump's report; with the thread dumps it was opened with, the groups of the one the groups tab shows
     * (the latest) and the comparison's suspects, joined to the heap dump's threads.
     */
    @Override public Report report() {
        String base = title().replaceFirst("\\.[^.]*$", "") + "-report";
        return new Report(base, () -> HeapReportDoc.html(heapReport()), () -> HeapReportDoc.markdown(heapReport()));
    }

    /** What the report shows, worked out off the FX thread (heap queries are thread-safe). */
    private HeapReport heapReport() {
        Map<DumpAnalysis, List<HeapThreadGroups.Joined>> joins = new LinkedHashMap<>();
        if (!threadDumps.isEmpty()) {
            DumpAnalysis latest = threadDumps.get(threadDumps.size() - 1);
            joins.put(latest, HeapThreadGroups.join(heap, latest));
        }
        return new HeapReport(heap, HeapThreadGroups.group(heap, similarity), joins,
                comparison == null ? List.of() : HeapThreadGroups.joinSuspects(heap, comparison), REPORT_TOP);
    }

    TreeTableView<HeapRows.Row> threads() { return threads; }

    TreeTableView<HeapRows.Row> dominators() { return dominators; }

    TableView<ClassHistogramEntry> histogram() { return histogram; }

    HeapGroupsPane groups() { return groups; }

    GcRootPane threadsPath() { return threadsPath; }

    TabPane tabs() { return tabs; }

    private Node header() {
        Label title = new Label(title());
        title.getStyleClass().add("title-3");
        title.setId("heap-title");
        LocalDateTime when = LocalDateTime.ofInstant(Instant.ofEpochMilli(heap.timestampMillis()), ZoneId.systemDefault());
        Label facts = UiBits.muted("HPROF " + heap.hprofVersion() + "  ·  " + heap.idSize() + "-byte ids  ·  dumped "
                + when.withNano(0).toString().replace('T', ' '));
        HBox stats = new HBox(24, stat(String.format(Locale.ROOT, "%,d", heap.threads().size()), "threads"),
                stat(String.format(Locale.ROOT, "%,d", heap.objectCount()), "reachable objects"),
                stat(Text.bytes(heap.shallowBytes()), "reachable heap"),
                stat(String.format(Locale.ROOT, "%,d", heap.unreachableObjectCount()), "unreachable objects"));
        VBox box = new VBox(4, title, facts);
        for (var w : heap.warnings().subList(0, Math.min(MAX_NOTES, heap.warnings().size()))) {
            Label note = UiBits.muted("Note: " + w.message() + (w.offset() >= 0 ? " (at byte " + w.offset() + ")" : ""));
            note.getStyleClass().add("text-small");
            box.getChildren().add(note);
        }
        box.getChildren().add(stats);
        VBox.setMargin(stats, new Insets(8, 0, 0, 0));
        box.setPadding(new Insets(10, 14, 8, 14));
        return box;
    }

    private static VBox stat(String value, String caption) {
        Label number = new Label(value);
        number.getStyleClass().add("stat-number");
        VBox box = new VBox(0, number, UiBits.muted(caption));
        box.setId("stat-" + caption.replace(' ', '-'));
        return box;
    }

    private void buildThreads() {
        TreeItem<HeapRows.Row> top = new TreeItem<>();
        for (HeapThread t : heap.threads()) top.getChildren().add(HeapRows.thread(heap, t));
        long largest = heap.threads().isEmpty() ? 1 : heap.threads().get(0).retainedBytes();
        setUp(threads, top, "Thread · frame · local", largest, threadsPath);
        threads.setId("heap-threads");
    }

    private void buildDominators() {
        TreeItem<HeapRows.Row> top = new TreeItem<>();
        List<HeapObject> objects = heap.topDominators(TOP_DOMINATORS);
        for (HeapObject o : objects) {
            String share = String.format(Locale.ROOT, "%.1f %% of the reachable heap",
                    100.0 * o.retainedBytes() / Math.max(1, heap.shallowBytes()));
            top.getChildren().add(HeapRows.object(heap, o, share, null));
        }
        setUp(dominators, top, "Object", objects.isEmpty() ? 1 : objects.get(0).retainedBytes(), dominatorsPath);
        dominators.setId("heap-dominators");
    }

    private static SplitPane withPath(Node table, GcRootPane path) {
        SplitPane split = new SplitPane(table, path);
        split.setDividerPositions(0.72);
        return split;
    }

    private void setUp(TreeTableView<HeapRows.Row> table, TreeItem<HeapRows.Row> top, String firstColumn, long largest,
                       GcRootPane path) {
        table.setRoot(top);
        table.setShowRoot(false);
        table.getStyleClass().add(Styles.DENSE);
        TreeTableColumn<HeapRows.Row, String> name = treeColumn(firstColumn, 560, HeapRows.Row::text);
        TreeTableColumn<HeapRows.Row, Long> retained = treeColumn("Retained", 160, HeapRows.Row::retained);
        retained.setCellFactory(c -> new RetainedCell<>(() -> largest));
        retained.setMinWidth(150);
        TreeTableColumn<HeapRows.Row, String> shallow = treeColumn("Shallow", 80,
                r -> r.shallow() == null ? "" : Text.bytes(r.shallow()));
        shallow.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().setAll(List.of(name, retained, shallow, treeColumn("Detail", 200, HeapRows.Row::detail)));
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, item) ->
                path.show(item == null || item.getValue() == null ? null : item.getValue().object()));
    }

    private static <T> TreeTableColumn<HeapRows.Row, T> treeColumn(String title, double width,
                                                                 Function<HeapRows.Row, T> value) {
        TreeTableColumn<HeapRows.Row, T> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue() == null ? null
                : value.apply(cell.getValue().getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void buildHistogram() {
        FilteredList<ClassHistogramEntry> filtered = new FilteredList<>(FXCollections.observableArrayList(heap.histogram()));
        histogramFilter.setPromptText("Filter classes (Ctrl+F)");
        histogramFilter.setId("histogram-filter");
        histogramFilter.textProperty().addListener((o, a, text) -> {
            String q = text.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(q.isEmpty() ? null : e -> e.className().toLowerCase(Locale.ROOT).contains(q));
        });
        SortedList<ClassHistogramEntry> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(histogram.comparatorProperty());
        histogram.setItems(sorted);
        histogram.setId("heap-histogram");
        histogram.getStyleClass().add(Styles.DENSE);
        long largest = heap.histogram().isEmpty() ? 1 : heap.histogram().get(0).retainedBytes();
        TableColumn<ClassHistogramEntry, Long> retained = UiBits.column("Retained", 170, ClassHistogramEntry::retainedBytes);
        retained.setCellFactory(c -> SizeBarCell.bytes(() -> largest));
        retained.setMinWidth(150);
        retained.setSortType(TableColumn.SortType.DESCENDING);
        histogram.getColumns().add(UiBits.column("Class", 420, ClassHistogramEntry::className));
        histogram.getColumns().add(UiBits.numberColumn("Instances", 110, ClassHistogramEntry::instances,
                n -> String.format(Locale.ROOT, "%,d", n)));
        histogram.getColumns().add(UiBits.numberColumn("Shallow", 110, ClassHistogramEntry::shallowBytes, Text::bytes));
        histogram.getColumns().add(retained);
        histogram.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private Node histogramPane() {
        VBox box = new VBox(6, histogramFilter, histogram);
        box.setPadding(new Insets(6));
        VBox.setVgrow(histogram, Priority.ALWAYS);
        return box;
    }
}
