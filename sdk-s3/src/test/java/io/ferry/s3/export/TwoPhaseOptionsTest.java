package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Options and checks of the two-phase export that need no store. */
class TwoPhaseOptionsTest {
    private static final Schema ROWS = Schema.of(Column.of("id", ColumnType.LONG));

    private static S3Export.Builder valid() {
        return S3Export.builder().bucket("bkt").path("out/{{SYNC_ID}}/part-{{WRITER}}.csv");
    }

    @Test
    void exportToken_madeAtBuild_keptByToBuilder_newForANewBuild() {
        S3Export e = valid().build();

        assertThat(e.exportToken()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{12}");
        assertThat(e.toBuilder().build().exportToken()).isEqualTo(e.exportToken());
        assertThat(valid().build().exportToken()).isNotEqualTo(e.exportToken());
        assertThat(valid().exportToken(e.exportToken()).build().exportToken()).isEqualTo(e.exportToken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "job-1", "20261206T150405Z-9F3A1C2B7D04", "20261206T150405Z-9f3a1c2b7d0"})
    void exportToken_malformed_throwsQuotingIt(String token) {
        assertThatThrownBy(() -> valid().exportToken(token))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("exportToken must look like 20261206T150405Z-9f3a1c2b7d04 (UTC time, '-', 12 hex digits),"
                        + " was '" + token + "'; pass on the token of the export built on the coordinator"
                        + " (S3Export.exportToken()) (exportToken)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/_SUCCESS", "_{{UUID}}.json"})
    void manifest_malformed_throws(String name) {
        assertThatThrownBy(() -> valid().manifest(name))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("manifest must be a name relative to the export's prefix without a leading '/' or"
                        + " braces, e.g. '_SUCCESS.json', was '" + name + "' (manifest)");
    }

    @Test
    void manifest_defaultNone_setKept() {
        assertThat(valid().build().manifest()).isEmpty();
        assertThat(valid().manifest("meta/_SUCCESS.json").build().toBuilder().build().manifest())
                .contains("meta/_SUCCESS.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "w 1", "x12345678901234567890123456789012345678901234567890123456789012345"})
    void open_malformedWriterId_throws(String id) {
        assertThatThrownBy(() -> valid().build().open("t", ROWS, id))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("writerId must be 1 to 64 letters, digits, '.', '_' or '-', was '" + id + "' (writerId)");
    }

    @Test
    void open_withWriterId_pathWithoutWriterOrUuid_throws() {
        S3Export e = S3Export.builder().bucket("bkt").path("out/{{TABLE}}/data.csv").build();

        assertThatThrownBy(() -> e.open("t", ROWS, "w1"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("path 'out/{{TABLE}}/data.csv' has neither {{WRITER}} nor {{UUID}}, so the writers of a"
                        + " two-phase export would choose the same keys; add one, e.g."
                        + " 'out/{{TABLE}}/part-{{WRITER}}.{{FORMAT}}' (path)");
    }
}
