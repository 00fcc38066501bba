package dev.dumplens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code analyze} and {@code compare} on Go captures (sample-dumps/go) and the hand-written javacore excerpt. */
class GoAndJavacoreCliTest {
    private static final String[] GO_SERIES = {go("leak-debug2-1.txt"), go("leak-debug2-2.txt"), go("leak-debug2-3.txt")};

    private static String go(String name) {
        return Path.of("sample-dumps", "go", name).toString();
    }

    @Test
    void compareFailsOnGrowingGoroutinesAndLabelsGroupsByFunction() throws Exception {
        String[] args = new String[GO_SERIES.length + 4];
        args[0] = "compare";
        args[1] = "--json";
        args[2] = "--fail-on";
        args[3] = "growing";
        System.arraycopy(GO_SERIES, 0, args, 4, GO_SERIES.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).isEqualTo(Cli.EXIT_FAIL_ON);
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("dumps")).extracting(d -> d.get("format").asText()).containsOnly("go-goroutine-debug2");
        JsonNode first = doc.get("suspects").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("growing-group");
        assertThat(first.get("explanation").asText()).contains("a read with no writer");
        JsonNode group = null;
        for (JsonNode g : doc.get("groups")) if (g.get("id").asText().equals(first.get("group").asText())) group = g;
        assertThat(group.get("label").asText()).isEqualTo("main.handleOrder (created by main.leak)");
        assertThat(group.get("nameTemplate").asText()).isEqualTo("goroutine *");
    }

    @Test
    void analyzeReadsAJavacoreAndAGoCrash() throws Exception {
        String javacore = Path.of("src", "test", "resources", "dumps", "javacore", "openj9-excerpt-cp1252.txt").toString();
        CliRun run = CliRun.of("analyze", javacore, go("crash-deadlock.txt"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("[openj9-javacore]  2026-11-26T20:02:03.250\n")
                .contains("JRE 17.0.9 Windows Server 2022")
                .contains("DEADLOCKS (1):\n  2 threads (reported by the JVM):\n")
                .contains("!! fatal error: all goroutines are asleep - deadlock!\n");
    }
}
