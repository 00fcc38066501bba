package dev.dumplens.formats.hotspot;

import dev.dumplens.model.StackFrame;
import dev.dumplens.progress.ProgressMonitor;

import static dev.dumplens.formats.hotspot.ByteText.lit;

/**
 * Classifies the lines of one block by their own text (see {@link Events}) and parses what each one says:
 * headers, frames, lock lines, state lines. This is the costly part of parsing, and needs no context, so blocks
 * are lexed in parallel. Frames, lock lines and state texts are interned by their bytes: a line seen before in the
 * block costs one hash lookup; frames and texts are shared across blocks through {@link SharedTexts}.
 */
final class ChunkLexer {
    private static final byte[] AT = lit("at ");
    private static final byte[] STATE = lit("java.lang.Thread.State:");
    private static final byte[] OWNABLE = lit("Locked ownable synchronizers:");
    private static final byte[] CARRYING = lit("Carrying virtual thread #");
    private static final byte[] MOUNTED = lit("Mounted virtual thread #");
    /** "\tat " as a little-endian int. */
    private static final int TAB_AT = '\t' | 'a' << 8 | 't' << 16 | ' ' << 24;
    /** "\t- " as a little-endian 3-byte int. */
    private static final int TAB_DASH = '\t' | '-' << 8 | ' ' << 16;
    private static final int CANCEL_CHECK_LINES = 1 << 16;

    private final ByteText t;
    private final SharedTexts shared;
    private final HeaderParser headers;
    private final LockLineParser lockLines;
    private final ByteInterner<StackFrame> frames;
    private final ByteInterner<StateLine> states;
    private int consumedTo;
    private int linesInRange;
    /** Line number (within the block) of the next line; lines of a header continuing past the range. */
    private int line;
    private int beyond;

    ChunkLexer(ByteText t, SharedTexts shared) {
        this.t = t;
        this.shared = shared;
        ByteInterner<String> texts = new ByteInterner<>(t, 64, (from, to) -> shared.text(t.decode(from, to)));
        this.headers = new HeaderParser(t, texts);
        this.lockLines = new LockLineParser(t, texts);
        this.frames = new ByteInterner<>(t, 1024, this::createFrame);
        this.states = new ByteInterner<>(t, 64, (from, to) -> StateLine.of(shared.text(t.decode(from, to))));
    }

    /** Position after the last line {@link #lex} consumed (beyond its end when a header continued there). */
    int consumedTo() { return consumedTo; }

    /** How many lines start in the range given to {@link #lex}. */
    int linesInRange() { return linesInRange; }

    /**
     * Adds to {@code ev} the events of the lines that start in {@code [from, end)}; {@code from} is a line
     * start.
     */
    void lex(int from, int end, Events ev, ProgressMonitor progress) {
        int p = from;
        line = 0;
        beyond = 0;
        while (p < end) {
            if ((line & (CANCEL_CHECK_LINES - 1)) == 0) progress.checkCancelled();
            p = lexLine(ev, p, end);
        }
        consumedTo = Math.min(p, t.length());
        linesInRange = line - beyond;
    }

    /** Adds the event of the line at {@code p}; returns the start of the next line. */
    private int lexLine(Events ev, int p, int end) {
        if (p + 4 <= t.length()) {
            // the two lines that make most of a dump, each read in one pass
            int head = t.intAt(p);
            if (head == TAB_AT) {
                int nl = t.hashedNewline(p + 4);
                ev.add(Events.FRAME, p, t.contentEnd(p, nl), line++, frames.intern(p + 4, nl, t.lastHash()));
                return nl + 1;
            }
            if ((head & 0xFFFFFF) == TAB_DASH) {
                int nl = t.hashedNewline(p + 3);
                lockLine(ev, p, p + 3, nl, t.lastHash(), line++);
                return nl + 1;
            }
        }
        int nl = t.newline(p);
        int e = t.contentEnd(p, nl);
        int c = t.skipBlanks(p, e);
        ThreadHeader header;
        if (c == e) {
            ev.add(Events.BLANK, p, e, line, null);
        } else if (c > p) {
            indented(ev, p, c, e, nl, line);
        } else if (t.at(c) == '"' && (header = headers.parse(p, e)) != null) {
            ev.add(Events.HEADER, p, e, line, header);
            for (int i = 1; i < header.lines; i++) {
                if (nl + 1 >= end) beyond++;
                nl = t.newline(nl + 1);
                line++;
            }
        } else {
            ev.add(Events.OTHER, p, e, line, null);
        }
        line++;
        return nl + 1;
    }

    private void indented(Events ev, int p, int c, int e, int nl, int ln) {
        byte b = t.at(c);
        if (b == 'a' && t.startsWith(c, e, AT)) {
            ev.add(Events.FRAME, p, e, ln, frames.intern(c + AT.length, nl));
        } else if (b == '-' && c + 1 < e && t.at(c + 1) == ' ') {
            lockLine(ev, p, c + 2, nl, t.hash(c + 2, nl), ln);
        } else if (b == 'j' && t.startsWith(c, e, STATE)) {
            int s = t.skipBlanks(c + STATE.length, e);
            int end = t.trimEnd(s, e);
            ev.add(end > s ? Events.STATE : Events.INDENTED, p, e, ln, end > s ? states.intern(s, end) : null);
        } else if (b == 'L' && t.startsWith(c, e, OWNABLE)) {
            ev.add(Events.OWNABLE, p, e, ln, null);
        } else if (b == 'C' && t.startsWith(c, e, CARRYING)) {
            ev.add(Events.CARRYING, p, e, ln, number(c + CARRYING.length, e));
        } else if (b == 'M' && t.startsWith(c, e, MOUNTED)) {
            ev.add(Events.MOUNTED, p, e, ln, number(c + MOUNTED.length, e));
        } else {
            ev.add(Events.INDENTED, p, e, ln, null);
        }
    }

    /** A line after "- " ({@code [from, nl)}, hashed): a lock action or an ownable-synchronizer entry. */
    private void lockLine(Events ev, int p, int from, int nl, int hash, int ln) {
        LockLineParser.LockLine l = lockLines.line(from, nl, hash);
        int e = t.contentEnd(p, nl);
        ev.add(Events.LOCK, p, e, ln, l);
        if (l.frameOffset() >= 0) ev.add(Events.FRAME, p, e, ln, frames.intern(from + l.frameOffset(), nl));
    }

    private StackFrame createFrame(int from, int newline) {
        return shared.frame(t.decode(from, t.trimEnd(from, t.contentEnd(from, newline))));
    }

    private Long number(int from, int end) {
        int e = t.digitsEnd(from, end);
        return e == from ? null : t.decimal(from, e);
    }
}
