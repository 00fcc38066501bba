package dev.dumplens.model;

/**
 * A monitor or ownable synchronizer as a dump names it: {@code id} is the object address
 * ({@code 0x000000069ec1eca8}) in HotSpot text, or {@code Class@identityHash} in JDK 21+ dump_to_file output;
 * ids are unique within one dump only.
 */
public record LockRef(String id, String className) {
    public LockRef {
        java.util.Objects.requireNonNull(id, "id");
        className = className == null ? "" : className;
    }

    /** {@code <0x…> (a pkg.Cls)} as HotSpot prints it. */
    public String display() {
        return className.isEmpty() ? "<" + id + ">" : "<" + id + "> (a " + className + ")";
    }
}
