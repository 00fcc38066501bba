/**
 * Successive thread dumps of one process compared: {@link dev.dumplens.analysis.compare.Comparison#of} follows
 * threads ({@link dev.dumplens.analysis.compare.ThreadTrack}) and groups
 * ({@link dev.dumplens.analysis.compare.GroupTrend}) through the dumps, finds locks held throughout
 * ({@link dev.dumplens.analysis.compare.LockTrend}) and spinning threads, and ranks leak suspects
 * ({@link dev.dumplens.analysis.compare.Suspect}) with plain-language explanations. What counts as idle by design
 * and what a stack means live in two readable tables, {@link dev.dumplens.analysis.compare.IdleFrames} and
 * {@link dev.dumplens.analysis.compare.StackExplanations}, each with one section per runtime.
 */
package dev.dumplens.analysis.compare;
