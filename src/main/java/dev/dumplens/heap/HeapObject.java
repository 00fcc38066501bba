package dev.dumplens.heap;

/**
 * One object of a heap dump as the analysis shows it.
 *
 * @param node          the object's handle within its {@link HeapSnapshot} (valid only there)
 * @param id            the object id (its address in the dumped VM)
 * @param className     class name as in Java source ({@code java.util.HashMap}, {@code byte[]}); for a class
 *                      object {@code java.lang.Class}
 * @param shallowBytes  the object's own size (see {@link ShallowSizeModel})
 * @param retainedBytes what would be freed with it: its size plus that of every object only it keeps alive
 */
public record HeapObject(int node, long id, String className, long shallowBytes, long retainedBytes) {

    /** The id as {@code 0x…}. */
    public String idHex() {
        return "0x" + Long.toHexString(id);
    }
}
