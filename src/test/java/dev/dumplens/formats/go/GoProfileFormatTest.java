package dev.dumplens.formats.go;

import dev.dumplens.formats.DumpText;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.GoWaitCategory;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.dumplens.formats.go.GoSamples.calling;
import static dev.dumplens.formats.go.GoSamples.single;
import static org.assertj.core.api.Assertions.assertThat;

/** debug=1 goroutine profiles captured from sample-dumps/go/leakserver (Go 1.19). */
class GoProfileFormatTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void eachRecordBecomesItsCountOfGoroutines(int n) throws Exception {
        String name = "leak-debug1-" + n + ".txt";
        ThreadDump d = single(name);
        assertThat(d.format()).isEqualTo(GoProfileFormat.ID);
        Matcher total = Pattern.compile("goroutine profile: total (\\d+)")
                .matcher(new String(GoSamples.bytes(name), StandardCharsets.UTF_8));
        assertThat(total.find()).isTrue();
        assertThat(d.threads()).hasSize(Integer.parseInt(total.group(1)));
        assertThat(d.vmBanner()).isEmpty();
        assertThat(d.warnings()).isEmpty();
        assertThat(calling(d, "main.handleOrder")).hasSize(10 * n);
        assertThat(calling(d, "main.pollJobs")).hasSize(4 * n);
        assertThat(calling(d, "main.publishResult")).hasSize(3 * n);
        assertThat(calling(d, "main.mutexWaiter")).hasSize(5);
        assertThat(calling(d, "main.groupWaiter")).hasSize(3);
        assertThat(calling(d, "main.napper")).hasSize(4);
    }

    @Test
    void goroutinesOfOneRecordShareTheFramesOfADebug2Capture() throws Exception {
        ThreadDump profile = single("leak-debug1-2.txt");
        List<DumpThread> receivers = calling(profile, "main.handleOrder");
        assertThat(receivers).allSatisfy(g -> {
            assertThat(g.frames().get(0)).isSameAs(receivers.get(0).frames().get(0));
            assertThat(g.javaId()).isNull();
            assertThat(g.stateDetail()).isEmpty();
            assertThat(g.name()).isEqualTo(GoProfileFormat.GOROUTINE_NAME);
        });
        // the same function and position text as in the traceback of the same moment (which adds created-by)
        ThreadDump traceback = single("leak-debug2-2.txt");
        StackFrame fromTraceback = calling(traceback, "main.handleOrder").get(0).frames().get(0);
        assertThat(receivers.get(0).frames()).extracting(StackFrame::text).containsExactly(fromTraceback.text());
    }

    @Test
    void statesComeFromTheFramesWhereTheyTell() throws Exception {
        ThreadDump d = single("leak-debug1-1.txt");
        assertThat(calling(d, "main.mutexWaiter")).allSatisfy(g -> {
            assertThat(GoWaitCategory.of(g)).isEqualTo(GoWaitCategory.MUTEX);
            assertThat(g.state()).isEqualTo(ThreadState.WAITING);
        });
        assertThat(calling(d, "main.groupWaiter")).allSatisfy(g -> assertThat(GoWaitCategory.of(g)).isEqualTo(GoWaitCategory.WAITGROUP));
        assertThat(calling(d, "main.napper")).allSatisfy(g -> assertThat(g.state()).isEqualTo(ThreadState.TIMED_WAITING));
        assertThat(calling(d, "main.connReader")).allSatisfy(g -> assertThat(GoWaitCategory.of(g)).isEqualTo(GoWaitCategory.IO_WAIT));
        // channel operations are runtime frames, which the profile hides: nothing tells
        assertThat(calling(d, "main.handleOrder")).allSatisfy(g -> {
            assertThat(GoWaitCategory.of(g)).isEqualTo(GoWaitCategory.UNKNOWN);
            assertThat(g.state()).isEqualTo(ThreadState.NONE);
        });
    }

    @Test
    void severalProfilesInOneFileAreSeveralDumpsAndAMismatchedTotalIsReported() throws Exception {
        byte[] one = GoSamples.bytes("leak-debug1-1.txt");
        byte[] two = GoSamples.bytes("leak-debug1-2.txt");
        String joined = new String(one, StandardCharsets.UTF_8) + new String(two, StandardCharsets.UTF_8)
                .replaceFirst("total (\\d+)", "total 1000");
        ParseResult r = new GoProfileFormat().parse(DumpText.of("two.txt", joined.getBytes(StandardCharsets.UTF_8)),
                ProgressMonitor.NONE);
        assertThat(r.dumps()).hasSize(2);
        assertThat(r.dumps().get(0).threads()).hasSize(single("leak-debug1-1.txt").threads().size());
        assertThat(r.dumps().get(1).index()).isEqualTo(1);
        assertThat(r.dumps().get(1).warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("total 1000"));
    }
}
