package dev.dumplens.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thread-name templates: the name with its varying parts replaced by {@code *}, so that the members of one pool
 * share a template ({@code pool-3-thread-17} and {@code pool-3-thread-2} both become {@code pool-*-thread-*}).
 */
public final class NameTemplates {

    /** When members' templates differ, at most this many are listed in a group's template. */
    static final int MAX_LISTED = 3;

    private static final int UUID_LENGTH = 36;
    private static final int MIN_HEX_ID = 8;

    private NameTemplates() { }

    /**
     * The template of one thread name: {@code ledger-reader-12} gives {@code ledger-reader-*}. Varying parts,
     * each replaced by one {@code *}: a UUID; a hex id of 8 or more digits with at least one decimal digit
     * (hashes, addresses, optionally {@code 0x}-prefixed); otherwise every run of decimal digits. A hand-written
     * scan rather than regular expressions: it runs once per thread.
     */
    public static String of(String name) {
        if (!hasDigit(name)) return name;
        return scan(name, null);
    }

    /**
     * The varying parts of {@code name}, one per {@code *} of its template, in order: {@code pool-3-thread-17}
     * gives {@code [3, 17]}; a name without varying parts gives an empty list.
     */
    public static List<String> values(String name) {
        if (!hasDigit(name)) return List.of();
        List<String> out = new ArrayList<>(2);
        scan(name, out);
        return out;
    }

    /** The template of {@code name}; each replaced part is added to {@code values} when it is not null. */
    private static String scan(String name, List<String> values) {
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        int n = name.length();
        while (i < n) {
            char c = name.charAt(i);
            if (!isAlnum(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < n && isAlnum(name.charAt(end))) end++;
            if (isUuidAt(name, i)) {
                replaced(name, i, i + UUID_LENGTH, out, values);
                i += UUID_LENGTH;
            } else if (isHexId(name, i, end)) {
                replaced(name, i, end, out, values);
                i = end;
            } else {
                appendWithDigitRunsReplaced(name, i, end, out, values);
                i = end;
            }
        }
        return out.toString();
    }

    private static void replaced(String s, int from, int to, StringBuilder out, List<String> values) {
        out.append('*');
        if (values != null) values.add(s.substring(from, to));
    }

    private static void appendWithDigitRunsReplaced(String s, int from, int to, StringBuilder out,
                                                    List<String> values) {
        int i = from;
        while (i < to) {
            if (isDigit(s.charAt(i))) {
                int end = i;
                while (end < to && isDigit(s.charAt(end))) end++;
                replaced(s, i, end, out, values);
                i = end;
            } else {
                out.append(s.charAt(i++));
            }
        }
    }

    /** {@code [from, to)} is {@code [0x]hhhhhhhh…} with at least {@value #MIN_HEX_ID} hex digits, one of them decimal. */
    private static boolean isHexId(String s, int from, int to) {
        int start = to - from > 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')
                ? from + 2 : from;
        if (to - start < MIN_HEX_ID) return false;
        boolean digit = false;
        for (int i = start; i < to; i++) {
            char c = s.charAt(i);
            if (isDigit(c)) digit = true;
            else if (Character.digit(c, 16) < 0) return false;
        }
        return digit;
    }

    /** A UUID ({@code 8-4-4-4-12} hex digits) starts at {@code at} and is not followed by a letter or digit. */
    private static boolean isUuidAt(String s, int at) {
        if (s.length() - at < UUID_LENGTH) return false;
        for (int k = 0; k < UUID_LENGTH; k++) {
            char c = s.charAt(at + k);
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) return false;
        }
        return at + UUID_LENGTH == s.length() || !isAlnum(s.charAt(at + UUID_LENGTH));
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (isDigit(s.charAt(i))) return true;
        return false;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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
