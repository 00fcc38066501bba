package dev.dumplens.model;

import java.util.Objects;

/**
 * One stack frame, kept as the text the dump printed after {@code at } (for example
 * {@code java.lang.Object.wait(java.base@17.0.15/Native Method)}). Parsers intern frames, so threads with the
 * same stack share the same instances; the parts are derived from the text on demand.
 */
public final class StackFrame {
    private final String text;
    private final int hash;

    public StackFrame(String text) {
        this.text = Objects.requireNonNull(text, "text");
        this.hash = text.hashCode();
    }

    /** The frame exactly as printed, without the leading {@code at }. */
    public String text() { return text; }

    /**
     * Module/loader prefix such as {@code java.base@17.0.15} or {@code app/}, or "" when none. jstack prints it
     * inside the parentheses ({@code Thread.run(java.base@17.0.15/Thread.java:840)}), dump_to_file in front
     * ({@code java.base/java.lang.Thread.run(Thread.java:1583)}); both are recognized.
     */
    public String module() {
        int start = methodStart();
        if (start > 0) return text.substring(0, start - 1);
        String inside = insideParens();
        int slash = inside.lastIndexOf('/');
        return slash < 0 ? "" : inside.substring(0, slash);
    }

    /** {@code pkg.Class.method} without module prefix and location. */
    public String qualifiedMethod() {
        return text.substring(methodStart(), parenIndex());
    }

    /**
     * Where {@code pkg.Class.method} starts: after the last '/' of the {@code [loader/][module[@version]]/}
     * prefix. A '/' followed by {@code 0x} belongs to a hidden class name ({@code Foo$$Lambda$5/0x0000…}),
     * not to the prefix.
     */
    private int methodStart() {
        int paren = parenIndex();
        int start = 0;
        for (int i = text.indexOf('/'); i >= 0 && i < paren; i = text.indexOf('/', i + 1)) {
            if (!text.startsWith("0x", i + 1)) start = i + 1;
        }
        return start;
    }

    /** The declaring class name ({@code pkg.Outer$Inner}); for frames without a dot, "". */
    public String className() {
        String qm = qualifiedMethod();
        int dot = qm.lastIndexOf('.');
        return dot < 0 ? "" : qm.substring(0, dot);
    }

    /** The method name. */
    public String methodName() {
        String qm = qualifiedMethod();
        return qm.substring(qm.lastIndexOf('.') + 1);
    }

    /** The location inside the parentheses without module prefix: {@code Foo.java:12}, {@code Native Method}; "" when none. */
    public String location() {
        String inside = insideParens();
        return inside.substring(inside.lastIndexOf('/') + 1);
    }

    private String insideParens() {
        int paren = parenIndex();
        if (paren >= text.length()) return "";
        int close = text.lastIndexOf(')');
        return close > paren ? text.substring(paren + 1, close) : text.substring(paren + 1);
    }

    /** Source line number, or -1 when the frame has none. */
    public int lineNumber() {
        String loc = location();
        int colon = loc.lastIndexOf(':');
        if (colon < 0) return -1;
        try {
            return Integer.parseInt(loc.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean isNative() { return location().equals("Native Method"); }

    private int parenIndex() {
        int p = text.indexOf('(');
        return p < 0 ? text.length() : p;
    }

    @Override public boolean equals(Object o) {
        return o == this || (o instanceof StackFrame f && f.hash == hash && f.text.equals(text));
    }

    @Override public int hashCode() { return hash; }

    @Override public String toString() { return text; }
}
