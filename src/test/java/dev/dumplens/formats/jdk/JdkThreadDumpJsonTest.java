package dev.dumplens.formats.jdk;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

import static dev.dumplens.formats.jdk.ScenarioDumps.JSON;
import static dev.dumplens.formats.jdk.ScenarioDumps.bytes;
import static dev.dumplens.formats.jdk.ScenarioDumps.single;
import static dev.dumplens.formats.jdk.ScenarioDumps.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdkThreadDumpJsonTest {
    private final JdkThreadDumpJson format = new JdkThreadDumpJson();

    @Test
    void readsTheCapturedJdk25Scenario() throws Exception {
        ParseResult result = ScenarioDumps.parse(format, JSON, bytes(JSON));
        ThreadDump dump = single(result);
        assertThat(result.format()).isEqualTo("jdk-thread-dump-json");
        assertThat(result.warnings()).isEmpty();
        assertThat(dump.warnings()).isEmpty();
        assertThat(dump.processId()).isEqualTo(7145L);
        assertThat(dump.timestamp()).isEqualTo(LocalDateTime.parse("2026-11-26T19:41:52.558785268"));
        assertThat(dump.vmBanner()).isEqualTo("25.0.3+9-LTS");
        ScenarioDumps.assertScenario(dump);

        DumpThread main = thread(dump, "main");
        assertThat(main.javaId()).isEqualTo(3L);
        assertThat(main.line()).isEqualTo(12);
        assertThat(main.frames()).first().extracting(f -> f.text())
                .isEqualTo("java.base/java.lang.Thread.sleepNanos0(Native Method)");
    }

    /** Mounted virtual threads name their carrier; the carrier then knows the virtual thread it carries. */
    @Test
    void linksMountedVirtualThreadsAndCarriers() throws Exception {
        ThreadDump dump = single(ScenarioDumps.parse(format, JSON, bytes(JSON)));
        DumpThread spinner = thread(dump, "vt-spinner"), pinned = thread(dump, "vt-pinned-clinit");
        assertThat(spinner.carrierId()).isNotNull();
        assertThat(pinned.carrierId()).isNotNull().isNotEqualTo(spinner.carrierId());
        for (DumpThread vt : new DumpThread[] {spinner, pinned}) {
            DumpThread carrier = dump.threads().stream().filter(t -> vt.carrierId().equals(t.javaId()))
                    .findFirst().orElseThrow();
            assertThat(carrier.name()).startsWith("ForkJoinPool-1-worker-");
            assertThat(carrier.virtual()).isFalse();
            assertThat(carrier.mountedVirtualId()).isEqualTo(vt.javaId());
            assertThat(carrier.frames()).first().extracting(f -> f.qualifiedMethod())
                    .isEqualTo("jdk.internal.vm.Continuation.run");
        }
        assertThat(dump.threads().stream().filter(t -> t.carrierId() != null)).hasSize(2);
        assertThat(dump.threads().stream().filter(t -> t.mountedVirtualId() != null)).hasSize(2);
    }

    @Test
    void isDetectedByContent() throws Exception {
        assertThat(Formats.detect(DumpText.of("dump.txt", bytes(JSON)))).isInstanceOf(JdkThreadDumpJson.class);
        assertThat(format.sniff(DumpText.of("t", bytes(ScenarioDumps.TEXT)))).isZero();
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        DumpText text = DumpText.of("bom.json", ScenarioDumps.withBom(bytes(JSON)));
        assertThat(Formats.detect(text)).isInstanceOf(JdkThreadDumpJson.class);
        ParseResult result = format.parse(text, ProgressMonitor.NONE);
        assertThat(single(result).threads()).hasSize(ScenarioDumps.THREADS);
        assertThat(result.warnings()).isEmpty();
    }

    /** The JDK 21 form: numbers as strings, no state, no virtual flag, no lock information. */
    @Test
    void readsTheJdk21FormWithoutStates() throws Exception {
        String jdk21 = """
                {
                  "threadDump": {
                    "processId": "4242",
                    "time": "2024-03-01T10:15:30.123456Z",
                    "runtimeVersion": "21.0.2+13-LTS",
                    "threadContainers": [
                      {
                        "container": "<root>",
                        "parent": null,
                        "owner": null,
                        "threads": [
                         {
                           "tid": "1",
                           "name": "main",
                           "stack": [
                              "java.base\\/java.lang.Thread.sleep0(Native Method)",
                              "App.main(App.java:12)"
                           ]
                         }
                        ],
                        "threadCount": "1"
                      }
                    ]
                  }
                }
                """;
        ThreadDump dump = single(format.parse(DumpText.of("jdk21.json", jdk21.getBytes(StandardCharsets.UTF_8)),
                ProgressMonitor.NONE));
        DumpThread main = thread(dump, "main");
        assertThat(main.javaId()).isEqualTo(1L);
        assertThat(main.state()).isEqualTo(ThreadState.NONE);
        assertThat(main.stateDetail()).isEmpty();
        assertThat(main.virtual()).isFalse();
        assertThat(main.frames()).extracting(f -> f.text())
                .containsExactly("java.base/java.lang.Thread.sleep0(Native Method)", "App.main(App.java:12)");
        assertThat(dump.processId()).isEqualTo(4242L);
        assertThat(dump.timestamp()).isEqualTo(LocalDateTime.parse("2024-03-01T10:15:30.123456"));
    }

    /** The JDK 25 bug that cuts the JSON half-way: every complete thread entry is kept, plus a warning. */
    @Test
    void truncatedJsonKeepsEveryCompleteThreadAndWarns() throws Exception {
        byte[] full = bytes(JSON);
        ThreadDump whole = single(ScenarioDumps.parse(format, JSON, full));
        int firstThread = new String(full, StandardCharsets.UTF_8).indexOf("\"tid\"");
        for (int cut = firstThread; cut < full.length - 1; cut += 613) {
            byte[] part = Arrays.copyOf(full, cut);
            ParseResult result = ScenarioDumps.parse(format, "cut.json", part);
            ThreadDump dump = single(result);
            assertThat(result.warnings()).as("cut at %d", cut).hasSize(1);
            ParseWarning warning = result.warnings().get(0);
            assertThat(warning.file()).isEqualTo("cut.json");
            assertThat(warning.offset()).isBetween((long) cut - 200, (long) cut);
            assertThat(warning.line()).isPositive();
            assertThat(warning.message()).contains("truncated");
            int started = occurrences(part, "\"tid\"");
            assertThat(dump.threads().size()).as("cut at %d", cut).isBetween(started - 1, started);
            assertThat(dump.threads()).containsExactlyElementsOf(whole.threads().subList(0, dump.threads().size()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json at all", "[1, 2]", "{\"foo\": 1}", "{\"threadDump\": 5}",
            "{\"threadDump\": {\"processId\": \"1\"}}", "{\"threadDump\": {\"threadContainers\": 5}}",
            "{\"threadDump\": {\"threadContainers\": [{\"threads\": [{\"tid\": {}}]}]}}", "{\"a\": tru"})
    void otherContentIsAParseErrorWithFileAndLine(String content) {
        assertThatThrownBy(() -> format.parse(DumpText.of("other.json", content.getBytes(StandardCharsets.UTF_8)),
                ProgressMonitor.NONE))
                .isInstanceOf(DumpParseException.class)
                .satisfies(e -> {
                    DumpParseException p = (DumpParseException) e;
                    assertThat(p.file()).isEqualTo("other.json");
                    assertThat(p.line()).isPositive();
                    assertThat(p.getMessage()).doesNotContain("com.fasterxml").doesNotContain("REDACTED");
                });
    }

    @Test
    void aHotSpotTextDumpFedToTheJsonParserNamesLineAndColumn() {
        byte[] text = "2026-11-26 17:56:22\nFull thread dump OpenJDK 64-Bit Server VM\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> format.parse(DumpText.of("jstack.txt", text), ProgressMonitor.NONE))
                .isInstanceOf(DumpParseException.class)
                .satisfies(e -> assertThat(((DumpParseException) e).userMessage())
                        .startsWith("jstack.txt:1: not a jcmd Thread.dump_to_file JSON document")
                        .contains("column"));
    }

    /** Invalid UTF-8 in a name (as in modified UTF-8 output) is replaced, not fatal. */
    @Test
    void invalidUtf8IsReplacedWithAWarning() throws Exception {
        byte[] full = bytes(JSON);
        String s = new String(full, StandardCharsets.UTF_8);
        int at = s.indexOf("\"monitor-holder\"") + 1;
        byte[] broken = full.clone();
        broken[at] = (byte) 0xC0; // never valid in UTF-8
        ParseResult result = ScenarioDumps.parse(format, "broken.json", broken);
        ThreadDump dump = single(result);
        assertThat(dump.threads()).hasSize(ScenarioDumps.THREADS);
        assertThat(dump.threads()).extracting(DumpThread::name).contains("\uFFFDonitor-holder");
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.offset()).isEqualTo(at);
            assertThat(w.message()).contains("UTF-8");
        });
    }

    private static int occurrences(byte[] haystack, String needle) {
        String s = new String(haystack, StandardCharsets.UTF_8);
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
