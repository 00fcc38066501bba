package dev.dumplens.report;

import dev.dumplens.analysis.compare.CompareOptions;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** HTML and Markdown reports of the captured leak series (facts from sample-dumps/README.md, section Leak). */
class ComparisonReportTest {

    private static Comparison leakSeries() throws Exception {
        List<ThreadDump> dumps = new ArrayList<>();
        for (int i = 4; i >= 1; i--) {
            String name = "leak-jdk17-jstack-" + i + ".txt";
            dumps.addAll(Formats.parse(Path.of("sample-dumps", name), name, ProgressMonitor.NONE).dumps());
        }
        return Comparison.of(dumps, CompareOptions.DEFAULT);
    }

    @Test
    void htmlHasTheDumpsInTimeOrderTheChartTheSuspectsAndTheGroups() throws Exception {
        String html = ComparisonReport.html(leakSeries());
        assertThat(html).contains("<title>Comparison of 4 dumps</title>")
                .containsPattern("<tr><td class=\"r\">1</td><td>leak-jdk17-jstack-1.txt</td>.*<td class=\"r\">\\+0.0 s</td>"
                        + "<td class=\"r\">52</td></tr>")
                .containsPattern("<tr><td class=\"r\">4</td><td>leak-jdk17-jstack-4.txt</td>.*<td class=\"r\">88</td></tr>")
                .contains("<h3>1. GROWING GROUP: pool-*-thread-1: 5 → 10 → 15 → 20 threads")
                .contains("<h3>3. LOCK HELD WITH GROWING WAITERS: scenario.Leak$Ledger held by ledger-owner in every dump")
                .contains("<tr><td>growing</td><td>BLOCKED</td><td>ledger-waiter-*</td><td class=\"r\">2</td>"
                        + "<td class=\"r\">4</td><td class=\"r\">6</td><td class=\"r\">8</td>")
                .contains("<tr><td>stable</td><td>WAITING</td><td>pool-1-thread-*</td><td class=\"r\">8</td>");
        assertThat(html.indexOf("LOCK HELD WITH GROWING WAITERS")).isGreaterThan(html.indexOf("1. GROWING GROUP"));

        Matcher img = Pattern.compile("<img alt=\"Group sizes over the dumps\" width=\"(\\d+)\" height=\"(\\d+)\" "
                + "src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">").matcher(html);
        assertThat(img.find()).isTrue();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(3))));
        assertThat(png.getWidth()).isEqualTo(Integer.parseInt(img.group(1)));
        long red = 0;
        int growing = new Color(0xcf222e).getRGB();
        for (int y = 0; y < png.getHeight(); y++) for (int x = 0; x < png.getWidth(); x++) if (png.getRGB(x, y) == growing) red++;
        assertThat(red).as("pixels of the first growing group's line").isGreaterThan(300);
    }

    @Test
    void goroutineGroupsWithTheSameLabelGetTheirOwnLinesInTheChart() throws Exception {
        List<ThreadDump> dumps = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String name = "go/leak-debug2-" + i + ".txt";
            dumps.addAll(Formats.parse(Path.of("sample-dumps", name), name, ProgressMonitor.NONE).dumps());
        }
        Comparison c = Comparison.of(dumps, CompareOptions.DEFAULT);
        // two groups of main.publishResult (created by main.leak) waiting at different lines share a label
        assertThat(c.groups().stream().filter(g -> g.label().startsWith("main.publishResult")).count()).isEqualTo(2);
        org.jfree.data.xy.XYDataset data = Charts.groupsOverTime(c).getXYPlot().getDataset();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) keys.add(data.getSeriesKey(i).toString());
        assertThat(keys).doesNotHaveDuplicates().anyMatch(k -> k.startsWith("main.publishResult") && k.endsWith(" 2"));
        assertThat(ComparisonReport.html(c)).contains("<h3>1. GROWING GROUP: main.handleOrder (created by main.leak)");
    }

    @Test
    void markdownHasTheSameContentAsText() throws Exception {
        String md = ComparisonReport.markdown(leakSeries());
        assertThat(md).startsWith("# Comparison of 4 dumps\n")
                .contains("| \\# | File | Taken | Since the first | Threads |")
                .contains("### 1. GROWING GROUP: pool-\\*-thread-1: 5 → 10 → 15 → 20 threads")
                .contains("| growing | WAITING | request-handler-\\* | 5 | 10 | 15 | 20 | ")
                .contains("\tat java.util.concurrent.SynchronousQueue")
                .doesNotContain("data:image");
    }
}
