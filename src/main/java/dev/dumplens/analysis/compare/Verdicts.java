package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.Deadlock;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.analysis.LockInfo;
import dev.dumplens.analysis.NameTemplates;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.StackFrame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what the comparison found into ranked {@link Suspect}s with their wording: deadlocks, growing groups
 * (at least {@value #MIN_GROWTH} threads more in the last dump than in the first), locks held while their
 * waiters grow, spinning threads and stuck threads. Growing groups of lock waiters and stuck lock waiters are
 * reported with their lock, stuck deadlocked threads with their deadlock, not twice.
 */
final class Verdicts {
    static final int MIN_GROWTH = 2;

    private final List<DumpAnalysis> analyses;
    private final int n;
    private final Timeline timeline;
    private final ThreadTracker tracker;
    private final List<GroupTrend> groups;
    private final Map<DumpThread, GroupTrend> groupOf;

    Verdicts(List<DumpAnalysis> analyses, Timeline timeline, ThreadTracker tracker, List<GroupTrend> groups,
             Map<DumpThread, GroupTrend> groupOf) {
        this.analyses = analyses;
        this.n = analyses.size();
        this.timeline = timeline;
        this.tracker = tracker;
        this.groups = groups;
        this.groupOf = groupOf;
    }

    List<Suspect> find(List<LockTrend> locks, List<SpinningThread> spinning, List<List<ThreadTrack>> stuck) {
        List<Suspect> out = new ArrayList<>();
        Set<ThreadTrack> explained = new HashSet<>();
        out.addAll(deadlocks(explained));
        Set<DumpThread> lockWaiters = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Suspect> lockSuspects = new ArrayList<>();
        for (LockTrend lock : locks) {
            if (lock.trend() != Trend.GROWING) continue;
            for (DumpThread t : contenders(lock.latest())) {
                lockWaiters.add(t);
                explained.add(tracker.of(t));
            }
            lockSuspects.add(lock(lock));
        }
        out.addAll(growingGroups(lockWaiters));
        out.addAll(lockSuspects);
        for (SpinningThread s : spinning) out.add(spinning(s));
        for (List<ThreadTrack> set : stuck) {
            List<ThreadTrack> rest = set.stream().filter(t -> !explained.contains(t)).toList();
            if (!rest.isEmpty()) out.add(stuck(rest));
        }
        out.sort(Comparator.comparing(Suspect::kind)); // stable: keeps each kind's own ranking
        return out;
    }

    // --- growing groups -------------------------------------------------------------------------------------

    private List<Suspect> growingGroups(Set<DumpThread> lockWaiters) {
        List<GroupTrend> growing = new ArrayList<>();
        for (GroupTrend g : groups) {
            if (g.trend() != Trend.GROWING || g.netGrowth() < MIN_GROWTH) continue;
            if (lockWaiters.containsAll(g.latestThreads())) continue;
            growing.add(g);
        }
        growing.sort(Comparator.comparingInt(GroupTrend::netGrowth).reversed());
        return growing.stream().map(this::growing).toList();
    }

    private Suspect growing(GroupTrend g) {
        List<DumpThread> latest = g.latestThreads();
        Wording.Reading r = Wording.Reading.of(latest.get(0));
        int last = g.count(n - 1);
        String perMinute = g.growthPerMinute() == null ? ""
                : ", about " + Wording.rounded(g.growthPerMinute()) + " per minute";
        DumpThread first = latest.get(0);
        boolean go = GoroutineWaits.isGoroutine(first);
        String summary = Wording.who(g) + ": " + Wording.counts(g.counts()) + " " + Wording.unit(first, 2) + " (+"
                + Wording.number(g.growthPerDump()) + " per dump), " + r.what();
        String members = go ? last + " " + Wording.unit(first, last) + createdBy(g)
                : Wording.plural(last, "thread", "threads") + " named " + g.nameTemplate();
        String text = members + " " + (last == 1 ? "is " : "are ") + r.activity() + ", and the group grew by "
                + Wording.number(g.growthPerDump()) + " per dump (" + Wording.counts(g.counts()) + perMinute + "). "
                + Wording.sentence(r.leak(), true) + "." + sameStack(g) + r.fix();
        List<ThreadTrack> threads = latest.stream().map(tracker::of).toList();
        return new Suspect(Suspect.Kind.GROWING_GROUP, summary, text, g.counts(), List.of(), threads, g, g.frames(),
                g.nameTemplate(), null);
    }

    /** " created by main.leak" for goroutines with a creator, else "". */
    private static String createdBy(GroupTrend g) {
        StackFrame creator = GoroutineWaits.createdBy(g.frames());
        return creator == null ? "" : " created by " + creator.qualifiedMethod();
    }

    /** " The stable group X (8 threads) has the same stack." for groups with this key that do not grow. */
    private String sameStack(GroupTrend g) {
        for (GroupTrend other : groups) {
            if (other != g && other.key().equals(g.key()) && other.trend() == Trend.STABLE) {
                return " The stable group " + other.nameTemplate() + " (" + Wording.plural(other.count(n - 1),
                        "thread", "threads") + ") has the same stack and does not grow: only these threads pile up.";
            }
        }
        return "";
    }

    // --- locks ----------------------------------------------------------------------------------------------

    private Suspect lock(LockTrend lock) {
        LockInfo latest = lock.latest();
        DumpThread owner = latest.owner();
        List<DumpThread> waiters = contenders(latest);
        Wording.Reading r = Wording.Reading.of(owner);
        StackFrame lockedIn = lockedIn(owner, latest);
        String summary = lock.className() + " held by " + owner.name() + " in every dump; waiters "
                + Wording.counts(lock.waiters());
        String text = lock.className() + " is held by " + owner.name() + " in all " + n + " dumps while the threads "
                + "waiting to acquire it grew " + Wording.counts(lock.waiters()) + " ("
                + Wording.names(waiters.stream().map(DumpThread::name).toList()) + "). " + owner.name() + " is "
                + r.activity() + (lockedIn == null ? "" : ", having taken the lock in " + Wording.where(lockedIn))
                + ": it keeps the lock the whole time, so every new caller queues behind it and none gets through. "
                + "Usual fix: do not sleep, wait or do slow I/O while holding a lock; keep the critical section "
                + "short, or let callers give up (tryLock with a timeout).";
        List<ThreadTrack> threads = new ArrayList<>();
        threads.add(lock.owner());
        for (DumpThread w : waiters) threads.add(tracker.of(w));
        GroupTrend group = waiters.isEmpty() ? groupOf.get(owner) : groupOf.get(waiters.get(0));
        return new Suspect(Suspect.Kind.LOCK_HELD_WITH_GROWING_WAITERS, summary, text, lock.waiters(), List.of(),
                threads, group,
                owner.frames(), group == null ? NameTemplates.of(owner.name()) : group.nameTemplate(), lock.className());
    }

    /** The frame where {@code owner} locked the monitor, or {@code null} (synchronizers have none). */
    private static StackFrame lockedIn(DumpThread owner, LockInfo lock) {
        for (LockAction a : owner.locks()) {
            if (a.kind() == LockAction.Kind.LOCKED && a.lock() != null && a.lock().id().equals(lock.id())
                    && a.frameIndex() < owner.frames().size()) {
                return owner.frames().get(a.frameIndex());
            }
        }
        return null;
    }

    private static List<DumpThread> contenders(LockInfo lock) {
        List<DumpThread> out = new ArrayList<>(lock.blocked());
        out.addAll(lock.parked());
        return out;
    }

    // --- spinning and stuck threads --------------------------------------------------------------------------

    private Suspect spinning(SpinningThread s) {
        DumpThread latest = s.track().in(n - 1);
        Wording.Reading r = Wording.Reading.of(latest);
        long percent = Math.round(s.coreShare() * 100);
        List<Long> cpu = s.cpuMillis().stream().map(Math::round).toList();
        String summary = latest.name() + ": RUNNABLE in every dump, cpu= " + Wording.counts(cpu) + " ms (" + percent
                + "% of a core)";
        String text = latest.name() + " was RUNNABLE in all " + n + " dumps and used "
                + Wording.rounded(s.cpuSeconds()) + " s of CPU in " + Wording.rounded(s.wallSeconds()) + " s ("
                + percent + "% of a core), " + r.activity() + ". " + Wording.sentence(r.spinning(), false) + "."
                + r.fix();
        GroupTrend group = groupOf.get(latest);
        return new Suspect(Suspect.Kind.SPINNING_THREAD, summary, text, Collections.nCopies(n, 1), s.cpuMillis(),
                List.of(s.track()), group,
                latest.frames(), NameTemplates.of(latest.name()), null);
    }

    private Suspect stuck(List<ThreadTrack> tracks) {
        DumpThread first = tracks.get(0).in(n - 1);
        Wording.Reading r = Wording.Reading.of(first);
        String names = Wording.names(tracks.stream().map(ThreadTrack::name).toList());
        int k = tracks.size();
        Double seconds = timeline.secondsBetween(0, n - 1);
        String span = seconds == null || seconds < 1 ? "" : " over " + Wording.rounded(seconds) + " s";
        String summary = names + ": " + r.what() + " in every dump";
        String text = names + " (" + k + " " + Wording.unit(first, k) + ") " + (k == 1 ? "was " : "were ")
                + r.activity() + " in all " + n + " dumps" + span + ", with the same top frames each time"
                + minutesNote(tracks) + ". " + Wording.sentence(r.stuck(), k > 1) + "." + lockNote(first, k) + r.fix();
        List<String> templates = tracks.stream().map(t -> NameTemplates.of(t.name())).toList();
        return new Suspect(Suspect.Kind.STUCK_THREADS, summary, text, Collections.nCopies(n, k), List.of(), tracks,
                groupOf.get(first),
                first.frames(), NameTemplates.common(templates), null);
    }

    /** "; the last dump says blocked for 12 minutes" from Go's goroutine headers, or "". */
    private String minutesNote(List<ThreadTrack> tracks) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (ThreadTrack t : tracks) {
            Integer m = t.in(n - 1).waitMinutes();
            if (m == null) return "";
            min = Math.min(min, m);
            max = Math.max(max, m);
        }
        return "; the last dump says blocked for " + (min == max ? "" : min + "–") + max
                + (max == 1 ? " minute" : " minutes");
    }

    /** " They wait for X held by Y." when the latest dump names the lock's owner. */
    private String lockNote(DumpThread t, int k) {
        LockInfo lock = analyses.get(n - 1).locks().waitsFor(t);
        if (lock == null || lock.owner() == null) return "";
        return " " + (k == 1 ? "It waits" : "They wait") + " for " + lock.className() + " held by "
                + lock.owner().name() + ".";
    }

    // --- deadlocks -------------------------------------------------------------------------------------------

    /** Threads of {@code a}'s dump, outside the cycle, waiting for a lock that a thread of the cycle holds. */
    private static List<DumpThread> bystanders(Deadlock deadlock, DumpAnalysis a) {
        Set<DumpThread> cycle = Collections.newSetFromMap(new IdentityHashMap<>());
        cycle.addAll(deadlock.threads());
        List<DumpThread> out = new ArrayList<>();
        for (DumpThread t : a.dump().threads()) {
            LockInfo lock = a.locks().waitsFor(t);
            if (!cycle.contains(t) && lock != null && lock.owner() != null && cycle.contains(lock.owner())) out.add(t);
        }
        return out;
    }

    private List<Suspect> deadlocks(Set<ThreadTrack> explained) {
        Map<Set<ThreadTrack>, Deadlock[]> cycles = new LinkedHashMap<>();
        for (int d = 0; d < n; d++) {
            for (Deadlock dl : analyses.get(d).deadlocks()) {
                Set<ThreadTrack> key = new HashSet<>();
                for (DumpThread t : dl.threads()) key.add(tracker.of(t));
                cycles.computeIfAbsent(key, k -> new Deadlock[n])[d] = dl;
            }
        }
        List<Suspect> out = new ArrayList<>();
        cycles.forEach((key, perDump) -> {
            explained.addAll(key);
            out.add(deadlock(perDump, explained));
        });
        return out;
    }

    private Suspect deadlock(Deadlock[] perDump, Set<ThreadTrack> explained) {
        Deadlock latest = null;
        int latestDump = -1;
        int seen = 0;
        List<Integer> counts = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            Deadlock dl = perDump[d];
            counts.add(dl == null ? 0 : dl.threads().size());
            if (dl != null) {
                latest = dl;
                latestDump = d;
                seen++;
            }
        }
        List<DumpThread> bystanders = bystanders(latest, analyses.get(latestDump));
        for (DumpThread b : bystanders) explained.add(tracker.of(b));
        List<String> names = latest.threadNames();
        String summary = (latest.involvesClassInit() ? "class initialization deadlock: " : "deadlock: ")
                + String.join(" → ", names) + " → " + names.get(0);
        StringBuilder text = new StringBuilder();
        List<LockInfo> locks = latest.locks();
        if (locks.size() == names.size()) {
            for (int i = 0; i < names.size(); i++) {
                text.append(names.get(i)).append(" waits for ").append(locks.get(i).className()).append(" held by ")
                        .append(names.get((i + 1) % names.size())).append("; ");
            }
            text.setLength(text.length() - 2);
            text.append(". ");
        }
        text.append("The ").append(names.size()).append(" threads wait for each other in ")
                .append(seen == n ? "all " + n : seen + " of " + n).append(" dumps")
                .append(latest.reportedByJvm() ? " (the JVM reported it too)" : "").append(": none of them can go on "
                        + "until the process restarts, and every thread that needs one of these locks joins them");
        text.append(bystanders.isEmpty() ? ". " : " (already "
                + Wording.names(bystanders.stream().map(DumpThread::name).toList()) + "). ");
        text.append(latest.involvesClassInit()
                ? "Usual fix: break the cycle between the classes' static initializers (lazy holders, no calls into "
                        + "each other from <clinit>)."
                : "Usual fix: take locks in one global order everywhere, or use tryLock with a timeout and back off.");
        List<ThreadTrack> threads = latest.threads().stream().map(tracker::of).toList();
        DumpThread first = latest.threads().get(0);
        return new Suspect(Suspect.Kind.DEADLOCK, summary, text.toString(), counts, List.of(), threads, null,
                first.frames(),
                NameTemplates.common(names.stream().map(NameTemplates::of).toList()), null);
    }
}
