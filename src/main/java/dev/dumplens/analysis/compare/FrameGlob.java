package dev.dumplens.analysis.compare;

import dev.dumplens.model.StackFrame;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A pattern over a frame's {@code pkg.Class.method} ({@link StackFrame#qualifiedMethod()}), where {@code *}
 * stands for any run of characters: {@code java.util.concurrent.*BlockingQueue.take} matches
 * {@code java.util.concurrent.LinkedBlockingQueue.take}; for Go the function as printed
 * ({@code net/http.(*conn).serve}). A goroutine's {@code created by} entry is not matched: the creating function
 * is not on the goroutine's stack.
 */
public final class FrameGlob {
    private final String glob;
    private final Pattern pattern;

    public FrameGlob(String glob) {
        this.glob = glob;
        this.pattern = Pattern.compile(Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }

    public static List<FrameGlob> all(String... globs) {
        return Arrays.stream(globs).map(FrameGlob::new).toList();
    }

    public boolean matches(StackFrame frame) {
        return !frame.isCreatedBy() && pattern.matcher(frame.qualifiedMethod()).matches();
    }

    /** Index of the deepest frame (closest to the thread's start) matching any of {@code globs}, or -1. */
    public static int deepest(List<FrameGlob> globs, List<StackFrame> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            for (FrameGlob g : globs) if (g.matches(frames.get(i))) return i;
        }
        return -1;
    }

    @Override public String toString() { return glob; }
}
