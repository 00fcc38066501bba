package dev.dumplens.model;

/**
 * A lock line printed under a stack frame ("- locked &lt;0x…&gt; (a X)", "- waiting to lock …", …).
 *
 * @param frameIndex index of the frame the line follows in {@link DumpThread#frames()} (0 = top frame)
 * @param kind       what the thread does with the lock
 * @param lock       the lock; {@code null} when the line names no object ("waiting on &lt;no object reference
 *                   available&gt;", "eliminated &lt;owner is scalar replaced&gt;"); for {@link Kind#CLASS_INIT} the
 *                   class being initialized with id "class-init:" + class name
 */
public record LockAction(int frameIndex, Kind kind, LockRef lock) {

    public enum Kind {
        /** {@code - locked <…>}: holds the monitor. */
        LOCKED,
        /** {@code - waiting to lock <…>}: BLOCKED entering the monitor. */
        WAITING_TO_LOCK,
        /** {@code - waiting on <…>}: in {@code Object.wait()}, released the monitor. */
        WAITING_ON,
        /** {@code - waiting to re-lock in wait() <…>}: woken from wait(), blocked re-entering. */
        WAITING_TO_RELOCK,
        /** {@code - parking to wait for <…>}: parked on a java.util.concurrent synchronizer. */
        PARKING,
        /** {@code - eliminated <owner is scalar replaced> (a X)}: lock elided by escape analysis. */
        ELIMINATED,
        /** {@code - waiting on the Class initialization monitor for X}: waiting for another thread's {@code <clinit>}. */
        CLASS_INIT
    }
}
