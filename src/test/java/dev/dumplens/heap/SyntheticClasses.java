package dev.dumplens.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of a {@link SyntheticHprof} dump: the JDK 17 classes DumpLens reads threads through
 * ({@code java.lang.Thread} with {@code name}, {@code tid}, {@code daemon}, {@code priority}, {@code threadStatus};
 * {@code String} with {@code value} byte[] and {@code coder}; {@code ThreadGroup}; the application class loader
 * reachable from the static {@code ClassLoaders.APP_LOADER}) with a subset of their real fields, and the
 * application's classes ({@code synthetic.Node}, {@code synthetic.Background} with the static {@code ROOTS},
 * {@code synthetic.Worker}), loaded by the application class loader. Also the UTF8 symbols all records use.
 * <p>
 * Shallow sizes are those of 64-bit HotSpot with compressed references and class pointers (12-byte object header,
 * 16-byte array header, 4-byte references, 8-byte alignment), the layout a 24 GB JVM uses.
 */
final class SyntheticClasses {
    static final int HEADER = 12;
    static final int ARRAY_HEADER = 16;
    static final int REFERENCE = 4;

    static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    static long arrayBytes(long length, int elementBytes) {
        return align(ARRAY_HEADER + length * elementBytes);
    }

    /** One class: its fields (in dump order), statics, and once laid out its id and LOAD_CLASS serial. */
    static final class Klass {
        final String vmName;
        final Klass superClass;
        final boolean application;
        final String[] fields;
        final byte[] fieldTypes;
        final String[] statics;
        final byte[] staticTypes;
        final long[] staticValues;
        long id;
        int serial;

        Klass(String vmName, Klass superClass, boolean application, Object... fieldsAndTypes) {
            this(vmName, superClass, application, fieldsAndTypes, new Object[0]);
        }

        Klass(String vmName, Klass superClass, boolean application, Object[] fieldsAndTypes, Object[] staticsAndTypes) {
            this.vmName = vmName;
            this.superClass = superClass;
            this.application = application;
            this.fields = names(fieldsAndTypes);
            this.fieldTypes = types(fieldsAndTypes);
            this.statics = names(staticsAndTypes);
            this.staticTypes = types(staticsAndTypes);
            this.staticValues = new long[statics.length];
        }

        private static String[] names(Object[] pairs) {
            String[] out = new String[pairs.length / 2];
            for (int i = 0; i < out.length; i++) out[i] = (String) pairs[2 * i];
            return out;
        }

        private static byte[] types(Object[] pairs) {
            byte[] out = new byte[pairs.length / 2];
            for (int i = 0; i < out.length; i++) out[i] = (byte) (int) (Integer) pairs[2 * i + 1];
            return out;
        }

        /** Bytes of field values in an INSTANCE_DUMP, over the class and its superclasses. */
        int dataBytes() {
            int n = superClass == null ? 0 : superClass.dataBytes();
            for (byte t : fieldTypes) n += Hprof.typeSize(t, HprofStreamWriter.ID_SIZE);
            return n;
        }

        /** Instance size: header plus every field of the class chain, references at 4 bytes, aligned. */
        long instanceBytes() {
            return align(HEADER + unalignedFieldBytes());
        }

        private long unalignedFieldBytes() {
            long n = superClass == null ? 0 : superClass.unalignedFieldBytes();
            for (byte t : fieldTypes) n += t == Hprof.OBJECT ? REFERENCE : Hprof.typeSize(t, HprofStreamWriter.ID_SIZE);
            return n;
        }

        void setStatic(String name, long value) {
            for (int i = 0; i < statics.length; i++) {
                if (statics[i].equals(name)) {
                    staticValues[i] = value;
                    return;
                }
            }
            throw new IllegalArgumentException(name);
        }
    }

    private static final int L = Hprof.OBJECT;
    private static final int Z = Hprof.BOOLEAN;
    private static final int B = Hprof.BYTE;
    private static final int I = Hprof.INT;
    private static final int J = Hprof.LONG;

    final Klass object = new Klass("java/lang/Object", null, false);
    final Klass klass = new Klass("java/lang/Class", object, false, "cachedConstructor", L, "name", L, "module", L,
            "classLoader", L, "classData", L, "packageName", L, "componentType", L, "reflectionData", L,
            "classRedefinedCount", I);
    final Klass string = new Klass("java/lang/String", object, false,
            new Object[] {"value", L, "coder", B, "hash", I, "hashIsZero", Z}, new Object[] {"COMPACT_STRINGS", Z});
    final Klass thread = new Klass("java/lang/Thread", object, false,
            new Object[] {"name", L, "priority", I, "daemon", Z, "interrupted", Z, "stillborn", Z, "eetop", J,
                    "target", L, "group", L, "contextClassLoader", L, "tid", J, "threadStatus", I},
            new Object[] {"threadInitNumber", I, "threadSeqNumber", J});
    final Klass threadGroup = new Klass("java/lang/ThreadGroup", object, false, "parent", L, "name", L,
            "maxPriority", I, "daemon", Z);
    final Klass classLoader = new Klass("java/lang/ClassLoader", object, false, "parent", L, "name", L,
            "classes", L);
    final Klass appLoader = new Klass("jdk/internal/loader/ClassLoaders$AppClassLoader", classLoader, false);
    final Klass classLoaders = new Klass("jdk/internal/loader/ClassLoaders", object, false, new Object[0],
            new Object[] {"APP_LOADER", L});
    final Klass record = new Klass("java/lang/Record", object, false);
    final Klass bytes = new Klass("[B", object, false);
    final Klass objects = new Klass("[Ljava/lang/Object;", object, false);
    final Klass node = new Klass("synthetic/Node", object, true, "next", L, "link", L, "data", L, "value", I);
    final Klass background = new Klass("synthetic/Background", object, true, new Object[0],
            new Object[] {"ROOTS", L});
    final Klass worker = new Klass("synthetic/Worker", object, true);
    final Klass main = new Klass("synthetic/Main", object, true);

    final List<Klass> all = List.of(object, klass, string, thread, threadGroup, classLoader, appLoader, classLoaders,
            record, bytes, objects, node, background, worker, main);

    private final Map<String, Long> symbols = new LinkedHashMap<>();
    private final long symbolBase;

    SyntheticClasses(long symbolBase) {
        this.symbolBase = symbolBase;
        for (Klass k : all) {
            symbol(k.vmName);
            for (String f : k.fields) symbol(f);
            for (String s : k.statics) symbol(s);
        }
    }

    /** The UTF8 id of {@code text}, registered on first use (all before {@link #writeSymbols}). */
    long symbol(String text) {
        return symbols.computeIfAbsent(text, t -> symbolBase + 8L * symbols.size());
    }

    /** Size of a class object: {@code java.lang.Class} instance plus the static fields, aligned. */
    long classObjectBytes(Klass k) {
        long n = klass.instanceBytes();
        for (byte t : k.staticTypes) n += t == Hprof.OBJECT ? REFERENCE : Hprof.typeSize(t, HprofStreamWriter.ID_SIZE);
        return align(n);
    }

    List<Klass> applicationClasses() {
        List<Klass> out = new ArrayList<>();
        for (Klass k : all) if (k.application) out.add(k);
        return out;
    }

    void writeSymbols(HprofStreamWriter w) throws IOException {
        for (Map.Entry<String, Long> e : symbols.entrySet()) w.utf8(e.getValue(), e.getKey());
    }

    void writeLoadClasses(HprofStreamWriter w) throws IOException {
        for (Klass k : all) w.loadClass(k.serial, k.id, 1, symbol(k.vmName));
    }

    /** The class dumps; application classes name {@code loaderId} as their loader, the others the boot loader. */
    void writeClassDumps(HprofStreamWriter w, long loaderId) throws IOException {
        for (Klass k : all) {
            w.classDump(k.id, k.superClass == null ? 0 : k.superClass.id, k.application ? loaderId : 0, k.dataBytes(),
                    ids(k.statics), k.staticTypes, k.staticValues, ids(k.fields), k.fieldTypes);
        }
    }

    /** ROOT_STICKY_CLASS for every class of the boot loader, as HotSpot writes them. */
    void writeStickyRoots(HprofStreamWriter w) throws IOException {
        for (Klass k : all) if (!k.application) w.rootStickyClass(k.id);
    }

    private long[] ids(String[] names) {
        long[] out = new long[names.length];
        for (int i = 0; i < names.length; i++) out[i] = symbol(names[i]);
        return out;
    }
}
