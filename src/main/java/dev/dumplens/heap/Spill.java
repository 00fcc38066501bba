package dev.dumplens.heap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A temporary file where the graph builder parks int columns while their memory is needed for something else, and
 * keeps the ones only rare queries read (mapped, so that only the pages a query touches become resident). Written
 * in the machine's byte order; writes may run on a background thread while the caller goes on with other work.
 * {@link #close()} unmaps everything and deletes the file (on Linux and macOS it has no name from the start). The
 * file never holds more than a few ints per object and per reference, less than the heap dump itself; columns no
 * longer needed lend their space to later ones.
 */
final class Spill implements AutoCloseable {
    private static final int BUFFER_INTS = 1 << 18;
    /** Ints per mapping (1 GB): a mapping is limited to 2 GB. */
    private static final int MAP_SHIFT = 28;

    /** Where a column lies in the file. */
    record Column(long position, int length) { }

    private final Path path;
    private final FileChannel channel;
    private final ExecutorService writer;
    private final List<ByteBuffer> mappings = new ArrayList<>();
    private long end;

    private Spill(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dumplens-heap-spill");
            t.setDaemon(true);
            return t;
        });
    }

    static Spill create() {
        try {
            Path path = Files.createTempFile("dumplens-heap-", ".tmp");
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                // where the system allows it (not Windows), the open file leaves its directory at once: nothing is
                // left behind, even when the process is killed
                Files.delete(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
            return new Spill(path, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the heap analysis", e);
        }
    }

    /**
     * Appends {@code length} ints of {@code a} from {@code from} on the background thread; {@code a} must not change
     * until the returned future is done.
     */
    synchronized Future<Column> writeLater(int[] a, int from, int length) {
        Column c = new Column(end, length);
        end += (long) length << 2;
        return writeLater(a, from, c);
    }

    /**
     * Like {@link #writeLater(int[], int, int)}, into the place of a column no longer needed that is at least as
     * long, so that the file does not grow.
     */
    Future<Column> writeLater(int[] a, int from, int length, Column reuse) {
        if (length > reuse.length()) return writeLater(a, from, length);
        return writeLater(a, from, new Column(reuse.position(), length));
    }

    private Future<Column> writeLater(int[] a, int from, Column c) {
        return writer.submit(() -> {
            put(c.position(), a, from, c.length());
            return c;
        });
    }

    /** Space for a column of {@code length} ints, to be filled by {@link #writeAt}. */
    synchronized Column reserve(int length) {
        Column c = new Column(end, length);
        end += (long) length << 2;
        return c;
    }

    /**
     * Writes {@code length} ints of {@code a} from {@code from} into the reserved column {@code c} from its int
     * {@code at}, on the caller's thread; several threads may fill parts of one column at once.
     */
    void writeAt(Column c, int at, int[] a, int from, int length) {
        if (at < 0 || length < 0 || (long) at + length > c.length()) {
            throw new IllegalArgumentException("outside the reserved column");
        }
        try {
            put(c.position() + ((long) at << 2), a, from, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary file " + path, e);
        }
    }

    private void put(long position, int[] a, int from, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_INTS << 2).order(ByteOrder.nativeOrder());
        IntBuffer ints = buffer.asIntBuffer();
        for (int i = 0; i < length; ) {
            int n = Math.min(BUFFER_INTS, length - i);
            ints.clear();
            ints.put(a, from + i, n);
            buffer.clear().limit(n << 2);
            while (buffer.hasRemaining()) position += channel.write(buffer, position);
            i += n;
        }
    }

    /**
     * Appends a column of at most {@code capacity} ints, written one int at a time through a small buffer on the
     * caller's thread.
     */
    synchronized Sink sink(int capacity) {
        Sink s = new Sink(end, capacity);
        end += (long) capacity << 2;
        return s;
    }

    /** A new array holding the column. */
    int[] read(Column c) {
        return read(new Column[] {c}, c.length());
    }

    /**
     * A new array of {@code length} ints holding the columns one after the other at its end (zeros before them, where
     * the columns hold fewer).
     */
    int[] read(Column[] columns, int length) {
        int[] out = new int[length];
        long sum = 0;
        for (Column c : columns) sum += c.length();
        int at = (int) (length - sum);
        for (Column c : columns) {
            Reader r = reader(c);
            for (int end = at + c.length(); at < end; ) at += r.next(out, at, end - at);
        }
        return out;
    }

    /** Reads a column front to back through a small buffer. */
    Reader reader(Column c) {
        return new Reader(c);
    }

    /** Reads a column back to front through a small buffer. */
    ReverseReader reverseReader(Column c) {
        return new ReverseReader(c);
    }

    /** A column mapped read-only: pages are read (and become resident) on first touch. */
    Mapped map(Column c) {
        try {
            int chunks = (int) (((long) c.length() + (1L << MAP_SHIFT) - 1) >>> MAP_SHIFT);
            IntBuffer[] parts = new IntBuffer[chunks];
            for (int k = 0; k < chunks; k++) {
                long first = (long) k << MAP_SHIFT;
                long n = Math.min(1L << MAP_SHIFT, c.length() - first);
                MappedByteBuffer m = channel.map(FileChannel.MapMode.READ_ONLY, c.position() + (first << 2), n << 2);
                synchronized (this) {
                    mappings.add(m);
                }
                parts[k] = m.order(ByteOrder.nativeOrder()).asIntBuffer();
            }
            return new Mapped(parts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the temporary file " + path, e);
        }
    }

    static Column await(Future<Column> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.dumplens.progress.CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw new UncheckedIOException("cannot write a temporary file", io);
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(cause);
        }
    }

    @Override public synchronized void close() {
        writer.shutdownNow();
        for (ByteBuffer m : mappings) Unmapper.unmap(m);
        mappings.clear();
        try {
            channel.close();
        } catch (IOException e) {
            // deleting is what matters
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }

    /** Sequential writing of one column into space reserved for it. */
    final class Sink {
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_INTS << 2).order(ByteOrder.nativeOrder());
        private final IntBuffer ints = buffer.asIntBuffer();
        private final long start;
        private final int capacity;
        private long position;
        private int length;

        private Sink(long start, int capacity) {
            this.start = start;
            this.capacity = capacity;
            position = start;
        }

        void add(int value) {
            if (length == capacity) throw new IllegalStateException("more ints than reserved in the temporary file");
            if (!ints.hasRemaining()) flush();
            ints.put(value);
            length++;
        }

        Column finish() {
            flush();
            return new Column(start, length);
        }

        private void flush() {
            buffer.clear().limit(ints.position() << 2);
            try {
                while (buffer.hasRemaining()) position += channel.write(buffer, position);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the temporary file " + path, e);
            }
            ints.clear();
        }
    }

    /** A buffer's worth of ints read from the file. */
    private final class Block {
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_INTS << 2).order(ByteOrder.nativeOrder());
        private final IntBuffer view = buffer.asIntBuffer();
        final int[] ints = new int[BUFFER_INTS];

        /** Reads {@code n} ints from byte {@code position} of the file into {@link #ints}. */
        void load(long position, int n) {
            buffer.clear().limit(n << 2);
            try {
                long p = position;
                while (buffer.hasRemaining()) {
                    int got = channel.read(buffer, p);
                    if (got < 0) throw new IOException("temporary file " + path + " is shorter than written");
                    p += got;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            view.clear();
            view.get(ints, 0, n);
        }
    }

    /** Sequential reading of one column. */
    final class Reader {
        private final Block block = new Block();
        private final int[] ints = block.ints;
        private int at;
        private int limit;
        private long position;
        private long left;

        private Reader(Column c) {
            position = c.position();
            left = c.length();
        }

        /** The next int of the column. */
        int next() {
            if (at == limit) fill();
            return ints[at++];
        }

        /** Passes over the next {@code n} ints. */
        void skip(int n) {
            while (n > 0) {
                if (at == limit) fill();
                int k = Math.min(n, limit - at);
                at += k;
                n -= k;
            }
        }

        /** Copies up to {@code max} of the next ints into {@code out}; returns how many. */
        int next(int[] out, int offset, int max) {
            if (at == limit) fill();
            int n = Math.min(max, limit - at);
            System.arraycopy(ints, at, out, offset, n);
            at += n;
            return n;
        }

        private void fill() {
            if (left == 0) throw new IllegalStateException("read past the end of a spilled column");
            int n = (int) Math.min(BUFFER_INTS, left);
            block.load(position, n);
            position += (long) n << 2;
            left -= n;
            at = 0;
            limit = n;
        }
    }

    /** Reading of one column from its end. */
    final class ReverseReader {
        private final Block block = new Block();
        private final int[] ints = block.ints;
        private final long start;
        private int at;
        private long left;

        private ReverseReader(Column c) {
            start = c.position();
            left = c.length();
        }

        /** The int before the last one returned (the column's last int first). */
        int previous() {
            if (at == 0) fill();
            return ints[--at];
        }

        private void fill() {
            if (left == 0) throw new IllegalStateException("read past the start of a spilled column");
            int n = (int) Math.min(BUFFER_INTS, left);
            left -= n;
            block.load(start + (left << 2), n);
            at = n;
        }
    }

    /** Random access to a mapped column. */
    static final class Mapped {
        private final IntBuffer[] parts;

        private Mapped(IntBuffer[] parts) {
            this.parts = parts;
        }

        int get(int i) {
            return parts[i >>> MAP_SHIFT].get(i & ((1 << MAP_SHIFT) - 1));
        }
    }
}
