package dev.dumplens.formats.hotspot;

import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;

import static dev.dumplens.formats.hotspot.ByteText.lit;

/**
 * Reads the lock lines HotSpot prints under a stack frame, after {@code "\t- "}: {@code locked <0x…> (a X)},
 * {@code waiting to lock <…>}, {@code waiting on <…>} (also {@code <no object reference available>}),
 * {@code waiting to re-lock in wait() <…>}, {@code parking to wait for  <…>}, {@code eliminated <…>} and
 * {@code waiting on the Class initialization monitor for X}; and the {@code <0x…> (a X)} entries of
 * "Locked ownable synchronizers". Lock references are interned per file.
 */
final class LockLineParser {
    private static final byte[] LOCKED = lit("locked ");
    private static final byte[] WAITING_TO_LOCK = lit("waiting to lock ");
    private static final byte[] CLASS_INIT = lit("waiting on the Class initialization monitor for ");
    private static final byte[] WAITING_ON = lit("waiting on ");
    private static final byte[] RELOCK = lit("waiting to re-lock in wait() ");
    private static final byte[] PARKING = lit("parking to wait for ");
    private static final byte[] ELIMINATED = lit("eliminated ");
    private static final byte[] CLASS_PREFIX = lit("(a ");
    /** Prefix of {@link LockRef#id()} for class-initialization waits, followed by the class name. */
    static final String CLASS_INIT_ID_PREFIX = "class-init:";

    private final ByteText t;
    private final ByteInterner<LockRef> refs;

    /** The kind found by the last {@link #parse} call. */
    private LockAction.Kind kind;
    /** The lock found by the last {@link #parse} call; {@code null} when the line names no object. */
    private LockRef lock;

    LockLineParser(ByteText t) {
        this.t = t;
        this.refs = new ByteInterner<>(t, 256, this::createRef);
    }

    LockAction.Kind kind() { return kind; }

    LockRef lock() { return lock; }

    /** Reads the lock action in {@code [from, end)} (text after "- "); false when it is not one. */
    boolean parse(int from, int end) {
        int rest;
        if ((rest = after(from, end, LOCKED)) >= 0) {
            kind = LockAction.Kind.LOCKED;
        } else if ((rest = after(from, end, WAITING_TO_LOCK)) >= 0) {
            kind = LockAction.Kind.WAITING_TO_LOCK;
        } else if ((rest = after(from, end, CLASS_INIT)) >= 0) {
            kind = LockAction.Kind.CLASS_INIT;
            int e = t.trimEnd(rest, end);
            String cls = t.decode(rest, e);
            lock = new LockRef(CLASS_INIT_ID_PREFIX + cls, cls);
            return true;
        } else if ((rest = after(from, end, WAITING_ON)) >= 0) {
            kind = LockAction.Kind.WAITING_ON;
        } else if ((rest = after(from, end, RELOCK)) >= 0) {
            kind = LockAction.Kind.WAITING_TO_RELOCK;
        } else if ((rest = after(from, end, PARKING)) >= 0) {
            kind = LockAction.Kind.PARKING;
        } else if ((rest = after(from, end, ELIMINATED)) >= 0) {
            kind = LockAction.Kind.ELIMINATED;
        } else {
            return false;
        }
        int open = t.skipBlanks(rest, end);
        if (open >= end || t.at(open) != '<') return false;
        lock = ref(open, end);
        return true;
    }

    /**
     * The lock reference {@code <id> (a Class)} starting at {@code open} (the '&lt;'); {@code null} for texts
     * that name no object such as {@code <no object reference available>} or {@code <owner is scalar replaced>}.
     */
    LockRef ref(int open, int end) {
        int close = t.indexOf((byte) '>', open, end);
        if (close < 0 || close == open + 1 || t.indexOf((byte) ' ', open, close) >= 0) return null;
        return refs.intern(open, t.trimEnd(open, end));
    }

    private LockRef createRef(int from, int to) {
        int close = t.indexOf((byte) '>', from, to);
        String id = t.decode(from + 1, close);
        int cls = t.indexOf((byte) '(', close, to);
        String className = "";
        if (cls >= 0 && t.startsWith(cls, to, CLASS_PREFIX)) {
            int clsEnd = t.lastIndexOf((byte) ')', cls, to);
            className = t.decode(cls + CLASS_PREFIX.length, clsEnd < 0 ? to : clsEnd);
        }
        return new LockRef(id, className);
    }

    private int after(int from, int end, byte[] literal) {
        return t.startsWith(from, end, literal) ? from + literal.length : -1;
    }
}
