package dev.dumplens.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameNormalizerTest {

    @Test
    void everyRuleFoldsItsExample() {
        for (FrameNormalizer.Rule r : FrameNormalizer.RULES) {
            assertThat(FrameNormalizer.normalize(r.example())).as(r.name()).isEqualTo(r.expected());
            assertThat(r.example()).as(r.name() + " example must show noise").isNotEqualTo(r.expected());
        }
        FrameNormalizer.Rule line = FrameNormalizer.LINE_NUMBER;
        assertThat(FrameNormalizer.normalize(line.example(), Similarity.METHOD)).isEqualTo(line.expected());
    }

    @Test
    void jstackAndDumpToFileFormsOfOneFrameAgree() {
        String jstack = FrameNormalizer.normalize("java.lang.Thread.run(java.base@17.0.15/Thread.java:840)");
        String dumpToFile = FrameNormalizer.normalize("java.base/java.lang.Thread.run(Thread.java:840)");
        assertThat(jstack).isEqualTo(dumpToFile).isEqualTo("java.lang.Thread.run(Thread.java:840)");
    }

    @Test
    void lambdaNamesOfDifferentJdksAndRunsAgree() {
        String jdk17 = FrameNormalizer.normalize("scenario.Contention$$Lambda$5/0x00007fadbc001208.run(Unknown Source)");
        String jdk21 = FrameNormalizer.normalize("scenario.Contention$$Lambda/0x000000002c040a80.run(Unknown Source)");
        String dotted = FrameNormalizer.normalize("scenario.Contention$$Lambda.0x000000002c040a80.run(Unknown Source)");
        String jdk8 = FrameNormalizer.normalize("scenario.Contention$$Lambda$5/1757676444.run(Unknown Source)");
        assertThat(jdk17).isEqualTo(jdk21).isEqualTo(dotted).isEqualTo(jdk8)
                .isEqualTo("scenario.Contention$$Lambda.run(Unknown Source)");
    }

    @Test
    void hiddenClassInsideJdkModuleKeepsItsMethod() {
        assertThat(FrameNormalizer.normalize(
                "java.lang.VirtualThread$$Lambda/0x000000000f0044b8.run(java.base@25.0.3/Unknown Source)"))
                .isEqualTo("java.lang.VirtualThread$$Lambda.run(Unknown Source)");
        assertThat(FrameNormalizer.normalize(
                "java.lang.invoke.LambdaForm$DMH/0x0000000800c0c400.invokeVirtual(java.base@17.0.15/LambdaForm$DMH)"))
                .isEqualTo("java.lang.invoke.LambdaForm$DMH.invokeVirtual(LambdaForm$DMH)");
    }

    @Test
    void generatedNamesFold() {
        assertThat(FrameNormalizer.normalize("jdk.internal.reflect.GeneratedConstructorAccessor7.newInstance(Unknown Source)"))
                .isEqualTo("jdk.internal.reflect.GeneratedConstructorAccessor.newInstance(Unknown Source)");
        assertThat(FrameNormalizer.normalize("app.Dao$$EnhancerByCGLIB$$abc123.find(<generated>)"))
                .isEqualTo("app.Dao$$EnhancerByCGLIB.find(<generated>)");
        assertThat(FrameNormalizer.normalize("app.Dao$$SpringCGLIB$$0.find(<generated>)"))
                .isEqualTo("app.Dao$$SpringCGLIB.find(<generated>)");
    }

    @Test
    void meaningfulTextIsKept() {
        String plain = "scenario.Contention$Ledger.read(Contention.java:49)";
        assertThat(FrameNormalizer.normalize(plain)).isEqualTo(plain);
        String hexLikeMethod = "app.Codec$$Lambda$3.add(Codec.java:7)";
        assertThat(FrameNormalizer.normalize(hexLikeMethod)).isEqualTo("app.Codec$$Lambda.add(Codec.java:7)");
        assertThat(FrameNormalizer.normalize(plain, Similarity.EXACT)).isSameAs(plain);
        assertThat(FrameNormalizer.normalize("java.lang.Object.wait(java.base@17.0.15/Native Method)", Similarity.METHOD))
                .isEqualTo("java.lang.Object.wait(Native Method)");
    }
}
