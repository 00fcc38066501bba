package dev.dumplens.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimilarityTest {

    @Test
    void parsesEveryForm() {
        assertThat(Similarity.parse("exact")).isEqualTo(Similarity.EXACT);
        assertThat(Similarity.parse("Normalized")).isEqualTo(Similarity.NORMALIZED);
        assertThat(Similarity.parse(" method ")).isEqualTo(Similarity.METHOD);
        assertThat(Similarity.parse("any-pointer")).isEqualTo(Similarity.ANY_POINTER);
        assertThat(Similarity.ANY_POINTER.args()).isEqualTo(Similarity.Args.ANY_POINTER);
        assertThat(Similarity.EXACT.args()).isEqualTo(Similarity.Args.EXACT);
        assertThat(Similarity.METHOD.args()).isEqualTo(Similarity.Args.IGNORED);
        assertThat(Similarity.parse("top:5")).isEqualTo(Similarity.topN(5));
        assertThat(Similarity.parse("top:5").frameLimit()).isEqualTo(5);
        assertThat(Similarity.DEFAULT).isEqualTo(Similarity.NORMALIZED);
    }

    @Test
    void printsWhatItParses() {
        for (String s : new String[] {"exact", "normalized", "any-pointer", "method", "top:12"}) {
            assertThat(Similarity.parse(s)).hasToString(s);
        }
    }

    @Test
    void rejectsUnknownFormsWithTheAcceptedOnes() {
        for (String bad : new String[] {"", "fuzzy", "top:", "top:0", "top:-3", "top:x", "top:99999999"}) {
            assertThatThrownBy(() -> Similarity.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected exact, normalized, any-pointer, method or top:N");
        }
    }
}
