package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.LockInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the locks held by the same thread in every dump and follows how many threads wait for them. */
final class LockTrends {

    private LockTrends() { }

    /** Locks with the same owner in every dump and a waiter in at least one, most waiters (latest dump) first. */
    static List<LockTrend> find(List<DumpAnalysis> analyses, ThreadTracker tracker) {
        int n = analyses.size();
        Map<OwnerAndClass, LockInfo[]> held = new LinkedHashMap<>();
        for (int d = 0; d < n; d++) {
            for (LockInfo lock : analyses.get(d).locks().locks()) {
                if (lock.owner() == null) continue;
                LockInfo[] row = held.computeIfAbsent(new OwnerAndClass(tracker.of(lock.owner()), lock.className()),
                        k -> new LockInfo[n]);
                if (row[d] == null || contenders(lock) > contenders(row[d])) row[d] = lock;
            }
        }
        List<LockTrend> out = new ArrayList<>();
        held.forEach((k, row) -> {
            List<LockInfo> perDump = Arrays.asList(row);
            if (perDump.contains(null)) return;
            List<Integer> waiters = perDump.stream().map(LockTrends::contenders).toList();
            if (waiters.stream().allMatch(w -> w == 0)) return;
            out.add(new LockTrend(k.className, row[0].kind(), k.owner, perDump, waiters, Trend.of(waiters)));
        });
        out.sort((a, b) -> Integer.compare(b.waiters().get(n - 1), a.waiters().get(n - 1)));
        return out;
    }

    /** Threads blocked or parked trying to acquire {@code lock} (not those in {@code wait()}, which released it). */
    static int contenders(LockInfo lock) {
        return lock.blocked().size() + lock.parked().size();
    }

    private record OwnerAndClass(ThreadTrack owner, String className) { }
}
