package dev.dumplens.ui;

import dev.dumplens.analysis.compare.GroupTrend;
import dev.dumplens.analysis.compare.Suspect;
import dev.dumplens.analysis.compare.Trend;
import dev.dumplens.model.DumpThread;
import javafx.css.PseudoClass;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.dumplens.ui.UiTestSupport.fx;
import static dev.dumplens.ui.UiTestSupport.openAndWait;
import static dev.dumplens.ui.UiTestSupport.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** The comparison view on the captured leak series (facts from sample-dumps/README.md, section Leak). */
@ExtendWith(ApplicationExtension.class)
class ComparisonViewTest {
    private static final PseudoClass GROWING = PseudoClass.getPseudoClass("growing");
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.openWindow(stage);
    }

    @Test
    void goroutineDumpsCompareWithGoWording() throws Exception {
        List<Path> files = List.of(sample("go/leak-debug2-1.txt"), sample("go/leak-debug2-2.txt"),
                sample("go/leak-debug2-3.txt"), sample("go/leak-debug2-4.txt"));
        UiTestSupport.dropFiles(window.tabs(), files);
        UiTestSupport.waitUntil(60, () -> window.tabs().getTabs().size() == 2 && !window.work().busy());
        fx(() -> {
            ComparisonView view = (ComparisonView) window.tabs().getSelectionModel().getSelectedItem().getUserData();
            var first = view.suspects().selected();
            assertThat(first.counts()).containsExactly(10, 20, 30, 40);
            assertThat(first.summary()).contains("main.handleOrder").contains("goroutines");
            assertThat(first.explanation()).contains("channel");
            String dumps = view.node().lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText())
                    .filter(t -> t != null && t.matches("\\d+ (goroutines|threads)")).toList().toString();
            assertThat(dumps).contains("38 goroutines").doesNotContain("threads");
            assertThat(String.join("\n", window.notices().texts())).contains("no CPU times");
        });
    }

    @Test
    void droppingSeveralDumpsComparesThemInTimeOrderWithTheGrowingGroupsHighlighted() throws Exception {
        List<Path> shuffled = List.of(sample("leak-jdk17-jstack-3.txt"), sample("leak-jdk17-jstack-1.txt"),
                sample("leak-jdk17-jstack-4.txt"), sample("leak-jdk17-jstack-2.txt"));
        UiTestSupport.dropFiles(window.tabs(), shuffled);
        UiTestSupport.waitUntil(60, () -> window.tabs().getTabs().size() == 2 && !window.work().busy());
        fx(() -> {
            ComparisonView view = (ComparisonView) window.tabs().getSelectionModel().getSelectedItem().getUserData();
            assertThat(view.title()).isEqualTo("Compare 4 dumps");
            for (int i = 1; i <= 4; i++) {
                assertThat(((Hyperlink) view.node().lookup("#open-dump-" + i)).getText())
                        .isEqualTo("leak-jdk17-jstack-" + i + ".txt");
            }
            Map<String, List<Integer>> counts = view.groups().table().getItems().stream().collect(Collectors.toMap(
                    r -> r.group().nameTemplate() + " " + r.group().state(), r -> r.group().counts(), (a, b) -> a));
            assertThat(counts).containsEntry("pool-*-thread-1 WAITING", List.of(5, 10, 15, 20))
                    .containsEntry("request-handler-* WAITING", List.of(5, 10, 15, 20))
                    .containsEntry("ledger-waiter-* BLOCKED", List.of(2, 4, 6, 8))
                    .containsEntry("pool-1-thread-* WAITING", List.of(8, 8, 8, 8))
                    .containsEntry("http-nio-*-exec-* WAITING", List.of(10, 10, 10, 10));

            List<TableRow<?>> rows = view.groups().table().lookupAll(".table-row-cell").stream()
                    .<TableRow<?>>map(n -> (TableRow<?>) n).filter(r -> r.getItem() != null).toList();
            assertThat(rows).isNotEmpty();
            for (TableRow<?> row : rows) {
                GroupTrend g = ((TrendGroupsPane.Row) row.getItem()).group();
                assertThat(row.getPseudoClassStates().contains(GROWING)).as(g.nameTemplate())
                        .isEqualTo(g.trend() == Trend.GROWING);
            }
            assertThat(rows).anyMatch(r -> r.getPseudoClassStates().contains(GROWING)
                    && ((TrendGroupsPane.Row) r.getItem()).group().nameTemplate().equals("pool-*-thread-1"));
            assertThat(rows).anyMatch(r -> !r.getPseudoClassStates().contains(GROWING)
                    && ((TrendGroupsPane.Row) r.getItem()).group().nameTemplate().equals("pool-1-thread-*"));
        });
    }

    @Test
    void theStartPageOffersTheSampleSeriesForComparison() throws Exception {
        fx(() -> {
            javafx.scene.layout.HBox series = (javafx.scene.layout.HBox) window.stage().getScene().lookup("#sample-series");
            List<Hyperlink> links = series.getChildren().stream().filter(n -> n instanceof Hyperlink)
                    .map(n -> (Hyperlink) n).toList();
            assertThat(links).extracting(Hyperlink::getText).containsExactly(
                    "busy-jdk17-jstack-l-e-1.txt … 3.txt", "leak-jdk17-jstack-1.txt … 4.txt");
            links.get(1).fire();
        });
        UiTestSupport.waitUntil(60, () -> window.tabs().getTabs().size() == 2 && !window.work().busy());
        fx(() -> {
            ComparisonView view = (ComparisonView) window.tabs().getSelectionModel().getSelectedItem().getUserData();
            assertThat(view.comparison().dumps()).extracting(d -> Path.of(d.original().source()).getFileName().toString())
                    .containsExactly("leak-jdk17-jstack-1.txt", "leak-jdk17-jstack-2.txt", "leak-jdk17-jstack-3.txt",
                            "leak-jdk17-jstack-4.txt");
        });
    }

    @Test
    void suspectsAreRankedAndClickingOneSelectsItsGroupStackAndThreads() throws Exception {
        ComparisonView view = (ComparisonView) openAndWait(window, List.of(sample("leak-jdk17-kill3.log")));
        fx(() -> {
            assertThat(view.comparison().dumps()).hasSize(4);
            List<Suspect> suspects = view.suspects().suspects();
            assertThat(suspects).extracting(Suspect::kind).containsExactly(Suspect.Kind.GROWING_GROUP,
                    Suspect.Kind.GROWING_GROUP, Suspect.Kind.LOCK_HELD_WITH_GROWING_WAITERS, Suspect.Kind.STUCK_THREADS);
            assertThat(view.node().lookup("#suspect-1")).isNotNull();
            // the first suspect is selected when the view opens
            assertThat(view.suspects().selected()).isSameAs(suspects.get(0));
            assertThat(view.groups().table().getSelectionModel().getSelectedItem().group())
                    .isSameAs(suspects.get(0).group());

            int lock = 2;
            view.suspects().select(lock);
            Suspect s = suspects.get(lock);
            assertThat(view.groups().table().getSelectionModel().getSelectedItem().group()).isSameAs(s.group());
            assertThat(s.group().nameTemplate()).isEqualTo("ledger-waiter-*");
            List<DumpThread> members = view.groups().detail().members().getItems();
            assertThat(members).extracting(DumpThread::name).startsWith("ledger-owner").hasSize(9)
                    .contains("ledger-waiter-1", "ledger-waiter-8");
            assertThat(view.groups().detail().stack().getText()).startsWith("\"ledger-owner\"")
                    .contains("scenario.Leak$Ledger.hold").contains("- locked <0x");
            assertThat(view.groups().detail().title().getText()).startsWith("LOCK HELD WITH GROWING WAITERS · ");
        });
    }

    @Test
    void aDumpOfTheComparisonOpensInItsOwnTabAndExportWritesTheComparison(@TempDir Path dir) throws Exception {
        ComparisonView view = (ComparisonView) openAndWait(window, List.of(sample("leak-jdk17-kill3.log")));
        fx(() -> ((Hyperlink) view.node().lookup("#open-dump-3")).fire());
        fx(() -> {
            DumpView dump = (DumpView) window.tabs().getSelectionModel().getSelectedItem().getUserData();
            assertThat(dump.title()).isEqualTo("leak-jdk17-kill3.log #3");
            assertThat(dump.analysis().threadCount()).isEqualTo(75);
        });
        Path html = dir.resolve("compare.html");
        Path md = dir.resolve("compare.md");
        fx(() -> window.export(view.report(), html));
        UiTestSupport.waitUntil(30, () -> Files.exists(html) && !window.work().busy());
        fx(() -> window.export(view.report(), md));
        UiTestSupport.waitUntil(30, () -> Files.exists(md) && !window.work().busy());
        assertThat(Files.readString(html)).contains("<title>Comparison of 4 dumps</title>")
                .contains("<img alt=\"Group sizes over the dumps\"")
                .contains("<h3>1. GROWING GROUP: pool-*-thread-1: 5 → 10 → 15 → 20 threads");
        assertThat(Files.readString(md)).startsWith("# Comparison of 4 dumps")
                .contains("| growing | WAITING | request-handler-\\* | 5 | 10 | 15 | 20 |");
    }
}
