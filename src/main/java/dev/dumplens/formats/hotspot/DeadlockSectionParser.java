package dev.dumplens.formats.hotspot;

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

    private final ByteText t;

    DeadlockSectionParser(ByteText t) {
        this.t = t;
    }

    /**
     * Reads the section starting at the cursor's line (the "Found one Java-level deadlock:" line) and leaves the
     * cursor on the first line after it.
     */
    JvmDeadlock parse(LineCursor c) {
        List<String> names = new ArrayList<>();
        boolean stacks = false;
        c.next();
        while (!c.atEnd()) {
            int s = c.pos();
            int e = c.end();
            if (c.blank() || t.at(s) == '=' || t.at(s) == ' ' || t.at(s) == '\t') {
                c.next();
            } else if (c.startsWith(STACKS)) {
                stacks = true;
                c.next();
            } else if (t.at(s) == '"') {
                String name = name(c);
                if (name == null) break;
                if (!stacks) names.add(name);
            } else {
                break;
            }
        }
        return new JvmDeadlock(names);
    }

    /**
     * The name in {@code "name":} at the cursor (it may span lines); moves past it. {@code null} (cursor
     * unchanged) when no line within reach ends with {@code ":}.
     */
    private String name(LineCursor c) {
        int startPos = c.pos();
        long startLine = c.line();
        StringBuilder sb = null;
        int from = c.pos() + 1;
        for (int i = 0; i < MAX_NAME_LINES && !c.atEnd(); i++) {
            int e = c.end();
            boolean closes = e - from >= 2 && t.at(e - 1) == ':' && t.at(e - 2) == '"';
            String part = t.decode(from, closes ? e - 2 : e);
            if (closes) {
                c.next();
                return sb == null ? part : sb.append(part).toString();
            }
            sb = (sb == null ? new StringBuilder() : sb).append(part).append('\n');
            c.next();
            from = c.pos();
        }
        c.moveTo(startPos, startLine);
        return null;
    }
}
