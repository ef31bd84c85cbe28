package io.ferry.formats.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.formats.Newline;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvRecordReaderTest {

    private static ParserConfig.Builder twoStrings() {
        return ParserConfig.builder().column("a", ColumnType.STRING).column("b", ColumnType.STRING);
    }

    static List<List<Object>> read(ParserConfig config, String text) {
        return read(config, text, StandardCharsets.UTF_8);
    }

    static List<List<Object>> read(ParserConfig config, String text, Charset charset) {
        List<List<Object>> rows = new ArrayList<>();
        try (RecordReader r = config.newReader("t.csv", new ByteArrayInputStream(text.getBytes(charset)))) {
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < rec.size(); i++) {
                    row.add(rec.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static Stream<Arguments> options() {
        return Stream.of(
                Arguments.of("plain", UnaryOperator.<ParserConfig.Builder>identity(), "x,y\r\n1,2\r\n", "[[x, y], [1, 2]]"),
                Arguments.of("bare LF under CRLF", UnaryOperator.<ParserConfig.Builder>identity(), "x,y\n1,2", "[[x, y], [1, 2]]"),
                Arguments.of("quoted delimiter and newline", UnaryOperator.<ParserConfig.Builder>identity(),
                        "\"x,1\",\"multi\nline\"\n", "[[x,1, multi\nline]]"),
                Arguments.of("doubled quote", UnaryOperator.<ParserConfig.Builder>identity(), "\"say \"\"hi\"\"\",b\n", "[[say \"hi\", b]]"),
                Arguments.of("backslash escape", (UnaryOperator<ParserConfig.Builder>) b -> b.escape('\\'),
                        "\"a\\\"b\",c\n", "[[a\"b, c]]"),
                Arguments.of("unquoted empty is null, quoted empty is empty", UnaryOperator.<ParserConfig.Builder>identity(),
                        ",\"\"\n", "[[null, ]]"),
                Arguments.of("null string", (UnaryOperator<ParserConfig.Builder>) b -> b.nullString("\\N"),
                        "\\N,\"\\N\"\n", "[[null, \\N]]"),
                Arguments.of("skip header lines", (UnaryOperator<ParserConfig.Builder>) b -> b.skipHeaderLines(2),
                        "h1\nh2,h3\n1,2\n", "[[1, 2]]"),
                Arguments.of("comment lines", (UnaryOperator<ParserConfig.Builder>) b -> b.commentLineMarker("#"),
                        "#c\n1,2\n# another\n3,4\n", "[[1, 2], [3, 4]]"),
                Arguments.of("trim", (UnaryOperator<ParserConfig.Builder>) b -> b.trimIfNotQuoted(true),
                        "  x  , \" y \" \n", "[[x,  y ]]"),
                Arguments.of("short rows as nulls", (UnaryOperator<ParserConfig.Builder>) b -> b.allowOptionalColumns(true),
                        "1\n2,3\n", "[[1, null], [2, 3]]"),
                Arguments.of("extra values ignored", (UnaryOperator<ParserConfig.Builder>) b -> b.allowExtraColumns(true),
                        "1,2,3\n", "[[1, 2]]"),
                Arguments.of("tsv", (UnaryOperator<ParserConfig.Builder>) b -> b.type(ParserType.TSV),
                        "a b\tc,d\n", "[[a b, c,d]]"),
                Arguments.of("pipe, no quote", (UnaryOperator<ParserConfig.Builder>) b -> b.delimiter('|').noQuote(),
                        "\"a|b\"\n", "[[\"a, b\"]]"),
                Arguments.of("CR newline", (UnaryOperator<ParserConfig.Builder>) b -> b.newline(Newline.CR),
                        "1,2\r3,4\r", "[[1, 2], [3, 4]]"),
                Arguments.of("LF keeps CR as data", (UnaryOperator<ParserConfig.Builder>) b -> b.newline(Newline.LF),
                        "1,2\r\n", "[[1, 2\r]]"),
                Arguments.of("empty lines skipped", UnaryOperator.<ParserConfig.Builder>identity(), "\n1,2\n\n3,4\n\n", "[[1, 2], [3, 4]]"),
                Arguments.of("byte order mark skipped", UnaryOperator.<ParserConfig.Builder>identity(), "\uFEFFx,y\n", "[[x, y]]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void read_option_givesRows(String name, UnaryOperator<ParserConfig.Builder> option, String text, String expected) {
        assertThat(read(option.apply(twoStrings()).build(), text).toString()).isEqualTo(expected);
    }

    @Test
    void read_typedColumns_convertsValues() {
        ParserConfig config = ParserConfig.builder()
                .column("id", ColumnType.LONG).column("score", ColumnType.DOUBLE).column("ok", ColumnType.BOOLEAN)
                .column(ColumnConfig.timestamp("at", "%Y-%m-%d %H:%M:%S")).column("doc", ColumnType.JSON)
                .build();
        assertThat(read(config, "7,1.5,yes,2015-03-31 06:12:37,\"{\"\"k\"\":1}\"\n,,,,\n"))
                .containsExactly(
                        Arrays.asList(7L, 1.5, true, Instant.parse("2015-03-31T06:12:37Z"), "{\"k\":1}"),
                        Arrays.asList(null, null, null, null, null));
    }

    @Test
    void read_charsetShiftJis_decodes() {
        ParserConfig config = twoStrings().charset(Charset.forName("Shift_JIS")).build();
        assertThat(read(config, "日本,語\n", Charset.forName("Shift_JIS"))).containsExactly(List.of("日本", "語"));
    }

    @Test
    void read_badValueWithFail_namesSourcePhysicalLineAndColumn() {
        ParserConfig config = ParserConfig.builder().skipHeaderLines(1)
                .column("name", ColumnType.STRING).column("n", ColumnType.LONG).build();
        String text = "name,n\n\"two\nlines\",1\nok,x\n";
        assertThatThrownBy(() -> read(config, text))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("t.csv, line 4, column 'n': 'x' is not a long integer")
                .satisfies(e -> assertThat(((FerryDataException) e).line()).isEqualTo(4));
    }

    @Test
    void read_shortRow_failsWithCount() {
        assertThatThrownBy(() -> read(twoStrings().build(), "1,2\n3\n"))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("t.csv, line 2: the row has 1 values but there are 2 columns [a, b];"
                        + " set allowOptionalColumns(true)");
    }

    @Test
    void read_unclosedQuote_failsAtRecordStart() {
        assertThatThrownBy(() -> read(twoStrings().build(), "1,2\n3,\"open\n4,5\n"))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("t.csv, line 2: a quoted value is not closed before the end of the data");
    }

    @Test
    void read_badRowsWithSkip_countsAndKeepsFirstLocations() {
        ParserConfig config = ParserConfig.builder().badRows(BadRowPolicy.SKIP).badRowSamples(2)
                .column("a", ColumnType.LONG).column("b", ColumnType.STRING).build();
        try (RecordReader r = config.newReader("k.csv", new ByteArrayInputStream(
                "1,a\nx,b\n2,c\n3,\"d\"e\ny,f\nz,g\n4,h\n".getBytes(StandardCharsets.UTF_8)))) {
            List<Long> ids = new ArrayList<>();
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                ids.add(rec.getLong("a"));
            }
            assertThat(ids).containsExactly(1L, 2L, 4L);
            assertThat(r.skippedRows()).isEqualTo(4);
            assertThat(r.badRows()).containsExactly(
                    BadRow.of("k.csv", 2, "a", "'x' is not a long integer"),
                    BadRow.of("k.csv", 4, null, "unexpected character 'e' after the closing quote of value 2;"
                            + " quote the whole value and double the quotes inside it"));
        }
    }

    @Test
    void read_invalidUtf8_failsNamingCharset() {
        ParserConfig config = twoStrings().build();
        byte[] bytes = {'a', ',', (byte) 0xff, '\n'};
        assertThatThrownBy(() -> {
            try (RecordReader r = config.newReader("bin.csv", new ByteArrayInputStream(bytes))) {
                r.read();
            }
        }).isInstanceOf(FerryDataException.class).hasMessageContaining("not valid UTF-8 text");
    }

    @Test
    void read_longRecordsAcrossSmallBuffers_keepsEveryCharacter() {
        StringBuilder sb = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String v = "v" + i + "x".repeat(i % 97);
            sb.append(v).append(",\"q").append(i).append("\r\n").append("\"\"\"\r\n");
            expected.add("[" + v + ", q" + i + "\r\n\"]");
        }
        assertThat(read(twoStrings().build(), sb.toString()).stream().map(Object::toString)
                .collect(Collectors.toList())).isEqualTo(expected);
    }
}
