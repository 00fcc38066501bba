package dev.dumplens.analysis;

import java.util.Locale;

/**
 * How alike two stacks must be to share a group (like panicparse's similarity levels). Every level compares the
 * thread state too; lock lines never count. Go call arguments ({@link dev.dumplens.model.DumpThread#callArgs()})
 * are ignored except where said.
 * <ul>
 *   <li>{@link Kind#EXACT}: every frame's text as printed, line numbers included; Go arguments exactly as
 *       printed (panicparse's ExactLines).</li>
 *   <li>{@link Kind#NORMALIZED} (default): frames folded by {@link FrameNormalizer}'s rules (module/version and
 *       class-loader prefixes, hidden-class and generated-name noise; for Go the source file's directory).</li>
 *   <li>{@link Kind#ANY_POINTER}: normalized, and Go arguments must match except pointer values (panicparse's
 *       AnyPointer: goroutines that got different objects of the same call still group).</li>
 *   <li>{@link Kind#METHOD}: normalized and without line numbers.</li>
 *   <li>{@link Kind#TOP_N}: only the top {@code n} normalized frames (for Go, a goroutine's {@code created by}
 *       entry counts as its last frame).</li>
 * </ul>
 *
 * @param kind the level
 * @param n    frames compared for {@link Kind#TOP_N}; 0 for the other levels
 */
public record Similarity(Kind kind, int n) {

    /** The similarity levels. */
    public enum Kind { EXACT, NORMALIZED, ANY_POINTER, METHOD, TOP_N }

    /** How Go call arguments take part in the comparison. */
    public enum Args {
        /** Not compared. */
        IGNORED,
        /** Compared with every pointer-sized value taken as equal to any other. */
        ANY_POINTER,
        /** Compared as printed. */
        EXACT
    }

    public static final Similarity EXACT = new Similarity(Kind.EXACT, 0);
    public static final Similarity NORMALIZED = new Similarity(Kind.NORMALIZED, 0);
    public static final Similarity METHOD = new Similarity(Kind.METHOD, 0);
    public static final Similarity ANY_POINTER = new Similarity(Kind.ANY_POINTER, 0);
    public static final Similarity DEFAULT = NORMALIZED;

    public Similarity {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind == Kind.TOP_N && n < 1) throw new IllegalArgumentException("top:N needs N >= 1, got " + n);
        if (kind != Kind.TOP_N) n = 0;
    }

    /** Only the top {@code n} normalized frames count. */
    public static Similarity topN(int n) {
        return new Similarity(Kind.TOP_N, n);
    }

    /**
     * Parses {@code exact}, {@code normalized}, {@code any-pointer}, {@code method} or {@code top:N}
     * (case-insensitive).
     *
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    public static Similarity parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "exact": return EXACT;
            case "normalized": return NORMALIZED;
            case "method": return METHOD;
            case "any-pointer": return ANY_POINTER;
            default:
                if (t.startsWith("top:")) {
                    String num = t.substring(4).trim();
                    if (num.matches("\\d{1,6}") && Integer.parseInt(num) >= 1) return topN(Integer.parseInt(num));
                }
                throw new IllegalArgumentException("unknown similarity '" + text
                        + "': expected exact, normalized, any-pointer, method or top:N with N >= 1");
        }
    }

    /** Whether frames are folded by {@link FrameNormalizer} before comparison. */
    public boolean normalizes() {
        return kind != Kind.EXACT;
    }

    /** Whether line numbers are ignored. */
    public boolean ignoresLineNumbers() {
        return kind == Kind.METHOD;
    }

    /** How Go call arguments are compared. */
    public Args args() {
        return kind == Kind.EXACT ? Args.EXACT : kind == Kind.ANY_POINTER ? Args.ANY_POINTER : Args.IGNORED;
    }

    /** How many top frames are compared, or {@link Integer#MAX_VALUE} for all. */
    public int frameLimit() {
        return kind == Kind.TOP_N ? n : Integer.MAX_VALUE;
    }

    /** The form {@link #parse} accepts: {@code exact}, {@code normalized}, {@code any-pointer}, {@code method}, {@code top:N}. */
    @Override public String toString() {
        return kind == Kind.TOP_N ? "top:" + n : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
