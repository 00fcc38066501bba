package dev.dumplens.ui;

import dev.dumplens.analysis.Deadlock;
import dev.dumplens.analysis.LockGraph;
import dev.dumplens.analysis.LockInfo;
import dev.dumplens.model.DumpThread;
import dev.dumplens.report.Text;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * Locks of one dump as a lazy tree: deadlock cycles first, then every lock (most waiters first) → its owner
 * (and, along the chain, the lock the owner waits for) → blocked, waiting and parked threads. Children are built
 * only when a node is expanded, so dumps with thousands of locks open at once. Selecting a thread shows its stack.
 */
final class LocksPane extends SplitPane {

    /**
     * What a tree node shows: text, icon, style class (or null), the thread it stands for (or null) and the
     * threads whose stacks to show when it is selected.
     */
    record Entry(String text, String icon, String style, DumpThread thread, List<DumpThread> stacks) {
        Entry(String text, String icon, String style, DumpThread thread) {
            this(text, icon, style, thread, thread == null ? List.of() : List.of(thread));
        }
    }

    private final TreeView<Entry> tree = new TreeView<>();
    private final StackText stack = new StackText();
    private final List<TreeItem<Entry>> deadlockItems = new ArrayList<>();

    LocksPane(LockGraph graph, List<Deadlock> deadlocks) {
        TreeItem<Entry> root = new TreeItem<>(new Entry("Locks", null, null, null));
        for (Deadlock d : deadlocks) {
            TreeItem<Entry> item = new LazyTreeItem<>(new Entry(deadlockTitle(d), "mdi2a-alert-octagon", "deadlock", null,
                    d.threads()), () -> cycle(d));
            deadlockItems.add(item);
            root.getChildren().add(item);
        }
        for (LockInfo l : graph.locks()) root.getChildren().add(lockItem(graph, l, ""));
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setId("locks-tree");
        tree.setCellFactory(t -> new EntryCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) ->
                stack.showAll(item == null ? List.of() : item.getValue().stacks()));
        tree.setContextMenu(UiBits.menu(UiBits.copyItem("Copy stack",
                () -> stack.getText().isEmpty() ? null : stack.getText())));
        getItems().addAll(tree, stack);
        setOrientation(Orientation.HORIZONTAL);
        setDividerPositions(0.6);
        setId("locks-pane");
    }

    TreeView<Entry> tree() { return tree; }

    /** Expands and selects the {@code index}-th deadlock cycle. */
    void revealDeadlock(int index) {
        TreeItem<Entry> item = deadlockItems.get(index);
        item.setExpanded(true);
        tree.getSelectionModel().select(item);
        tree.scrollTo(tree.getRow(item));
        tree.requestFocus();
    }

    static String deadlockTitle(Deadlock d) {
        String origin = d.reportedByJvm() ? "reported by the JVM" : "found in the stacks, not reported by the JVM";
        return "Deadlock of " + d.threads().size() + " threads (" + origin
                + (d.involvesClassInit() ? ", class initialization" : "") + ")";
    }

    private static List<TreeItem<Entry>> cycle(Deadlock d) {
        List<TreeItem<Entry>> out = new ArrayList<>();
        List<DumpThread> threads = d.threads();
        for (int i = 0; i < threads.size(); i++) {
            LockInfo lock = i < d.locks().size() ? d.locks().get(i) : null;
            String text = Text.quote(threads.get(i).name()) + (lock == null ? "" : " waits for " + Text.lock(lock)
                    + " held by " + Text.quote(threads.get((i + 1) % threads.size()).name()));
            out.add(new TreeItem<>(new Entry(text, "mdi2a-account-lock", "deadlock", threads.get(i))));
        }
        return out;
    }

    private static TreeItem<Entry> lockItem(LockGraph graph, LockInfo l, String prefix) {
        String text = prefix + Text.lock(l) + "  —  " + summary(l);
        String icon = l.kind() == LockInfo.Kind.MONITOR ? "mdi2l-lock" : "mdi2l-lock-outline";
        return new LazyTreeItem<>(new Entry(text, icon, l.contended() ? "contended" : null, null,
                l.owner() == null ? List.of() : List.of(l.owner())), () -> lockChildren(graph, l));
    }

    private static String summary(LockInfo l) {
        List<String> parts = new ArrayList<>();
        parts.add(switch (l.ownerStatus()) {
            case OWNED -> "held by " + Text.quote(l.owner().name());
            case NONE -> "no owner";
            case UNKNOWN -> "owner unknown";
        });
        if (!l.blocked().isEmpty()) parts.add(l.blocked().size() + " blocked");
        if (!l.waiting().isEmpty()) parts.add(l.waiting().size() + " in wait()");
        if (!l.parked().isEmpty()) parts.add(l.parked().size() + " parked");
        return String.join(" · ", parts);
    }

    private static List<TreeItem<Entry>> lockChildren(LockGraph graph, LockInfo l) {
        List<TreeItem<Entry>> out = new ArrayList<>();
        switch (l.ownerStatus()) {
            case OWNED -> {
                DumpThread owner = l.owner();
                String note = l.ownerNote().isEmpty() ? "" : "  (" + l.ownerNote() + ")";
                LockInfo next = graph.waitsFor(owner);
                Entry e = new Entry("Owner " + Text.quote(owner.name()) + note, "mdi2a-account-lock", "owner", owner);
                out.add(next == null ? new TreeItem<>(e)
                        : new LazyTreeItem<>(e, () -> List.of(lockItem(graph, next, "which waits for "))));
            }
            case NONE -> out.add(new TreeItem<>(new Entry("No owner" + (l.ownerNote().isEmpty() ? ""
                    : "  (" + l.ownerNote() + ")"), "mdi2l-lock-outline", null, null)));
            case UNKNOWN -> out.add(new TreeItem<>(new Entry("Owner unknown: " + l.ownerNote(),
                    "mdi2l-lock-outline", null, null)));
        }
        addThreads(out, "Blocked", l.blocked());
        addThreads(out, "In Object.wait()", l.waiting());
        addThreads(out, "Parked", l.parked());
        return out;
    }

    private static void addThreads(List<TreeItem<Entry>> out, String title, List<DumpThread> threads) {
        if (threads.isEmpty()) return;
        Entry heading = new Entry(title + " (" + threads.size() + ")", "mdi2a-account-multiple", null, null);
        out.add(new LazyTreeItem<>(heading, () -> {
            List<TreeItem<Entry>> items = new ArrayList<>(threads.size());
            for (DumpThread t : threads) {
                items.add(new TreeItem<>(new Entry(Text.quote(t.name()) + "  " + UiBits.stateText(t), null, null, t)));
            }
            return items;
        }));
    }

    /** Renders an entry with its icon and style class. */
    private static final class EntryCell extends TreeCell<Entry> {
        @Override protected void updateItem(Entry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().removeAll("deadlock", "contended", "owner");
            if (empty || e == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(e.text());
            if (e.thread() != null && e.icon() == null) setGraphic(UiBits.dot(e.thread().state()));
            else setGraphic(e.icon() == null ? null : new FontIcon(e.icon()));
            if (e.style() != null) getStyleClass().add(e.style());
        }
    }
}
