package dev.dumplens.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a thread dump: a Java platform thread, a virtual thread, a carrier, or a VM/native thread.
 * Absent numbers are {@code null}.
 *
 * @param name               thread name as printed (may contain quotes, newlines, unicode)
 * @param javaId             the Java thread id ({@code #N}, or "tid" of dump_to_file output); goroutine id for Go
 * @param address            HotSpot {@code tid=0x…}: the native JavaThread address, or {@code null}
 * @param nid                OS thread id ({@code nid=}, hex before JDK 25, decimal from JDK 25 on)
 * @param daemon             whether the header says {@code daemon}
 * @param priority           {@code prio=}
 * @param osPriority         {@code os_prio=}
 * @param cpuMillis          {@code cpu=} in milliseconds
 * @param elapsedSeconds     {@code elapsed=} in seconds
 * @param allocatedBytes     {@code allocated=} in bytes ({@code jstack -e})
 * @param definedClasses     {@code defined_classes=} ({@code jstack -e})
 * @param state              the {@code java.lang.Thread.State}, or {@link ThreadState#NONE}
 * @param stateDetail        the state text as printed ("WAITING (parking)", "CW", "chan receive"), or ""
 * @param headerStatus       the header's status words ("waiting on condition", "in Object.wait()"), or ""
 * @param virtual            a virtual thread
 * @param mountedVirtualId   on a carrier: the id of the virtual thread it carries, else {@code null}
 * @param carrierId          on a mounted virtual thread: the carrier's Java id, else {@code null}
 * @param frames             top frame first; interned, shared between threads
 * @param locks              lock lines, in printed order
 * @param ownedSynchronizers "Locked ownable synchronizers" ({@code jstack -l})
 * @param line               1-based line of the header in the source file, for re-reading the raw text
 * @param waitMinutes        Go: how long the goroutine has been blocked, as its header says ({@code 12 minutes});
 *                           {@code null} when not printed (Go prints it from one minute on) and for other formats
 * @param callArgs           Go: each frame's call arguments as printed ({@code 0x3, 0xc000012028, 0x0?},
 *                           {@code ...} when elided), parallel to {@code frames} ("" where a frame has none);
 *                           empty for formats without arguments. Not part of the frame text, so that stacks
 *                           that differ only in argument values share frames
 */
public record DumpThread(
        String name,
        Long javaId,
        String address,
        Long nid,
        boolean daemon,
        Integer priority,
        Integer osPriority,
        Double cpuMillis,
        Double elapsedSeconds,
        Long allocatedBytes,
        Long definedClasses,
        ThreadState state,
        String stateDetail,
        String headerStatus,
        boolean virtual,
        Long mountedVirtualId,
        Long carrierId,
        List<StackFrame> frames,
        List<LockAction> locks,
        List<LockRef> ownedSynchronizers,
        long line,
        Integer waitMinutes,
        List<String> callArgs) {

    public DumpThread {
        name = name == null ? "" : name;
        state = state == null ? ThreadState.NONE : state;
        stateDetail = stateDetail == null ? "" : stateDetail;
        headerStatus = headerStatus == null ? "" : headerStatus;
        frames = List.copyOf(frames);
        locks = List.copyOf(locks);
        ownedSynchronizers = List.copyOf(ownedSynchronizers);
        callArgs = callArgs == null ? List.of() : List.copyOf(callArgs);
    }

    /** A thread of a format without wait minutes and call arguments (every JVM format). */
    public DumpThread(String name, Long javaId, String address, Long nid, boolean daemon, Integer priority,
                      Integer osPriority, Double cpuMillis, Double elapsedSeconds, Long allocatedBytes,
                      Long definedClasses, ThreadState state, String stateDetail, String headerStatus,
                      boolean virtual, Long mountedVirtualId, Long carrierId, List<StackFrame> frames,
                      List<LockAction> locks, List<LockRef> ownedSynchronizers, long line) {
        this(name, javaId, address, nid, daemon, priority, osPriority, cpuMillis, elapsedSeconds, allocatedBytes,
                definedClasses, state, stateDetail, headerStatus, virtual, mountedVirtualId, carrierId, frames, locks,
                ownedSynchronizers, line, null, List.of());
    }

    /** The top frame, or {@code null} for a thread without frames. */
    public StackFrame topFrame() {
        return frames.isEmpty() ? null : frames.get(0);
    }

    /** Lock lines of one kind. */
    public List<LockRef> locks(LockAction.Kind kind) {
        List<LockRef> out = new ArrayList<>(2);
        for (LockAction a : locks) if (a.kind() == kind && a.lock() != null) out.add(a.lock());
        return out;
    }

    public static Builder builder(String name) { return new Builder(name); }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.javaId = javaId; b.address = address; b.nid = nid; b.daemon = daemon; b.priority = priority;
        b.osPriority = osPriority; b.cpuMillis = cpuMillis; b.elapsedSeconds = elapsedSeconds;
        b.allocatedBytes = allocatedBytes; b.definedClasses = definedClasses; b.state = state;
        b.stateDetail = stateDetail; b.headerStatus = headerStatus; b.virtual = virtual;
        b.mountedVirtualId = mountedVirtualId; b.carrierId = carrierId; b.frames.addAll(frames);
        b.locks.addAll(locks); b.ownedSynchronizers.addAll(ownedSynchronizers); b.line = line;
        b.waitMinutes = waitMinutes; b.callArgs.addAll(callArgs);
        return b;
    }

    /** Mutable builder used by parsers. */
    public static final class Builder {
        public String name;
        public Long javaId;
        public String address;
        public Long nid;
        public boolean daemon;
        public Integer priority;
        public Integer osPriority;
        public Double cpuMillis;
        public Double elapsedSeconds;
        public Long allocatedBytes;
        public Long definedClasses;
        public ThreadState state = ThreadState.NONE;
        public String stateDetail = "";
        public String headerStatus = "";
        public boolean virtual;
        public Long mountedVirtualId;
        public Long carrierId;
        public final List<StackFrame> frames = new ArrayList<>();
        public final List<LockAction> locks = new ArrayList<>();
        public final List<LockRef> ownedSynchronizers = new ArrayList<>();
        public long line;
        public Integer waitMinutes;
        public final List<String> callArgs = new ArrayList<>();

        public Builder(String name) { this.name = name; }

        /** Adds a lock line for the most recently added frame (or frame 0 when none yet). */
        public Builder lock(LockAction.Kind kind, LockRef lock) {
            locks.add(new LockAction(Math.max(0, frames.size() - 1), kind, lock));
            return this;
        }

        public DumpThread build() {
            return new DumpThread(name, javaId, address, nid, daemon, priority, osPriority, cpuMillis,
                    elapsedSeconds, allocatedBytes, definedClasses, state, stateDetail, headerStatus, virtual,
                    mountedVirtualId, carrierId, frames, locks, ownedSynchronizers, line, waitMinutes, callArgs);
        }
    }
}
