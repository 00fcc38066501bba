package dev.dumplens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TunedJvm#childCommand}: only a plain {@code java -jar JAR args} run is re-launched. */
class TunedJvmTest {
    private static final Optional<String> JAVA = Optional.of("/usr/lib/jvm/java-17/bin/java");

    @Test
    void plainJarRunGetsTheTunedOptionsAndTheSameArguments(@TempDir Path dir) {
        String jar = dir.resolve("dumplens.jar").toString();
        String[] args = {"analyze", "--json", "my dump.txt"};
        Optional<String[]> own = Optional.of(new String[] {"-jar", jar, "analyze", "--json", "my dump.txt"});

        assertThat(TunedJvm.childCommand(JAVA, own, args)).contains(List.of("/usr/lib/jvm/java-17/bin/java",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn32m", "-XX:-UsePerfData",
                "-Ddumplens.tunedChild=true", "-jar", jar, "analyze", "--json", "my dump.txt"));
    }

    @Test
    void theClassArchiveBesideTheJarGoesToThreadDumpRunsOnly(@TempDir Path dir) throws Exception {
        String jar = dir.resolve("dumplens.jar").toString();
        Path archive = Files.writeString(dir.resolve("dumplens-cli.jsa"), "made by the build");

        List<String> analyze = TunedJvm.childCommand(JAVA, Optional.of(new String[] {"-jar", jar, "analyze", "d.txt"}),
                new String[] {"analyze", "d.txt"}).orElseThrow();
        List<String> heap = TunedJvm.childCommand(JAVA, Optional.of(new String[] {"-jar", jar, "heap", "h.hprof"}),
                new String[] {"heap", "h.hprof"}).orElseThrow();

        assertThat(analyze).contains("-XX:SharedArchiveFile=" + archive.toAbsolutePath())
                .containsSubsequence("-XX:-UsePerfData", "-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-jar");
        assertThat(heap).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void heapRunsGetTheSerialCollectorAndKeepCompilingWithC2() {
        String[] args = {"heap", "--json", "big.hprof"};
        Optional<String[]> own = Optional.of(new String[] {"-jar", "dumplens.jar", "heap", "--json", "big.hprof"});

        assertThat(TunedJvm.childCommand(JAVA, own, args)).contains(List.of("/usr/lib/jvm/java-17/bin/java",
                "-XX:+UseSerialGC", "-Xmn32m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
                "-XX:MaxRAMPercentage=50", "-Ddumplens.tunedChild=true", "-jar", "dumplens.jar",
                "heap", "--json", "big.hprof"));
    }

    @Test
    void jvmOptionsGivenByTheUserKeepTheRunInThisProcess() {
        String[] args = {"analyze", "dump.txt"};
        assertThat(TunedJvm.childCommand(JAVA,
                Optional.of(new String[] {"-Xmx8g", "-jar", "dumplens.jar", "analyze", "dump.txt"}), args)).isEmpty();
        // the child itself: its options make it non-plain, so it never re-launches again
        List<String> child = TunedJvm.childCommand(JAVA,
                Optional.of(new String[] {"-jar", "dumplens.jar", "analyze", "dump.txt"}), args).orElseThrow();
        String[] childArgs = child.subList(1, child.size()).toArray(String[]::new);
        assertThat(TunedJvm.childCommand(JAVA, Optional.of(childArgs), args)).isEmpty();
    }

    @Test
    void classPathRunsAndUnknownProcessInfoAreNotRelaunched() {
        String[] args = {"compare", "a.txt", "b.txt"};
        assertThat(TunedJvm.childCommand(JAVA, Optional.of(new String[] {"-cp", "dumplens.jar",
                "dev.dumplens.Launcher", "compare", "a.txt", "b.txt"}), args)).isEmpty();
        assertThat(TunedJvm.childCommand(Optional.empty(),
                Optional.of(new String[] {"-jar", "dumplens.jar", "compare", "a.txt", "b.txt"}), args)).isEmpty();
        assertThat(TunedJvm.childCommand(JAVA, Optional.empty(), args)).isEmpty();
        // arguments that differ from main's (a launcher that rewrote them) are not trusted
        assertThat(TunedJvm.childCommand(JAVA,
                Optional.of(new String[] {"-jar", "dumplens.jar", "compare", "a.txt", "c.txt"}), args)).isEmpty();
    }

    @Test
    void onlyAnalysisCommandsAreRelaunched() {
        assertThat(TunedJvm.relaunch(new String[] {"help"})).isEmpty();
        assertThat(TunedJvm.relaunch(new String[] {"--version"})).isEmpty();
        assertThat(TunedJvm.relaunch(new String[0])).isEmpty();
    }

    @Test
    void onlyTheSizeOfExistingInputFilesCounts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path big = dir.resolve("big.log");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(TunedJvm.MIN_INPUT_BYTES + 1); // sparse: costs no disk
        }
        java.nio.file.Path sample = java.nio.file.Path.of("sample-dumps", "deadlocks-jdk17-jstack-l.txt");
        assertThat(TunedJvm.inputBytes(new String[] {"analyze", "--json", sample.toString(), "missing.txt"}))
                .isEqualTo(java.nio.file.Files.size(sample));
        assertThat(TunedJvm.inputBytes(new String[] {"analyze", sample.toString()})).isLessThan(TunedJvm.MIN_INPUT_BYTES);
        assertThat(TunedJvm.inputBytes(new String[] {"compare", big.toString(), sample.toString()}))
                .isGreaterThan(TunedJvm.MIN_INPUT_BYTES);
    }
}
