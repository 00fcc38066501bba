package dev.dumplens.report;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.formats.Formats;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** HTML and Markdown reports of the captured sample dumps (facts from sample-dumps/README.md). */
class DumpReportTest {

    private static DumpAnalysis analyze(String sample) throws Exception {
        Path file = Path.of("sample-dumps", sample);
        return DumpAnalysis.of(Formats.parse(file, sample, ProgressMonitor.NONE).dumps().get(0), Similarity.DEFAULT);
    }

    @Test
    void htmlIsSelfContainedWithTheStateChartEmbeddedAsPng() throws Exception {
        String html = DumpReport.html(analyze("contention-jdk17-jstack-l.txt"), false);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("<title>Thread dump contention-jdk17-jstack-l.txt</title>")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("http://").doesNotContain("https://");
        Matcher img = Pattern.compile("<img alt=\"Threads per state\" width=\"(\\d+)\" height=\"(\\d+)\" "
                + "src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">").matcher(html);
        assertThat(img.find()).isTrue();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(3))));
        assertThat(png.getWidth()).isEqualTo(Integer.parseInt(img.group(1)));
        assertThat(png.getHeight()).isEqualTo(Integer.parseInt(img.group(2)));
        assertThat(countColor(png, Charts.color(dev.dumplens.model.ThreadState.BLOCKED).getRGB()))
                .as("pixels of the BLOCKED bar").isGreaterThan(500);
    }

    @Test
    void htmlListsTotalsGroupsStacksAndLocks() throws Exception {
        String html = DumpReport.html(analyze("contention-jdk17-jstack-l.txt"), false);
        assertThat(html)
                .contains("<td class=\"r\">79</td><td class=\"r\">0</td><td class=\"r\">19</td>")
                .contains("<tr><td>BLOCKED</td><td class=\"r\">29</td></tr>")
                .contains("<tr><td class=\"r\">1</td><td class=\"r\">25</td><td>BLOCKED</td><td>ledger-reader-*</td>")
                .contains("<h3>#1 · 25 threads · BLOCKED · ledger-reader-*</h3>")
                .contains("- waiting to lock &lt;0x").contains("(a scenario.Contention$Ledger)")
                .contains("Members: &quot;ledger-reader-1&quot;, &quot;ledger-reader-2&quot;")
                .containsPattern("<td>&lt;0x\\p{XDigit}+&gt; \\(a scenario.Contention\\$Registry\\)</td><td>&quot;registry-owner&quot;, "
                        + "which waits for &lt;0x\\p{XDigit}+&gt; \\(a scenario.Contention\\$Ledger\\) held by &quot;ledger-owner&quot;</td>"
                        + "<td class=\"r\">3</td>")
                .doesNotContain("deadlock");
    }

    @Test
    void deadlocksStandOutAtTheTop() throws Exception {
        String html = DumpReport.html(analyze("deadlocks-jdk17-jstack-l.txt"), false);
        assertThat(html).contains("<p class=\"alert\">4 deadlocks</p>")
                .containsPattern("<li>&quot;ring-1&quot; waits for &lt;0x\\p{XDigit}+&gt; \\(a scenario.Deadlocks\\$RingLock\\) "
                        + "held by &quot;ring-2&quot;</li>");
        assertThat(html.indexOf("4 deadlocks")).isLessThan(html.indexOf("<h2>Summary</h2>"));
        String md = DumpReport.markdown(analyze("deadlocks-jdk17-jstack-l.txt"), false);
        assertThat(md).contains("> **4 deadlocks**")
                .containsPattern("- \"ring-1\" waits for \\\\<0x\\p{XDigit}+\\\\> \\(a scenario.Deadlocks\\$RingLock\\) held by \"ring-2\"");
    }

    @Test
    void markdownHasTablesAndFencedStacks() throws Exception {
        String md = DumpReport.markdown(analyze("contention-jdk17-jstack-l.txt"), false);
        assertThat(md).startsWith("# Thread dump contention-jdk17-jstack-l.txt\n")
                .contains("| 79 | 0 | 19 | 6 | 0 |")
                .contains("| BLOCKED | 29 |")
                .contains("| 1 | 25 | BLOCKED | ledger-reader-\\* | scenario.Contention$Ledger.read(Contention.java:43) |")
                .contains("### \\#1 · 25 threads · BLOCKED · ledger-reader-\\*")
                .contains("```\n\"ledger-reader-1\" #13")
                .contains("\t- waiting to lock <0x")
                .doesNotContain("data:image");
    }

    @Test
    void trickyThreadNamesCannotBreakTheMarkupOrTheTables() throws Exception {
        DumpAnalysis a = analyze("tricky-names-jdk17-jstack-l.txt");
        String md = DumpReport.markdown(a, false);
        List<String> groupRows = md.lines().filter(l -> l.matches("\\| \\d+ \\| \\d+ \\| [A-Z\\\\_]+ \\| .*")).toList();
        assertThat(groupRows).hasSize(a.groups().size());
        for (String row : groupRows) assertThat(row.split("(?<!\\\\)\\|", -1)).as(row).hasSize(7);
        assertThat(md).contains("first-line\\\\nsecond-line").contains("quote\"inside\"name")
                .contains("hash\\#42 \\#7 worker");

        String html = DumpReport.html(a, false);
        assertThat(html).contains("quote&quot;inside&quot;name").contains("it&#39;s-an-apostrophe")
                .contains("first-line\\nsecond-line").contains("工作线程-中文-1").contains("tab\\there");
        String body = html.substring(html.indexOf("<body>") + 6, html.indexOf("</body>"));
        assertThat(body.replaceAll("<(/?)(h1|h2|h3|p|ul|li|table|tr|th|td|pre|img)( [^<>]*)?>", ""))
                .as("no markup but ours").doesNotContain("<").doesNotContain(">");
    }

    private static long countColor(BufferedImage img, int argb) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) | 0xff000000) == (argb | 0xff000000)) n++;
        }
        return n;
    }
}
