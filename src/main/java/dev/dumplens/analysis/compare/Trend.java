package dev.dumplens.analysis.compare;

import java.util.List;
import java.util.Locale;

/**
 * How a count changes over the dumps of a comparison, oldest first.
 * <ul>
 *   <li>{@link #STABLE}: the same count in every dump.</li>
 *   <li>{@link #GROWING}: never decreases and ends higher than it started (10 → 20 → 30 → 40); a count that starts
 *       at 0 and then grows this way is growing too (0 → 5 → 10).</li>
 *   <li>{@link #SHRINKING}: never increases and ends lower, above 0.</li>
 *   <li>{@link #NEW}: absent at first, then present with one unchanging count (0 → 0 → 3 → 3).</li>
 *   <li>{@link #GONE}: present at first, absent in the last dump, never back in between (5 → 5 → 0).</li>
 *   <li>{@link #FLUCTUATING}: anything else (10 → 20 → 15, 0 → 5 → 0).</li>
 * </ul>
 */
public enum Trend {
    GROWING, SHRINKING, STABLE, NEW, GONE, FLUCTUATING;

    /** The lower-case name used in reports and JSON ({@code "growing"}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The trend of {@code counts} (one per dump, oldest first; at least one). */
    public static Trend of(List<Integer> counts) {
        int n = counts.size();
        if (n == 0) throw new IllegalArgumentException("no counts");
        int first = counts.get(0);
        int last = counts.get(n - 1);
        if (first == 0 && last > 0) {
            int from = 0;
            while (counts.get(from) == 0) from++;
            return afterAppearing(counts.subList(from, n));
        }
        if (last == 0) {
            if (first == 0) return allEqual(counts) ? STABLE : FLUCTUATING;
            int to = n - 1;
            while (counts.get(to) == 0) to--;
            return counts.subList(0, to + 1).contains(0) ? FLUCTUATING : GONE;
        }
        if (allEqual(counts)) return STABLE;
        if (monotonic(counts, 1) && last > first) return GROWING;
        if (monotonic(counts, -1) && last < first) return SHRINKING;
        return FLUCTUATING;
    }

    private static Trend afterAppearing(List<Integer> present) {
        if (present.contains(0)) return FLUCTUATING;
        if (allEqual(present)) return NEW;
        return monotonic(present, 1) ? GROWING : FLUCTUATING;
    }

    private static boolean allEqual(List<Integer> counts) {
        for (int c : counts) if (c != counts.get(0)) return false;
        return true;
    }

    /** Never decreasing ({@code direction} 1) or never increasing (-1). */
    private static boolean monotonic(List<Integer> counts, int direction) {
        for (int i = 1; i < counts.size(); i++) {
            if (Integer.compare(counts.get(i), counts.get(i - 1)) * direction < 0) return false;
        }
        return true;
    }
}
