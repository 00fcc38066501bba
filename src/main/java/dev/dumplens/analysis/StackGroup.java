package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Threads of one dump with the same state and the same stack at one {@link Similarity}.
 *
 * @param key          stable identity of state + signature: equal for the same stack in another dump or another
 *                     run, when computed at the same similarity ({@code "BLOCKED/3fa9c1d24b7e0a11"})
 * @param state        the members' state
 * @param signature    the compared frames (normalized as the similarity says), top first
 * @param frames       representative frames as printed: the first member's, cut to the signature's length
 * @param nameTemplate the members' common name template (see {@link NameTemplates#common})
 * @param threads      the members, in dump order
 */
public record StackGroup(String key, ThreadState state, List<String> signature, List<StackFrame> frames,
                         String nameTemplate, List<DumpThread> threads) {

    public StackGroup {
        signature = List.copyOf(signature);
        frames = List.copyOf(frames);
        threads = List.copyOf(threads);
    }

    public int size() { return threads.size(); }

    /** The top representative frame, or {@code null} for threads without frames. */
    public StackFrame topFrame() { return frames.isEmpty() ? null : frames.get(0); }

    /**
     * This group split by the members' own name templates, largest first (ties in order of first appearance).
     * Each part keeps this group's key: a pool whose stack equals another pool's is told apart across dumps by
     * {@code key} together with {@code nameTemplate}.
     */
    public List<StackGroup> splitByNameTemplate() {
        Map<String, List<DumpThread>> parts = new LinkedHashMap<>();
        for (DumpThread t : threads) parts.computeIfAbsent(NameTemplates.of(t.name()), k -> new ArrayList<>()).add(t);
        if (parts.size() == 1) return List.of(this);
        List<StackGroup> out = new ArrayList<>(parts.size());
        parts.forEach((template, members) -> out.add(new StackGroup(key, state, signature,
                members.get(0).frames().subList(0, frames.size()), template, members)));
        out.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return out;
    }
}
