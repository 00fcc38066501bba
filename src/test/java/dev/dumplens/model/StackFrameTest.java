package dev.dumplens.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Frame texts as jstack and dump_to_file print them (taken from the captures in sample-dumps/). */
class StackFrameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "java.base@17.0.15/java.lang.Thread.run(Thread.java:840)|java.base@17.0.15|java.lang.Thread|run|Thread.java:840|840",
        "scenario.Deadlocks$$Lambda$4/0x00007faa54004408.run(Unknown Source)||scenario.Deadlocks$$Lambda$4/0x00007faa54004408|run|Unknown Source|-1",
        "java.base@25.0.3/java.lang.invoke.LambdaForm$MH/0x000000000100c400.invoke(LambdaForm$MH)|java.base@25.0.3|java.lang.invoke.LambdaForm$MH/0x000000000100c400|invoke|LambdaForm$MH|-1",
        "app//com.example.Foo.bar(Foo.java:12)|app/|com.example.Foo|bar|Foo.java:12|12",
        "jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)|java.base@17.0.15|jdk.internal.misc.Unsafe|park|Native Method|-1",
        "java.lang.Thread.run(java.base@17.0.15/Thread.java:840)|java.base@17.0.15|java.lang.Thread|run|Thread.java:840|840",
        "java.lang.Object.wait(Native Method)||java.lang.Object|wait|Native Method|-1",
    })
    void partsOfRealFrames(String text, String module, String className, String method, String location, int line) {
        StackFrame f = new StackFrame(text);
        assertThat(f.module()).isEqualTo(module == null ? "" : module);
        assertThat(f.className()).isEqualTo(className);
        assertThat(f.methodName()).isEqualTo(method);
        assertThat(f.location()).isEqualTo(location);
        assertThat(f.lineNumber()).isEqualTo(line);
        assertThat(f.isNative()).isEqualTo(location.equals("Native Method"));
    }
}
