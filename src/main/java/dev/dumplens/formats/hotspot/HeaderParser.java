package dev.dumplens.formats.hotspot;

import static dev.dumplens.formats.hotspot.ByteText.lit;

/**
 * Reads a HotSpot thread header line such as
 * {@code "name" #12 [4711] daemon prio=5 os_prio=0 cpu=1.20ms elapsed=3.40s allocated=16K defined_classes=3
 * tid=0x00007f… nid=0x1a2b waiting on condition  [0x00007f…]} (JDK 8 to 25, Java and VM threads).
 *
 * <p>The name is everything between the first quote and the last quote that is followed by a valid header tail,
 * so names may contain quotes and even a complete fake header; a name with newlines makes the header span lines.
 */
final class HeaderParser {
    private static final byte[] DAEMON = lit("daemon");
    private static final byte[] PRIO = lit("prio=");
    private static final byte[] OS_PRIO = lit("os_prio=");
    private static final byte[] CPU = lit("cpu=");
    private static final byte[] ELAPSED = lit("elapsed=");
    private static final byte[] ALLOCATED = lit("allocated=");
    private static final byte[] DEFINED_CLASSES = lit("defined_classes=");
    private static final byte[] TID = lit("tid=");
    private static final byte[] NID = lit("nid=");
    private static final int MAX_NAME_LINES = 8;

    private final ByteText t;
    private final ByteInterner<String> texts;

    HeaderParser(ByteText t, ByteInterner<String> texts) {
        this.t = t;
        this.texts = texts;
    }

    /**
     * The header starting at the line start {@code lineStart} whose content ends at {@code end}, or {@code null}
     * when no header starts there. A name with newlines continues on the next lines (at most eight).
     */
    ThreadHeader parse(int lineStart, int end) {
        if (lineStart >= end || t.at(lineStart) != '"') return null;
        int q = closingQuote(lineStart + 1, end);
        int lines = 1;
        int lineEnd = end;
        int nl = end;
        while (q < 0 && lines < MAX_NAME_LINES) {
            nl = t.newline(nl);
            if (nl >= t.length()) return null;
            int s = nl + 1;
            nl = t.newline(s);
            int e = t.contentEnd(s, nl);
            if (s < e && t.at(s) == '"' && closingQuote(s + 1, e) >= 0) return null; // the next header
            lines++;
            lineEnd = e;
            q = closingQuote(s, e);
        }
        if (q < 0) return null;
        ThreadHeader h = new ThreadHeader();
        h.lines = lines;
        h.name = lines == 1 ? t.decode(lineStart + 1, q) : multiLineName(lineStart, end, lines, q);
        parseTail(q + 1, lineEnd, h);
        return h;
    }

    private String multiLineName(int lineStart, int end, int lines, int quote) {
        StringBuilder sb = new StringBuilder(t.decode(lineStart + 1, end));
        int nl = t.newline(end);
        for (int i = 1; i < lines; i++) {
            int s = nl + 1;
            nl = t.newline(s);
            sb.append('\n').append(t.decode(s, i == lines - 1 ? quote : t.contentEnd(s, nl)));
        }
        return sb.toString();
    }

    /**
     * Index of the quote that closes a thread name on the line {@code [from, end)}: the last quote followed by a
     * valid header tail; -1 when there is none.
     */
    private int closingQuote(int from, int end) {
        for (int q = t.lastIndexOf((byte) '"', from, end); q >= from; q = t.lastIndexOf((byte) '"', from, q)) {
            if (isTail(q + 1, end)) return q;
        }
        return -1;
    }

    /**
     * Whether {@code [p, end)} is the part of a header after the name: it starts with a header field and holds
     * the {@code tid=} every HotSpot header (Java, VM and carrier threads, JDK 6 to 25) prints.
     */
    private boolean isTail(int p, int end) {
        if (p >= end || t.at(p) != ' ') return false;
        int s = t.skipBlanks(p, end);
        if (s + 1 >= end) return false;
        byte c = t.at(s);
        boolean field = c == '#' || c == '[' ? ByteText.isDigit(t.at(s + 1))
                : t.startsWith(s, end, DAEMON) || t.startsWith(s, end, PRIO) || t.startsWith(s, end, OS_PRIO)
                        || t.startsWith(s, end, TID) || t.startsWith(s, end, CPU);
        return field && t.indexOf(TID, s, end) >= 0;
    }

    /** Fills {@code b} from the header tail {@code [p, end)} (after the closing quote). */
    private void parseTail(int p, int end, ThreadHeader b) {
        Long nativeTid = null;
        while (p < end) {
            p = t.skipBlanks(p, end);
            if (p >= end) break;
            int tokEnd = t.indexOf((byte) ' ', p, end);
            if (tokEnd < 0) tokEnd = end;
            byte c = t.at(p);
            if (c == '#') {
                b.javaId = number(p + 1, tokEnd);
            } else if (c == '[') {
                boolean address = p + 2 < tokEnd && t.at(p + 1) == '0' && t.at(p + 2) == 'x';
                if (!address) nativeTid = number(p + 1, tokEnd);
            } else if (t.equalsLiteral(p, tokEnd, DAEMON)) {
                b.daemon = true;
            } else if (t.startsWith(p, tokEnd, PRIO)) {
                b.priority = intOrNull(p + PRIO.length, tokEnd);
            } else if (t.startsWith(p, tokEnd, OS_PRIO)) {
                b.osPriority = intOrNull(p + OS_PRIO.length, tokEnd);
            } else if (t.startsWith(p, tokEnd, CPU)) {
                b.cpuMillis = duration(p + CPU.length, tokEnd, false);
            } else if (t.startsWith(p, tokEnd, ELAPSED)) {
                b.elapsedSeconds = duration(p + ELAPSED.length, tokEnd, true);
            } else if (t.startsWith(p, tokEnd, ALLOCATED)) {
                b.allocatedBytes = byteSize(p + ALLOCATED.length, tokEnd);
            } else if (t.startsWith(p, tokEnd, DEFINED_CLASSES)) {
                b.definedClasses = number(p + DEFINED_CLASSES.length, tokEnd);
            } else if (t.startsWith(p, tokEnd, TID)) {
                b.address = t.decode(p + TID.length, tokEnd);
            } else if (t.startsWith(p, tokEnd, NID)) {
                b.nid = nid(p + NID.length, tokEnd);
                b.status = status(tokEnd, end);
                break;
            }
            p = tokEnd;
        }
        if (b.nid == null) b.nid = nativeTid;
    }

    /** The status words after nid= up to the "[0x…]" stack address: "waiting on condition", "runnable". */
    private String status(int from, int end) {
        int s = t.skipBlanks(from, end);
        int bracket = t.indexOf((byte) '[', s, end);
        int e = t.trimEnd(s, bracket < 0 ? end : bracket);
        return e > s ? texts.intern(s, e) : "";
    }

    /** nid: hex with 0x before JDK 25, decimal from JDK 25 on. */
    private Long nid(int from, int end) {
        if (end - from > 2 && t.at(from) == '0' && (t.at(from + 1) == 'x' || t.at(from + 1) == 'X')) {
            long v = t.hex(from + 2, end);
            return v < 0 ? null : v;
        }
        return number(from, end);
    }

    private Long number(int from, int end) {
        int e = t.digitsEnd(from, end);
        return e == from ? null : t.decimal(from, e);
    }

    private Integer intOrNull(int from, int end) {
        boolean negative = from < end && t.at(from) == '-';
        Long v = number(negative ? from + 1 : from, end);
        if (v == null || v > Integer.MAX_VALUE) return null;
        return (int) (negative ? -v : v);
    }

    /**
     * "12.34ms" or "5.67s" in seconds ({@code inSeconds}) or milliseconds; a bare number is taken as already in
     * that unit.
     */
    private Double duration(int from, int end, boolean inSeconds) {
        double v = t.decimalFraction(from, end);
        if (Double.isNaN(v)) return null;
        boolean ms = end - from >= 2 && t.at(end - 2) == 'm' && t.at(end - 1) == 's';
        boolean s = !ms && end > from && t.at(end - 1) == 's';
        if (ms && inSeconds) return v / 1000;
        if (s && !inSeconds) return v * 1000;
        return v;
    }

    /** "536B", "16268K", "12M", "3G" in bytes. */
    private Long byteSize(int from, int end) {
        int e = t.digitsEnd(from, end);
        if (e == from) return null;
        long v = t.decimal(from, e);
        int shift = 0;
        if (e < end) {
            switch (t.at(e)) {
                case 'K': case 'k': shift = 10; break;
                case 'M': case 'm': shift = 20; break;
                case 'G': case 'g': shift = 30; break;
                default: shift = 0;
            }
        }
        return v << shift;
    }
}
