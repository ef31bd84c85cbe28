package io.ferry.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyTemplateEncodingTest {
    private static final Schema SCHEMA = Schema.of(Column.of("v", ColumnType.STRING));
    private static final BoundKeyTemplate KEYS = KeyTemplate.parse("p/{v}/x.csv").bind(SCHEMA, "csv", "");
    private static final KeyContext CONTEXT = KeyContext.builder().build();

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("ACME", "ACME"),
                Arguments.of("a b-c_d.e~f", "a b-c_d.e~f"),
                Arguments.of("a/b", "a%2Fb"),
                Arguments.of("a\\b", "a%5Cb"),
                Arguments.of("100%", "100%25"),
                Arguments.of("a%2Fb", "a%252Fb"),
                Arguments.of(".", "%2E"),
                Arguments.of("..", "%2E%2E"),
                Arguments.of("...", "%2E%2E%2E"),
                Arguments.of("a..b", "a%2E%2Eb"),
                Arguments.of(".hidden", ".hidden"),
                Arguments.of("../../etc", "%2E%2E%2F%2E%2E%2Fetc"),
                Arguments.of("tab\there", "tab%09here"),
                Arguments.of("line\nbreak\r", "line%0Abreak%0D"),
                Arguments.of("nul\u0000", "nul%00"),
                Arguments.of("del\u007F", "del%7F"),
                Arguments.of("c1\u0085", "c1%C2%85"),
                Arguments.of("nbsp\u00A0", "nbsp%C2%A0"),
                Arguments.of("rlo\u202Etxt", "rlo%E2%80%AEtxt"),
                Arguments.of("bom\uFEFF", "bom%EF%BB%BF"),
                Arguments.of("ls\u2028", "ls%E2%80%A8"),
                Arguments.of("lone\uD800", "lone%ED%A0%80"),
                Arguments.of("café", "café"),
                Arguments.of("東京", "東京"),
                Arguments.of("😀", "😀"),
                Arguments.of(null, "__null__"),
                Arguments.of("", "__empty__"),
                Arguments.of("__null__", "%5F_null__"),
                Arguments.of("__empty__", "%5F_empty__"),
                Arguments.of("_null_", "_null_"));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("values")
    void render_partitionValue_isEncodedIntoOneSegment(String value, String encoded) {
        String key = KEYS.render(KEYS.partitionOf(Record.of(SCHEMA, value), 0), CONTEXT);

        assertThat(key).isEqualTo("p/" + encoded + "/x.csv");
    }

    @Test
    void render_distinctValues_giveDistinctKeysWithTheSameFolders() {
        Set<String> keys = new HashSet<>();
        List<String> tricky = values().map(a -> (String) a.get()[0]).toList();
        for (String v : tricky) {
            String key = KEYS.render(KEYS.partitionOf(Record.of(SCHEMA, v), 0), CONTEXT);
            assertThat(key.split("/", -1)).hasSize(3).startsWith("p").endsWith("x.csv");
            keys.add(key);
        }
        assertThat(keys).hasSize(tricky.size());
    }

    @Test
    void render_runValues_areEncodedToo() {
        BoundKeyTemplate keys = KeyTemplate.parse("{{TABLE}}/{{TABLE_HYPHEN}}/{{SYNC_ID}}/{{UUID}}")
                .bind(SCHEMA, "csv", "");
        KeyContext context = KeyContext.builder().table("../a_b").syncId("s/1").uuid("").build();

        assertThat(keys.render(PartitionKey.NONE, context))
                .isEqualTo("%2E%2E%2Fa_b/%2E%2E%2Fa-b/s%2F1/__empty__.csv");
    }
}
