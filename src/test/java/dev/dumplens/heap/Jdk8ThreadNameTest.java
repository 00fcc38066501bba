package dev.dumplens.heap;

import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JDK 8's {@code Thread} keeps its name in a {@code char[]} (and its daemon flag, priority and status in the thread
 * itself). No JDK 8 is installed here, so this builds a minimal HPROF with that layout, record by record, as a JDK 8
 * VM writes it: names, classes, one thread with a one-frame stack trace, a local on that frame.
 */
class Jdk8ThreadNameTest {

    @TempDir
    Path dir;

    @Test
    void charArrayThreadName() throws Exception {
        Path file = dir.resolve("jdk8-style.hprof");
        Files.write(file, dump());
        try (HeapSnapshot s = HeapSnapshot.open(file, "jdk8-style.hprof", ProgressMonitor.NONE)) {
            assertThat(s.threads()).hasSize(1);
            HeapThread t = s.threads().get(0);
            assertThat(t.name()).isEqualTo("worker-\u00e9-1");
            assertThat(t.tid()).isEqualTo(17L);
            assertThat(t.daemon()).isTrue();
            assertThat(t.priority()).isEqualTo(5);
            assertThat(t.state()).isEqualTo(ThreadState.TIMED_WAITING);
            assertThat(t.frames()).hasSize(1);
            assertThat(t.frames().get(0).frame().text()).isEqualTo("app.Worker.run(Worker.java:42)");
            assertThat(t.frames().get(0).retainedBytes()).isEqualTo(16 + 1000);
            assertThat(t.frames().get(0).locals()).extracting(l -> l.object().className()).containsExactly("byte[]");
            assertThat(s.warnings()).isEmpty();
        }
    }

    private static final long OBJECT = 0x1000;
    private static final long THREAD = 0x1100;
    private static final long CHARS = 0x1200;
    private static final long BYTES = 0x1300;
    private static final long WORKER = 0x1400;
    private static final long THREAD_OBJ = 0x2000;
    private static final long NAME = 0x2100;
    private static final long PAYLOAD = 0x2200;

    private static byte[] dump() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.write("JAVA PROFILE 1.0.2\0".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(8);
        out.writeLong(1_700_000_000_000L);
        String[] strings = {"java/lang/Object", "java/lang/Thread", "[C", "[B", "app/Worker", "name", "tid", "daemon",
                "priority", "threadStatus", "run", "()V", "Worker.java"};
        for (int i = 0; i < strings.length; i++) {
            byte[] s = strings[i].getBytes(StandardCharsets.UTF_8);
            record(out, Hprof.UTF8, b -> {
                b.writeLong(0);
                b.write(s);
            }, i + 1);
        }
        long[] classes = {OBJECT, THREAD, CHARS, BYTES, WORKER};
        for (int i = 0; i < classes.length; i++) {
            int serial = i + 1;
            long id = classes[i];
            record(out, Hprof.LOAD_CLASS, b -> {
                b.writeInt(serial);
                b.writeLong(id);
                b.writeInt(1);
                b.writeLong(serial);
            }, -1);
        }
        record(out, Hprof.STACK_FRAME, b -> {
            b.writeLong(0x77);
            b.writeLong(11);
            b.writeLong(12);
            b.writeLong(13);
            b.writeInt(5);
            b.writeInt(42);
        }, -1);
        record(out, Hprof.STACK_TRACE, b -> {
            b.writeInt(3);
            b.writeInt(1);
            b.writeInt(1);
            b.writeLong(0x77);
        }, -1);
        record(out, Hprof.HEAP_DUMP_SEGMENT, b -> {
            classDump(b, OBJECT, 0, new long[0], new byte[0]);
            classDump(b, THREAD, OBJECT, new long[] {6, 7, 8, 9, 10},
                    new byte[] {Hprof.OBJECT, Hprof.LONG, Hprof.BOOLEAN, Hprof.INT, Hprof.INT});
            classDump(b, CHARS, OBJECT, new long[0], new byte[0]);
            classDump(b, BYTES, OBJECT, new long[0], new byte[0]);
            classDump(b, WORKER, OBJECT, new long[0], new byte[0]);
            b.writeByte(Hprof.INSTANCE_DUMP);
            b.writeLong(THREAD_OBJ);
            b.writeInt(1);
            b.writeLong(THREAD);
            b.writeInt(8 + 8 + 1 + 4 + 4);
            b.writeLong(NAME);
            b.writeLong(17);
            b.writeByte(1);
            b.writeInt(5);
            b.writeInt(0x0001 | 0x0020);
            String name = "worker-\u00e9-1";
            b.writeByte(Hprof.PRIM_ARRAY_DUMP);
            b.writeLong(NAME);
            b.writeInt(1);
            b.writeInt(name.length());
            b.writeByte(Hprof.CHAR);
            for (char c : name.toCharArray()) b.writeChar(c);
            b.writeByte(Hprof.PRIM_ARRAY_DUMP);
            b.writeLong(PAYLOAD);
            b.writeInt(1);
            b.writeInt(1000);
            b.writeByte(Hprof.BYTE);
            b.write(new byte[1000]);
            b.writeByte(Hprof.ROOT_THREAD_OBJECT);
            b.writeLong(THREAD_OBJ);
            b.writeInt(1);
            b.writeInt(3);
            b.writeByte(Hprof.ROOT_JAVA_FRAME);
            b.writeLong(PAYLOAD);
            b.writeInt(1);
            b.writeInt(0);
            for (long c : classes) {
                b.writeByte(Hprof.ROOT_STICKY_CLASS);
                b.writeLong(c);
            }
        }, -1);
        record(out, Hprof.HEAP_DUMP_END, b -> { }, -1);
        out.flush();
        return file.toByteArray();
    }

    private static void classDump(DataOutputStream b, long id, long superId, long[] fieldNames, byte[] fieldTypes)
            throws IOException {
        b.writeByte(Hprof.CLASS_DUMP);
        b.writeLong(id);
        b.writeInt(1);
        b.writeLong(superId);
        for (int i = 0; i < 5; i++) b.writeLong(0);
        b.writeInt(0);
        b.writeShort(0);
        b.writeShort(0);
        b.writeShort(fieldNames.length);
        for (int i = 0; i < fieldNames.length; i++) {
            b.writeLong(fieldNames[i]);
            b.writeByte(fieldTypes[i]);
        }
    }

    private interface Body {
        void write(DataOutputStream b) throws IOException;
    }

    /** Writes a record; for UTF8 records {@code utf8Id} replaces the placeholder id written first. */
    private static void record(DataOutputStream out, int tag, Body body, long utf8Id) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(buf);
        body.write(b);
        b.flush();
        byte[] bytes = buf.toByteArray();
        if (utf8Id >= 0) java.nio.ByteBuffer.wrap(bytes).putLong(0, utf8Id);
        out.writeByte(tag);
        out.writeInt(0);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
