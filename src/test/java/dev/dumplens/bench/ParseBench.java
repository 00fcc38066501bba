package dev.dumplens.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The thread-dump benchmark (see BENCHMARKS.md). Generates its inputs at run time when they are missing: a
 * {@link BenchScenario} with 20,000 platform threads dumped with the real {@code jstack -l}, and that program's
 * ~100 MB application log holding three SIGQUIT dumps between log lines. Then it runs, each in a fresh JVM and
 * several times, {@link ParseOnce} (parser only) and, when the jar has the {@code analyze} subcommand,
 * {@code java -jar target/dumplens.jar analyze --json FILE} and {@code compare --json LOG} (the log's three dumps
 * compared); it reports wall time, MB/s and peak RSS (VmHWM,
 * sampled from /proc while the process runs) of the best run and the median.
 *
 * <pre>java -cp target/classes:target/test-classes dev.dumplens.bench.ParseBench [--runs 5] [--threads 20000]
 *      [--dir target/bench] [--regenerate] [--jvm "-XX:TieredStopAtLevel=1 …"]</pre>
 * {@code --jvm} passes options to the measured JVMs.
 */
public final class ParseBench {
    private static final String JNI_LINE = "JNI global refs";
    private static final int DUMPS_IN_LOG = 3;

    private ParseBench() { }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int runs = Integer.parseInt(option(a, "--runs", "5"));
        int threads = Integer.parseInt(option(a, "--threads", "20000"));
        Path dir = Path.of(option(a, "--dir", "target/bench"));
        List<String> jvm = option(a, "--jvm", "").isBlank() ? List.of() : List.of(option(a, "--jvm", "").trim().split("\\s+"));
        Path jstack = dir.resolve("jstack-l-" + threads + "-threads.txt");
        Path log = dir.resolve("app-log-3-sigquit-dumps-" + threads + "-threads.log");
        if (a.contains("--regenerate") || !Files.exists(jstack) || !Files.exists(log)) {
            Files.createDirectories(dir);
            generate(threads, jstack, log);
        }
        Thread.sleep(3000); // let the machine settle after generating
        System.out.println(machine());
        System.out.println();
        System.out.println("| command | file | size | best wall | MB/s (best) | median wall | CPU (best run) | peak RSS (best run) | RSS / size |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        String label = jvm.isEmpty() ? "" : " " + String.join(" ", jvm);
        for (Path file : List.of(jstack, log)) {
            measure("ParseOnce (parser only)" + label, command(jvm, "-cp", System.getProperty("java.class.path"),
                    ParseOnce.class.getName(), file.toString()), file, runs);
        }
        Path jar = Path.of("target/dumplens.jar");
        if (Files.exists(jar) && available(jar, "analyze")) {
            for (Path file : List.of(jstack, log)) {
                measure("analyze --json" + label, command(jvm, "-jar", jar.toString(), "analyze", "--json",
                        file.toString()), file, runs);
            }
        } else {
            System.out.println();
            System.out.println("(target/dumplens.jar has no 'analyze' subcommand yet: whole-CLI figures skipped)");
        }
        if (Files.exists(jar) && available(jar, "compare")) {
            measure("compare --json (the log's " + DUMPS_IN_LOG + " dumps)", List.of(java(), "-jar", jar.toString(),
                    "compare", "--json", log.toString()), log, runs);
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    /** java, the JVM options, then the arguments. */
    private static List<String> command(List<String> jvm, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvm);
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts the scenario, dumps it with jstack -l, then sends SIGQUIT three times while it logs. */
    private static void generate(int threads, Path jstack, Path log) throws Exception {
        System.out.println("generating inputs: " + threads + " threads (takes a minute or two)");
        Process app = new ProcessBuilder(java(), "-Xss256k", "-cp", System.getProperty("java.class.path"),
                BenchScenario.class.getName(), String.valueOf(threads))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            LogWatch watch = new LogWatch(log);
            watch.await("READY", 1, app);
            String pid = String.valueOf(app.pid());
            Path jstackTool = Path.of(System.getProperty("java.home"), "bin", "jstack");
            run(new ProcessBuilder(jstackTool.toString(), "-l", pid).redirectOutput(jstack.toFile()));
            for (int i = 1; i <= DUMPS_IN_LOG; i++) {
                Thread.sleep(1500); // log lines between the dumps
                run(new ProcessBuilder("kill", "-3", pid));
                watch.await(JNI_LINE, i, app);
            }
            Thread.sleep(1500);
        } finally {
            app.destroyForcibly().waitFor();
        }
        System.out.printf("generated %s (%.1f MB) and %s (%.1f MB)%n", jstack, Files.size(jstack) / 1e6, log,
                Files.size(log) / 1e6);
    }

    private static void run(ProcessBuilder pb) throws IOException, InterruptedException {
        int code = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start().waitFor();
        if (code != 0) throw new IOException(pb.command() + " exited with " + code);
    }

    private static boolean available(Path jar, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java(), "-jar", jar.toString(), command, "--help")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }

    private static void measure(String what, List<String> command, Path file, int runs) throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < runs; i++) samples.add(Sample.of(command));
        samples.sort((x, y) -> Long.compare(x.wallNanos, y.wallNanos));
        Sample best = samples.get(0);
        Sample median = samples.get(samples.size() / 2);
        double mb = Files.size(file) / 1e6;
        System.out.printf("| %s | %s | %.1f MB | %.2f s | %.0f | %.2f s | %.2f s | %.0f MB | %.2f |%n", what,
                file.getFileName(), mb, best.wallNanos / 1e9, mb / (best.wallNanos / 1e9), median.wallNanos / 1e9,
                best.cpuTicks / 100.0, best.peakRssKb / 1024.0, best.peakRssKb / 1024.0 / (Files.size(file) / 1048576.0));
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        return String.format("machine: %s, %d cores, %s %s; java %s (%s); load average before: %s", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                load);
    }

    /**
     * One run of a command in a fresh process: wall time, and the highest VmHWM and CPU time (user + system, in
     * clock ticks of 10 ms) seen while it ran. When the process starts child processes (the jar re-launches its
     * thread-dump commands in a tuned JVM), their figures are added: CPU is the sum, peak RSS the sum of each
     * process's peak (an upper bound of the peak of the whole).
     */
    private static final class Sample {
        long wallNanos;
        long peakRssKb;
        long cpuTicks;

        static Sample of(List<String> command) throws IOException, InterruptedException {
            Sample s = new Sample();
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            java.util.Map<Long, long[]> perProcess = new java.util.HashMap<>(); // pid -> {peak RSS, CPU}
            while (p.isAlive()) {
                List<ProcessHandle> tree = new ArrayList<>(List.of(p.toHandle()));
                p.descendants().forEach(tree::add);
                for (ProcessHandle h : tree) {
                    Path proc = Path.of("/proc", String.valueOf(h.pid()));
                    long[] m = perProcess.computeIfAbsent(h.pid(), pid -> new long[2]);
                    m[0] = Math.max(m[0], hwm(proc.resolve("status")));
                    m[1] = Math.max(m[1], cpuTicks(proc.resolve("stat")));
                }
                Thread.sleep(2);
            }
            s.wallNanos = System.nanoTime() - t0;
            for (long[] m : perProcess.values()) {
                s.peakRssKb += m[0];
                s.cpuTicks += m[1];
            }
            if (p.exitValue() != 0) throw new IOException(command + " exited with " + p.exitValue());
            return s;
        }

        /** utime + stime of /proc/PID/stat (fields 14 and 15, after the parenthesized command name). */
        private static long cpuTicks(Path stat) {
            try {
                String text = Files.readString(stat);
                String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        private static long hwm(Path status) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            } catch (IOException | RuntimeException gone) {
                return 0; // the process ended between isAlive() and the read
            }
            return 0;
        }
    }

    /** Follows a growing log file and counts occurrences of a marker in the new bytes only. */
    private static final class LogWatch {
        private final Path file;
        private long scanned;
        private String carry = "";
        private final java.util.Map<String, Integer> seen = new java.util.HashMap<>();

        LogWatch(Path file) { this.file = file; }

        void await(String marker, int count, Process app) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + 900_000_000_000L;
            while (seen.getOrDefault(marker, 0) < count) {
                if (!app.isAlive()) throw new IOException("the scenario ended early; see " + file);
                if (System.nanoTime() > deadline) throw new IOException("timed out waiting for " + marker);
                Thread.sleep(200);
                readNew(marker);
            }
        }

        private void readNew(String marker) throws IOException {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                long size = f.length();
                if (size <= scanned) return;
                byte[] chunk = new byte[(int) Math.min(size - scanned, 64L << 20)];
                f.seek(scanned);
                f.readFully(chunk);
                scanned += chunk.length;
                String text = carry + new String(chunk, StandardCharsets.ISO_8859_1);
                int n = 0;
                for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) n++;
                seen.merge(marker, n, Integer::sum);
                carry = text.substring(Math.max(0, text.length() - marker.length() + 1));
            }
        }
    }
}
