package dev.dumplens.formats.jdk;

import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ThreadDump;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.dumplens.formats.jdk.ScenarioDumps.bytes;
import static dev.dumplens.formats.jdk.ScenarioDumps.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text and the JSON dump of the scenario were taken from one quiescent process one right after the other:
 * both parsers must report the same threads, names, states, frames and lock actions (with the same lock ids).
 * The "Attach Listener" is the one exception: it runs the dump, so its stack shows the text or the JSON writer.
 */
class TextJsonAgreementTest {
    private static final String DUMPING_THREAD = "Attach Listener";

    @Test
    void textAndJsonOfOneMomentAgree() throws Exception {
        ThreadDump text = single(ScenarioDumps.parse(new JdkThreadDumpText(), ScenarioDumps.TEXT,
                bytes(ScenarioDumps.TEXT)));
        ThreadDump json = single(ScenarioDumps.parse(new JdkThreadDumpJson(), ScenarioDumps.JSON,
                bytes(ScenarioDumps.JSON)));
        Map<Long, DumpThread> byId = json.threads().stream()
                .collect(Collectors.toMap(DumpThread::javaId, Function.identity()));

        assertThat(text.processId()).isEqualTo(json.processId());
        assertThat(text.vmBanner()).isEqualTo(json.vmBanner());
        assertThat(text.timestamp()).isBefore(json.timestamp());
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(
                text.threads().stream().map(DumpThread::javaId).toList());
        for (DumpThread t : text.threads()) {
            DumpThread j = byId.get(t.javaId());
            assertThat(j.name()).isEqualTo(t.name());
            assertThat(j.virtual()).as(t.name()).isEqualTo(t.virtual());
            assertThat(j.state()).as(t.name()).isEqualTo(t.state());
            if (t.name().equals(DUMPING_THREAD)) continue;
            assertThat(j.frames()).as(t.name()).hasSameSizeAs(t.frames());
            assertThat(j.frames()).as(t.name()).isEqualTo(t.frames());
            assertThat(j.locks()).as(t.name()).isEqualTo(t.locks());
        }
        assertThat(text.threads().stream().filter(t -> t.name().equals(DUMPING_THREAD))).hasSize(1);
    }
}
