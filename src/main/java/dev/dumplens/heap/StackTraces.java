package dev.dumplens.heap;

import dev.dumplens.model.StackFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** STACK_FRAME and STACK_TRACE records, turned into jstack-style frame text on demand. */
final class StackTraces {
    private record Frame(long methodNameId, long sourceFileId, int classSerial, int line) { }

    private final Map<Long, Frame> frames = new HashMap<>();
    private final Map<Integer, long[]> traces = new HashMap<>();
    private final Map<Long, StackFrame> interned = new HashMap<>();

    void addFrame(long frameId, long methodNameId, long sourceFileId, int classSerial, int line) {
        frames.put(frameId, new Frame(methodNameId, sourceFileId, classSerial, line));
    }

    void addTrace(int serial, long[] frameIds) {
        traces.put(serial, frameIds);
    }

    /** Number of frames of a trace, or 0 for an unknown trace. */
    int depth(int traceSerial) {
        long[] t = traces.get(traceSerial);
        return t == null ? 0 : t.length;
    }

    /** The frames of a trace, top first, formatted like {@code pkg.Cls.method(File.java:12)}. */
    List<StackFrame> frames(int traceSerial, Names names) {
        long[] t = traces.get(traceSerial);
        if (t == null) return List.of();
        List<StackFrame> out = new ArrayList<>(t.length);
        for (long id : t) out.add(interned.computeIfAbsent(id, k -> new StackFrame(text(k, names))));
        return out;
    }

    private String text(long frameId, Names names) {
        Frame f = frames.get(frameId);
        if (f == null) return "<unknown frame 0x" + Long.toHexString(frameId) + ">";
        String cls = names.vmClassName(names.classIdOfSerial(f.classSerial));
        String method = names.get(f.methodNameId);
        String file = f.sourceFileId == 0 ? null : names.get(f.sourceFileId);
        StringBuilder sb = new StringBuilder();
        sb.append(cls == null ? "<unknown class>" : Hprof.javaClassName(cls)).append('.')
                .append(method == null ? "<unknown method>" : method).append('(');
        if (f.line == -3) sb.append("Native Method");
        else if (file == null || file.isEmpty()) sb.append("Unknown Source");
        else if (f.line > 0) sb.append(file).append(':').append(f.line);
        else sb.append(file);
        return sb.append(')').toString();
    }
}
