/**
 * Parsers for the thread dumps of JDK 21 and later written by {@code jcmd <pid> Thread.dump_to_file}: the plain
 * text form ({@link dev.dumplens.formats.jdk.JdkThreadDumpText}) and the {@code -format=json} form
 * ({@link dev.dumplens.formats.jdk.JdkThreadDumpJson}). Both name lock objects by their identity string
 * ({@code java.util.HashMap@f317dd9}) and keep those ids exactly, so the text and the JSON of one process agree.
 */
package dev.dumplens.formats.jdk;
