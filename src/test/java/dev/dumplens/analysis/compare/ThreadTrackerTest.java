package dev.dumplens.analysis.compare;

import dev.dumplens.model.ThreadDump;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dumplens.analysis.compare.Series.LEAK_FILES;
import static org.assertj.core.api.Assertions.assertThat;

/** Thread identity across dumps: name, Java id and OS id together, with elapsed= that never goes down. */
class ThreadTrackerTest {

    @Test
    void threadsAreFollowedThroughTheLeakSeries() {
        ThreadTracker tracker = ThreadTracker.track(Series.samples(LEAK_FILES));
        assertThat(tracks(tracker, "request-handler-1")).singleElement().satisfies(t -> {
            assertThat(t.inEveryDump()).isTrue();
            assertThat(t.identity().javaId()).isNotNull();
            assertThat(t.identity().nid()).isNotNull();
        });
        assertThat(tracks(tracker, "request-handler-20")).singleElement().satisfies(t -> {
            assertThat(t.perDump().subList(0, 3)).containsOnlyNulls();
            assertThat(t.in(3)).isNotNull();
        });
        assertThat(tracks(tracker, "main")).singleElement().satisfies(t -> assertThat(t.inEveryDump()).isTrue());
        assertThat(tracks(tracker, "ledger-owner").get(0).latest()).isSameAs(tracks(tracker, "ledger-owner").get(0).in(3));
    }

    @Test
    void elapsedGoingDownMeansAnotherThreadEvenWithTheSameIds() {
        List<ThreadDump> dumps = Series.samples(LEAK_FILES);
        // latest dump first: every thread's elapsed= goes down, so nothing continues
        ThreadTracker tracker = ThreadTracker.track(List.of(dumps.get(3), dumps.get(0)));
        List<ThreadTrack> main = tracks(tracker, "main");
        assertThat(main).hasSize(2);
        assertThat(main.get(0).identity()).isEqualTo(main.get(1).identity());
        assertThat(main).noneMatch(ThreadTrack::inEveryDump);
        assertThat(tracker.tracks()).noneMatch(t -> t.inEveryDump() && t.in(0).elapsedSeconds() != null);
    }

    @Test
    void aReusedNameWithAnotherJavaIdIsAnotherThread() {
        // TrickyNames starts a second "main" (#24) and a Java thread named like the VM's "GC Thread#0"
        ThreadTracker tracker = ThreadTracker.track(Series.samples(
                List.of("tricky-names-jdk17-kill3.log", "tricky-names-jdk17-jstack-l.txt")));
        List<ThreadTrack> main = tracks(tracker, "main");
        assertThat(main).extracting(t -> t.identity().javaId()).containsExactlyInAnyOrder(1L, 24L);
        assertThat(main).allMatch(ThreadTrack::inEveryDump);
        List<ThreadTrack> gc = tracks(tracker, "GC Thread#0");
        assertThat(gc).extracting(t -> t.identity().javaId()).containsExactlyInAnyOrder(null, 25L);
        assertThat(gc).allMatch(ThreadTrack::inEveryDump);
    }

    @Test
    void jstackAndDumpToFileOfOneProcessShareThreadsDespiteTheMissingOsIds() {
        ThreadTracker tracker = ThreadTracker.track(Series.samples(List.of("deadlocks-jdk25-jstack-l.txt",
                "deadlocks-jdk25-dump-to-file.txt", "deadlocks-jdk25-dump-to-file.json")));
        for (String name : List.of("pair-alpha", "ring-3", "rlock-bystander", "main")) {
            assertThat(tracks(tracker, name)).as(name).singleElement()
                    .satisfies(t -> assertThat(t.inEveryDump()).isTrue());
        }
        // VM threads are not in dump_to_file files
        assertThat(tracks(tracker, "VM Thread")).singleElement()
                .satisfies(t -> assertThat(t.in(1)).isNull());
    }

    private static List<ThreadTrack> tracks(ThreadTracker tracker, String name) {
        return tracker.tracks().stream().filter(t -> t.name().equals(name)).toList();
    }
}
