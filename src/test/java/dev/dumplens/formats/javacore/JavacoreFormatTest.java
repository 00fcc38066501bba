package dev.dumplens.formats.javacore;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.LockInfo;
import dev.dumplens.analysis.Similarity;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The javacore parser on the hand-written excerpt in src/test/resources/dumps/javacore (see the README there: no
 * OpenJ9 JDK is available to capture one; the real javacore of the corpus is {@link JavacoreCorpusTest}).
 */
class JavacoreFormatTest {
    static final String EXCERPT = "openj9-excerpt-cp1252.txt";

    static byte[] excerpt() {
        try (InputStream in = JavacoreFormatTest.class.getResourceAsStream("/dumps/javacore/" + EXCERPT)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadDump dump() throws DumpParseException {
        DumpText text = DumpText.of(EXCERPT, excerpt());
        assertThat(Formats.detect(text).id()).isEqualTo(JavacoreFormat.ID);
        ParseResult r = Formats.detect(text).parse(text, ProgressMonitor.NONE);
        assertThat(r.warnings()).isEmpty();
        return r.dumps().get(0);
    }

    private static DumpThread thread(ThreadDump d, String name) {
        return d.threads().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void headerEncodingAndThreads() throws Exception {
        ThreadDump d = dump();
        assertThat(d.warnings()).isEmpty();
        assertThat(d.timestamp()).isEqualTo(LocalDateTime.of(2026, 11, 26, 20, 2, 3, 250_000_000));
        assertThat(d.vmBanner()).isEqualTo("JRE 17.0.9 Windows Server 2022 amd64-64 (build 17.0.9+9)");
        assertThat(d.processId()).isEqualTo(4120L);
        assertThat(d.fatalError()).contains("OutOfMemoryError");
        assertThat(d.threads()).extracting(DumpThread::name)
                .containsExactly("worker-1", "worker-2", "Café-über", "parker", "holder", "Anonymous native thread");
        DumpThread hot = thread(d, "Café-über");
        assertThat(hot.javaId()).isEqualTo(0x18L);
        assertThat(hot.nid()).isEqualTo(0x1A38L);
        assertThat(hot.cpuMillis()).isEqualTo(12500.0);
        assertThat(hot.frames()).extracting(StackFrame::text).containsExactly("app.Hot.spin(Hot.java:8)",
                "app.Main$$Lambda$14/0x00000000840a2c40.run(Unknown Source)");
        assertThat(hot.frames().get(1).className()).isEqualTo("app.Main$$Lambda$14/0x00000000840a2c40");
        DumpThread anonymous = thread(d, "Anonymous native thread");
        assertThat(anonymous.javaId()).isNull();
        assertThat(anonymous.nid()).isEqualTo(0x0F10L);
        assertThat(anonymous.state()).isEqualTo(ThreadState.NONE);
        assertThat(anonymous.frames()).isEmpty();
    }

    @Test
    void statesKeepTheLetter() throws Exception {
        ThreadDump d = dump();
        assertThat(thread(d, "worker-1").stateDetail()).isEqualTo("B");
        assertThat(thread(d, "worker-1").state()).isEqualTo(ThreadState.BLOCKED);
        assertThat(thread(d, "parker").stateDetail()).isEqualTo("P");
        assertThat(thread(d, "parker").state()).isEqualTo(ThreadState.TIMED_WAITING); // LockSupport.parkNanos
        assertThat(thread(d, "holder").state()).isEqualTo(ThreadState.RUNNABLE);
    }

    @ParameterizedTest
    @CsvSource({
        "R, java.lang.Thread.run(Thread.java:840), RUNNABLE",
        "CW, java.lang.Object.wait(Native Method), WAITING",
        "CW, java.lang.Thread.sleep(Native Method), TIMED_WAITING",
        "P, jdk.internal.misc.Unsafe.park(Native Method), WAITING",
        "B, app.Ledger.post(Ledger.java:40), BLOCKED",
        "S, app.Ledger.post(Ledger.java:40), RUNNABLE",
        "Z, app.Ledger.post(Ledger.java:40), TERMINATED",
        "?, app.Ledger.post(Ledger.java:40), NONE",
    })
    void stateTable(String letter, String topFrame, ThreadState expected) {
        assertThat(JavacoreReader.state(letter, List.of(new StackFrame(topFrame)))).isEqualTo(expected);
    }

    @Test
    void locksOwnersAndTheReportedDeadlock() throws Exception {
        ThreadDump d = dump();
        DumpAnalysis a = DumpAnalysis.of(d, Similarity.DEFAULT);
        assertThat(a.deadlocks()).singleElement().satisfies(dl -> {
            assertThat(dl.reportedByJvm()).isTrue();
            assertThat(dl.threadNames()).containsExactly("worker-1", "worker-2");
        });
        LockInfo ledger = a.locks().lock("0x00000000FFE1AAA0");
        assertThat(ledger.className()).isEqualTo("app.Ledger");
        assertThat(ledger.owner().name()).isEqualTo("worker-2");
        assertThat(ledger.blocked()).extracting(DumpThread::name).containsExactly("worker-1");
        // the ReentrantLock's owner comes from "Owned by"
        LockInfo vault = a.locks().lock("0x00000000FFE1CCC0");
        assertThat(vault.kind()).isEqualTo(LockInfo.Kind.SYNCHRONIZER);
        assertThat(vault.owner().name()).isEqualTo("holder");
        assertThat(vault.parked()).extracting(DumpThread::name).containsExactly("parker");
        // Gate is named held only by the LOCKS section: locked on the holder's bottom frame
        DumpThread holder = thread(d, "holder");
        assertThat(holder.locks()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(LockAction.Kind.LOCKED);
            assertThat(l.lock().className()).isEqualTo("app.Gate");
            assertThat(l.frameIndex()).isEqualTo(holder.frames().size() - 1);
        });
        assertThat(a.locks().lock("0x00000000FFE1DDD0").owner()).isSameAs(holder);
    }

    @Test
    void theDeclaredEncodingDecidesNotUtf8() throws Exception {
        // the same bytes declared as UTF-8: the name's E9 FC bytes are invalid and become replacement characters
        String asText = new String(excerpt(), StandardCharsets.ISO_8859_1).replace("1TICHARSET     1252", "1TICHARSET     UTF-8");
        ThreadDump d = new JavacoreFormat().parse(DumpText.of("utf8", asText.getBytes(StandardCharsets.ISO_8859_1)),
                ProgressMonitor.NONE).dumps().get(0);
        assertThat(d.threads().get(2).name()).isEqualTo("Caf\uFFFD-\uFFFDber");
    }

    @Test
    void aCutFileKeepsWhatItHasAndSaysSo() throws Exception {
        byte[] all = excerpt();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int cut = text.indexOf("3XMTHREADINFO      \"parker\"");
        ParseResult r = new JavacoreFormat().parse(DumpText.of("cut.txt", Arrays.copyOf(all, cut + 40)), ProgressMonitor.NONE);
        assertThat(r.dumps().get(0).threads()).extracting(DumpThread::name).containsExactly("worker-1", "worker-2", "Café-über");
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("truncated"));
    }

    @Test
    void aJavacoreWithoutThreadsSectionIsRejected() {
        byte[] all = excerpt();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        byte[] head = Arrays.copyOf(all, text.indexOf("0SECTION       THREADS"));
        assertThatThrownBy(() -> new JavacoreFormat().parse(DumpText.of("head.txt", head), ProgressMonitor.NONE))
                .isInstanceOf(DumpParseException.class).hasMessageContaining("THREADS");
    }
}
