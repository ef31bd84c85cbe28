package io.ferry.formats;

import static io.ferry.formats.TextFormatFixtures.ALL_TYPES;
import static io.ferry.formats.TextFormatFixtures.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.json.JsonLinesFormat;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JsonLinesFormatTest {
    @Test
    void defaults_areCrlfJsonlAndNdjson() {
        JsonLinesFormat f = JsonLinesFormat.defaults();

        assertThat(f.newline()).isEqualTo(Newline.CRLF);
        assertThat(f.extension()).isEqualTo("jsonl");
        assertThat(f.contentType()).isEqualTo("application/x-ndjson");
        assertThat(f.timestampPattern()).isEqualTo("yyyy-MM-dd HH:mm:ss.SSS");
        assertThat(f).isEqualTo(JsonLinesFormat.builder().build());
        assertThat(f.toBuilder().newline(Newline.LF).build()).isNotEqualTo(f);
    }

    @Test
    void write_eachTypeAsDocumented() {
        String text = Written.text(JsonLinesFormat.defaults(), ALL_TYPES,
                -42L, 10000000000.0, true, AT, "say \"hi\"\n日本", "{\n  \"a\" : [1,2, {\"b\":null}],\"c\":\"x\"\n}");

        assertThat(text).isEqualTo("{\"id\": -42, \"score\": 10000000000.0, \"ok\": true, "
                + "\"at\": \"2026-11-25 09:15:37.123\", \"name\": \"say \\\"hi\\\"\\n日本\", "
                + "\"attrs\": {\"a\": [1, 2, {\"b\": null}], \"c\": \"x\"}}\r\n");
    }

    @Test
    void write_nullsAndNonFiniteDoubles() {
        Schema s = Schema.of(Column.of("a", ColumnType.DOUBLE), Column.of("b", ColumnType.DOUBLE),
                Column.of("c", ColumnType.DOUBLE), Column.of("j", ColumnType.JSON), Column.of("t", ColumnType.TIMESTAMP));

        assertThat(Written.text(JsonLinesFormat.defaults(), s, Double.NaN, Double.NEGATIVE_INFINITY, null, null, null))
                .isEqualTo("{\"a\": \"NaN\", \"b\": \"-Infinity\", \"c\": null, \"j\": null, \"t\": null}\r\n");
    }

    @Test
    void write_jsonColumnKeepsNumberTextAndEmptyContainers() {
        Schema s = Schema.of(Column.of("a", ColumnType.JSON), Column.of("b", ColumnType.JSON),
                Column.of("c", ColumnType.JSON), Column.of("d", ColumnType.JSON));

        String numbers = "[0.10000000000000000000001, 12345678901234567890123]";

        assertThat(Written.text(JsonLinesFormat.builder().newline(Newline.LF).build(), s, " 1.5e3 ", numbers, "{}", "[ ]"))
                .isEqualTo("{\"a\": 1.5e3, \"b\": [0.10000000000000000000001, 12345678901234567890123], \"c\": {}, \"d\": []}\n");
    }

    @Test
    void write_customTimestampPatternAndZone() {
        JsonLinesFormat f = JsonLinesFormat.builder().timestampPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
                .timestampZone(ZoneId.of("America/New_York")).build();
        Schema s = Schema.of(Column.of("t", ColumnType.TIMESTAMP));

        assertThat(Written.text(f, s, AT)).isEqualTo("{\"t\": \"2026-11-25T04:15:37-05:00\"}\r\n");
    }

    @Test
    void write_invalidJsonColumn_throwsWithRecordAndColumn() {
        Schema s = Schema.of(Column.of("id", ColumnType.LONG), Column.of("attrs", ColumnType.JSON));
        FormatWriter w = JsonLinesFormat.defaults().newWriter(s, new ByteArrayOutputStream());
        w.write(Record.of(s, 1L, "{}"));

        assertThatThrownBy(() -> w.write(Record.of(s, 2L, "{\"a\": }")))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("record, line 2, column 'attrs': the JSON column holds invalid JSON: "
                        + "Unexpected character ('}'")
                .hasMessageEndingWith("; store one JSON value per field");
        assertThatThrownBy(() -> w.write(Record.of(s, 2L, "1 2")))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, line 2, column 'attrs': the JSON column holds invalid JSON: "
                        + "it has more after the first value (VALUE_NUMBER_INT); store one JSON value per field");
        assertThatThrownBy(() -> w.write(Record.of(s, 2L, "  ")))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, line 2, column 'attrs': the JSON column holds invalid JSON: "
                        + "it is empty; store one JSON value per field");
    }

    @Test
    void close_twiceIsSafe_andWriteAfterCloseThrows() {
        Schema s = Schema.of(Column.of("a", ColumnType.LONG));
        FormatWriter w = JsonLinesFormat.defaults().newWriter(s, new ByteArrayOutputStream());
        w.write(Record.of(s, 1L));
        w.close();
        w.close();

        assertThat(w.rowCount()).isEqualTo(1);
        assertThatThrownBy(() -> w.write(Record.of(s, 2L)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("this JSON Lines writer is closed (write)");
    }

    @Test
    void timestampPattern_invalid_throwsNamingOption() {
        assertThatThrownBy(() -> JsonLinesFormat.builder().timestampPattern("HH:mm:ss.SSS {"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith("'HH:mm:ss.SSS {' is not a usable java.time.format.DateTimeFormatter pattern:")
                .hasMessageEndingWith("(timestampPattern)");
    }
}
