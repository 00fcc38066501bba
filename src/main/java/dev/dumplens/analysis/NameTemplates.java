package dev.dumplens.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Thread-name templates: the name with its varying parts replaced by {@code *}, so that the members of one pool
 * share a template ({@code pool-3-thread-17} and {@code pool-3-thread-2} both become {@code pool-*-thread-*}).
 */
public final class NameTemplates {

    /** Varying parts, replaced in this order: UUIDs, long hex ids (hashes, addresses), then digit runs. */
    private static final List<Pattern> VARYING = List.of(
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}"),
            Pattern.compile("(?<![A-Za-z0-9])(?:0x)?(?=\\p{XDigit}*\\d)\\p{XDigit}{8,}(?![A-Za-z0-9])"),
            Pattern.compile("\\d+"));

    /** When members' templates differ, at most this many are listed in a group's template. */
    static final int MAX_LISTED = 3;

    private NameTemplates() { }

    /** The template of one thread name: {@code ledger-reader-12} gives {@code ledger-reader-*}. */
    public static String of(String name) {
        String out = name;
        for (Pattern p : VARYING) out = p.matcher(out).replaceAll("*");
        return out;
    }

    /**
     * The template of a set of threads, given each member's template: the single template when all agree,
     * otherwise the distinct templates joined with {@code |}, most frequent first (ties in order of first
     * appearance), at most {@value #MAX_LISTED} of them followed by {@code |…} when there are more.
     */
    public static String common(Collection<String> memberTemplates) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : memberTemplates) counts.merge(t, 1, Integer::sum);
        if (counts.size() == 1) return counts.keySet().iterator().next();
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort((a, b) -> Integer.compare(b.getValue(), a.getValue())); // stable: keeps first appearance
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_LISTED, ranked.size()); i++) {
            if (i > 0) sb.append('|');
            sb.append(ranked.get(i).getKey());
        }
        if (ranked.size() > MAX_LISTED) sb.append("|…");
        return sb.toString();
    }
}
