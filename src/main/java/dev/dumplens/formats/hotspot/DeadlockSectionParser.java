package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.model.JvmDeadlock;

import java.util.ArrayList;
import java.util.List;

import static dev.dumplens.formats.hotspot.ByteText.lit;

/**
 * Reads one "Found one Java-level deadlock:" section HotSpot prints after the threads:
 * <pre>
 * Found one Java-level deadlock:
 * =============================
 * "t1":
 *   waiting to lock monitor 0x… (object 0x…, a X),
 *   which is held by "t2"
 * …
 * Java stack information for the threads listed above:
 * ===================================================
 * "t1":
 * 	at …
 * </pre>
 * The thread names of the first part, in printed order, make the {@link JvmDeadlock}.
 */
final class DeadlockSectionParser {
    static final byte[] SECTION = lit("Found one Java-level deadlock:");
    private static final byte[] STACKS = lit("Java stack information for the threads listed above:");
    private static final int MAX_NAME_LINES = 8;

    private DeadlockSectionParser() { }

    /**
     * Reads the section whose first line is the cursor's event and leaves the cursor on its last line, so that
     * the caller's next {@link EventCursor#next()} gives the first line after it.
     */
    static JvmDeadlock parse(EventCursor c) throws DumpParseException {
        List<String> names = new ArrayList<>();
        boolean stacks = false;
        while (true) {
            c.mark();
            if (!c.next()) break;
            int first = c.firstByte();
            if (first < 0 || first == '=' || first == ' ' || first == '\t') {
                continue;
            } else if (c.startsWith(STACKS)) {
                stacks = true;
            } else if (first == '"') {
                String name = name(c);
                if (name == null) break;
                if (!stacks) names.add(name);
            } else {
                break;
            }
        }
        c.reset();
        return new JvmDeadlock(names);
    }

    /**
     * The name in {@code "name":} at the cursor (it may span lines), leaving the cursor on its last line;
     * {@code null} when no line within reach ends with {@code ":}.
     */
    private static String name(EventCursor c) throws DumpParseException {
        StringBuilder sb = null;
        int from = c.start() + 1;
        for (int i = 0; i < MAX_NAME_LINES; i++) {
            ByteText t = c.text();
            int e = c.end();
            boolean closes = e - from >= 2 && t.at(e - 1) == ':' && t.at(e - 2) == '"';
            String part = t.decode(from, closes ? e - 2 : e);
            if (closes) return sb == null ? part : sb.append(part).toString();
            sb = (sb == null ? new StringBuilder() : sb).append(part).append('\n');
            if (!c.next()) return null;
            from = c.start();
        }
        return null;
    }
}
