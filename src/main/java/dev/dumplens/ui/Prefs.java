package dev.dumplens.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What persists between runs: recent files, the stack-similarity choice and window geometry. Stored with
 * {@link Preferences} under {@code dev/dumplens} (tests use another node via {@code -Ddumplens.prefs=…}).
 */
final class Prefs {
    private static final int MAX_RECENT = 10;
    private final Preferences node;

    Prefs() {
        this(Preferences.userRoot().node(System.getProperty("dumplens.prefs", "dev/dumplens")));
    }

    Prefs(Preferences node) { this.node = node; }

    List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = node.get("recent." + i, null);
            if (p != null) out.add(Path.of(p));
        }
        return out;
    }

    void addRecent(Path file) {
        List<Path> list = recentFiles();
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) node.put("recent." + i, list.get(i).toString());
            else node.remove("recent." + i);
        }
        flush();
    }

    String similarity() { return node.get("similarity", "normalized"); }

    void similarity(String value) { node.put("similarity", value); flush(); }

    double[] geometry() {
        return new double[] {node.getDouble("x", Double.NaN), node.getDouble("y", Double.NaN),
                node.getDouble("w", 1280), node.getDouble("h", 820)};
    }

    void geometry(double x, double y, double w, double h) {
        node.putDouble("x", x); node.putDouble("y", y); node.putDouble("w", w); node.putDouble("h", h);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // preferences are a convenience; a read-only home must not break the app
        }
    }
}
