package io.ferry.formats.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRecordReaderTest {
    private static ParserConfig.Builder columns(ParserType type) {
        return ParserConfig.builder().type(type)
                .column("id", ColumnType.LONG).column("name", ColumnType.STRING)
                .column(ColumnConfig.timestamp("at", "%s")).column("tags", ColumnType.JSON);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "JSONL|{\"id\":1,\"name\":\"a\",\"at\":1427782357,\"tags\":[1,2]}\\n\\n{\"id\":\"2\",\"extra\":{\"x\":1}}\\n",
            "JSON|[{\"id\":1,\"name\":\"a\",\"at\":1427782357,\"tags\":[1,2]},\\n {\"id\":2,\"extra\":{\"x\":1}}]",
            "JSON|{\"id\":1,\"name\":\"a\",\"at\":1427782357,\"tags\":[1,2]}\\n{\"id\":2,\"extra\":{\"x\":1}}"})
    void read_layout_mapsFieldsToColumns(ParserType type, String text) {
        List<Record> rows = CsvRecordReaderTestSupport.records(columns(type).build(), text.replace("\\n", "\n"));
        assertThat(rows).extracting(r -> Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3))).containsExactly(
                Arrays.asList(1L, "a", Instant.parse("2015-03-31T06:12:37Z"), "[1,2]"),
                Arrays.asList(2L, null, null, null));
    }

    @Test
    void read_objectIntoStringColumn_keepsJsonText() {
        ParserConfig config = ParserConfig.builder().type(ParserType.JSONL)
                .column("a", ColumnType.STRING).column("b", ColumnType.DOUBLE).build();
        assertThat(CsvRecordReaderTestSupport.records(config, "{\"a\":{\"k\":[true]},\"b\":3}\n"))
                .extracting(r -> r.get(0) + "|" + r.get(1)).containsExactly("{\"k\":[true]}|3.0");
    }

    @Test
    void read_jsonlBadLinesWithSkip_continues() {
        ParserConfig config = columns(ParserType.JSONL).badRows(BadRowPolicy.SKIP).build();
        String text = "{\"id\":1}\n{\"id\":\n[1]\n{\"id\":1.5}\n{\"id\":4}\n";
        try (RecordReader r = config.newReader("k.jsonl", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(r.read().getLong("id")).isEqualTo(1L);
            assertThat(r.read().getLong("id")).isEqualTo(4L);
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.read()).isNull();
            assertThat(r.skippedRows()).isEqualTo(3);
            assertThat(r.badRows()).extracting(BadRow::line).containsExactly(2L, 3L, 4L);
            assertThat(r.badRows().get(2)).isEqualTo(BadRow.of("k.jsonl", 4, "id", "1.5 is not a long integer"));
        }
    }

    @Test
    void read_jsonSyntaxError_failsWithLine() {
        ParserConfig config = columns(ParserType.JSON).badRows(BadRowPolicy.SKIP).build();
        assertThatThrownBy(() -> CsvRecordReaderTestSupport.records(config, "[{\"id\":1},\n{\"id\":2,,}]"))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("t.json, line 2: invalid JSON, the rest of the file cannot be read");
    }

    @Test
    void read_badValueWithFail_namesLineAndColumn() {
        assertThatThrownBy(() -> CsvRecordReaderTestSupport.records(columns(ParserType.JSONL).build(),
                "{\"id\":1}\n{\"id\":2,\"at\":\"soon\"}\n"))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("t.json, line 2, column 'at': 'soon' is not epoch seconds (%s)");
    }
}
