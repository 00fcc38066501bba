package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.dumplens.formats.hotspot.TestDumps.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What real files do to a parser: other encodings and line ends, truncation, older header forms, missing banners,
 * interleaved log text and input that is no thread dump at all. Variants are derived from the captured dumps.
 */
class HotSpotRobustnessTest {
    private static final String LOCKS17 = "jdk17-locks-jstack-l.txt";

    @Test
    void crlfLineEndsGiveTheSameDump() throws Exception {
        for (String name : TestDumps.ALL) {
            String crlf = TestDumps.text(name).replace("\n", "\r\n");
            ParseResult r = TestDumps.parse(name, crlf.getBytes(StandardCharsets.UTF_8));
            assertThat(fingerprint(r)).as(name).isEqualTo(fingerprint(TestDumps.parse(name)));
        }
    }

    @Test
    void utf16FilesGiveTheSameDump() throws Exception {
        String text = TestDumps.text(LOCKS17);
        List<String> expected = fingerprint(TestDumps.parse(LOCKS17));
        byte[] le = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] leBom = concat(new byte[] {(byte) 0xff, (byte) 0xfe}, le);
        byte[] be = text.getBytes(StandardCharsets.UTF_16); // big-endian with BOM
        for (byte[] variant : List.of(le, leBom, be)) {
            DumpText dumpText = DumpText.of(LOCKS17, variant);
            assertThat(dumpText.transcodedFrom()).startsWith("UTF-16");
            assertThat(Formats.detect(dumpText)).isInstanceOf(HotSpotFormat.class);
            assertThat(fingerprint(new HotSpotFormat().parse(dumpText, dev.dumplens.progress.ProgressMonitor.NONE)))
                    .isEqualTo(expected);
        }
    }

    @Test
    void invalidUtf8InANameBecomesReplacementCharacters() throws Exception {
        byte[] bytes = TestDumps.bytes(LOCKS17);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("worker #1");
        byte[] broken = bytes.clone();
        broken[utf8Offset(text, at) + 6] = (byte) 0xff; // the space after "worker"
        ThreadDump dump = TestDumps.parse(LOCKS17, broken).dumps().get(0);
        DumpThread t = dump.threads().stream().filter(x -> Long.valueOf(17).equals(x.javaId())).findFirst().orElseThrow();
        assertThat(t.name()).isEqualTo("worker\uFFFD#1");
        assertThat(dump.threads()).hasSize(TestDumps.single(LOCKS17).threads().size());
    }

    @Test
    void truncatedInsideAStackKeepsWhatWasReadAndWarns() throws Exception {
        String text = TestDumps.text(LOCKS17);
        int cut = text.indexOf("\tat Scenarios.waitInRoom", text.indexOf("\"worker #1\"")) + "\tat Scenarios.wa".length();
        ParseResult r = TestDumps.parse(LOCKS17, utf8(text.substring(0, cut)));
        ThreadDump dump = r.dumps().get(0);
        DumpThread last = dump.threads().get(dump.threads().size() - 1);
        assertThat(last.name()).isEqualTo("worker #1");
        assertThat(last.frames()).extracting(StackFrame::text).last().isEqualTo("Scenarios.wa");
        long cutLine = text.substring(0, cut).split("\n", -1).length;
        assertThat(r.warnings()).hasSize(1);
        ParseWarning w = r.warnings().get(0);
        assertThat(w.line()).isEqualTo(cutLine);
        assertThat(w.file()).isEqualTo(LOCKS17);
        assertThat(w.message()).contains("truncated");
        assertThat(dump.warnings()).containsExactly(w);
    }

    @Test
    void truncatedInsideAHeaderOrRightAfterTheBanner() throws Exception {
        String text = TestDumps.text(LOCKS17);
        int header = text.indexOf("\"relocker\"");
        int afterTid = text.indexOf(" nid=", header) + 3;
        ThreadDump dump = TestDumps.parse(LOCKS17, utf8(text.substring(0, afterTid))).dumps().get(0);
        DumpThread last = dump.threads().get(dump.threads().size() - 1);
        assertThat(last.name()).isEqualTo("relocker");
        assertThat(last.javaId()).isEqualTo(21L);
        assertThat(last.address()).isEqualTo("0x00007f2198125cf0");
        assertThat(last.nid()).isNull();
        assertThat(dump.warnings()).hasSize(1);

        // cut before tid=: the line is no complete header; it is reported, the threads before it are kept
        dump = TestDumps.parse(LOCKS17, utf8(text.substring(0, header + 30))).dumps().get(0);
        assertThat(dump.threads().get(dump.threads().size() - 1).name()).startsWith("very-long-");
        long headerLine = text.substring(0, header).split("\n", -1).length;
        assertThat(dump.warnings()).extracting(ParseWarning::line).containsExactly(headerLine, headerLine);

        int banner = text.indexOf('\n', text.indexOf("Full thread dump")) + 1;
        ParseResult r = TestDumps.parse(LOCKS17, utf8(text.substring(0, banner)));
        assertThat(r.dumps()).hasSize(1);
        assertThat(r.dumps().get(0).threads()).isEmpty();
        assertThat(r.warnings()).hasSize(1);
    }

    @Test
    void olderHeaderFormsOfJdk8AndJdk7() throws Exception {
        String text = TestDumps.text(LOCKS17);
        // JDK 8 prints neither cpu=/elapsed= nor the "Threads class SMR info" block; JDK 7 also lacks #id and os_prio
        // (greedy per-line patterns edit the real header fields, not the fake header inside one name)
        String jdk8 = text.replaceAll("(?m)^(\\S.*) cpu=\\S+ elapsed=\\S+", "$1")
                .replaceAll("(?s)Threads class SMR info:.*?\n}\n\n", "");
        String jdk7 = jdk8.replaceAll("(?m)^(\\S.*\" )#\\d+ ", "$1").replaceAll("(?m)^(\\S.*) os_prio=\\d+", "$1");
        ThreadDump original = TestDumps.single(LOCKS17);
        for (String variant : List.of(jdk8, jdk7)) {
            ThreadDump dump = TestDumps.parse("old.txt", utf8(variant)).dumps().get(0);
            assertThat(dump.warnings()).isEmpty();
            assertThat(dump.threads()).extracting(DumpThread::name)
                    .isEqualTo(original.threads().stream().map(DumpThread::name).collect(Collectors.toList()));
            assertThat(dump.threads()).extracting(DumpThread::frames)
                    .isEqualTo(original.threads().stream().map(DumpThread::frames).collect(Collectors.toList()));
            assertThat(dump.threads()).allMatch(t -> t.cpuMillis() == null && t.nid() != null && t.address() != null);
            assertThat(thread(dump, "VM Thread").state()).isEqualTo(ThreadState.NONE);
            assertThat(thread(dump, "worker #1").priority()).isEqualTo(5);
        }
        assertThat(TestDumps.parse("jdk7.txt", utf8(jdk7)).dumps().get(0).threads())
                .allMatch(t -> t.javaId() == null && t.osPriority() == null);
    }

    @Test
    void threadsWithoutBannerAreADumpWithAWarning() throws Exception {
        String text = TestDumps.text(LOCKS17);
        String headless = text.substring(text.indexOf("\"main\" #1 "));
        ParseResult r = TestDumps.parse("pasted.txt", utf8(headless));
        assertThat(r.dumps()).hasSize(1);
        ThreadDump dump = r.dumps().get(0);
        assertThat(dump.timestamp()).isNull();
        assertThat(dump.vmBanner()).isEmpty();
        assertThat(dump.line()).isEqualTo(1);
        assertThat(dump.threads()).hasSize(TestDumps.single(LOCKS17).threads().size());
        assertThat(dump.warnings()).extracting(ParseWarning::message).anyMatch(m -> m.contains("banner"));
    }

    @Test
    void concatenatedJstackOutputsAreSeparateDumps() throws Exception {
        String a = TestDumps.text(LOCKS17);
        String b = TestDumps.text("jdk25-locks-jstack-e.txt");
        ParseResult r = TestDumps.parse("both.txt", utf8(a + b));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.dumps()).extracting(ThreadDump::index).containsExactly(0, 1);
        assertThat(r.dumps()).extracting(ThreadDump::format).containsOnly("hotspot-jstack");
        assertThat(r.dumps().get(1).line()).isEqualTo(a.split("\n", -1).length + 1);
        assertThat(r.dumps().get(0).threads()).hasSize(TestDumps.single(LOCKS17).threads().size());
        assertThat(r.dumps().get(1).threads()).hasSize(TestDumps.single("jdk25-locks-jstack-e.txt").threads().size());
    }

    @Test
    void logLineInterleavedInAStackIsSkippedWithAWarning() throws Exception {
        String text = TestDumps.text(LOCKS17);
        int frame = text.indexOf("\tat ", text.indexOf("\"notifier\""));
        String interleaved = text.substring(0, frame) + "12:00:01 INFO [pool-1] request done\n" + text.substring(frame);
        ThreadDump dump = TestDumps.parse("mixed.log", utf8(interleaved)).dumps().get(0);
        long logLine = text.substring(0, frame).split("\n", -1).length;
        // one warning for the foreign line and the notifier's lines after it, which are not attributed to it
        assertThat(dump.warnings()).extracting(ParseWarning::line).containsExactly(logLine);
        assertThat(thread(dump, "notifier").frames()).isEmpty();
        assertThat(dump.threads()).hasSize(TestDumps.single(LOCKS17).threads().size());
    }

    @Test
    void dumpCutShortInALogDoesNotTakeTheLogsExceptionFrames() throws Exception {
        String log = TestDumps.text("jdk17-sigquit.log");
        // drop the end of the first dump (its last thread, the JNI line and the Heap section)
        int lastThread = log.indexOf("\"G1 Main Marker\"");
        int nextLog = log.indexOf("2026-01-01 10:00:02");
        String cut = log.substring(0, lastThread) + log.substring(nextLog);
        ParseResult r = TestDumps.parse("app.log", utf8(cut));
        assertThat(r.dumps()).hasSize(2);
        ThreadDump first = r.dumps().get(0);
        assertThat(first.threads()).noneMatch(t -> t.frames().stream().anyMatch(f -> f.text().startsWith("Scenarios.log(Scenarios.java:101)")));
        assertThat(first.warnings()).isNotEmpty();
        assertThat(r.dumps().get(1).threads()).hasSize(TestDumps.parse("jdk17-sigquit.log").dumps().get(1).threads().size());
    }

    @Test
    void bannerFollowedByGarbageGivesAnEmptyDumpWithWarnings() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("2026-01-01 00:00:00\nFull thread dump OpenJDK 64-Bit Server VM (17 mixed mode):\n\n"));
        byte[] noise = new byte[20_000];
        new Random(42).nextBytes(noise);
        out.writeBytes(noise);
        ParseResult r = TestDumps.parse("noise.bin", out.toByteArray());
        assertThat(r.dumps()).hasSize(1);
        assertThat(r.dumps().get(0).vmBanner()).isEqualTo("OpenJDK 64-Bit Server VM (17 mixed mode)");
        assertThat(r.warnings()).isNotEmpty().allMatch(w -> w.file().equals("noise.bin") && w.line() > 0);
    }

    @Test
    void textThatIsNoThreadDumpIsRejectedNamingTheFile() {
        String log = TestDumps.text("jdk17-sigquit.log");
        // the application log alone: log lines, exception traces, a quoted line that looks like a header
        String logOnly = Pattern.compile("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\nFull thread dump.*?\n\n(?=2026-01-01)")
                .matcher(log).replaceAll("");
        assertThat(logOnly).doesNotContain("Full thread dump").contains("\tat Scenarios.log");
        for (String text : List.of(logOnly, "just some notes\nnothing to see\n", "{\"threadDump\": {}}")) {
            DumpText dt = DumpText.of("notes.txt", utf8(text));
            assertThat(new HotSpotFormat().sniff(dt)).isZero();
            assertThatThrownBy(() -> new HotSpotFormat().parse(dt, dev.dumplens.progress.ProgressMonitor.NONE))
                    .isInstanceOf(DumpParseException.class)
                    .hasMessageContaining("not a thread dump")
                    .satisfies(e -> assertThat(((DumpParseException) e).userMessage()).startsWith("notes.txt"));
            // whichever format claims it (the JSON one claims a bare {"threadDump": …}), reading it fails cleanly
            assertThatThrownBy(() -> Formats.detect(dt).parse(dt, dev.dumplens.progress.ProgressMonitor.NONE))
                    .isInstanceOf(DumpParseException.class);
        }
    }

    /** Everything the parser extracts, as comparable text. */
    static List<String> fingerprint(ParseResult r) {
        List<String> out = new ArrayList<>();
        out.add(r.format() + " " + r.warnings());
        for (ThreadDump d : r.dumps()) {
            out.add(d.index() + " " + d.line() + " " + d.format() + " " + d.timestamp() + " " + d.vmBanner() + " "
                    + d.processId() + " " + d.jvmDeadlocks());
            for (DumpThread t : d.threads()) out.add(t.toString());
        }
        return out;
    }

    private static int utf8Offset(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
