package dev.dumplens.formats.hotspot;

import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;

import static dev.dumplens.formats.hotspot.ByteText.lit;

/**
 * Reads the lines HotSpot prints after {@code "\t- "} under a stack frame: {@code locked <0x…> (a X)},
 * {@code waiting to lock <…>}, {@code waiting on <…>} (also {@code <no object reference available>}),
 * {@code waiting to re-lock in wait() <…>}, {@code parking to wait for  <…>}, {@code eliminated <…>},
 * {@code waiting on the Class initialization monitor for X}, and the {@code <0x…> (a X)} / {@code None} entries of
 * "Locked ownable synchronizers". Lines are interned per file by their bytes, so a line seen before costs one
 * hash lookup.
 */
final class LockLineParser {
    private static final byte[] LOCKED = lit("locked ");
    private static final byte[] WAITING_TO_LOCK = lit("waiting to lock ");
    private static final byte[] CLASS_INIT = lit("waiting on the Class initialization monitor for ");
    private static final byte[] WAITING_ON = lit("waiting on ");
    private static final byte[] RELOCK = lit("waiting to re-lock in wait() ");
    private static final byte[] PARKING = lit("parking to wait for ");
    private static final byte[] ELIMINATED = lit("eliminated ");
    private static final byte[] AT = lit("at ");
    private static final byte[] CLASS_PREFIX = lit("(a ");
    /** Prefix of {@link LockRef#id()} for class-initialization waits, followed by the class name. */
    static final String CLASS_INIT_ID_PREFIX = "class-init:";

    /**
     * What one line says.
     *
     * @param kind        the lock action, or {@code null} for an ownable-synchronizer entry or an unknown line
     * @param lock        the lock of the action; {@code null} when the line names no object
     * @param owned       the synchronizer of a "Locked ownable synchronizers" entry, else {@code null}
     * @param frameOffset where a stack frame ("at …") starts on the same line, relative to the line, or -1: JDK 17
     *                    prints "- eliminated &lt;owner is scalar replaced&gt; (a X)" without a line break
     */
    record LockLine(LockAction.Kind kind, LockRef lock, LockRef owned, int frameOffset) { }

    private final ByteText t;
    private final ByteInterner<String> classNames;
    private final ByteInterner<LockRef> refs;
    private final ByteInterner<LockLine> lines;

    /** {@code texts} interns class names. */
    LockLineParser(ByteText t, ByteInterner<String> texts) {
        this.t = t;
        this.classNames = texts;
        this.refs = new ByteInterner<>(t, 256, this::createRef);
        this.lines = new ByteInterner<>(t, 1024, this::createLine);
    }

    /** The line {@code [from, newline)} (text after "- "), whose {@link ByteText#hash} is {@code hash}. */
    LockLine line(int from, int newline, int hash) {
        return lines.intern(from, newline, hash);
    }

    private LockLine createLine(int from, int newline) {
        int end = t.trimEnd(from, t.contentEnd(from, newline));
        if (from < end && t.at(from) == '<') return new LockLine(null, null, ref(from, end), -1);
        int rest;
        LockAction.Kind kind;
        int frame = -1;
        if ((rest = after(from, end, LOCKED)) >= 0) {
            kind = LockAction.Kind.LOCKED;
        } else if ((rest = after(from, end, WAITING_TO_LOCK)) >= 0) {
            kind = LockAction.Kind.WAITING_TO_LOCK;
        } else if ((rest = after(from, end, CLASS_INIT)) >= 0) {
            String cls = classNames.intern(rest, end);
            return new LockLine(LockAction.Kind.CLASS_INIT, new LockRef(CLASS_INIT_ID_PREFIX + cls, cls), null, -1);
        } else if ((rest = after(from, end, WAITING_ON)) >= 0) {
            kind = LockAction.Kind.WAITING_ON;
        } else if ((rest = after(from, end, RELOCK)) >= 0) {
            kind = LockAction.Kind.WAITING_TO_RELOCK;
        } else if ((rest = after(from, end, PARKING)) >= 0) {
            kind = LockAction.Kind.PARKING;
        } else if ((rest = after(from, end, ELIMINATED)) >= 0) {
            kind = LockAction.Kind.ELIMINATED;
            int tab = t.indexOf((byte) '\t', rest, end);
            if (tab >= 0) {
                int at = t.skipBlanks(tab, end);
                if (t.startsWith(at, end, AT)) frame = at + AT.length - from;
                end = t.trimEnd(rest, tab);
            }
        } else {
            return new LockLine(null, null, null, -1);
        }
        int open = t.skipBlanks(rest, end);
        LockRef lock = open < end && t.at(open) == '<' ? ref(open, end) : null;
        return new LockLine(kind, lock, null, frame);
    }

    /**
     * The lock reference {@code <id> (a Class)} starting at {@code open} (the '&lt;'); {@code null} for texts
     * that name no object such as {@code <no object reference available>} or {@code <owner is scalar replaced>}.
     */
    private LockRef ref(int open, int end) {
        int close = t.indexOf((byte) '>', open, end);
        if (close < 0 || close == open + 1 || t.indexOf((byte) ' ', open, close) >= 0) return null;
        return refs.intern(open, end);
    }

    private LockRef createRef(int from, int to) {
        int close = t.indexOf((byte) '>', from, to);
        String id = t.decode(from + 1, close);
        int cls = t.indexOf((byte) '(', close, to);
        String className = "";
        if (cls >= 0 && t.startsWith(cls, to, CLASS_PREFIX)) {
            int clsEnd = t.lastIndexOf((byte) ')', cls, to);
            className = classNames.intern(cls + CLASS_PREFIX.length, clsEnd < 0 ? to : clsEnd);
        }
        return new LockRef(id, className);
    }

    private int after(int from, int end, byte[] literal) {
        return t.startsWith(from, end, literal) ? from + literal.length : -1;
    }
}
