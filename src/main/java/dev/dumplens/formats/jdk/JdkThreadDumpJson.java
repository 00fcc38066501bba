package dev.dumplens.formats.jdk;

import dev.dumplens.formats.DumpFormat;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;

/**
 * The JSON thread dump of {@code jcmd <pid> Thread.dump_to_file -format=json FILE} (JDK 21 and later):
 * {@code {"threadDump": {"processId", "time", "runtimeVersion", "threadContainers": [{"container", "threads": […]}]}}}.
 * <p>
 * Numbers may be JSON strings ({@code "tid": "3"}, as the JDK prints them) or JSON numbers. Per thread entry:
 * {@code tid} → {@link dev.dumplens.model.DumpThread#javaId()}, {@code name}, {@code virtual}, {@code carrier} →
 * {@code carrierId} (and the carrier thread's {@code mountedVirtualId}), {@code state} → state and state detail
 * (JDK 21 prints no state: such threads keep {@link dev.dumplens.model.ThreadState#NONE} and an empty detail, and
 * JDK 21 prints no {@code virtual} flag either, so they count as platform threads), {@code stack} → frames,
 * {@code monitorsOwned[].depth/locks} → {@code LOCKED} at that frame (a {@code null} lock → {@code ELIMINATED}),
 * {@code parkBlocker.object} → {@code PARKING}, {@code blockedOn} → {@code WAITING_TO_LOCK} and
 * {@code waitingOn} → {@code WAITING_ON}, all three at frame 0, in the order the JDK 25 text form prints them.
 * A park blocker's owner thread id, where a JDK prints one, puts the blocker into that thread's
 * {@code ownedSynchronizers}. Lock ids are the identity strings as printed ({@code java.util.HashMap@f317dd9}),
 * identical to the text form's. Thread containers are walked but not kept.
 * <p>
 * Stale entries are kept as the dump states them: a thread in {@code Object.wait()} lists the monitor it released
 * under {@code monitorsOwned} as well as under {@code waitingOn} (JDK 25 does this for most waiting virtual
 * threads). This parser does not filter them; deciding who really owns a monitor is the lock analysis' job.
 * <p>
 * The document is read with a streaming parser, so dumps with thousands of virtual threads parse without a tree
 * of the whole document. A file cut off half-way (a JDK 25 bug) yields every complete thread entry plus a warning
 * naming line, column and byte offset; content that is not JSON or JSON of another shape is a
 * {@link DumpParseException} naming line and column.
 */
public final class JdkThreadDumpJson implements DumpFormat {
    public static final String ID = "jdk-thread-dump-json";

    @Override public String id() { return ID; }

    @Override public String displayName() { return "JDK 21+ jcmd Thread.dump_to_file -format=json"; }

    /** 95 for a JSON object naming {@code threadDump} near its start; 10 for other JSON objects, to explain them. */
    @Override
    public int sniff(DumpText text) {
        String head = text.head(512).stripLeading();
        if (head.startsWith("\uFEFF")) head = head.substring(1).stripLeading();
        if (!head.startsWith("{")) return 0;
        return head.contains("\"threadDump\"") ? 95 : 10;
    }

    @Override
    public ParseResult parse(DumpText text, ProgressMonitor progress) throws DumpParseException {
        return new JsonDumpReader(text, progress).read();
    }
}
