package dev.dumplens.model;

import java.util.List;

/** A deadlock as the JVM itself reported it ("Found one Java-level deadlock:"), by thread names in printed order. */
public record JvmDeadlock(List<String> threads) {
    public JvmDeadlock { threads = List.copyOf(threads); }
}
