package dev.dumplens.ui;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.report.DumpReport;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

import java.nio.file.Path;

/**
 * One thread dump: deadlock banners, header with totals and state chart, then tabs for the stack groups, the
 * locks tree and all threads. Changing the stack similarity re-groups off the FX thread.
 */
final class DumpView implements WorkspaceView {
    private final ThreadDump dump;
    private final boolean severalInFile;
    private final ViewContext context;
    private final BorderPane root = new BorderPane();
    private final DumpHeader header;
    private final GroupsPane groups = new GroupsPane();
    private LocksPane locks;
    private ThreadsTable threads;
    private final TabPane tabs = new TabPane();
    private final Tab groupsTab;
    private final Tab locksTab;
    private final Tab threadsTab;
    private DumpAnalysis analysis;

    DumpView(DumpAnalysis analysis, boolean severalInFile, ViewContext context) {
        this.analysis = analysis;
        this.dump = analysis.dump();
        this.severalInFile = severalInFile;
        this.context = context;
        header = new DumpHeader(dump, severalInFile, this::showDeadlock);
        groupsTab = new Tab("Groups", groups);
        locksTab = new Tab("Locks");
        threadsTab = new Tab("Threads");
        tabs.getTabs().addAll(groupsTab, locksTab, threadsTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab == locksTab) locks();
            if (tab == threadsTab) threads();
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("dump-tabs");
        root.setTop(header);
        root.setCenter(tabs);
        root.getStyleClass().add("dump-view");
        show(analysis);
    }

    @Override public String title() {
        return Path.of(dump.source()).getFileName() + (severalInFile ? " #" + (dump.index() + 1) : "");
    }

    @Override public Node node() { return root; }

    @Override public void focusSearch() {
        if (tabs.getSelectionModel().getSelectedItem() == threadsTab) threads().focusFilter();
        else {
            tabs.getSelectionModel().select(groupsTab);
            groups.focusFilter();
        }
    }

    @Override public void similarityChanged(String similarity) {
        Similarity s = Similarity.parse(similarity);
        if (s.equals(analysis.similarity())) return;
        context.work().run("Re-grouping " + title() + " (" + s + ")", monitor -> DumpAnalysis.of(dump, s), this::show,
                t -> context.notices().show(NoticeBar.Level.ERROR, "Could not re-group " + title() + ": " + t));
    }

    @Override public Report report() {
        DumpAnalysis a = analysis;
        String base = Path.of(dump.source()).getFileName().toString().replaceFirst("\\.[^.]*$", "")
                + (severalInFile ? "-" + (dump.index() + 1) : "") + "-report";
        return new Report(base, () -> DumpReport.html(a, severalInFile), () -> DumpReport.markdown(a, severalInFile));
    }

    DumpAnalysis analysis() { return analysis; }

    GroupsPane groups() { return groups; }

    /** The locks tab's content, built the first time it is needed. */
    LocksPane locks() {
        if (locks == null) {
            locks = new LocksPane(analysis.locks(), analysis.deadlocks());
            locksTab.setContent(locks);
        }
        return locks;
    }

    /** The threads tab's content, built the first time it is needed. */
    ThreadsTable threads() {
        if (threads == null) {
            threads = new ThreadsTable(dump.threads());
            threadsTab.setContent(threads);
        }
        return threads;
    }

    TabPane tabs() { return tabs; }

    private void show(DumpAnalysis a) {
        analysis = a;
        header.show(a);
        groups.show(a.groups());
    }

    private void showDeadlock(int index) {
        tabs.getSelectionModel().select(locksTab);
        locks().revealDeadlock(index);
    }
}
