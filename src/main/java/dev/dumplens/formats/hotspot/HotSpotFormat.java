package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpFormat;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;

/**
 * HotSpot text thread dumps: {@code jstack [-l] [-e]}, {@code jcmd <pid> Thread.print [-l] [-e]} and SIGQUIT
 * ({@code kill -3}) output inside application logs, JDK 8 to 25. Each dump in a file becomes its own
 * {@link dev.dumplens.model.ThreadDump} whose {@code format} is {@value DumpAssembler#FORMAT_JSTACK},
 * {@value DumpAssembler#FORMAT_JCMD} (the text starts with jcmd's "pid:" line) or
 * {@value DumpAssembler#FORMAT_SIGQUIT_LOG} (the dump sits among log lines or carries SIGQUIT's Heap section).
 *
 * <p>Warnings: each dump lists those about its own lines; {@link ParseResult#warnings()} lists every warning of
 * the file (those of the dumps included), by line.
 *
 * <p>Large files are read in blocks lexed on all cores ({@link ChunkPipeline}) and put together in order
 * ({@link DumpAssembler}); memory stays bounded by a few blocks plus the model.
 */
public final class HotSpotFormat implements DumpFormat {
    /** The id of this format in {@link ParseResult#format()}. */
    public static final String ID = "hotspot";

    private static final int SNIFF_BYTES = 256 * 1024;
    private static final int SCAN_BLOCK = 4 << 20;

    @Override public String id() { return ID; }

    @Override public String displayName() { return "HotSpot jstack / jcmd Thread.print / SIGQUIT log"; }

    /**
     * 90 when a "Full thread dump" banner starts a line in the first 256 KiB, 60 when thread entries without a
     * banner start there, 30 when a banner appears later in the file (a long application log), else 0.
     */
    @Override public int sniff(DumpText text) {
        try {
            byte[] head = new byte[Math.min(text.length(), SNIFF_BYTES)];
            ByteText t = new ByteText(head, text.copy(0, head, 0, head.length));
            if (hasBanner(t, 0)) return 90;
            if (hasThreadEntry(t)) return 60;
            return bannerAfterHead(text) ? 30 : 0;
        } catch (DumpParseException unreadable) {
            return 0;
        }
    }

    /** Whether a line starting at or after {@code from} starts with the banner. */
    private static boolean hasBanner(ByteText t, int from) {
        for (int p = from; p < t.length(); p = t.newline(p) + 1) {
            if (t.startsWith(p, t.length(), DumpAssembler.BANNER)) return true;
        }
        return false;
    }

    /** A one-line thread header directly followed by a state or frame line. */
    private static boolean hasThreadEntry(ByteText t) {
        ChunkLexer lexer = new ChunkLexer(t, new SharedTexts());
        Events ev = new Events(2);
        for (int p = 0; p < t.length(); p = t.newline(p) + 1) {
            if (t.at(p) != '"') continue;
            int next = t.newline(p) + 1;
            ev.clear();
            lexer.lex(p, Math.min(t.length(), t.newline(next) + 1), ev, ProgressMonitor.NONE);
            if (ev.size() == 2 && ev.type(0) == Events.HEADER && ((ThreadHeader) ev.value(0)).lines == 1
                    && (ev.type(1) == Events.STATE || ev.type(1) == Events.FRAME)) {
                return true;
            }
        }
        return false;
    }

    /** Scans the rest of the file block by block for a banner at a line start. */
    private static boolean bannerAfterHead(DumpText text) throws DumpParseException {
        int overlap = DumpAssembler.BANNER.length + 1;
        byte[] block = new byte[SCAN_BLOCK + overlap];
        for (int pos = SNIFF_BYTES - overlap; pos < text.length(); pos += SCAN_BLOCK) {
            int n = text.copy(pos, block, 0, block.length);
            ByteText t = new ByteText(block, n);
            if (hasBanner(t, t.newline(0) + 1)) return true;
        }
        return false;
    }

    @Override public ParseResult parse(DumpText text, ProgressMonitor progress) throws DumpParseException {
        try (ChunkPipeline chunks = new ChunkPipeline(text, progress)) {
            return parse(text, chunks, progress);
        }
    }

    /** Parses with the given blocks (tests split files into tiny blocks to exercise block boundaries). */
    static ParseResult parse(DumpText text, ChunkPipeline chunks, ProgressMonitor progress) throws DumpParseException {
        progress.phase("Reading " + text.source(), text.length());
        EventCursor events = new EventCursor(chunks, position -> {
            progress.checkCancelled();
            progress.worked(position);
        });
        return new DumpAssembler(text.source(), events).run();
    }
}
