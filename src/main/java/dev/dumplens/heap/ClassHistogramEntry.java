package dev.dumplens.heap;

/**
 * One class in the class histogram.
 *
 * @param className     as in Java source
 * @param instances     reachable instances
 * @param shallowBytes  their summed shallow size
 * @param retainedBytes the retained size of all instances together (what freeing every instance would free; an
 *                      instance kept alive only by another instance of the same class is counted once)
 */
public record ClassHistogramEntry(String className, long instances, long shallowBytes, long retainedBytes) { }
