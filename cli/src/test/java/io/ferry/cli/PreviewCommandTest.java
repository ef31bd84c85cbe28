package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.read.Preview;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreviewCommandTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("name", ColumnType.STRING),
            Column.of("at", ColumnType.TIMESTAMP));
    private static final Preview PREVIEW = Preview.of(SCHEMA, List.of(
            Record.of(SCHEMA, 7L, "tab\there", Instant.parse("2024-03-10T01:30:00Z")),
            Record.of(SCHEMA, 12L, null, null)));

    @ParameterizedTest(name = "format={0} json={1} terminal={2}")
    @CsvSource(nullValues = "null", value = {
        "null,  false, true,  TABLE",
        "null,  false, false, TSV",
        "null,  true,  true,  JSON",
        "TSV,   true,  true,  TSV",
        "TABLE, false, false, TABLE",
    })
    void output_explicitFormatThenJsonThenTerminal(PreviewCommand.Output format, boolean json, boolean terminal,
            PreviewCommand.Output expected) {
        assertThat(PreviewCommand.output(format, json, terminal)).isEqualTo(expected);
    }

    @Test
    void print_table_isThePreviewTable() {
        assertThat(print(PreviewCommand.Output.TABLE)).isEqualTo(PREVIEW.toTable());
    }

    @Test
    void print_tsv_headerAndEscapedValues() {
        String tsv = print(PreviewCommand.Output.TSV);

        String[] lines = tsv.split("\r?\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("id\tname\tat");
        assertThat(lines[1]).startsWith("7\t").contains("2024-03-10");
        assertThat(lines[1].split("\t", -1)).hasSize(3);
        assertThat(lines[2]).startsWith("12\t");
    }

    @Test
    void print_json_oneObjectPerRow() {
        String[] lines = print(PreviewCommand.Output.JSON).split("\r?\n");

        assertThat(lines).hasSize(2);
        assertThat(Json.parse(lines[0], "row").get("name").asText()).isEqualTo("tab\there");
        assertThat(Json.parse(lines[1], "row").get("id").asLong()).isEqualTo(12L);
    }

    private static String print(PreviewCommand.Output output) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreviewCommand.print(PREVIEW, output, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void preview_neitherLocationNorConfig_isAUsageError() {
        Runs.Result none = Runs.run("preview");
        Runs.Result both = Runs.run("preview", "s3://my-bucket/x", "--config", "load.json");

        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).startsWith("Give either s3://BUCKET/PREFIX or --config FILE");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
    }
}
