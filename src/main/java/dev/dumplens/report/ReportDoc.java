package dev.dumplens.report;

import java.util.List;

/**
 * The building blocks a report is written with; {@link HtmlDoc} and {@link MarkdownDoc} render them. Report
 * classes ({@link DumpReport}) say what goes in a report once, for both formats. Texts are plain: each renderer
 * escapes them.
 */
public interface ReportDoc {

    /** Column alignment in {@link #table}. */
    enum Align { LEFT, RIGHT }

    /** The document title (once, first). */
    void title(String text);

    /** A section heading; {@code level} 2 or 3. */
    void heading(int level, String text);

    /** A paragraph of text. */
    void paragraph(String text);

    /** A paragraph that must stand out (deadlocks). */
    void alert(String text);

    /** A bulleted list. */
    void list(List<String> items);

    /** A table; {@code align} gives one alignment per column. */
    void table(List<String> headers, List<Align> align, List<List<String>> rows);

    /** Preformatted monospace text (stacks). */
    void code(String text);

    /** A PNG image; renderers that cannot embed images leave it out (the same facts are in a table). */
    void image(String alt, byte[] png, int width, int height);

    /** Finishes the document and returns it. */
    String finish();
}
