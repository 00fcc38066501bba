package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.model.ThreadDump;

/**
 * One dump of a comparison.
 *
 * @param original       the dump as parsed
 * @param analysis       the analysis of the dump without its ignored threads
 * @param label          {@code file}, or {@code file#k} (1-based) when the file holds several dumps
 * @param ignoredThreads threads left out by {@link CompareOptions#ignore()}
 */
public record ComparedDump(ThreadDump original, DumpAnalysis analysis, String label, int ignoredThreads) {

    /** Every thread entry of the dump as parsed, ignored ones included. */
    public int threadCount() { return original.threads().size(); }
}
