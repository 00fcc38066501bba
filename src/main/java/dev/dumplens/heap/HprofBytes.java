package dev.dumplens.heap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Read-only random access to an HPROF file through several memory mappings of 1 GiB each (files are often larger
 * than the 2 GiB one mapping can hold). Each mapping overlaps the next by a few bytes, so every read of up to eight
 * bytes is served by a single mapping. Reads are big-endian, as HPROF is. Absolute reads only: instances can be
 * shared by threads. Callers check bounds against {@link #size()}; reading past it throws
 * {@link IndexOutOfBoundsException}.
 */
final class HprofBytes {
    private static final int SHIFT = 30;
    private static final long CHUNK = 1L << SHIFT;
    private static final long MASK = CHUNK - 1;
    private static final int OVERLAP = 16;

    private final FileChannel channel;
    private final long size;
    private final int idSize;
    private volatile ByteBuffer[] chunks;

    HprofBytes(FileChannel channel, long size, int idSize) {
        this.channel = channel;
        this.size = size;
        this.idSize = idSize;
    }

    long size() { return size; }

    int idSize() { return idSize; }

    /** Maps the file (again, after {@link #release()}); cheap: pages are read on first touch. */
    synchronized ByteBuffer[] map() throws IOException {
        ByteBuffer[] c = chunks;
        if (c != null) return c;
        int n = (int) ((size + CHUNK - 1) >>> SHIFT);
        c = new ByteBuffer[Math.max(1, n)];
        for (int i = 0; i < c.length; i++) {
            long start = (long) i << SHIFT;
            long len = Math.min(size - start, CHUNK + OVERLAP);
            c[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.max(0, len));
        }
        chunks = c;
        return c;
    }

    private ByteBuffer[] chunks() {
        ByteBuffer[] c = chunks;
        if (c != null) return c;
        try {
            return map();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Unmaps the file now instead of whenever the garbage collector gets to it, so that its pages stop counting
     * towards the process' resident memory during the in-memory phases. No read may run concurrently.
     */
    synchronized void release() {
        ByteBuffer[] c = chunks;
        chunks = null;
        if (c != null) for (ByteBuffer b : c) Unmapper.unmap(b);
    }

    int u1(long p) { return chunks()[(int) (p >>> SHIFT)].get((int) (p & MASK)) & 0xff; }

    int u2(long p) { return chunks()[(int) (p >>> SHIFT)].getShort((int) (p & MASK)) & 0xffff; }

    /** A signed 32-bit value. */
    int i4(long p) { return chunks()[(int) (p >>> SHIFT)].getInt((int) (p & MASK)); }

    /** An unsigned 32-bit value. */
    long u4(long p) { return i4(p) & 0xffffffffL; }

    long i8(long p) { return chunks()[(int) (p >>> SHIFT)].getLong((int) (p & MASK)); }

    /** An object id of the dump's id size, zero-extended. */
    long id(long p) {
        ByteBuffer b = chunks()[(int) (p >>> SHIFT)];
        int off = (int) (p & MASK);
        return idSize == 8 ? b.getLong(off) : b.getInt(off) & 0xffffffffL;
    }

    /** Reads a value of HPROF basic type {@code type} as raw bits (float/double as their bit pattern). */
    long value(long p, int type) {
        switch (Hprof.typeSize(type, idSize)) {
            case 1: return u1(p);
            case 2: return u2(p);
            case 4: return type == Hprof.OBJECT ? u4(p) : i4(p);
            case 8: return i8(p);
            default: throw new IllegalArgumentException("type " + type);
        }
    }

    void read(long p, byte[] dst, int off, int len) {
        ByteBuffer[] c = chunks();
        while (len > 0) {
            ByteBuffer b = c[(int) (p >>> SHIFT)];
            int o = (int) (p & MASK);
            int n = (int) Math.min(len, CHUNK - o);
            b.get(o, dst, off, n);
            p += n;
            off += n;
            len -= n;
        }
    }
}
