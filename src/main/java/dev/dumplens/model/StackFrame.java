package dev.dumplens.model;

import java.util.Objects;

/**
 * One stack frame, kept as the text the dump printed after {@code at } (for example
 * {@code java.lang.Object.wait(java.base@17.0.15/Native Method)}). Parsers intern frames, so threads with the
 * same stack share the same instances; the parts are derived from the text on demand.
 * <p>
 * Go frames ({@link #go}) read {@code function(file:line)}: the function as the traceback names it
 * ({@code net/http.(*conn).serve}, import path included), then the source position, without the call's arguments
 * (see {@link DumpThread#callArgs()}); a goroutine's {@code created by} entry is its last frame,
 * {@code created by main.main(/src/app/main.go:84)}.
 */
public final class StackFrame {
    private static final String CREATED_BY = "created by ";

    private final String text;
    private final boolean go;
    private final int hash;

    public StackFrame(String text) {
        this(text, false);
    }

    private StackFrame(String text, boolean go) {
        this.text = Objects.requireNonNull(text, "text");
        this.go = go;
        this.hash = text.hashCode() * 31 + (go ? 1 : 0);
    }

    /** A Go frame: {@code function(file:line)} or {@code created by function(file:line)}. */
    public static StackFrame go(String text) {
        return new StackFrame(text, true);
    }

    /** Whether this frame comes from a Go traceback or goroutine profile. */
    public boolean isGo() { return go; }

    /** Whether this is a goroutine's {@code created by} entry (the {@code go} statement that started it). */
    public boolean isCreatedBy() { return go && text.startsWith(CREATED_BY); }

    /** The frame exactly as printed, without the leading {@code at }. */
    public String text() { return text; }

    /**
     * Module/loader prefix such as {@code java.base@17.0.15} or {@code app/}, or "" when none. jstack prints it
     * inside the parentheses ({@code Thread.run(java.base@17.0.15/Thread.java:840)}), dump_to_file in front
     * ({@code java.base/java.lang.Thread.run(Thread.java:1583)}); both are recognized. Go frames have none:
     * the import path is part of the function name.
     */
    public String module() {
        if (go) return "";
        int start = methodStart();
        if (start > 0) return text.substring(0, start - 1);
        String inside = insideParens();
        int slash = inside.lastIndexOf('/');
        return slash < 0 ? "" : inside.substring(0, slash);
    }

    /**
     * {@code pkg.Class.method} without module prefix and location; for Go the function as printed
     * ({@code net/http.(*conn).serve}), for a {@code created by} entry the creating function.
     */
    public String qualifiedMethod() {
        return text.substring(methodStart(), parenIndex());
    }

    /**
     * Where {@code pkg.Class.method} starts: after the last '/' of the {@code [loader/][module[@version]]/}
     * prefix. A '/' followed by {@code 0x} belongs to a hidden class name ({@code Foo$$Lambda$5/0x0000…}),
     * not to the prefix.
     */
    private int methodStart() {
        if (go) return isCreatedBy() ? CREATED_BY.length() : 0;
        int paren = parenIndex();
        int start = 0;
        for (int i = text.indexOf('/'); i >= 0 && i < paren; i = text.indexOf('/', i + 1)) {
            if (!text.startsWith("0x", i + 1)) start = i + 1;
        }
        return start;
    }

    /**
     * The declaring class name ({@code pkg.Outer$Inner}); for frames without a dot, "". For Go, what precedes the
     * last dot: the package, or the package and receiver type ({@code net/http.(*conn)}).
     */
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

    /**
     * Where the location's parentheses open: the {@code (} matching the closing {@code )} at the end, so that
     * parentheses in Go function names ({@code (*conn).serve}) are not taken for it; the first {@code (} when
     * the text does not end with a balanced group.
     */
    private int parenIndex() {
        int last = text.length() - 1;
        if (last > 0 && text.charAt(last) == ')') {
            int depth = 0;
            for (int i = last; i >= 0; i--) {
                char c = text.charAt(i);
                if (c == ')') depth++;
                else if (c == '(' && --depth == 0) return i;
            }
        }
        int p = text.indexOf('(');
        return p < 0 ? text.length() : p;
    }

    @Override public boolean equals(Object o) {
        return o == this || (o instanceof StackFrame f && f.hash == hash && f.go == go && f.text.equals(text));
    }

    @Override public int hashCode() { return hash; }

    @Override public String toString() { return text; }
}
