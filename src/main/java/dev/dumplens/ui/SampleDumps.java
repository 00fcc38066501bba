package dev.dumplens.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the bundled {@code sample-dumps/} folder: next to the working directory, the jar, or the installed app. */
final class SampleDumps {
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
