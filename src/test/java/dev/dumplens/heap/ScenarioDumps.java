package dev.dumplens.heap;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link HeapScenario} in child JVMs and caches the resulting dumps for the test run. */
final class ScenarioDumps {
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private static final Map<String, Path> CACHE = new HashMap<>();
    private static Path dir;

    private ScenarioDumps() { }

    /** The dump of the scenario run by the JDK that runs the tests. */
    static Path current() {
        return dump(Path.of(System.getProperty("java.home")), "jdk" + Runtime.version().feature());
    }

    /** The dump of the scenario run by JDK 25; skips the test when that JDK is not installed. */
    static Path jdk25() {
        Assumptions.assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        return dump(JDK25, "jdk25");
    }

    /** The scenario on the current JDK with {@code -XX:-CompactStrings}: every String is UTF-16. */
    static Path utf16Strings() {
        return dump(Path.of(System.getProperty("java.home")), "utf16", "-XX:-CompactStrings");
    }

    /** The jstack thread dump the scenario took of itself; skips the test when jstack could not attach. */
    static Path jstackOf(Path dump) throws IOException {
        Path p = Path.of(dump + ".jstack.txt");
        Assumptions.assumeTrue(Files.exists(p) && Files.readString(p).contains("Full thread dump"),
                "jstack could not attach to the scenario JVM");
        return p;
    }

    /** The thread facts the scenario wrote next to its dump: name → {id, daemon (0/1)}. */
    static Map<String, long[]> threadFacts(Path dump) throws IOException {
        Map<String, long[]> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(dump + ".threads"))) {
            String[] f = line.split("\t");
            out.put(f[0], new long[] {Long.parseLong(f[1]), Boolean.parseBoolean(f[2]) ? 1 : 0});
        }
        return out;
    }

    static synchronized Path dump(Path javaHome, String name, String... jvmArgs) {
        return CACHE.computeIfAbsent(name, k -> run(javaHome, k, jvmArgs));
    }

    private static Path run(Path javaHome, String name, String... jvmArgs) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("dumplens-heap-scenarios");
                dir.toFile().deleteOnExit();
            }
            Path out = dir.resolve(name + ".hprof");
            String classes = Path.of(HeapScenario.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            List<String> cmd = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-Xmx256m"));
            cmd.addAll(List.of(jvmArgs));
            cmd.addAll(List.of("-cp", classes, HeapScenario.class.getName(), out.toString()));
            dir.resolve(name + ".log").toFile().deleteOnExit();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("scenario JVM did not finish: " + cmd);
            }
            if (p.exitValue() != 0 || !Files.exists(out)) {
                throw new IllegalStateException("scenario JVM failed: " + Files.readString(dir.resolve(name + ".log")));
            }
            out.toFile().deleteOnExit();
            Path.of(out + ".threads").toFile().deleteOnExit();
            Path.of(out + ".jstack.txt").toFile().deleteOnExit();
            Path.of(out + ".jstack-earlier.txt").toFile().deleteOnExit();
            return out;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
