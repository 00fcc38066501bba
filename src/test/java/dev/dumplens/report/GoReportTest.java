package dev.dumplens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyze summary and JSON of Go captures (sample-dumps/go): Go wording where it differs. */
class GoReportTest {

    private static DumpAnalysis analysis(String name) throws Exception {
        ThreadDump d = Formats.parse(Path.of("sample-dumps", "go", name), name, ProgressMonitor.NONE).dumps().get(0);
        return DumpAnalysis.of(d, Similarity.DEFAULT);
    }

    private static String text(String name) throws Exception {
        StringWriter sw = new StringWriter();
        TextSummary.write(analysis(name), false, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void summarySpeaksOfGoroutinesWaitReasonsAndMinutes() throws Exception {
        String text = text("leak-debug2-4.txt");
        assertThat(text).contains("89 goroutines: RUNNABLE 2, WAITING 83, TIMED_WAITING 4\n");
        assertThat(text).contains("waiting for: channel receive 41, select 18, channel send 12, mutex 5, sleep 4,");
        assertThat(text).contains("     40  WAITING       [chan receive] 30 blocked 1 minute\n"
                + "           at main.handleOrder(leakserver/main.go:47)\n"
                + "           created by main.leak(leakserver/main.go:73)\n");
        assertThat(text).contains("Goroutines blocked for a minute or more: 10 groups\n"
                + "  30 in channel receive for 1 minute at main.handleOrder (created by main.leak)\n");
        assertThat(text).contains("  <0xc000098010> (a sync.Mutex)\n"
                + "      owner: unknown (Go dumps show no mutex or channel owners)\n");
        assertThat(text).doesNotContain("threads (0 virtual)");
    }

    @Test
    void fatalErrorsLeadTheSummary() throws Exception {
        assertThat(text("crash-deadlock.txt")).startsWith("== crash-deadlock.txt  [go-goroutine-debug2]\n"
                + "!! fatal error: all goroutines are asleep - deadlock!\n4 goroutines: WAITING 4\n");
        assertThat(text("crash-panic.txt")).contains("!! panic: assignment to entry in nil map\n");
    }

    @Test
    void jsonCarriesFatalErrorAndWaitFacts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AnalyzeJsonWriter w = new AnalyzeJsonWriter(out)) {
            w.write(analysis("crash-deadlock.txt"));
            w.write(analysis("leak-debug2-4.txt"));
            w.write(analysis("leak-debug1-4.txt"));
        }
        JsonNode dumps = new ObjectMapper().readTree(out.toByteArray()).path("dumps");
        assertThat(dumps.get(0).path("fatalError").asText()).isEqualTo("fatal error: all goroutines are asleep - deadlock!");
        assertThat(dumps.get(1).has("fatalError")).isFalse();
        JsonNode largest = dumps.get(1).path("groups").get(0);
        assertThat(largest.path("label").asText()).isEqualTo("main.handleOrder (created by main.leak)");
        assertThat(largest.path("waitReason").asText()).isEqualTo("chan receive");
        assertThat(largest.path("waitCategory").asText()).isEqualTo("channel receive");
        assertThat(largest.path("waitMinutes").path("goroutines").asInt()).isEqualTo(30);
        assertThat(largest.path("waitMinutes").path("max").asInt()).isEqualTo(1);
        JsonNode profileLargest = dumps.get(2).path("groups").get(0);
        assertThat(profileLargest.path("size").asInt()).isEqualTo(40);
        assertThat(profileLargest.path("waitReason").asText()).isEmpty();
        assertThat(profileLargest.has("waitMinutes")).isFalse();
    }
}
