package dev.dumplens.formats.jdk;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockRef;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

import static dev.dumplens.formats.jdk.ScenarioDumps.TEXT;
import static dev.dumplens.formats.jdk.ScenarioDumps.bytes;
import static dev.dumplens.formats.jdk.ScenarioDumps.single;
import static dev.dumplens.formats.jdk.ScenarioDumps.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class JdkThreadDumpTextTest {
    private final JdkThreadDumpText format = new JdkThreadDumpText();

    @Test
    void readsTheCapturedJdk25Scenario() throws Exception {
        ParseResult result = ScenarioDumps.parse(format, TEXT, bytes(TEXT));
        ThreadDump dump = single(result);
        assertThat(result.format()).isEqualTo("jdk-thread-dump-text");
        assertThat(result.warnings()).isEmpty();
        assertThat(dump.warnings()).isEmpty();
        assertThat(dump.processId()).isEqualTo(7145L);
        assertThat(dump.timestamp()).isEqualTo(LocalDateTime.parse("2026-11-26T19:41:52.285827262"));
        assertThat(dump.vmBanner()).isEqualTo("25.0.3+9-LTS");
        ScenarioDumps.assertScenario(dump);

        DumpThread main = thread(dump, "main");
        assertThat(main.javaId()).isEqualTo(3L);
        assertThat(main.line()).isEqualTo(5);
        assertThat(main.frames()).first().extracting(f -> f.text())
                .isEqualTo("java.base/java.lang.Thread.sleepNanos0(Native Method)");
        DumpThread newline = thread(dump, "name with\nnewline");
        assertThat(newline.state()).isEqualTo(ThreadState.WAITING);
        assertThat(newline.frames()).hasSize(7).last().extracting(f -> f.text())
                .isEqualTo("java.base/java.lang.Thread.run(Thread.java:1474)");
        assertThat(newline.line()).isEqualTo(thread(dump, "#7 \"not a header\" RUNNABLE").line() + 10);
    }

    @Test
    void isDetectedByContent() throws Exception {
        assertThat(Formats.detect(DumpText.of("x.json", bytes(TEXT)))).isInstanceOf(JdkThreadDumpText.class);
        assertThat(format.sniff(DumpText.of("t", bytes(ScenarioDumps.JSON)))).isZero();
        assertThat(format.sniff(DumpText.of("t", "2026-11-26 17:56:22\nFull thread dump OpenJDK\n"
                .getBytes(StandardCharsets.US_ASCII)))).isZero();
    }

    /** The JDK 21 form, as its ThreadDumper prints it: no state, no locks, frames indented without "at". */
    @Test
    void readsTheJdk21Form() throws Exception {
        String jdk21 = """
                4242
                2024-03-01T10:15:30.123456Z
                21.0.2+13-LTS

                #1 "main"
                      java.base/java.lang.Thread.sleep0(Native Method)
                      java.base/java.lang.Thread.sleep(Thread.java:509)
                      App.main(App.java:12)

                #31 "" virtual
                      java.base/java.lang.VirtualThread.park(VirtualThread.java:582)
                      java.base/java.lang.System$2.parkVirtualThread(System.java:2643)

                """;
        ThreadDump dump = single(format.parse(DumpText.of("jdk21.txt", jdk21.getBytes(StandardCharsets.UTF_8)),
                ProgressMonitor.NONE));
        assertThat(dump.processId()).isEqualTo(4242L);
        assertThat(dump.vmBanner()).isEqualTo("21.0.2+13-LTS");
        assertThat(dump.threads()).extracting(DumpThread::name).containsExactly("main", "");
        assertThat(dump.threads()).extracting(DumpThread::state).containsOnly(ThreadState.NONE);
        assertThat(dump.threads()).extracting(DumpThread::virtual).containsExactly(false, true);
        assertThat(dump.threads().get(0).frames()).extracting(f -> f.text()).containsExactly(
                "java.base/java.lang.Thread.sleep0(Native Method)",
                "java.base/java.lang.Thread.sleep(Thread.java:509)", "App.main(App.java:12)");
        assertThat(dump.warnings()).isEmpty();
    }

    /** A development form of the JDK printed lock information as comments before the frame they belong to. */
    @Test
    void readsCommentLockLinesBeforeTheirFrame() throws Exception {
        String devForm = """
                4242
                2025-01-01T00:00:00Z
                24-internal

                #40 "waiter" WAITING 2025-01-01T00:00:00.1Z
                      // parked on java.util.concurrent.locks.ReentrantLock$NonfairSync@1a2b3c, owned by #41
                      java.base/jdk.internal.misc.Unsafe.park(Native Method)
                      java.base/java.util.concurrent.locks.LockSupport.park(LockSupport.java:221)

                #41 "owner" TIMED_WAITING 2025-01-01T00:00:00.2Z
                      java.base/java.lang.Thread.sleep(Thread.java:509)
                      // locked App$Monitor@77
                      App.run(App.java:20)

                """;
        ThreadDump dump = single(format.parse(DumpText.of("dev.txt", devForm.getBytes(StandardCharsets.UTF_8)),
                ProgressMonitor.NONE));
        DumpThread waiter = thread(dump, "waiter"), owner = thread(dump, "owner");
        assertThat(waiter.locks()).containsExactly(new LockAction(0, LockAction.Kind.PARKING,
                new LockRef("java.util.concurrent.locks.ReentrantLock$NonfairSync@1a2b3c",
                        "java.util.concurrent.locks.ReentrantLock$NonfairSync")));
        assertThat(owner.locks()).extracting(LockAction::frameIndex, LockAction::kind)
                .containsExactly(tuple(1, LockAction.Kind.LOCKED));
        assertThat(owner.ownedSynchronizers()).containsExactly(waiter.locks().get(0).lock());
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        DumpText text = DumpText.of("bom.txt", ScenarioDumps.withBom(bytes(TEXT)));
        assertThat(Formats.detect(text)).isInstanceOf(JdkThreadDumpText.class);
        ThreadDump dump = single(format.parse(text, ProgressMonitor.NONE));
        assertThat(dump.processId()).isEqualTo(7145L);
        assertThat(dump.threads()).hasSize(ScenarioDumps.THREADS);
        assertThat(dump.warnings()).isEmpty();
    }

    @Test
    void crlfLineEndsReadTheSame() throws Exception {
        String lf = new String(bytes(TEXT), StandardCharsets.UTF_8);
        ThreadDump crlf = single(ScenarioDumps.parse(format, "crlf.txt",
                lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        ThreadDump plain = single(ScenarioDumps.parse(format, TEXT, bytes(TEXT)));
        assertThat(crlf.threads()).extracting(DumpThread::name)
                .containsExactlyElementsOf(plain.threads().stream().map(DumpThread::name).toList());
        assertThat(crlf.threads()).extracting(DumpThread::frames)
                .containsExactlyElementsOf(plain.threads().stream().map(DumpThread::frames).toList());
    }

    @Test
    void truncatedFilesKeepTheThreadsReadAndWarn() throws Exception {
        byte[] full = bytes(TEXT);
        ThreadDump whole = single(ScenarioDumps.parse(format, TEXT, full));
        for (int cut = 60; cut < full.length; cut += 997) {
            ParseResult part = ScenarioDumps.parse(format, "cut.txt", Arrays.copyOf(full, cut));
            ThreadDump dump = single(part);
            assertThat(part.warnings()).as("cut at %d", cut).isNotEmpty();
            assertThat(dump.threads().size()).isLessThanOrEqualTo(whole.threads().size());
            for (int i = 0; i < dump.threads().size() - 1; i++) {
                assertThat(dump.threads().get(i)).as("cut at %d, thread %d", cut, i)
                        .isEqualTo(whole.threads().get(i));
            }
        }
    }

    @Test
    void oversizedNumbersAreSkippedWithAWarning() throws Exception {
        String odd = """
                99999999999999999999999
                2025-01-01T00:00:00Z
                25.0.3+9-LTS

                #123456789012345678901234 "huge" RUNNABLE 2025-01-01T00:00:00Z
                    at App.main(App.java:1)

                #5 "fine" RUNNABLE 2025-01-01T00:00:00Z
                    at App.main(App.java:1)

                """;
        ThreadDump dump = single(format.parse(DumpText.of("odd.txt", odd.getBytes(StandardCharsets.UTF_8)),
                ProgressMonitor.NONE));
        assertThat(dump.processId()).isNull();
        assertThat(dump.threads()).extracting(DumpThread::name).containsExactly("fine");
        assertThat(dump.warnings()).extracting(w -> w.line()).containsExactly(1L, 5L, 6L);
    }

    @Test
    void textThatIsNoDumpIsAParseErrorNamingTheFile() {
        assertThatThrownBy(() -> format.parse(DumpText.of("notes.txt",
                "just some notes\nnothing else\n".getBytes(StandardCharsets.UTF_8)),
                ProgressMonitor.NONE))
                .isInstanceOf(DumpParseException.class)
                .satisfies(e -> assertThat(((DumpParseException) e).userMessage()).startsWith("notes.txt:"));
    }
}
