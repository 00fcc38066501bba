package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes stack signatures at one {@link Similarity}, normalizing each distinct frame once: parsers intern
 * frames, so a dump of 60,000 threads has only a few thousand distinct frames. Equal normalized texts share one
 * String instance, which makes signature comparison cheap. Reuse one instance across the dumps being compared.
 * Not thread-safe.
 */
public final class StackSignatures {
    private final Similarity similarity;
    private final Map<StackFrame, String> byFrame = new HashMap<>();
    private final Map<String, String> canonical = new HashMap<>();
    private final Map<String, String> argumentKeys = new HashMap<>();

    public StackSignatures(Similarity similarity) {
        this.similarity = java.util.Objects.requireNonNull(similarity, "similarity");
    }

    public Similarity similarity() { return similarity; }

    /** The frame as this similarity compares it. */
    public String frameKey(StackFrame frame) {
        String key = byFrame.get(frame);
        if (key == null) {
            String folded = FrameNormalizer.normalize(frame, similarity);
            key = canonical.computeIfAbsent(folded, k -> k);
            byFrame.put(frame, key);
        }
        return key;
    }

    /**
     * The compared frames of {@code thread}, top first (at most {@link Similarity#frameLimit()}); where the
     * similarity compares Go call arguments, each frame's key ends with them in parentheses.
     */
    public List<String> signature(DumpThread thread) {
        List<StackFrame> frames = thread.frames();
        int n = Math.min(frames.size(), similarity.frameLimit());
        if (n == 0) return List.of();
        boolean args = comparesArguments(thread);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String key = frameKey(frames.get(i));
            if (args) key = canonical.computeIfAbsent(key + "(" + argumentKey(thread.callArgs().get(i)) + ")", k -> k);
            out.add(key);
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the signature of {@code thread} includes its call arguments (Go, at exact or any-pointer). */
    public boolean comparesArguments(DumpThread thread) {
        return similarity.args() != Similarity.Args.IGNORED && thread.callArgs().size() == thread.frames().size()
                && !thread.callArgs().isEmpty();
    }

    private String argumentKey(String printed) {
        return argumentKeys.computeIfAbsent(printed, p -> FrameNormalizer.arguments(p, similarity));
    }
}
