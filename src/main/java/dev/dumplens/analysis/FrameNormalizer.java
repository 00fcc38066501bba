package dev.dumplens.analysis;

import dev.dumplens.model.StackFrame;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the parts of a frame's text that differ between runs, JVM versions or dump formats but not in meaning,
 * so that stacks of the same code compare equal. The rules are applied in table order to the frame text as
 * printed after {@code at }; each has an example that the unit tests check. Go frames
 * ({@link StackFrame#isGo()}) have rules of their own, {@link #GO_RULES}: the JVM rules would take a Go import
 * path ({@code net/http.(*conn).serve}) for a module prefix.
 */
public final class FrameNormalizer {

    /**
     * One normalization rule.
     *
     * @param name        what it folds
     * @param pattern     what it matches
     * @param replacement the {@link Matcher#replaceAll(String)} replacement
     * @param example     a frame text it applies to
     * @param expected    {@code example} after the whole normalization
     */
    public record Rule(String name, Pattern pattern, String replacement, String example, String expected) {
        String apply(String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? m.replaceAll(replacement) : text;
        }
    }

    private static Rule rule(String name, String regex, String replacement, String example, String expected) {
        return new Rule(name, Pattern.compile(regex), replacement, example, expected);
    }

    /** The rules of {@link Similarity#NORMALIZED}, in the order they are applied. */
    public static final List<Rule> RULES = List.of(
            rule("hidden-class address (JDK 9+ lambdas, LambdaForms, other hidden classes)",
                    "[/.]0x\\p{XDigit}+(?=\\.)", "",
                    "app.Main$$Lambda/0x000000002c040a80.run(Unknown Source)",
                    "app.Main$$Lambda.run(Unknown Source)"),
            rule("anonymous-class id of JDK 8 lambdas and LambdaForms",
                    "(\\$\\$Lambda\\$\\d+|LambdaForm\\$[A-Za-z]+)/\\d+(?=\\.)", "$1",
                    "java.lang.invoke.LambdaForm$MH/1268066861.invokeExact_MT(LambdaForm$MH)",
                    "java.lang.invoke.LambdaForm$MH.invokeExact_MT(LambdaForm$MH)"),
            rule("lambda class counter",
                    "\\$\\$Lambda\\$\\d+", "\\$\\$Lambda",
                    "app.Main$$Lambda$12/0x00007fadbc001208.run(Unknown Source)",
                    "app.Main$$Lambda.run(Unknown Source)"),
            rule("dynamic proxy number",
                    "\\$Proxy\\d+", "\\$Proxy",
                    "com.sun.proxy.$Proxy42.invoke(Unknown Source)",
                    "com.sun.proxy.$Proxy.invoke(Unknown Source)"),
            rule("dynamic proxy module number (JDK 16+)",
                    "\\bjdk\\.proxy\\d+\\.", "jdk.proxy.",
                    "jdk.proxy2.$Proxy17.handle(Unknown Source)",
                    "jdk.proxy.$Proxy.handle(Unknown Source)"),
            rule("reflection accessor number",
                    "(Generated(?:Serialization)?(?:Method|Constructor)Accessor)\\d+", "$1",
                    "jdk.internal.reflect.GeneratedMethodAccessor311.invoke(Unknown Source)",
                    "jdk.internal.reflect.GeneratedMethodAccessor.invoke(Unknown Source)"),
            rule("CGLIB class suffix (Spring, Guice)",
                    "(\\$\\$[A-Za-z]*CGLIB)\\$\\$\\w+", "$1",
                    "app.Service$$EnhancerBySpringCGLIB$$4f2a91c7.handle(<generated>)",
                    "app.Service$$EnhancerBySpringCGLIB.handle(<generated>)"),
            rule("ByteBuddy, Hibernate and Mockito class suffix",
                    "\\$(ByteBuddy|HibernateProxy|MockitoMock)\\$\\w+", "\\$$1",
                    "app.Order$HibernateProxy$Jd3kQ9x1.getId(Unknown Source)",
                    "app.Order$HibernateProxy.getId(Unknown Source)"),
            rule("Javassist class suffix",
                    "_\\$\\$_jvst\\w+", "_\\$\\$_jvst",
                    "app.Order_$$_jvst5a4_0.getId(Order_$$_jvst5a4_0.java)",
                    "app.Order_$$_jvst.getId(Order_$$_jvst.java)"),
            rule("class-loader/module@version prefix (StackTraceElement and dump_to_file form)",
                    "^[^(]*/", "",
                    "app//com.acme.Main.run(Main.java:10)",
                    "com.acme.Main.run(Main.java:10)"),
            rule("module@version inside the location (jstack form)",
                    "\\((?:[^()/]*/)+", "(",
                    "java.lang.Thread.run(java.base@17.0.15/Thread.java:840)",
                    "java.lang.Thread.run(Thread.java:840)"));

    /** The rules of {@link Similarity#NORMALIZED} for Go frames ({@code function(file:line)}). */
    public static final List<Rule> GO_RULES = List.of(
            rule("directory of the source file (GOROOT, GOPATH, module cache, build machine)",
                    "\\((?:[^()]*/)([^()/]*:\\d+)\\)$", "($1)",
                    "net/http.(*conn).serve(/usr/lib/go-1.19/src/net/http/server.go:1991)",
                    "net/http.(*conn).serve(server.go:1991)"));

    /** Argument values Go prints for pointers: 6 hex digits and more (a heap or stack address, not a small int). */
    private static final Pattern POINTER = Pattern.compile("0x\\p{XDigit}{6,}");

    /** Rule of {@link Similarity#METHOD} applied after {@link #RULES}. */
    public static final Rule LINE_NUMBER = rule("line number",
            ":\\d+\\)$", ")",
            "java.lang.Thread.run(java.base@17.0.15/Thread.java:840)",
            "java.lang.Thread.run(Thread.java)");

    private FrameNormalizer() { }

    /** {@code text} after every rule of {@link #RULES}. */
    public static String normalize(String text) {
        String out = text;
        for (Rule r : RULES) out = r.apply(out);
        return out;
    }

    /** {@code text} folded as {@code similarity} compares it. */
    public static String normalize(String text, Similarity similarity) {
        if (!similarity.normalizes()) return text;
        String out = normalize(text);
        return similarity.ignoresLineNumbers() ? LINE_NUMBER.apply(out) : out;
    }

    /** The frame's text folded as {@code similarity} compares it, by the rules of its language. */
    public static String normalize(StackFrame frame, Similarity similarity) {
        if (!frame.isGo()) return normalize(frame.text(), similarity);
        if (!similarity.normalizes()) return frame.text();
        String out = frame.text();
        for (Rule r : GO_RULES) out = r.apply(out);
        return similarity.ignoresLineNumbers() ? LINE_NUMBER.apply(out) : out;
    }

    /**
     * Go call arguments as {@code similarity} compares them: "" when it ignores them, as printed for
     * {@link Similarity.Args#EXACT}, with every pointer-sized value replaced by {@code *} for
     * {@link Similarity.Args#ANY_POINTER} ({@code 0xc000012028, 0x3} → {@code *, 0x3}).
     */
    public static String arguments(String printed, Similarity similarity) {
        switch (similarity.args()) {
            case EXACT: return printed;
            case ANY_POINTER: return POINTER.matcher(printed).replaceAll("*");
            case IGNORED:
            default: return "";
        }
    }
}
