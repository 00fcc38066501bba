package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpFormat;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;

/**
 * HotSpot text thread dumps: {@code jstack [-l] [-e]}, {@code jcmd <pid> Thread.print [-l] [-e]} and SIGQUIT
 * ({@code kill -3}) output inside application logs, JDK 8 to 25. Each dump in a file becomes its own
 * {@link dev.dumplens.model.ThreadDump} whose {@code format} is {@value HotSpotFileParser#FORMAT_JSTACK},
 * {@value HotSpotFileParser#FORMAT_JCMD} (the text starts with jcmd's "pid:" line) or
 * {@value HotSpotFileParser#FORMAT_SIGQUIT_LOG} (the dump sits among log lines or carries SIGQUIT's Heap section).
 *
 * <p>Warnings: each dump lists those about its own lines; {@link ParseResult#warnings()} lists every warning of
 * the file (those of the dumps included), by line.
 */
public final class HotSpotFormat implements DumpFormat {
    /** The id of this format in {@link ParseResult#format()}. */
    public static final String ID = "hotspot";

    private static final int SNIFF_BYTES = 256 * 1024;

    @Override public String id() { return ID; }

    @Override public String displayName() { return "HotSpot jstack / jcmd Thread.print / SIGQUIT log"; }

    /**
     * 90 when a "Full thread dump" banner starts a line in the first 256 KiB, 60 when thread entries without a
     * banner start there, 30 when a banner appears later in the file (a long application log), else 0.
     */
    @Override public int sniff(DumpText text) {
        ByteText t = new ByteText(text);
        int head = Math.min(t.length(), SNIFF_BYTES);
        if (findBanner(t, 0, head) >= 0) return 90;
        ThreadListParser threads = new ThreadListParser(t, ProgressMonitor.NONE, false);
        for (int p = 0; p < head; p = t.newline(p) + 1) {
            if (threads.isThreadEntry(p)) return 60;
        }
        return findBanner(t, head, t.length()) >= 0 ? 30 : 0;
    }

    /** Start of the first line in {@code [from, to)} that starts with the banner, or -1. */
    private static int findBanner(ByteText t, int from, int to) {
        for (int p = from; p < to; p = t.newline(p) + 1) {
            if (t.startsWith(p, t.length(), HotSpotFileParser.BANNER)) return p;
        }
        return -1;
    }

    @Override public ParseResult parse(DumpText text, ProgressMonitor progress) throws DumpParseException {
        return new HotSpotFileParser(new ByteText(text), progress).parse();
    }
}
