package io.ferry.s3.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportTokensTest {
    private static final String TOKEN = "20261206T150405Z-9f3a1c2b7d04";

    @Test
    void create_givesACheckedTokenThatKnowsItsTime() {
        String token = ExportTokens.create(Instant.parse("2026-12-06T15:04:05.678Z"));

        assertThat(ExportTokens.check(token)).startsWith("20261206T150405Z-");
        assertThat(ExportTokens.createdAt(token)).isEqualTo(Instant.parse("2026-12-06T15:04:05Z"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # template                                  | prefix
            out/{{SYNC_ID}}/part-{{WRITER}}.csv         | out/20261206T150405Z-9f3a1c2b7d04/
            out/{{SYNC_ID}}/{{SYNC_ID}}/x/{{WRITER}}    | out/20261206T150405Z-9f3a1c2b7d04/20261206T150405Z-9f3a1c2b7d04/x/
            out/{{SYNC_ID}}-part-{{WRITER}}.csv         | out/
            exports/{{TABLE}}/{{SYNC_ID}}/x.csv         | exports/
            {{TABLE}}/{{WRITER}}.csv                    | ""
            a/b/c.csv                                   | a/b/
            dt={ts, '%Y'}/{{WRITER}}                    | ""
            """)
    void prefix_rendersSyncIdUpToTheFirstOtherPlaceholder(String template, String prefix) {
        assertThat(ExportTokens.prefix(template, TOKEN)).isEqualTo(prefix);
    }
}
