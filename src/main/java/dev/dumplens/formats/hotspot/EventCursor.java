package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpParseException;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the events of all blocks of a file in order, with absolute line numbers, and can look ahead
 * ({@link #mark()} / {@link #reset()}). Blocks behind the cursor are released unless a mark still needs them.
 */
final class EventCursor {
    private final ChunkPipeline pipeline;
    private final ProgressReporter progress;
    /** Loaded blocks from the oldest still needed. */
    private final List<Loaded> loaded = new ArrayList<>();
    private int nextChunk;
    private long nextFirstLine = 1;
    private long nextSkipBefore;
    private int chunk;
    private int event = -1;
    private Loaded current;
    private Events events;
    private int size;
    private boolean marked;
    private int markChunk;
    private int markEvent;

    /** Reports how far the cursor got, in bytes of the file. */
    @FunctionalInterface
    interface ProgressReporter {
        void reached(long position);
    }

    /**
     * A block with the number of its first line, and the position before which its events were already consumed
     * by a header of an earlier block that continued into it.
     */
    private static final class Loaded {
        final ChunkPipeline.Chunk chunk;
        final long firstLine;
        final long skipBefore;

        Loaded(ChunkPipeline.Chunk chunk, long firstLine, long skipBefore) {
            this.chunk = chunk;
            this.firstLine = firstLine;
            this.skipBefore = skipBefore;
        }
    }

    EventCursor(ChunkPipeline pipeline, ProgressReporter progress) {
        this.pipeline = pipeline;
        this.progress = progress;
    }

    /** Moves to the next event; false at the end of the file. */
    boolean next() throws DumpParseException {
        if (++event < size) return true;
        while (true) {
            if (current != null) {
                progress.reached(current.chunk.base + (long) current.chunk.consumedTo);
                chunk++;
                dropPassed();
            }
            if (chunk == loaded.size() && !load()) {
                current = null;
                event = size = 0;
                return false;
            }
            select(chunk);
            event = firstEvent(current);
            if (event < size) return true;
        }
    }

    /** The first event of a block that no header of an earlier block consumed. */
    private static int firstEvent(Loaded l) {
        Events ev = l.chunk.events;
        int i = 0;
        while (i < ev.size() && l.chunk.base + (long) ev.start(i) < l.skipBefore) i++;
        return i;
    }

    private void select(int index) {
        chunk = index;
        current = loaded.get(index);
        events = current.chunk.events;
        size = events.size();
    }

    private boolean load() throws DumpParseException {
        if (nextChunk >= pipeline.count()) return false;
        ChunkPipeline.Chunk c = pipeline.get(nextChunk++);
        loaded.add(new Loaded(c, nextFirstLine, nextSkipBefore));
        nextFirstLine += c.lines;
        nextSkipBefore = Math.max(nextSkipBefore, c.base + (long) c.consumedTo);
        return true;
    }

    /** Number of the last line of the file, once every block was read. */
    long lastLine() {
        return Math.max(1, nextFirstLine - 1);
    }

    private void dropPassed() {
        if (marked) return;
        while (chunk > 0) {
            pipeline.release(loaded.remove(0).chunk);
            chunk--;
        }
    }

    /** Remembers the position, to come back with {@link #reset()} after looking ahead. */
    void mark() {
        marked = true;
        markChunk = chunk;
        markEvent = event;
    }

    /** Returns to the {@link #mark()}ed position. */
    void reset() {
        marked = false;
        select(markChunk);
        event = markEvent;
    }

    byte type() { return events.type(event); }

    Object value() { return events.value(event); }

    /** 1-based line number of the event in the file. */
    long line() { return current.firstLine + events.line(event); }

    /** The block's text; {@link #start()} and {@link #end()} index it. */
    ByteText text() { return current.chunk.text; }

    /** Start of the event's line. */
    int start() { return events.start(event); }

    /** End of the event's line content. */
    int end() { return events.end(event); }

    /** Whether the line starts with the literal. */
    boolean startsWith(byte[] literal) {
        return text().startsWith(start(), end(), literal);
    }

    /** The first byte of the line, or -1 for an empty line. */
    int firstByte() {
        return end() > start() ? text().at(start()) : -1;
    }
}
