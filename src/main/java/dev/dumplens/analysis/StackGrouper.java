package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadState;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Groups threads by state and stack signature. Every thread lands in exactly one group; groups come largest
 * first, ties in order of their first member's position in the dump.
 */
public final class StackGrouper {

    private StackGrouper() { }

    /** Groups {@code threads} (in dump order) at {@code similarity}. */
    public static List<StackGroup> group(List<DumpThread> threads, Similarity similarity) {
        return group(threads, new StackSignatures(similarity));
    }

    /**
     * Groups {@code threads} with a shared signature cache (for comparing several dumps). Threads are first
     * bucketed by state and their exact frame instances (parsers intern frames, so this is cheap), and each
     * distinct stack is normalized once; buckets with equal signatures then merge into one group.
     */
    public static List<StackGroup> group(List<DumpThread> threads, StackSignatures signatures) {
        int limit = signatures.similarity().frameLimit();
        Map<ExactKey, Integer> bucketGroup = new HashMap<>();
        Map<GroupKey, Integer> groupIndex = new HashMap<>();
        List<GroupKey> keys = new ArrayList<>();
        int[] groupOf = new int[threads.size()];
        for (int i = 0; i < threads.size(); i++) {
            DumpThread t = threads.get(i);
            List<StackFrame> frames = t.frames().size() > limit ? t.frames().subList(0, limit) : t.frames();
            List<String> args = signatures.comparesArguments(t) ? t.callArgs().subList(0, frames.size()) : List.of();
            ExactKey exact = new ExactKey(t.state(), frames, args);
            Integer g = bucketGroup.get(exact);
            if (g == null) {
                GroupKey k = new GroupKey(t.state(), signatures.signature(t));
                g = groupIndex.get(k);
                if (g == null) {
                    g = keys.size();
                    groupIndex.put(k, g);
                    keys.add(k);
                }
                bucketGroup.put(exact, g);
            }
            groupOf[i] = g;
        }
        List<List<DumpThread>> members = new ArrayList<>(keys.size());
        for (int g = 0; g < keys.size(); g++) members.add(new ArrayList<>());
        for (int i = 0; i < threads.size(); i++) members.get(groupOf[i]).add(threads.get(i));
        List<StackGroup> groups = new ArrayList<>(keys.size());
        for (int g = 0; g < keys.size(); g++) groups.add(toGroup(keys.get(g), members.get(g)));
        groups.sort((a, b) -> Integer.compare(b.size(), a.size())); // stable: first appearance breaks ties
        return groups;
    }

    /** The stable key of a state and signature, as {@link StackGroup#key()} documents. */
    public static String key(ThreadState state, List<String> signature) {
        MessageDigest sha = sha256();
        for (String frame : signature) {
            sha.update(frame.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return state.name() + "/" + HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static StackGroup toGroup(GroupKey k, List<DumpThread> threads) {
        List<String> templates = new ArrayList<>(threads.size());
        for (DumpThread t : threads) templates.add(NameTemplates.of(t.name()));
        DumpThread first = threads.get(0);
        return new StackGroup(key(k.state, k.signature), k.state, k.signature,
                first.frames().subList(0, k.signature.size()), NameTemplates.common(templates), threads);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record GroupKey(ThreadState state, List<String> signature) { }

    /**
     * A state, the very frame instances of a stack (compared with {@link StackFrame#equals}) and, where the
     * similarity compares them, the Go call arguments as printed. A class rather than a record: it is hashed once
     * per thread, and a record's equals/hashCode go through method handles, which cost a lot before the JIT has
     * compiled them.
     */
    private static final class ExactKey {
        private final ThreadState state;
        private final List<StackFrame> frames;
        private final List<String> args;
        private final int hash;

        ExactKey(ThreadState state, List<StackFrame> frames, List<String> args) {
            this.state = state;
            this.frames = frames;
            this.args = args;
            this.hash = 31 * (31 * state.hashCode() + frames.hashCode()) + args.hashCode();
        }

        @Override public boolean equals(Object o) {
            return o instanceof ExactKey k && k.hash == hash && k.state == state
                    && (k.frames == frames || k.frames.equals(frames)) && k.args.equals(args);
        }

        @Override public int hashCode() { return hash; }
    }
}
