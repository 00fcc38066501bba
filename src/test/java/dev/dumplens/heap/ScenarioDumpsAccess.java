package dev.dumplens.heap;

import java.io.IOException;
import java.nio.file.Path;

/** {@link ScenarioDumps} for tests in other packages. */
public final class ScenarioDumpsAccess {
    private ScenarioDumpsAccess() { }

    public static Path current() { return ScenarioDumps.current(); }

    public static Path jstackOf(Path dump) throws IOException { return ScenarioDumps.jstackOf(dump); }
}
