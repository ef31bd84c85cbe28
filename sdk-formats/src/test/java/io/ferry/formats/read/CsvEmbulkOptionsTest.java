package io.ferry.formats.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.Record;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CSV options and defaults of an Embulk {@code load.yml} parser section, read through
 * {@link ParserConfig#fromJson(String)}; cases written from Embulk's documented behaviour.
 */
class CsvEmbulkOptionsTest {
    private static final String TWO = "\"columns\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}]";

    static String embulk(String options) {
        return "{\"type\":\"csv\"," + (options.isEmpty() ? "" : options + ",") + TWO + "}";
    }

    /** name, extra load.yml options, input, rows read, rows skipped. */
    static Stream<Arguments> cases() {
        return Stream.of(
                c("escape defaults to backslash before a quote", "", "\"a\\\"b\",c\n", "[[a\"b, c]]", 0),
                c("escaped backslash in quotes", "", "\"a\\\\b\",c\n", "[[a\\b, c]]", 0),
                c("backslash before other characters stays", "", "\"a\\nb\",C:\\temp\n", "[[a\\nb, C:\\temp]]", 0),
                c("unquoted backslash stays", "", "x\\,y\n", "[[x\\, y]]", 0),
                c("escape '' turns escaping off", "\"escape\":\"\"", "\"a\\\"\",b\n", "[]", 1),
                c("no null_string: unquoted empty is null", "", ",\"\"\n", "[[null, ]]", 0),
                c("null_string: only it is null", "\"null_string\":\"\\\\N\"", ",\\N\n\"\\N\",\"\"\n",
                        "[[, null], [null, ]]", 0),
                c("header_line true skips one line", "\"header_line\":true", "h1,h2\n1,2\n", "[[1, 2]]", 0),
                c("header_line false skips none", "\"header_line\":false", "h1,h2\n1,2\n", "[[h1, h2], [1, 2]]", 0),
                c("RFC 4180 quotes: stray quote is a bad row", "", "\"foo\"bar\",x\n1,2\n", "[[1, 2]]", 1),
                c("stray quotes accepted", "\"quotes_in_quoted_fields\":\"ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS\"",
                        "\"foo\"bar\",\"foofoo\"\"barbar\"\n", "[[foo\"bar, foofoo\"barbar]]", 0),
                c("stray quotes: doubled then single", "\"quotes_in_quoted_fields\":\"ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS\"",
                        "\"baz\"\"\"qux\",\"\"\"embulk\"\"\"\n", "[[baz\"\"qux, \"embulk\"]]", 0),
                c("stray quotes: quote before the delimiter closes", "\"quotes_in_quoted_fields\":\"accept_stray_quotes_assuming_no_delimiters_in_fields\"",
                        "\"x\"\"\",y\n", "[[x\", y]]", 0),
                c("quoted value over max_quoted_size_limit is skipped", "\"max_quoted_size_limit\":8",
                        "\"123456789\",a\n\"12345678\",b\n", "[[12345678, b]]", 1),
                c("unclosed quote resumes at the next line", "\"max_quoted_size_limit\":16",
                        "\"open,1\n2,3\n4,5\n6,7\n8,9\n", "[[2, 3], [4, 5], [6, 7], [8, 9]]", 1),
                c("unclosed quote at the end resumes at the next line", "",
                        "1,2\n\"open,1\n2,3\n4,5\n", "[[1, 2], [2, 3], [4, 5]]", 1),
                c("stop_on_invalid_record false skips", "\"stop_on_invalid_record\":false", "1\n1,2\n", "[[1, 2]]", 1),
                c("trim_if_not_quoted", "\"trim_if_not_quoted\":true", " a , \" b \" \n", "[[a,  b ]]", 0),
                c("comment_line_marker", "\"comment_line_marker\":\"#\"", "#x,y\n1,2\n", "[[1, 2]]", 0),
                c("allow_optional_columns", "\"allow_optional_columns\":true", "1\n", "[[1, null]]", 0),
                c("allow_extra_columns", "\"allow_extra_columns\":true", "1,2,3\n", "[[1, 2]]", 0),
                c("newline LF keeps CR in values", "\"newline\":\"LF\"", "1,2\r\n", "[[1, 2\r]]", 0),
                c("delimiter tab", "\"delimiter\":\"\\t\"", "1\t2\n", "[[1, 2]]", 0));
    }

    private static Arguments c(String name, String options, String input, String rows, long skipped) {
        return Arguments.of(name, options, input, rows, skipped);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void embulkSection_readsAsEmbulkDoes(String name, String options, String input, String rows, long skipped) {
        ParserConfig config = ParserConfig.fromJson(embulk(options));
        List<List<Object>> got = new ArrayList<>();
        long skippedRows;
        try (RecordReader r = config.newReader("t.csv", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))) {
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < rec.size(); i++) {
                    row.add(rec.get(i));
                }
                got.add(row);
            }
            skippedRows = r.skippedRows();
        }
        assertThat(got).as(name).hasToString(rows);
        assertThat(skippedRows).as(name + ": skipped rows").isEqualTo(skipped);
    }

    @Test
    void fromJson_embulkSection_takesEmbulkDefaults() {
        ParserConfig c = ParserConfig.fromJson(embulk(""));
        assertThat(c.escape()).contains('\\');
        assertThat(c.csv().escapeMode()).isEqualTo(EscapeMode.QUOTE_AND_ESCAPE_IN_QUOTES);
        assertThat(c.csv().nullRule()).isEqualTo(NullRule.NULL_STRING_ONLY);
        assertThat(c.csv().maxQuotedSize()).hasValue(131072);
        assertThat(c.badRows()).isEqualTo(BadRowPolicy.SKIP);
        assertThat(ParserConfig.fromJson(embulk("\"stop_on_invalid_record\":true")).badRows())
                .isEqualTo(BadRowPolicy.FAIL);
    }

    @Test
    void fromJson_ferryKeys_keepFerryDefaults() {
        ParserConfig c = ParserConfig.fromJson(embulk("\"bad_rows\":\"fail\""));
        assertThat(c.escape()).isEmpty();
        assertThat(c.csv().escapeMode()).isEqualTo(EscapeMode.NEXT_CHARACTER);
        assertThat(c.csv().nullRule()).isEqualTo(NullRule.EMPTY_OR_NULL_STRING);
        assertThat(c.csv().maxQuotedSize()).isEmpty();
        ParserConfig tsv = ParserConfig.fromJson("{\"type\":\"tsv\"," + TWO + "}");
        assertThat(tsv.escape()).isEmpty();
        assertThat(tsv.badRows()).isEqualTo(BadRowPolicy.FAIL);
    }

    @Test
    void toJson_embulkSection_roundTripsToAnEqualConfig() {
        ParserConfig c = ParserConfig.fromJson(embulk("\"quotes_in_quoted_fields\":"
                + "\"ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS\",\"null_string\":\"\""));
        assertThat(ParserConfig.fromJson(c.toJson())).isEqualTo(c);
    }

    @Test
    void embulkSection_stopOnInvalidRecord_failsWithFileAndLine() {
        ParserConfig c = ParserConfig.fromJson(embulk("\"stop_on_invalid_record\":true,\"max_quoted_size_limit\":4"));
        assertThatThrownBy(() -> CsvRecordReaderTest.read(c, "1,2\n\"12345,x\n"))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("t.csv, line 2: a quoted value is longer than maxQuotedSize (4 characters),"
                        + " probably a quote that is never closed; close the quote, escape the quotes inside the value,"
                        + " or raise maxQuotedSize (max_quoted_size_limit); fix the data,");
    }

    /** One line per case: load.yml options (JSON), the message of the error. */
    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("\"quotes_in_quoted_fields\":\"LENIENT\"", "unknown value 'LENIENT'; use"
                        + " ACCEPT_ONLY_RFC4180_ESCAPED or ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS"
                        + " (quotes_in_quoted_fields)"),
                Arguments.of("\"max_quoted_size_limit\":0", "must be 1 or more characters, was 0 (maxQuotedSize)"),
                Arguments.of("\"max_quoted_size_limit\":\"big\"", "expected a whole number up to 2147483647 but found"
                        + " big (max_quoted_size_limit)"),
                Arguments.of("\"header_line\":true,\"skip_header_lines\":2", "header_line and skip_header_lines are"
                        + " both set; keep skip_header_lines (header_line: true is skip_header_lines: 1) (header_line)"),
                Arguments.of("\"stop_on_invalid_record\":true,\"bad_rows\":\"skip\"", "stop_on_invalid_record and"
                        + " bad_rows are both set; keep one (stop_on_invalid_record: true is bad_rows: fail)"
                        + " (stop_on_invalid_record)"),
                Arguments.of("\"trim_if_not_quoted\":true,\"quotes_in_quoted_fields\":"
                        + "\"ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS\"",
                        "ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS cannot be combined with"
                        + " trimIfNotQuoted(true): spaces around stray quotes make values ambiguous; turn one off"
                        + " (quotesInQuotedFields)"),
                Arguments.of("\"default_date\":\"2000-01-01\"", "default_date '2000-01-01' is not supported: Ferry"
                        + " fills a date missing from a timestamp with 1970-01-01 only; put the date into the data or"
                        + " remove the key (default_date)"),
                Arguments.of("\"escape\":\"\\\\\\\\\"", "expected one character but found '\\\\' (escape)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void fromJson_badEmbulkOption_namesIt(String options, String message) {
        assertThatThrownBy(() -> ParserConfig.fromJson(embulk(options)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage(message);
    }
}
