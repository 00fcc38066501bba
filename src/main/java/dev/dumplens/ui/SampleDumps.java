package dev.dumplens.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the bundled {@code sample-dumps/} folder: next to the working directory, the jar, or the installed app. */
final class SampleDumps {
    private static final Pattern SERIES = Pattern.compile("(.*\\D)(\\d{1,6})(\\.\\w+)");

    private SampleDumps() { }

    static Optional<Path> folder() {
        String prop = System.getProperty("dumplens.samples");
        if (prop != null && Files.isDirectory(Path.of(prop))) return Optional.of(Path.of(prop));
        Path cwd = Path.of("sample-dumps");
        if (Files.isDirectory(cwd)) return Optional.of(cwd);
        try {
            Path jar = Path.of(SampleDumps.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("sample-dumps");
                if (Files.isDirectory(candidate)) return Optional.of(candidate);
            }
        } catch (Exception e) {
            // no code source (e.g. custom runtime image): no samples
        }
        return Optional.empty();
    }

    /**
     * Successive dumps among {@code files}: files whose names differ only in a number before the extension
     * ({@code leak-1.txt}, {@code leak-2.txt}, …), two or more, each series in number order.
     */
    static List<List<Path>> series(List<Path> files) {
        Map<String, TreeMap<Integer, Path>> byStem = new TreeMap<>();
        for (Path p : files) {
            Matcher m = SERIES.matcher(p.getFileName().toString());
            if (m.matches()) {
                byStem.computeIfAbsent(m.group(1) + "*" + m.group(3), k -> new TreeMap<>())
                        .put(Integer.parseInt(m.group(2)), p);
            }
        }
        return byStem.values().stream().filter(s -> s.size() > 1).map(s -> List.copyOf(s.values())).toList();
    }

    /** The dump files in the samples folder (no programs, scripts, READMEs or the ground-truth file), by name. */
    static List<Path> files() {
        return folder().map(dir -> {
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().matches(".*\\.(txt|log|json|hprof|tdump)$"))
                        .filter(p -> !p.getFileName().toString().equalsIgnoreCase("expected.json"))
                        .sorted().toList();
            } catch (IOException e) {
                return List.<Path>of();
            }
        }).orElse(List.of());
    }
}
