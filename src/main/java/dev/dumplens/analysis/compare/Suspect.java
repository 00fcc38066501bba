package dev.dumplens.analysis.compare;

import dev.dumplens.model.StackFrame;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A leak-suspect verdict of a comparison.
 *
 * @param kind          what was found
 * @param summary       one line: what and where
 * @param explanation   a plain-language paragraph: what the stack says, why it is a problem, the usual fix
 * @param counts        threads per dump, oldest first: the group's members ({@link Kind#GROWING_GROUP}), the
 *                      threads waiting for the lock ({@link Kind#LOCK_HELD_WITH_GROWING_WAITERS}), the suspect
 *                      threads present ({@link Kind#STUCK_THREADS}, {@link Kind#DEADLOCK},
 *                      {@link Kind#SPINNING_THREAD})
 * @param cpuMillis     for {@link Kind#SPINNING_THREAD}: the thread's {@code cpu=} in each dump; else empty
 * @param threads       the threads concerned (for a lock: the owner first, then the waiters of the latest dump)
 * @param group         the group to show for this verdict (for stuck and spinning threads and lock waiters: the
 *                      group holding them in the latest dump), or {@code null} (deadlocks)
 * @param frames        the representative stack, top first
 * @param nameTemplate  the group's name template, or the threads' common template
 * @param lockClassName the lock's class for lock verdicts, else {@code null}
 */
public record Suspect(Kind kind, String summary, String explanation, List<Integer> counts, List<Double> cpuMillis,
                      List<ThreadTrack> threads, GroupTrend group, List<StackFrame> frames, String nameTemplate,
                      String lockClassName) {

    public Suspect {
        counts = List.copyOf(counts);
        cpuMillis = List.copyOf(cpuMillis);
        threads = List.copyOf(threads);
        frames = List.copyOf(frames);
    }

    /** Kinds of verdicts, most serious first (the order suspects are ranked in). */
    public enum Kind {
        /** Threads waiting for each other in a cycle. */
        DEADLOCK(Set.of("deadlock")),
        /** A group whose thread count grows from dump to dump. */
        GROWING_GROUP(Set.of("growing")),
        /** A lock held by the same thread in every dump while the threads waiting for it grow. */
        LOCK_HELD_WITH_GROWING_WAITERS(Set.of("growing", "stuck")),
        /** A thread running in every dump and using CPU about as fast as time passes. */
        SPINNING_THREAD(Set.of("spinning")),
        /** Threads in the same place in every dump, where nothing waits by design. */
        STUCK_THREADS(Set.of("stuck"));

        private final Set<String> failOn;

        Kind(Set<String> failOn) { this.failOn = failOn; }

        /** The name used in reports and JSON ({@code "growing-group"}). */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * Whether {@code --fail-on category} covers this kind: {@code growing}, {@code stuck}, {@code spinning},
         * {@code deadlock} or {@code any} (a lock held while its waiters grow counts as both growing and stuck).
         */
        public boolean matchesFailOn(String category) {
            return category.equals("any") || failOn.contains(category);
        }
    }

    /** The threads' names in short form: {@code request-handler-1..5}, or a few names and how many more. */
    public String threadsInShort() {
        return Wording.names(threadNames());
    }

    /** The threads' names. */
    public List<String> threadNames() {
        return threads.stream().map(ThreadTrack::name).toList();
    }
}
