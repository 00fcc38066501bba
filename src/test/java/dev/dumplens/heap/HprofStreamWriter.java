package dev.dumplens.heap;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes an HPROF 1.0.2 file with 8-byte identifiers as a stream (test scope, for {@link SyntheticHprof}): top-level
 * records go straight to a buffered file stream; heap dump sub-records are collected in a buffer and written as one
 * HEAP_DUMP_SEGMENT whenever the next sub-record would take it past the segment limit (a single larger sub-record
 * gets a segment of its own), as HotSpot does with its 1 MiB segments. Only the sub-record being filled is held in
 * memory, so files of any size can be written.
 * <p>
 * A sub-record is written by starting it ({@link #instance}, {@link #objectArray}) and then putting exactly its
 * declared number of values with {@link #id} and {@link #u4}.
 */
final class HprofStreamWriter implements AutoCloseable {
    static final int ID_SIZE = 8;

    private final DataOutputStream out;
    private final int segmentLimit;
    private byte[] seg;
    private int pos;
    private long segments;

    HprofStreamWriter(Path file, long timestampMillis, int segmentLimit) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 22));
        this.segmentLimit = segmentLimit;
        this.seg = new byte[segmentLimit + 4096];
        out.write("JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.writeInt(ID_SIZE);
        out.writeLong(timestampMillis);
    }

    long segmentCount() { return segments; }

    // ---- top-level records (all before the heap dump)

    private void record(int tag, int length) throws IOException {
        out.writeByte(tag);
        out.writeInt(0);
        out.writeInt(length);
    }

    /** A UTF8 record; {@code text} must be ASCII (its modified UTF-8 form is then its bytes). */
    void utf8(long id, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        record(Hprof.UTF8, ID_SIZE + b.length);
        out.writeLong(id);
        out.write(b);
    }

    void loadClass(int serial, long classId, int traceSerial, long nameId) throws IOException {
        record(Hprof.LOAD_CLASS, 8 + 2 * ID_SIZE);
        out.writeInt(serial);
        out.writeLong(classId);
        out.writeInt(traceSerial);
        out.writeLong(nameId);
    }

    void stackFrame(long frameId, long methodNameId, long signatureId, long sourceFileId, int classSerial, int line)
            throws IOException {
        record(Hprof.STACK_FRAME, 4 * ID_SIZE + 8);
        out.writeLong(frameId);
        out.writeLong(methodNameId);
        out.writeLong(signatureId);
        out.writeLong(sourceFileId);
        out.writeInt(classSerial);
        out.writeInt(line);
    }

    void stackTrace(int serial, int threadSerial, long[] frameIds) throws IOException {
        record(Hprof.STACK_TRACE, 12 + ID_SIZE * frameIds.length);
        out.writeInt(serial);
        out.writeInt(threadSerial);
        out.writeInt(frameIds.length);
        for (long f : frameIds) out.writeLong(f);
    }

    // ---- heap dump sub-records

    /** Makes room for a sub-record of {@code size} bytes, closing the current segment first if it would overflow. */
    private void begin(int size) throws IOException {
        if (pos > 0 && pos + size > segmentLimit) flushSegment();
        if (pos + size > seg.length) seg = Arrays.copyOf(seg, pos + size);
    }

    private void flushSegment() throws IOException {
        if (pos == 0) return;
        record(Hprof.HEAP_DUMP_SEGMENT, pos);
        out.write(seg, 0, pos);
        pos = 0;
        segments++;
    }

    /** A CLASS_DUMP without constant pool; static values are written with their type's size. */
    void classDump(long classId, long superId, long loaderId, int instanceSize, long[] staticNameIds,
                   byte[] staticTypes, long[] staticValues, long[] fieldNameIds, byte[] fieldTypes)
            throws IOException {
        int size = 1 + 7 * ID_SIZE + 8 + 2 + 2 + 2 + fieldNameIds.length * (ID_SIZE + 1);
        for (byte t : staticTypes) size += ID_SIZE + 1 + Hprof.typeSize(t, ID_SIZE);
        begin(size);
        u1(Hprof.CLASS_DUMP);
        id(classId);
        u4(1);
        id(superId);
        id(loaderId);
        id(0); // signers
        id(0); // protection domain
        id(0); // reserved
        id(0); // reserved
        u4(instanceSize);
        u2(0); // constant pool
        u2(staticNameIds.length);
        for (int i = 0; i < staticNameIds.length; i++) {
            id(staticNameIds[i]);
            u1(staticTypes[i]);
            value(staticTypes[i], staticValues[i]);
        }
        u2(fieldNameIds.length);
        for (int i = 0; i < fieldNameIds.length; i++) {
            id(fieldNameIds[i]);
            u1(fieldTypes[i]);
        }
    }

    /** Starts an INSTANCE_DUMP; its {@code dataBytes} of field values follow (class first, then superclasses). */
    void instance(long id, long classId, int dataBytes) throws IOException {
        begin(1 + 2 * ID_SIZE + 8 + dataBytes);
        u1(Hprof.INSTANCE_DUMP);
        id(id);
        u4(1);
        id(classId);
        u4(dataBytes);
    }

    /** Starts an OBJ_ARRAY_DUMP; its {@code length} element ids follow. */
    void objectArray(long id, long arrayClassId, int length) throws IOException {
        begin(1 + 2 * ID_SIZE + 8 + length * ID_SIZE);
        u1(Hprof.OBJ_ARRAY_DUMP);
        id(id);
        u4(1);
        u4(length);
        id(arrayClassId);
    }

    /** A byte[] with these contents. */
    void byteArray(long id, byte[] data) throws IOException {
        byteArrayHeader(id, data.length);
        System.arraycopy(data, 0, seg, pos, data.length);
        pos += data.length;
    }

    /** A byte[] of {@code length} zero bytes. */
    void zeroByteArray(long id, int length) throws IOException {
        byteArrayHeader(id, length);
        Arrays.fill(seg, pos, pos + length, (byte) 0);
        pos += length;
    }

    private void byteArrayHeader(long id, int length) throws IOException {
        begin(1 + ID_SIZE + 9 + length);
        u1(Hprof.PRIM_ARRAY_DUMP);
        id(id);
        u4(1);
        u4(length);
        u1(Hprof.BYTE);
    }

    void rootStickyClass(long classId) throws IOException {
        begin(1 + ID_SIZE);
        u1(Hprof.ROOT_STICKY_CLASS);
        id(classId);
    }

    void rootThreadObject(long threadId, int threadSerial, int traceSerial) throws IOException {
        begin(1 + ID_SIZE + 8);
        u1(Hprof.ROOT_THREAD_OBJECT);
        id(threadId);
        u4(threadSerial);
        u4(traceSerial);
    }

    void rootJavaFrame(long objectId, int threadSerial, int frame) throws IOException {
        begin(1 + ID_SIZE + 8);
        u1(Hprof.ROOT_JAVA_FRAME);
        id(objectId);
        u4(threadSerial);
        u4(frame);
    }

    // ---- values of the sub-record being written

    void id(long v) {
        byte[] s = seg;
        int p = pos;
        s[p] = (byte) (v >>> 56);
        s[p + 1] = (byte) (v >>> 48);
        s[p + 2] = (byte) (v >>> 40);
        s[p + 3] = (byte) (v >>> 32);
        s[p + 4] = (byte) (v >>> 24);
        s[p + 5] = (byte) (v >>> 16);
        s[p + 6] = (byte) (v >>> 8);
        s[p + 7] = (byte) v;
        pos = p + 8;
    }

    void u4(int v) {
        byte[] s = seg;
        int p = pos;
        s[p] = (byte) (v >>> 24);
        s[p + 1] = (byte) (v >>> 16);
        s[p + 2] = (byte) (v >>> 8);
        s[p + 3] = (byte) v;
        pos = p + 4;
    }

    void u2(int v) {
        seg[pos] = (byte) (v >>> 8);
        seg[pos + 1] = (byte) v;
        pos += 2;
    }

    void u1(int v) {
        seg[pos++] = (byte) v;
    }

    /** A field value of basic type {@code type}. */
    void value(int type, long v) {
        switch (Hprof.typeSize(type, ID_SIZE)) {
            case 1: u1((int) v); break;
            case 2: u2((int) v); break;
            case 4: u4((int) v); break;
            case 8: id(v); break;
            default: throw new IllegalArgumentException("type " + type);
        }
    }

    /** Ends the heap dump (last segment and HEAP_DUMP_END) and closes the file. */
    @Override public void close() throws IOException {
        try {
            flushSegment();
            record(Hprof.HEAP_DUMP_END, 0);
        } finally {
            out.close();
        }
    }
}
