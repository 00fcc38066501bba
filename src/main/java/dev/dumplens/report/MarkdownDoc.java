package dev.dumplens.report;

import java.util.List;

/**
 * GitHub-flavoured Markdown. Images are left out (Markdown cannot carry them in one file); every chart's numbers
 * are also in a table of the report.
 */
public final class MarkdownDoc implements ReportDoc {
    private final StringBuilder out = new StringBuilder();

    @Override public void title(String text) {
        out.append("# ").append(inline(text)).append("\n\n");
    }

    @Override public void heading(int level, String text) {
        out.append("#".repeat(level)).append(' ').append(inline(text)).append("\n\n");
    }

    @Override public void paragraph(String text) {
        out.append(inline(text)).append("\n\n");
    }

    @Override public void alert(String text) {
        out.append("> **").append(inline(text)).append("**\n\n");
    }

    @Override public void list(List<String> items) {
        for (String i : items) out.append("- ").append(inline(i)).append('\n');
        out.append('\n');
    }

    @Override public void table(List<String> headers, List<Align> align, List<List<String>> rows) {
        row(headers);
        out.append('|');
        for (Align a : align) out.append(a == Align.RIGHT ? "---:|" : "---|");
        out.append('\n');
        for (List<String> r : rows) row(r);
        out.append('\n');
    }

    @Override public void code(String text) {
        String fence = "```";
        while (text.contains(fence)) fence += "`";
        out.append(fence).append('\n').append(text);
        if (!text.endsWith("\n")) out.append('\n');
        out.append(fence).append("\n\n");
    }

    @Override public void image(String alt, byte[] png, int width, int height) {
        // Markdown in one file cannot carry the image; the numbers are in a table next to it.
    }

    @Override public String finish() {
        return out.toString();
    }

    private void row(List<String> cells) {
        out.append('|');
        for (String c : cells) out.append(" ").append(inline(c)).append(" |");
        out.append('\n');
    }

    /** Text on one line with Markdown's markup characters escaped. */
    static String inline(String s) {
        String one = Text.oneLine(s);
        StringBuilder sb = new StringBuilder(one.length() + 8);
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            if ("\\`*_[]<>#!|~".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }
}
