package io.ferry.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.json.JsonLinesFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The export connector's documented example (code, cnt with one null), byte for byte. */
class GoldenBytesTest {
    private static final Schema SCHEMA = Schema.of(Column.of("code", ColumnType.LONG), Column.of("cnt", ColumnType.LONG));
    private static final List<Record> ROWS = List.of(
            Record.of(SCHEMA, 200L, 4981L),
            Record.of(SCHEMA, 302L, null),
            Record.of(SCHEMA, 404L, 17L),
            Record.of(SCHEMA, 500L, 2L));

    @Test
    void csvDefaults_writeReferenceExample() {
        assertThat(Written.bytes(CsvFormat.csv(), SCHEMA, ROWS))
                .isEqualTo("code,cnt\r\n200,4981\r\n302,\r\n404,17\r\n500,2\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tsvWithPipeDelimiterAndNullString_writeReferenceExample() {
        CsvFormat tsv = CsvFormat.tsv().toBuilder().delimiter('|').nullString("NULL").build();
        assertThat(Written.bytes(tsv, SCHEMA, ROWS))
                .isEqualTo("code|cnt\r\n200|4981\r\n302|NULL\r\n404|17\r\n500|2\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonLinesDefaults_writeReferenceExample() {
        assertThat(Written.bytes(JsonLinesFormat.defaults(), SCHEMA, ROWS)).isEqualTo((
                "{\"code\": 200, \"cnt\": 4981}\r\n"
                        + "{\"code\": 302, \"cnt\": null}\r\n"
                        + "{\"code\": 404, \"cnt\": 17}\r\n"
                        + "{\"code\": 500, \"cnt\": 2}\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
