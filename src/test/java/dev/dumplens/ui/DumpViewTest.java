package dev.dumplens.ui;

import dev.dumplens.analysis.StackGroup;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadState;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.dumplens.ui.UiTestSupport.fx;
import static dev.dumplens.ui.UiTestSupport.openAndWait;
import static dev.dumplens.ui.UiTestSupport.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** The dump view on the captured sample dumps (see sample-dumps/README.md for their designed facts). */
@ExtendWith(ApplicationExtension.class)
class DumpViewTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.openWindow(stage);
    }

    @Test
    void groupsTableListsTheLargestGroupFirstWithItsStackAndMembers() throws Exception {
        DumpView view = (DumpView) openAndWait(window, List.of(sample("contention-jdk17-jstack-l.txt")));
        fx(() -> {
            assertThat(view.title()).isEqualTo("contention-jdk17-jstack-l.txt");
            List<StackGroup> rows = view.groups().table().getItems();
            assertThat(rows).hasSize(19);
            assertThat(rows.get(0).size()).isEqualTo(25);
            assertThat(rows.get(0).state()).isEqualTo(ThreadState.BLOCKED);
            assertThat(rows.get(0).nameTemplate()).isEqualTo("ledger-reader-*");
            for (int i = 1; i < rows.size(); i++) assertThat(rows.get(i).size()).isLessThanOrEqualTo(rows.get(i - 1).size());
            assertThat(view.groups().table().getSelectionModel().getSelectedIndex()).isZero();
            assertThat(view.groups().members().getItems()).hasSize(25)
                    .allMatch(t -> t.name().startsWith("ledger-reader-"));
            assertThat(view.groups().stack().getText())
                    .startsWith("\"ledger-reader-1\"")
                    .contains("at scenario.Contention$Ledger.read(Contention.java:")
                    .contains("- waiting to lock <0x").contains("(a scenario.Contention$Ledger)");
            assertThat(stat(view, "threads")).isEqualTo("79");
            assertThat(stat(view, "groups")).isEqualTo("19");
            assertThat(stat(view, "deadlocks")).isEqualTo("0");
            assertThat(view.node().lookup("#show-deadlock-0")).isNull();
        });
    }

    @Test
    void selectingAMemberShowsItsStackAndCopyGroupPutsTheGroupOnTheClipboard() throws Exception {
        DumpView view = (DumpView) openAndWait(window, List.of(sample("contention-jdk17-jstack-l.txt")));
        AtomicReference<String> clip = new AtomicReference<>();
        fx(() -> {
            view.groups().table().getSelectionModel().select(3); // vault-waiter-*
            view.groups().members().getSelectionModel().select(2);
            ((Button) view.node().lookup("#copy-group")).fire();
            clip.set(Clipboard.getSystemClipboard().getString());
        });
        fx(() -> {
            DumpThread member = view.groups().members().getSelectionModel().getSelectedItem();
            assertThat(member.name()).startsWith("vault-waiter-");
            assertThat(view.groups().stack().getText()).startsWith("\"" + member.name() + "\"")
                    .contains("- parking to wait for  <0x").contains("ReentrantLock$NonfairSync");
        });
        assertThat(clip.get()).startsWith("8 threads WAITING  vault-waiter-*")
                .contains("jdk.internal.misc.Unsafe.park")
                .contains("Members:\n  \"vault-waiter-1\"").contains("\"vault-waiter-8\"");
    }

    @Test
    void deadlockBannerJumpsToTheCycleInTheLocksTree() throws Exception {
        DumpView view = (DumpView) openAndWait(window, List.of(sample("deadlocks-jdk17-jstack-l.txt")));
        fx(() -> {
            Label title = (Label) view.node().lookup("#deadlock-title");
            assertThat(title.getText()).isEqualTo("4 deadlocks");
            assertThat(((Button) view.node().lookup("#show-deadlock-1")).getText())
                    .isEqualTo("ring-1 → ring-2 → ring-3 → ring-1");
            ((Button) view.node().lookup("#show-deadlock-1")).fire();
        });
        fx(() -> {
            assertThat(view.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Locks");
            TreeItem<LocksPane.Entry> selected = view.locks().tree().getSelectionModel().getSelectedItem();
            assertThat(selected.getValue().text()).isEqualTo("Deadlock of 3 threads (reported by the JVM)");
            assertThat(selected.isExpanded()).isTrue();
            assertThat(selected.getChildren()).extracting(c -> c.getValue().thread().name())
                    .containsExactly("ring-1", "ring-2", "ring-3");
            assertThat(selected.getChildren().get(0).getValue().text())
                    .matches("\"ring-1\" waits for <0x\\p{XDigit}+> \\(a scenario.Deadlocks\\$RingLock\\) held by \"ring-2\"");
        });
    }

    @Test
    void locksTreeShowsOwnersWaitersAndChains() throws Exception {
        DumpView view = (DumpView) openAndWait(window, List.of(sample("contention-jdk17-jstack-l.txt")));
        fx(() -> {
            List<TreeItem<LocksPane.Entry>> locks = view.locks().tree().getRoot().getChildren();
            TreeItem<LocksPane.Entry> ledger = locks.get(0);
            assertThat(ledger.getValue().text()).matches(
                    "<0x\\p{XDigit}+> \\(a scenario.Contention\\$Ledger\\)  —  held by \"ledger-owner\" · 26 blocked");
            assertThat(ledger.getChildren()).extracting(c -> c.getValue().text())
                    .containsExactly("Owner \"ledger-owner\"", "Blocked (26)");
            assertThat(ledger.getChildren().get(1).getChildren()).hasSize(26)
                    .anyMatch(c -> c.getValue().thread().name().equals("registry-owner"));

            TreeItem<LocksPane.Entry> registry = find(locks, "(a scenario.Contention$Registry)");
            TreeItem<LocksPane.Entry> owner = registry.getChildren().get(0);
            assertThat(owner.getValue().text()).isEqualTo("Owner \"registry-owner\"");
            assertThat(owner.getChildren()).singleElement().extracting(c -> c.getValue().text()).asString()
                    .startsWith("which waits for <0x").contains("Contention$Ledger)  —  held by \"ledger-owner\"");

            TreeItem<LocksPane.Entry> mailbox = find(locks, "(a scenario.Contention$Mailbox)");
            assertThat(mailbox.getValue().text()).endsWith("no owner · 8 in wait()");
        });
    }

    @Test
    void threadsTabFiltersByNameAndByFrameText() throws Exception {
        DumpView view = (DumpView) openAndWait(window, List.of(sample("contention-jdk17-jstack-l.txt")));
        fx(() -> view.tabs().getSelectionModel().select(2));
        fx(() -> view.threads().filter().setText("vault-waiter"));
        fx(() -> assertThat(view.threads().table().getItems()).hasSize(8)
                .allMatch(t -> t.name().startsWith("vault-waiter-")));
        fx(() -> view.threads().filter().setText("Contention$Ledger.read"));
        fx(() -> assertThat(view.threads().table().getItems()).extracting(DumpThread::name)
                .hasSize(26).contains("registry-owner", "ledger-reader-1", "ledger-reader-25"));
        fx(() -> view.threads().filter().setText("no such thread anywhere"));
        fx(() -> assertThat(view.threads().table().getItems()).isEmpty());
    }

    @Test
    void changingTheStackSimilarityRegroups() throws Exception {
        DumpView view = (DumpView) openAndWait(window, List.of(sample("contention-jdk17-jstack-l.txt")));
        fx(() -> similarityItem("Top 3 frames").fire());
        UiTestSupport.waitUntil(30, () -> view.groups().table().getItems().size() == 13);
        fx(() -> {
            StackGroup second = view.groups().table().getItems().get(1);
            assertThat(second.size()).isEqualTo(15);
            assertThat(second.state()).isEqualTo(ThreadState.WAITING);
            assertThat(second.threads()).extracting(DumpThread::name)
                    .contains("vault-waiter-1", "catalog-reader-1", "audit-waiter-1", "audit-owner");
            assertThat(stat(view, "groups")).isEqualTo("13");
        });
        fx(() -> similarityItem("Normalized (ignore lambda/proxy noise)").fire());
        UiTestSupport.waitUntil(30, () -> view.groups().table().getItems().size() == 19);
    }

    @Test
    void exportWritesHtmlAndMarkdownOfTheCurrentAnalysis(@TempDir Path dir) throws Exception {
        DumpView view = (DumpView) openAndWait(window, List.of(sample("deadlocks-jdk17-jstack-l.txt")));
        Path html = dir.resolve("report.html");
        Path md = dir.resolve("report.MD");
        fx(() -> window.export(window.currentView().orElseThrow().report(), html));
        UiTestSupport.waitUntil(30, () -> Files.exists(html) && !window.work().busy());
        fx(() -> window.export(view.report(), md));
        UiTestSupport.waitUntil(30, () -> Files.exists(md) && !window.work().busy());
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>")
                .contains("<title>Thread dump deadlocks-jdk17-jstack-l.txt</title>")
                .contains("<p class=\"alert\">4 deadlocks</p>")
                .contains("src=\"data:image/png;base64,")
                .contains("<h2>Stack groups (normalized similarity)</h2>");
        assertThat(Files.readString(md)).startsWith("# Thread dump deadlocks-jdk17-jstack-l.txt")
                .contains("> **4 deadlocks**").contains("- \"pair-alpha\" waits for");
        fx(() -> assertThat(((Label) window.stage().getScene().lookup("#status-message")).getText())
                .isEqualTo("Report written to " + md));

        Path nowhere = dir.resolve("missing-folder").resolve("report.html");
        fx(() -> window.export(view.report(), nowhere));
        UiTestSupport.waitUntil(30, () -> !window.notices().texts().isEmpty());
        assertThat(window.notices().texts()).singleElement().asString()
                .startsWith("Could not write the report " + nowhere + ": No Such File (");
    }

    private MenuItem similarityItem(String text) {
        MenuBar bar = (MenuBar) window.stage().getScene().lookup("#menu-bar");
        Menu view = bar.getMenus().stream().filter(m -> m.getText().equals("View")).findFirst().orElseThrow();
        Menu similarity = (Menu) view.getItems().stream().filter(m -> "Stack similarity".equals(m.getText()))
                .findFirst().orElseThrow();
        return similarity.getItems().stream().filter(m -> m.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void aGoroutineDumpSpeaksOfGoroutinesAndShowsMinutesBlockedInsteadOfCpu() throws Exception {
        DumpView view = (DumpView) openAndWait(window, List.of(sample("go/leak-debug2-4.txt")));
        fx(() -> {
            assertThat(stat(view, "goroutines")).isEqualTo("89");
            assertThat(view.node().lookup("#stat-threads")).isNull();
            assertThat(view.node().lookup("#stat-virtual")).isNull();
            StackGroup largest = view.groups().table().getItems().get(0);
            assertThat(largest.size()).isEqualTo(40);
            assertThat(largest.topFrame().text()).startsWith("main.handleOrder(");
            var columns = view.groups().members().getColumns();
            assertThat(columns.stream().filter(c -> c.getText().equals("Blocked min")).findFirst().orElseThrow()
                    .isVisible()).isTrue();
            assertThat(columns.stream().filter(c -> c.getText().equals("CPU ms")).findFirst().orElseThrow()
                    .isVisible()).isFalse();
            assertThat(view.groups().members().getItems()).allMatch(t -> t.stateDetail().equals("chan receive"));
        });
    }

    private static String stat(DumpView view, String caption) {
        VBox box = (VBox) view.node().lookup("#stat-" + caption);
        return ((Label) box.getChildren().get(0)).getText();
    }

    private static TreeItem<LocksPane.Entry> find(List<TreeItem<LocksPane.Entry>> items, String text) {
        return items.stream().filter(i -> i.getValue().text().contains(text)).findFirst().orElseThrow();
    }
}
