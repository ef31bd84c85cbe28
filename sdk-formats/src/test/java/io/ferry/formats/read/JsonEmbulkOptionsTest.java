package io.ferry.formats.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON parser options of an Embulk {@code load.yml} (root, element_at, flatten_json_array,
 * invalid_string_escapes, no columns), read through {@link ParserConfig#fromJson(String)}; cases
 * written from Embulk's documented behaviour.
 */
class JsonEmbulkOptionsTest {
    private static final String A_LONG = "\"columns\":[{\"name\":\"a\",\"type\":\"long\"}]";

    /** name, load.yml parser section, input, rows read, rows skipped. */
    static Stream<Arguments> cases() {
        return Stream.of(
                c("root into an array of records", "{\"type\":\"json\",\"root\":\"/data/items\"," + A_LONG + "}",
                        "{\"x\":[1,{\"a\":9}],\"data\":{\"items\":[{\"a\":1},{\"a\":2}]},\"y\":2}", "[[1], [2]]", 0),
                c("root at an object", "{\"type\":\"json\",\"root\":\"/data\"," + A_LONG + "}",
                        "{\"data\":{\"a\":5}}\n{\"data\":{\"a\":6}}", "[[5], [6]]", 0),
                c("root at an array index", "{\"type\":\"json\",\"root\":\"/1\"," + A_LONG + "}",
                        "[{\"a\":1},{\"a\":2},{\"a\":3}]", "[[2]]", 0),
                c("document without the root is skipped", "{\"type\":\"json\",\"root\":\"/data\"," + A_LONG + "}",
                        "{\"other\":{\"a\":1}}\n{\"data\":{\"a\":2}}", "[[2]]", 1),
                c("flatten_json_array reads the elements",
                        "{\"type\":\"json\",\"flatten_json_array\":true," + A_LONG + "}",
                        "[{\"a\":1},{\"a\":2}]\n[{\"a\":3}]", "[[1], [2], [3]]", 0),
                c("flatten_json_array: an object is bad",
                        "{\"type\":\"json\",\"flatten_json_array\":true," + A_LONG + "}",
                        "{\"a\":1}\n[{\"a\":2}]", "[[2]]", 1),
                c("an array element that is no object is bad", "{\"type\":\"json\"," + A_LONG + "}",
                        "[{\"a\":1},7,{\"a\":2}]", "[[1], [2]]", 1),
                c("element_at", "{\"type\":\"json\",\"columns\":[{\"name\":\"n\",\"type\":\"string\",\"element_at\":"
                        + "\"/user/name\"},{\"name\":\"t\",\"type\":\"string\",\"element_at\":\"/user/tags/1\"},"
                        + "{\"name\":\"m\",\"type\":\"long\",\"element_at\":\"/missing/x\"}]}",
                        "{\"user\":{\"tags\":[\"t0\",\"t1\"],\"name\":\"x\"}}", "[[x, t1, null]]", 0),
                c("element_at: escaped names and overlapping pointers", "{\"type\":\"json\",\"columns\":["
                        + "{\"name\":\"u\",\"type\":\"json\",\"element_at\":\"/u\"},"
                        + "{\"name\":\"s\",\"type\":\"string\",\"element_at\":\"/u/a~1b\"},"
                        + "{\"name\":\"t\",\"type\":\"long\",\"element_at\":\"/u/t~0\"}]}",
                        "{\"u\":{\"a/b\":\"slash\",\"t~\":3}}", "[[{\"a/b\":\"slash\",\"t~\":3}, slash, 3]]", 0),
                c("no columns: one record column", "{\"type\":\"json\"}",
                        "{\"a\":1,\"b\":[true,null]}\n{\"c\":\"x\"}", "[[{\"a\":1,\"b\":[true,null]}], [{\"c\":\"x\"}]]", 0),
                c("columns []: one record column under root", "{\"type\":\"json\",\"root\":\"/r\",\"columns\":[]}",
                        "{\"r\":[{\"k\":1},{\"k\":2}]}", "[[{\"k\":1}], [{\"k\":2}]]", 0),
                c("invalid escape SKIP", esc("SKIP"), "{\"s\":\"a\\qb\\u12G4\\\\q\"}", "[[ab12G4\\q]]", 0),
                c("invalid escape UNESCAPE", esc("UNESCAPE"), "{\"s\":\"a\\qb\\u12G4\\\\q\"}", "[[aqbu12G4\\q]]", 0),
                c("invalid escape SERIALIZE", esc("SERIALIZE"), "{\"s\":\"a\\qb\\u12G4\\\\q\"}",
                        "[[a\\qb\\u12G4\\q]]", 0),
                c("valid escapes pass every policy", esc("SKIP"), "{\"s\":\"\\\"\\\\\\/\\n\\u00e9\"}",
                        "[[\"\\/\né]]", 0),
                c("jsonl with root", "{\"type\":\"jsonl\",\"root\":\"/d\"," + A_LONG + "}",
                        "{\"d\":{\"a\":1}}\n{\"d\":[{\"a\":2},{\"a\":3}]}\n", "[[1], [2], [3]]", 0));
    }

    private static String esc(String policy) {
        return "{\"type\":\"json\",\"invalid_string_escapes\":\"" + policy + "\",\"columns\":[{\"name\":\"s\","
                + "\"type\":\"string\"}]}";
    }

    private static Arguments c(String name, String config, String input, String rows, long skipped) {
        return Arguments.of(name, config, input, rows, skipped);
    }

    static List<List<Object>> readAll(ParserConfig config, InputStream in, long[] skipped) {
        List<List<Object>> rows = new ArrayList<>();
        try (RecordReader r = config.newReader("t.json", in)) {
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < rec.size(); i++) {
                    row.add(rec.get(i));
                }
                rows.add(row);
            }
            skipped[0] = r.skippedRows();
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void embulkSection_readsAsEmbulkDoes(String name, String config, String input, String rows, long skipped) {
        long[] skip = new long[1];
        List<List<Object>> got = readAll(ParserConfig.fromJson(config),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), skip);
        assertThat(got).as(name).hasToString(rows);
        assertThat(skip[0]).as(name + ": skipped").isEqualTo(skipped);
    }

    @Test
    void fromJson_embulkJson_skipsInvalidRecords_builderFails() {
        assertThat(ParserConfig.fromJson("{\"type\":\"json\"}").badRows()).isEqualTo(BadRowPolicy.SKIP);
        ParserConfig built = ParserConfig.builder().type(ParserType.JSON).json(j -> j.root("/data")).build();
        assertThat(built.badRows()).isEqualTo(BadRowPolicy.FAIL);
        assertThat(built.columns()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(ParserConfig.RECORD_COLUMN);
            assertThat(c.type()).isEqualTo(ColumnType.JSON);
            assertThat(c.elementAt()).contains("");
        });
        assertThatThrownBy(() -> CsvRecordReaderTest.read(built, "{\"x\":1}"))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("t.csv, line 1: the document has no value at root '/data'; check the root"
                        + " option; fix the data,");
    }

    @Test
    void read_passthroughInvalidEscape_isInvalidJsonWithItsLine() {
        ParserConfig c = ParserConfig.fromJson("{\"type\":\"json\",\"columns\":[{\"name\":\"s\",\"type\":\"string\"}]}");
        assertThatThrownBy(() -> CsvRecordReaderTest.read(c, "{\"s\":\"ok\"}\n{\"s\":\"a\\qb\"}"))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("t.csv, line 2: invalid JSON, the rest of the file cannot be read: Unrecognized"
                        + " character escape 'q'");
    }

    @Test
    void toJson_jsonOptions_roundTrip() {
        ParserConfig c = ParserConfig.builder().type(ParserType.JSONL)
                .json(j -> j.root("/a/0").flattenJsonArray(true).invalidStringEscapes(InvalidStringEscapes.SERIALIZE))
                .column(col -> col.name("x").type(ColumnType.STRING).elementAt("/b/c"))
                .build();
        assertThat(ParserConfig.fromJson(c.toJson())).isEqualTo(c);
    }

    /** The root points into one document far larger than the maximum record size: it is streamed, not loaded. */
    @Test
    void read_rootInsideAHugeDocument_streamsToIt() {
        int n = 100_000;
        String before = "{\"skip\":[" + String.join(",", Collections.nCopies(20_000, "\"padding-padding\"")) + "],"
                + "\"data\":{\"items\":[";
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(before.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(String.join(",", IntStream.rangeClosed(1, n)
                        .mapToObj(i -> "{\"a\":" + i + ",\"pad\":\"" + "x".repeat(20) + "\"}").toList())
                        .getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream("]}}".getBytes(StandardCharsets.UTF_8)))));
        ParserConfig c = ParserConfig.builder().type(ParserType.JSON).maxRecordSize(1024)
                .json(j -> j.root("/data/items")).column("a", ColumnType.LONG).build();
        long[] skipped = new long[1];
        List<List<Object>> rows = readAll(c, in, skipped);
        assertThat(rows).hasSize(n);
        assertThat(rows.get(n - 1)).containsExactly((long) n);
        assertThat(rows.stream().mapToLong(r -> (Long) r.get(0)).sum()).isEqualTo((long) n * (n + 1) / 2);
        assertThat(skipped[0]).isZero();
    }

    /** One line per case: the options (JSON), the error message. */
    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("\"root\":\"data\"", "'data' is not a JSON pointer; write it as /field/0/name (a slash"
                        + " before each field name or array index, ~1 for a slash and ~0 for a tilde in a name) (root)"),
                Arguments.of("\"invalid_string_escapes\":\"DROP\"", "unknown value 'DROP'; use PASSTHROUGH, SKIP,"
                        + " SERIALIZE or UNESCAPE (invalid_string_escapes)"),
                Arguments.of("\"flatten_json_array\":\"yes\"", "expected true or false (flatten_json_array)"),
                Arguments.of("\"columns\":[{\"name\":\"a\",\"type\":\"long\",\"element_at\":\"a/b\"}]",
                        "'a/b' is not a JSON pointer; write it as /field/0/name (a slash before each field name or"
                        + " array index, ~1 for a slash and ~0 for a tilde in a name) (columns.element_at)"),
                Arguments.of("\"columns\":[{\"name\":\"a\",\"type\":\"long\",\"date\":\"2000-01-01\"}]",
                        "a column's date is not supported; put the date into the data or remove the key"
                        + " (columns.date)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void fromJson_badJsonOption_namesIt(String options, String message) {
        assertThatThrownBy(() -> ParserConfig.fromJson("{\"type\":\"json\"," + options + "}"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage(message);
    }

    @Test
    void build_elementAtOnCsv_throws() {
        assertThatThrownBy(() -> ParserConfig.builder().column(c -> c.name("a").type(ColumnType.LONG).elementAt("/a"))
                .build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("column 'a' has element_at '/a', which applies only to json and jsonl; remove it"
                        + " (columns.element_at)");
    }
}
