package dev.dumplens.report;

import java.util.Base64;
import java.util.List;

/** A self-contained HTML page: inline style, images embedded as base64 PNG, no scripts, no external resources. */
public final class HtmlDoc implements ReportDoc {
    private static final String STYLE = """
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328;
                   max-width: 1200px; margin: 24px auto; padding: 0 24px; line-height: 1.45; }
            h1 { font-size: 1.7em; border-bottom: 1px solid #d0d7de; padding-bottom: .3em; }
            h2 { font-size: 1.35em; margin-top: 1.8em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; }
            h3 { font-size: 1.1em; margin-top: 1.4em; }
            table { border-collapse: collapse; margin: 8px 0 16px; font-size: .92em; }
            th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; }
            td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
            pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 10px 12px;
                  overflow-x: auto; font-size: .85em; }
            .alert { background: #cf222e; color: #fff; padding: 8px 14px; border-radius: 6px; font-weight: 600; }
            .muted { color: #59636e; }
            img { max-width: 100%; }
            """;

    private final StringBuilder body = new StringBuilder();
    private String title = "DumpLens report";

    @Override public void title(String text) {
        title = text;
        body.append("<h1>").append(escape(text)).append("</h1>\n");
    }

    @Override public void heading(int level, String text) {
        body.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
    }

    @Override public void paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
    }

    @Override public void alert(String text) {
        body.append("<p class=\"alert\">").append(escape(text)).append("</p>\n");
    }

    @Override public void list(List<String> items) {
        body.append("<ul>\n");
        for (String i : items) body.append("<li>").append(escape(i)).append("</li>\n");
        body.append("</ul>\n");
    }

    @Override public void table(List<String> headers, List<Align> align, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        for (int c = 0; c < headers.size(); c++) body.append(cell("th", align.get(c), headers.get(c)));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (int c = 0; c < row.size(); c++) body.append(cell("td", align.get(c), row.get(c)));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
    }

    @Override public void code(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
    }

    @Override public void image(String alt, byte[] png, int width, int height) {
        body.append("<p><img alt=\"").append(escape(alt)).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"></p>\n");
    }

    @Override public String finish() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    private static String cell(String tag, Align align, String text) {
        return "<" + tag + (align == Align.RIGHT ? " class=\"r\">" : ">") + escape(text) + "</" + tag + ">";
    }

    /** Text as HTML: markup characters escaped, control characters (other than newline and tab) shown as escapes. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (Character.isISOControl(c) && c != '\n' && c != '\t') sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
