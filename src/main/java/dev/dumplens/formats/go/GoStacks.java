package dev.dumplens.formats.go;

import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.StackFrame;

import java.util.HashMap;
import java.util.Map;

/**
 * Frames, call arguments and the synchronization objects goroutines block on, for one file: equal frames and
 * argument lists are interned, so goroutines with the same stack share the same instances.
 */
final class GoStacks {
    /**
     * Functions whose first argument is the object the goroutine blocks on, with the name the lock gets. Only
     * Go tracebacks that print runtime frames (SIGQUIT, GOTRACEBACK=system) show the channel functions.
     */
    private static final Map<String, String> BLOCKING_CALLS = Map.ofEntries(
            Map.entry("sync.(*Mutex).Lock", "sync.Mutex"),
            Map.entry("sync.(*Mutex).lockSlow", "sync.Mutex"),
            Map.entry("sync.(*RWMutex).Lock", "sync.RWMutex"),
            Map.entry("sync.(*RWMutex).RLock", "sync.RWMutex"),
            Map.entry("sync.(*WaitGroup).Wait", "sync.WaitGroup"),
            Map.entry("sync.(*Cond).Wait", "sync.Cond"),
            Map.entry("runtime.chanrecv", "chan"),
            Map.entry("runtime.chanrecv1", "chan"),
            Map.entry("runtime.chanrecv2", "chan"),
            Map.entry("runtime.chansend", "chan"),
            Map.entry("runtime.chansend1", "chan"));

    private final Map<String, StackFrame> frames = new HashMap<>();
    private final Map<String, String> args = new HashMap<>();
    private final Map<String, LockRef> locks = new HashMap<>();

    /** The shared frame {@code function(location)}. */
    StackFrame frame(String function, String location) {
        return frames.computeIfAbsent(function + "(" + location + ")", StackFrame::go);
    }

    /** A frame-like line without a position, such as {@code ...additional frames elided...}. */
    StackFrame marker(String text) {
        return frames.computeIfAbsent(text, StackFrame::go);
    }

    /** The shared copy of an argument list as printed. */
    String args(String printed) {
        return args.computeIfAbsent(printed, a -> a);
    }

    /**
     * The lock action of a goroutine whose frame {@code index} calls {@code function} with {@code printedArgs},
     * when that call blocks on a synchronization object whose address is printed reliably (not {@code 0x0?}),
     * else {@code null}.
     */
    LockAction blockingCall(int index, String function, String printedArgs) {
        String kind = BLOCKING_CALLS.get(function);
        if (kind == null) return null;
        String first = firstArgument(printedArgs);
        if (!first.startsWith("0x") || first.endsWith("?") || first.equals("0x0")) return null;
        return new LockAction(index, LockAction.Kind.PARKING,
                locks.computeIfAbsent(first, id -> new LockRef(id, kind)));
    }

    private static String firstArgument(String printedArgs) {
        int comma = printedArgs.indexOf(',');
        return (comma < 0 ? printedArgs : printedArgs.substring(0, comma)).strip();
    }
}
