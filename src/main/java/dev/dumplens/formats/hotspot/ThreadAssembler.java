package dev.dumplens.formats.hotspot;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link DumpThread}s from a header and the events after it. Identical stacks share one frame list (a pool
 * of 500 idle workers holds one list), which keeps the model small.
 *
 * <p>On a carrier ("Carrying virtual thread #N") the frames of the mounted virtual thread come first (they are
 * the top of the physical stack), followed by the carrier's own frames.
 */
final class ThreadAssembler {
    private final List<DumpThread> threads = new ArrayList<>();
    private final Map<List<StackFrame>, List<StackFrame>> frameLists = new HashMap<>();
    private final List<StackFrame> frames = new ArrayList<>();
    private final List<LockAction> locks = new ArrayList<>();
    private final List<LockRef> owned = new ArrayList<>();

    private ThreadHeader header;
    private long line;
    private StateLine state;
    private Long mountedVirtualId;
    private int mountedStart = -1;
    private boolean inOwnable;

    /** Starts a thread (completing the open one). */
    void start(ThreadHeader h, long headerLine) {
        finish();
        header = h;
        line = headerLine;
    }

    /** Whether a thread is open: its lines may follow. */
    boolean open() { return header != null; }

    void frame(StackFrame f) {
        frames.add(f);
    }

    /** A "- …" line: a lock action, or an entry of "Locked ownable synchronizers". */
    void lock(LockLineParser.LockLine l) {
        if (inOwnable) {
            if (l.owned() != null) owned.add(l.owned());
        } else if (l.kind() != null) {
            locks.add(new LockAction(Math.max(0, frames.size() - 1), l.kind(), l.lock()));
        }
    }

    void state(StateLine s) { state = s; }

    void ownableSection() { inOwnable = true; }

    void blank() { inOwnable = false; }

    void carrying(Long virtualId) { mountedVirtualId = virtualId; }

    void mounted(Long virtualId) {
        mountedStart = frames.size();
        if (mountedVirtualId == null) mountedVirtualId = virtualId;
    }

    /** Completes the open thread, if any. */
    void finish() {
        if (header == null) return;
        if (mountedStart > 0 && mountedStart < frames.size()) putMountedFramesFirst();
        ThreadHeader h = header;
        threads.add(new DumpThread(h.name, h.javaId, h.address, h.nid, h.daemon, h.priority, h.osPriority,
                h.cpuMillis, h.elapsedSeconds, h.allocatedBytes, h.definedClasses,
                state == null ? ThreadState.NONE : state.state(), state == null ? "" : state.detail(), h.status,
                false, mountedVirtualId, null, sharedFrames(), List.copyOf(locks), List.copyOf(owned), line));
        header = null;
        state = null;
        mountedVirtualId = null;
        mountedStart = -1;
        inOwnable = false;
        frames.clear();
        locks.clear();
        owned.clear();
    }

    /** The completed threads so far; the list starts over. */
    List<DumpThread> take() {
        finish();
        List<DumpThread> out = new ArrayList<>(threads);
        threads.clear();
        return out;
    }

    /** An immutable list of the frames, shared with every thread that had the same stack. */
    private List<StackFrame> sharedFrames() {
        if (frames.isEmpty()) return List.of();
        List<StackFrame> found = frameLists.get(frames);
        if (found == null) {
            found = List.copyOf(frames);
            frameLists.put(found, found);
        }
        return found;
    }

    /** Reorders a carrier's frames so the mounted virtual thread's frames (the top of the stack) come first. */
    private void putMountedFramesFirst() {
        int n = frames.size();
        int split = mountedStart;
        List<StackFrame> reordered = new ArrayList<>(frames.subList(split, n));
        reordered.addAll(frames.subList(0, split));
        frames.clear();
        frames.addAll(reordered);
        List<LockAction> remapped = new ArrayList<>(locks.size());
        for (LockAction a : locks) {
            int i = a.frameIndex() >= split ? a.frameIndex() - split : a.frameIndex() + n - split;
            remapped.add(new LockAction(i, a.kind(), a.lock()));
        }
        remapped.sort((x, y) -> Integer.compare(x.frameIndex(), y.frameIndex()));
        locks.clear();
        locks.addAll(remapped);
    }
}
