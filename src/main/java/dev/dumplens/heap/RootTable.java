package dev.dumplens.heap;

/** The GC-root sub-records in file order: tag, object id, thread serial and frame number or trace serial. */
final class RootTable {
    private final IntChunks tags = new IntChunks();
    private final LongChunks ids = new LongChunks();
    private final IntChunks threadSerials = new IntChunks();
    private final IntChunks extras = new IntChunks();

    void add(int tag, long id, int threadSerial, int extra) {
        tags.add(tag);
        ids.add(id);
        threadSerials.add(threadSerial);
        extras.add(extra);
    }

    /** Appends every root of {@code other}. */
    void appendAll(RootTable other) {
        for (int i = 0; i < other.size(); i++) add(other.tag(i), other.id(i), other.threadSerial(i), other.extra(i));
    }

    int size() { return (int) tags.size(); }

    int tag(int i) { return tags.get(i); }

    long id(int i) { return ids.get(i); }

    int threadSerial(int i) { return threadSerials.get(i); }

    /** Frame number (JNI local, Java frame) or stack trace serial (thread object); -1 when the record has none. */
    int extra(int i) { return extras.get(i); }
}
