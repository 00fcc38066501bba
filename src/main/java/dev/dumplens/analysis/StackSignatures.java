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

    public StackSignatures(Similarity similarity) {
        this.similarity = java.util.Objects.requireNonNull(similarity, "similarity");
    }

    public Similarity similarity() { return similarity; }

    /** The frame as this similarity compares it. */
    public String frameKey(StackFrame frame) {
        String key = byFrame.get(frame);
        if (key == null) {
            String folded = FrameNormalizer.normalize(frame.text(), similarity);
            key = canonical.computeIfAbsent(folded, k -> k);
            byFrame.put(frame, key);
        }
        return key;
    }

    /** The compared frames of {@code thread}, top first (at most {@link Similarity#frameLimit()}). */
    public List<String> signature(DumpThread thread) {
        List<StackFrame> frames = thread.frames();
        int n = Math.min(frames.size(), similarity.frameLimit());
        if (n == 0) return List.of();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(frameKey(frames.get(i)));
        return Collections.unmodifiableList(out);
    }
}
