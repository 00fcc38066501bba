package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.progress.CancelledException;
import dev.dumplens.progress.ProgressMonitor;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits a dump file into blocks and lexes them ({@link ChunkLexer}) on all cores, a few blocks ahead of the
 * reader, which takes them in order with {@link #get}. Block {@code k} holds the lines that start in
 * {@code [k·size, (k+1)·size)}; each is read into a pooled buffer with positional reads (plus a margin to look
 * ahead), so memory stays bounded by a few blocks whatever the file size.
 */
final class ChunkPipeline implements AutoCloseable {
    private static final int MAX_CHUNK = 4 << 20;
    private static final int MIN_CHUNK = 256 << 10;
    /** Bytes read past a block so that a header spanning lines at its end can be read whole. */
    private static final int MARGIN = 64 << 10;

    /** A lexed block. Positions in {@link #events} are relative to {@link #base}. */
    static final class Chunk {
        final int base;
        final ByteText text;
        final Events events;
        /** Where (relative) the last consumed line ends: past the block when a header continued after it. */
        final int consumedTo;
        /** How many lines start in the block. */
        final int lines;
        final Slot slot;

        Chunk(int base, ByteText text, int consumedTo, int lines, Slot slot) {
            this.base = base;
            this.text = text;
            this.events = slot.events;
            this.consumedTo = consumedTo;
            this.lines = lines;
            this.slot = slot;
        }
    }

    /** The memory of a block: its bytes and its events, reused from block to block. */
    private static final class Slot {
        byte[] buffer;
        final Events events;

        Slot(byte[] buffer, int expectedLines) {
            this.buffer = buffer;
            this.events = new Events(expectedLines);
        }
    }

    private final DumpText source;
    private final ProgressMonitor progress;
    private final int chunkSize;
    private final int count;
    private final int window;
    private final SharedTexts shared = new SharedTexts();
    private final ConcurrentLinkedQueue<Slot> slots = new ConcurrentLinkedQueue<>();
    private final ExecutorService pool;
    private final Future<?>[] futures;
    private int submitted;

    /** Blocks of a size that suits the file and the machine's cores. */
    ChunkPipeline(DumpText source, ProgressMonitor progress) {
        this(source, progress, defaultChunkSize(source.length()), Runtime.getRuntime().availableProcessors());
    }

    /** Blocks of {@code chunkSize} bytes lexed by up to {@code cores} threads (tests use tiny blocks). */
    ChunkPipeline(DumpText source, ProgressMonitor progress, int chunkSize, int cores) {
        this.source = source;
        this.progress = progress;
        int len = source.length();
        this.chunkSize = chunkSize;
        this.count = Math.max(1, (int) ((len + (long) chunkSize - 1) / chunkSize));
        int workers = Math.min(cores, count);
        this.window = workers + 2;
        this.pool = count > 1 && workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "dumplens-lexer");
            th.setDaemon(true);
            return th;
        }) : null;
        this.futures = new Future<?>[count];
    }

    private static int defaultChunkSize(int length) {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, length / Math.max(1, 4 * cores)));
    }

    int count() { return count; }

    /** Block {@code k}, lexed; waits for it. Blocks must be {@link #release}d in order to keep work flowing. */
    Chunk get(int k) throws DumpParseException {
        if (pool == null) return lex(k);
        while (submitted <= k || submitted < Math.min(count, k + window)) submitNext();
        try {
            return (Chunk) futures[k].get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DumpParseException) throw (DumpParseException) cause;
            if (cause instanceof RuntimeException) throw (RuntimeException) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw new IllegalStateException(cause);
        } finally {
            futures[k] = null;
        }
    }

    /** Gives a block's memory back for reuse. */
    void release(Chunk c) {
        c.events.clear();
        if (c.slot.buffer.length == bufferSize()) slots.add(c.slot);
    }

    private void submitNext() {
        int k = submitted++;
        futures[k] = pool.submit(() -> lex(k));
    }

    private int bufferSize() {
        return chunkSize + MARGIN + 1;
    }

    /** Reads and lexes block {@code k}. */
    private Chunk lex(int k) throws DumpParseException {
        progress.checkCancelled();
        int len = source.length();
        int nominalStart = k * chunkSize;
        int nominalEnd = (int) Math.min(len, (long) nominalStart + chunkSize);
        int base = k == 0 ? 0 : nominalStart - 1;
        int want = Math.min(len - base, nominalEnd - base + MARGIN);
        Slot slot = slot(want);
        int read = source.copy(base, slot.buffer, 0, want);
        while (true) {
            ByteText t = new ByteText(slot.buffer, read);
            int from = k == 0 ? 0 : t.newline(0) + 1;
            int endNewline = nominalEnd >= len ? read : t.newline(Math.max(0, nominalEnd - 1 - base));
            boolean complete = base + read >= len || (from <= read && endNewline < read);
            if (complete) {
                int end = Math.min(read, nominalEnd >= len ? read : endNewline + 1);
                ChunkLexer lexer = new ChunkLexer(t, shared);
                lexer.lex(Math.min(from, end), end, slot.events, progress);
                return new Chunk(base, t, lexer.consumedTo(), lexer.linesInRange(), slot);
            }
            // a line longer than the margin crosses the block's end: read on until it ends
            int more = (int) Math.min((long) len - base, Math.max(2L * slot.buffer.length, read + (long) MARGIN));
            byte[] bigger = new byte[more];
            System.arraycopy(slot.buffer, 0, bigger, 0, read);
            read += source.copy(base + read, bigger, read, more - read);
            slot.buffer = bigger;
        }
    }

    private Slot slot(int want) {
        Slot s = want <= bufferSize() ? slots.poll() : null;
        if (s != null) return s;
        int size = count == 1 || want > bufferSize() ? want : bufferSize();
        return new Slot(new byte[size], size / 48);
    }

    @Override public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
