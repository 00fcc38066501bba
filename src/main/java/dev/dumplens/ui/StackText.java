package dev.dumplens.ui;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import javafx.scene.control.TextArea;

/** A thread's stack as text, the way jstack prints it (with lock lines), monospace and copyable. */
final class StackText extends TextArea {

    StackText() {
        setEditable(false);
        setWrapText(false);
        getStyleClass().add("stack-text");
        setId("stack-text");
    }

    void show(DumpThread t) {
        setText(t == null ? "" : render(t));
        positionCaret(0);
    }

    /** jstack-like text of one thread. */
    static String render(DumpThread t) {
        StringBuilder sb = new StringBuilder();
        sb.append('"').append(t.name()).append('"');
        if (t.javaId() != null) sb.append(" #").append(t.javaId());
        if (t.virtual()) sb.append(" virtual");
        if (t.daemon()) sb.append(" daemon");
        if (t.cpuMillis() != null) sb.append(" cpu=").append(t.cpuMillis()).append("ms");
        if (t.elapsedSeconds() != null) sb.append(" elapsed=").append(t.elapsedSeconds()).append("s");
        if (!t.headerStatus().isEmpty()) sb.append(' ').append(t.headerStatus());
        sb.append('\n');
        if (!t.stateDetail().isEmpty()) sb.append("   java.lang.Thread.State: ").append(t.stateDetail()).append('\n');
        int next = 0;
        for (int i = 0; i < t.frames().size(); i++) {
            sb.append("\tat ").append(t.frames().get(i).text()).append('\n');
            while (next < t.locks().size() && t.locks().get(next).frameIndex() == i) {
                sb.append("\t- ").append(lockLine(t.locks().get(next++))).append('\n');
            }
        }
        while (next < t.locks().size()) sb.append("\t- ").append(lockLine(t.locks().get(next++))).append('\n');
        if (!t.ownedSynchronizers().isEmpty()) {
            sb.append("\n   Locked ownable synchronizers:\n");
            t.ownedSynchronizers().forEach(l -> sb.append("\t- ").append(l.display()).append('\n'));
        }
        return sb.toString();
    }

    private static String lockLine(LockAction a) {
        String lock = a.lock() == null ? "<no object reference available>" : a.lock().display();
        return switch (a.kind()) {
            case LOCKED -> "locked " + lock;
            case WAITING_TO_LOCK -> "waiting to lock " + lock;
            case WAITING_ON -> "waiting on " + lock;
            case WAITING_TO_RELOCK -> "waiting to re-lock in wait() " + lock;
            case PARKING -> "parking to wait for  " + lock;
            case ELIMINATED -> "eliminated " + lock;
            case CLASS_INIT -> "waiting on the Class initialization monitor for "
                    + (a.lock() == null ? "?" : a.lock().className());
        };
    }
}
