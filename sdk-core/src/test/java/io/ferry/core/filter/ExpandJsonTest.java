package io.ferry.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpandJsonTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("doc", ColumnType.STRING));
    private static final String DOC = """
            {"user": {"id": 7, "name": "Ann", "vip": true, "score": 9.5, "tags": ["a", "b"], "nick": null},
             "n": {"big": 12345678901234567890, "whole": 3.0, "str": " 42 ", "neg": -5, "exp": 1e3},
             "t": {"iso": "2024-01-02T03:04:05Z", "offset": "2024-01-02T05:04:05+02:00",
                   "local": "2024-01-02 03:04:05", "epoch": 1704164645, "bad": "yesterday"},
             "b": {"s": "TRUE", "x": "yes"},
             "a/b": {"~c": "escaped"},
             "items": [{"sku": "X1"}, {"sku": "X2"}],
             "quote": "say \\"hi\\"\\n"}
            """;

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", textBlock = """
            # pointer     | type      | value
            /user/id      | LONG      | 7
            /user/id      | STRING    | 7
            /user/id      | DOUBLE    | 7.0
            /user/name    | STRING    | Ann
            /user/name    | JSON      | "Ann"
            /user/vip     | BOOLEAN   | true
            /user/vip     | STRING    | true
            /user/score   | DOUBLE    | 9.5
            /user/tags    | JSON      | ["a","b"]
            /user/tags    | STRING    | ["a","b"]
            /user/tags/1  | STRING    | b
            /user/nick    | STRING    | NULL
            /user/nick    | LONG      | NULL
            /user/missing | STRING    | NULL
            /nothing/here | LONG      | NULL
            /user/id/deep | LONG      | NULL
            /n/whole      | LONG      | 3
            /n/str        | LONG      | 42
            /n/neg        | LONG      | -5
            /n/exp        | LONG      | 1000
            /n/exp        | DOUBLE    | 1000.0
            /n/str        | DOUBLE    | 42.0
            /t/iso        | TIMESTAMP | 2024-01-02T03:04:05Z
            /t/offset     | TIMESTAMP | 2024-01-02T03:04:05Z
            /t/local      | TIMESTAMP | 2024-01-02T03:04:05Z
            /t/epoch      | TIMESTAMP | 2024-01-02T03:04:05Z
            /b/s          | BOOLEAN   | true
            /a~1b/~0c     | STRING    | escaped
            /items/1/sku  | STRING    | X2
            /items/0      | JSON      | {"sku":"X1"}
            /quote        | STRING    | `say "hi"<LF>`
            /quote        | JSON      | `"say \\"hi\\"\\n"`
            /user         | JSON      | {"id":7,"name":"Ann","vip":true,"score":9.5,"tags":["a","b"],"nick":null}
            """)
    void expandJson_valueAtPointer_convertsToColumnType(String pointer, ColumnType type, String expected) {
        Record out = Filters.expandJson("doc", List.of(JsonField.of(pointer, "v", type)))
                .apply(Record.of(SCHEMA, 1L, DOC));

        Object value = out.get("v");
        assertThat(value == null ? null : value.toString())
                .isEqualTo(expected == null ? null : expected.replace("<LF>", "\n"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # pointer   | type      | reason
            /user/name  | LONG      | the string "Ann" is not a LONG (a whole number between -2^63 and 2^63-1)
            /user/score | LONG      | 9.5 is not a LONG (a whole number between -2^63 and 2^63-1)
            /n/big      | LONG      | 12345678901234567890 is not a LONG (a whole number between -2^63 and 2^63-1)
            /user/tags  | DOUBLE    | ["a","b"] is not a DOUBLE
            /b/x        | BOOLEAN   | the string "yes" is not a BOOLEAN (true or false)
            /user/id    | BOOLEAN   | 7 is not a BOOLEAN (true or false)
            /t/bad      | TIMESTAMP | the string "yesterday" is not a TIMESTAMP (ISO-8601 text such as 2024-01-02T03:04:05Z, or epoch seconds)
            /user/vip   | TIMESTAMP | true is not a TIMESTAMP (ISO-8601 text such as 2024-01-02T03:04:05Z, or epoch seconds)
            """)
    void expandJson_valueNotFittingType_throwsNamingTheColumn(String pointer, ColumnType type, String reason) {
        ExpandJsonFilter expand = Filters.expandJson("doc", List.of(JsonField.of(pointer, "v", type)));

        assertThatThrownBy(() -> expand.apply(Record.of(SCHEMA, 1L, DOC)))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("expandJson, column 'v': " + reason)
                .extracting(e -> ((FerryDataException) e).reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a": 1                  | malformed JSON: Unexpected end-of-input
            {"a": 1} {"b": 2}        | malformed JSON: unexpected START_OBJECT after the end of the value at character 10
            not json                 | malformed JSON: Unrecognized token 'not'
            ``                       | malformed JSON: the value is empty
            {'a': 1}                 | malformed JSON: Unexpected character (''' (code 39))
            """)
    void expandJson_malformedJson_throwsDataException(String json, String reason) {
        ExpandJsonFilter expand = Filters.expandJson("doc", List.of(JsonField.of("/a", "v", ColumnType.LONG)));

        assertThatThrownBy(() -> expand.apply(Record.of(SCHEMA, 1L, json)))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("expandJson, column 'doc': " + reason);
    }

    @Test
    void expandJson_nestedPointers_areAllFound() {
        ExpandJsonFilter expand = Filters.expandJson("doc", List.of(
                JsonField.of("/user", "user", ColumnType.JSON),
                JsonField.of("/user/id", "user_id", ColumnType.LONG),
                JsonField.of("/user/tags/0", "first_tag", ColumnType.STRING),
                JsonField.of("", "all", ColumnType.JSON)));

        Record out = expand.apply(Record.of(SCHEMA, 1L, DOC));

        assertThat(out.schema().names()).containsExactly("id", "user", "user_id", "first_tag", "all");
        assertThat(out.getLong("user_id")).isEqualTo(7L);
        assertThat(out.getString("first_tag")).isEqualTo("a");
        assertThat(out.getString("user")).startsWith("{\"id\":7,");
        assertThat(out.getString("all")).startsWith("{\"user\":{").endsWith("}");
    }

    @Test
    void expandJson_nullSource_givesNullColumnsAndKeepSourceKeepsIt() {
        ExpandJsonFilter expand = Filters.expandJson("doc", List.of(JsonField.of("/a", "a", ColumnType.LONG)))
                .keepSource();

        Record out = expand.apply(Record.of(SCHEMA, 1L, null));

        assertThat(out.schema().names()).containsExactly("id", "doc", "a");
        assertThat(out.isNull("a")).isTrue();
        assertThat(expand.keepsSource()).isTrue();
    }

    @Test
    void expandJson_jsonColumn_isExpandedLikeString() {
        Schema schema = Schema.of(Column.of("payload", ColumnType.JSON));
        Record out = Filters.expandJson("payload", List.of(JsonField.of("/x/0", "x", ColumnType.DOUBLE)))
                .apply(Record.of(schema, "{\"x\": [1.25]}"));

        assertThat(out.getDouble("x")).isEqualTo(1.25);
    }
}
