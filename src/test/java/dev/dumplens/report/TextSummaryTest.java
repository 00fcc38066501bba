package dev.dumplens.report;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.List;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TextSummaryTest {

    private static String render(Similarity s) {
        StringWriter sw = new StringWriter();
        TextSummary.write(DumpAnalysis.of(ReportFixtures.dump(), s), false, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void summarizesTotalsGroupsLocksDeadlocksAndWarnings() {
        String text = render(Similarity.EXACT);
        assertThat(text).startsWith("== dumps/app.txt  [hotspot]  2026-11-26T17:56:19\n");
        assertThat(text).contains("10 threads (0 virtual): BLOCKED 5, WAITING 3, TIMED_WAITING 1, NONE 1\n");
        assertThat(text).contains("Stack groups (exact similarity): 6\n");
        assertThat(text).contains("      3  BLOCKED       ledger-reader-*\n"
                + "           at app.Ledger.read(Ledger.java:49)\n");
        assertThat(text).contains("DEADLOCKS (1):\n  2 threads (reported by the JVM):\n"
                + "    \"transfer-A-to-B\\nsecond line\" waits for <0x31> (a app.Account) held by \"transfer-B-to-A\"\n");
        assertThat(text).contains("  <0x10> (a app.AccountLock)\n      owner: \"ledger-writer\"\n"
                + "      blocked 3: \"ledger-reader-1\", \"ledger-reader-2\", \"ledger-reader-3\"\n");
        assertThat(text).contains("  <0x20> (a app.EventBus)\n      owner: none\n"
                + "      in wait() 2: \"event-listener-1\", \"event-listener-2\"\n");
        assertThat(text).contains("      owner: unknown (the dump has no \"Locked ownable synchronizers\"");
        assertThat(text).contains("      owner: \"transfer-B-to-A\", which waits for <0x30> (a app.Account) held by "
                + "\"transfer-A-to-B\\nsecond line\"\n");
        assertThat(text).contains("Warnings (1):\n  dumps/app.txt:77: skipped an unreadable line\n");
        assertThat(text).contains("Locks with waiting threads: 5\n");
        assertThat(text.lines()).noneMatch(l -> l.equals("second line\""));
    }

    @Test
    void dumpToFileIdsAreNotRepeatedAndAChainEndsAtALatchWithoutOwner() {
        LockRef map = new LockRef("java.util.HashMap@f317dd9", "java.util.HashMap");
        DumpThread.Builder loader = DumpThread.builder("cache-loader");
        loader.state = ThreadState.WAITING;
        loader.frames.add(new StackFrame("java.base/jdk.internal.misc.Unsafe.park(Native Method)"));
        loader.frames.add(new StackFrame("scenario.Cache.load(Cache.java:70)"));
        loader.locks.add(new LockAction(0, LockAction.Kind.PARKING,
                new LockRef("java.util.concurrent.CountDownLatch$Sync@522bbe32", "java.util.concurrent.CountDownLatch$Sync")));
        loader.locks.add(new LockAction(1, LockAction.Kind.LOCKED, map));
        DumpThread.Builder client = DumpThread.builder("");
        client.state = ThreadState.BLOCKED;
        client.virtual = true;
        client.frames.add(new StackFrame("scenario.Cache.get(Cache.java:64)"));
        client.locks.add(new LockAction(0, LockAction.Kind.WAITING_TO_LOCK, map));
        ThreadDump d = new ThreadDump("vt.txt", 0, 1, "jdk-thread-dump-text", null, "", null,
                List.of(loader.build(), client.build()), List.of(), List.of());
        StringWriter sw = new StringWriter();
        TextSummary.write(DumpAnalysis.of(d, Similarity.NORMALIZED), false, new PrintWriter(sw));
        String text = sw.toString();
        assertThat(text).contains("2 threads (1 virtual): BLOCKED 1, WAITING 1\n");
        assertThat(text).contains("      1  BLOCKED       (unnamed)\n");
        assertThat(text).contains("  <java.util.HashMap@f317dd9>\n      owner: \"cache-loader\", which waits for "
                + "<java.util.concurrent.CountDownLatch$Sync@522bbe32>\n      blocked 1: \"\"\n");
    }
}
