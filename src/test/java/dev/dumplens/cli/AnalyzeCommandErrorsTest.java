package dev.dumplens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to {@code analyze}: one line on stderr naming the file, exit 2, never a stack trace. */
class AnalyzeCommandErrorsTest {

    @Test
    void missingEmptyAndNonDumpFilesGiveOneLineEachAndExit2(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path text = Files.writeString(dir.resolve("notes.txt"), "just some notes\nnothing else\n");
        String missing = dir.resolve("missing.txt").toString();

        CliRun run = CliRun.of("analyze", "--json", empty.toString(), text.toString(), missing);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(3);
        assertThat(run.err().lines().toList().get(0)).startsWith(empty + ":").contains("empty");
        assertThat(run.err().lines().toList().get(1)).startsWith(text + ":");
        assertThat(run.err().lines().toList().get(2)).startsWith(missing + ":").contains("no such file");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("dumps").size()).isZero();
        assertThat(doc.get("errors").size()).isEqualTo(3);
        assertThat(doc.get("errors").get(0).get("file").asText()).isEqualTo(empty.toString());
        assertThat(Files.size(empty)).isZero();
        assertThat(Files.readString(text)).isEqualTo("just some notes\nnothing else\n");
    }

    @Test
    void directoryIsABadInputToo(@TempDir Path dir) {
        CliRun run = CliRun.of("analyze", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith(dir + ":").doesNotContain("\n");
    }

    @Test
    void unknownSimilarityIsAUsageErrorNamingTheAcceptedLevels(@TempDir Path dir) {
        CliRun run = CliRun.of("analyze", "--similarity", "fuzzy", dir.resolve("x.txt").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("expected exact, normalized, any-pointer, method or top:N");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noFileIsAUsageError() {
        CliRun run = CliRun.of("analyze");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("FILE");
    }
}
