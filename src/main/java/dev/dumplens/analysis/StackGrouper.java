package dev.dumplens.analysis;

import dev.dumplens.model.DumpThread;
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

    /** Groups {@code threads} with a shared signature cache (for comparing several dumps). */
    public static List<StackGroup> group(List<DumpThread> threads, StackSignatures signatures) {
        Map<GroupKey, List<DumpThread>> members = new HashMap<>();
        List<GroupKey> order = new ArrayList<>();
        for (DumpThread t : threads) {
            GroupKey k = new GroupKey(t.state(), signatures.signature(t));
            List<DumpThread> list = members.get(k);
            if (list == null) {
                list = new ArrayList<>();
                members.put(k, list);
                order.add(k);
            }
            list.add(t);
        }
        List<StackGroup> groups = new ArrayList<>(order.size());
        for (GroupKey k : order) groups.add(toGroup(k, members.get(k)));
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
}
