package dev.dumplens.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameTemplatesTest {

    @Test
    void replacesVaryingParts() {
        assertThat(NameTemplates.of("pool-3-thread-17")).isEqualTo("pool-*-thread-*");
        assertThat(NameTemplates.of("ledger-reader-12")).isEqualTo("ledger-reader-*");
        assertThat(NameTemplates.of("GC Thread#0")).isEqualTo("GC Thread#*");
        assertThat(NameTemplates.of("main")).isEqualTo("main");
        assertThat(NameTemplates.of("")).isEqualTo("");
        assertThat(NameTemplates.of("job-8f14e45f-ceea-467a-9af0-12ab34cd56ef"))
                .isEqualTo(NameTemplates.of("job-0b6d2a7e-1c3f-4e5a-8b9c-0d1e2f3a4b5c")).isEqualTo("job-*");
        assertThat(NameTemplates.of("conn-0x7f3a9c12de")).isEqualTo("conn-*");
        assertThat(NameTemplates.of("日本語のスレッド-1")).isEqualTo("日本語のスレッド-*");
    }

    @Test
    void valuesAreTheReplacedPartsInOrder() {
        assertThat(NameTemplates.values("pool-3-thread-17")).containsExactly("3", "17");
        assertThat(NameTemplates.values("http-nio-8080-exec-1")).containsExactly("8080", "1");
        assertThat(NameTemplates.values("x12ab34")).containsExactly("12", "34");
        assertThat(NameTemplates.values("job-8f14e45f-ceea-467a-9af0-12ab34cd56ef-7"))
                .containsExactly("8f14e45f-ceea-467a-9af0-12ab34cd56ef", "7");
        assertThat(NameTemplates.values("conn-0x7f3a9c12de")).containsExactly("0x7f3a9c12de");
        assertThat(NameTemplates.values("main")).isEmpty();
    }

    @Test
    void commonTemplateOfAgreeingMembersIsThatTemplate() {
        assertThat(NameTemplates.common(List.of("pool-*-thread-*", "pool-*-thread-*"))).isEqualTo("pool-*-thread-*");
    }

    @Test
    void differingMembersGiveAShortListMostFrequentFirst() {
        assertThat(NameTemplates.common(List.of("a-*", "b-*", "b-*"))).isEqualTo("b-*|a-*");
        assertThat(NameTemplates.common(List.of("a", "b", "c", "d", "d"))).isEqualTo("d|a|b|…");
    }
}
