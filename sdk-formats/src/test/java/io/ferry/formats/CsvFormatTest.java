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
import io.ferry.formats.csv.CsvDialect;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.csv.QuotePolicy;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvFormatTest {
    @Test
    void csv_hasExportConnectorDefaults() {
        CsvFormat f = CsvFormat.csv();

        assertThat(f.dialect()).isEqualTo(CsvDialect.CSV);
        assertThat(f.delimiter()).isEqualTo(',');
        assertThat(f.quotePolicy()).isEqualTo(QuotePolicy.MINIMAL);
        assertThat(f.quote()).contains('"');
        assertThat(f.escape()).contains('"');
        assertThat(f.nullString()).isEmpty();
        assertThat(f.newline()).isEqualTo(Newline.CRLF);
        assertThat(f.header()).isTrue();
        assertThat(f.timestampPattern()).isEqualTo("yyyy-MM-dd HH:mm:ss.SSS");
        assertThat(f.timestampZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(f.extension()).isEqualTo("csv");
        assertThat(f.contentType()).isEqualTo("text/csv");
        assertThat(f).isEqualTo(CsvFormat.builder().build());
    }

    @Test
    void tsv_hasExportConnectorDefaults() {
        CsvFormat f = CsvFormat.tsv();

        assertThat(f.dialect()).isEqualTo(CsvDialect.TSV);
        assertThat(f.delimiter()).isEqualTo('\t');
        assertThat(f.quote()).isEmpty();
        assertThat(f.escape()).isEmpty();
        assertThat(f.nullString()).isEqualTo("\\N");
        assertThat(f.newline()).isEqualTo(Newline.CRLF);
        assertThat(f.header()).isTrue();
        assertThat(f.extension()).isEqualTo("tsv");
        assertThat(f.contentType()).isEqualTo("text/tab-separated-values");
    }

    @Test
    void toBuilder_keepsEverySetting() {
        CsvFormat f = CsvFormat.builder().delimiter(';').quotePolicy(QuotePolicy.ALL).quote('\'').escape('\\')
                .nullString("NULL").newline(Newline.LF).header(false).timestampPattern("yyyy-MM-dd")
                .timestampZone(ZoneId.of("Asia/Tokyo")).build();

        assertThat(f.toBuilder().build()).isEqualTo(f).hasSameHashCodeAs(f);
        assertThat(f.toBuilder().delimiter(',').build()).isNotEqualTo(f);
        assertThat(f.toString()).contains("delimiter=';'", "quotePolicy=ALL", "nullString='NULL'");
    }

    @Test
    void write_eachTypeAsDocumentedText() {
        String text = Written.text(CsvFormat.csv(), ALL_TYPES,
                -42L, 10000000000.0, true, AT, "plain", "{\"a\": \"x,y\"}");

        assertThat(text).isEqualTo("id,score,ok,at,name,attrs\r\n"
                + "-42,10000000000.0,true,2026-11-25 09:15:37.123,plain,\"{\"\"a\"\": \"\"x,y\"\"}\"\r\n");
    }

    @Test
    void write_nonFiniteDoublesAndFalse() {
        Schema s = Schema.of(Column.of("a", ColumnType.DOUBLE), Column.of("b", ColumnType.DOUBLE),
                Column.of("c", ColumnType.DOUBLE), Column.of("d", ColumnType.BOOLEAN));
        String text = Written.text(CsvFormat.csv().toBuilder().header(false).build(), s,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, false);

        assertThat(text).isEqualTo("NaN,Infinity,-Infinity,false\r\n");
    }

    @Test
    void write_timestampWithCustomPatternAndZone() {
        CsvFormat f = CsvFormat.builder().timestampPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
                .timestampZone(ZoneId.of("Asia/Tokyo")).header(false).build();
        Schema s = Schema.of(Column.of("at", ColumnType.TIMESTAMP));

        assertThat(Written.text(f, s, AT)).isEqualTo("2026-11-25T18:15:37.123456+09:00\r\n");
    }

    @Test
    void write_headerUnderAllIsQuotedAndNewlineIsConfigurable() {
        Schema s = Schema.of(Column.of("code", ColumnType.LONG), Column.of("cnt", ColumnType.LONG));
        CsvFormat f = CsvFormat.builder().quotePolicy(QuotePolicy.ALL).newline(Newline.CR).build();

        assertThat(Written.text(f, s, 200L, null)).isEqualTo("\"code\",\"cnt\"\r\"200\",\r");
    }

    @Test
    void write_numbersEqualToNullStringAreQuoted() {
        Schema s = Schema.of(Column.of("a", ColumnType.LONG), Column.of("b", ColumnType.LONG));
        CsvFormat f = CsvFormat.builder().nullString("-1").header(false).build();

        assertThat(Written.text(f, s, -1L, null)).isEqualTo("\"-1\",-1\r\n");
    }

    @Test
    void write_tsvEscapesBackslashTabCrLfAndDelimiter() {
        Schema s = Schema.of(Column.of("a", ColumnType.STRING), Column.of("b", ColumnType.STRING));
        CsvFormat pipe = CsvFormat.tsv().toBuilder().delimiter('|').header(false).build();

        assertThat(Written.text(CsvFormat.tsv().toBuilder().header(false).build(), s, "a\\b\tc\rd\ne|f", null))
                .isEqualTo("a\\\\b\\tc\\rd\\ne|f\t\\N\r\n");
        assertThat(Written.text(pipe, s, "a|b\tc", "\\N")).isEqualTo("a\\|b\\tc|\\\\N\r\n");
    }

    @Test
    void write_noneWithoutEscapeAndSpecialValue_throwsWithRecordAndColumn() {
        Schema s = Schema.of(Column.of("a", ColumnType.STRING), Column.of("b", ColumnType.STRING));
        CsvFormat f = CsvFormat.builder().quotePolicy(QuotePolicy.NONE).noEscape().build();
        FormatWriter w = f.newWriter(s, new ByteArrayOutputStream());
        w.write(Record.of(s, "x", "y"));

        assertThatThrownBy(() -> w.write(Record.of(s, "x", "1,5")))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, line 2, column 'b': the value contains ',', which quotePolicy NONE must escape,"
                        + " but no escape character is set; set escape(..) (for example '\\\\') or use QuotePolicy.MINIMAL");
    }

    @Test
    void newWriter_noneWithoutEscapeAndSpecialColumnName_throwsForHeader() {
        Schema s = Schema.of(Column.of("a\nb", ColumnType.STRING));
        CsvFormat f = CsvFormat.builder().quotePolicy(QuotePolicy.NONE).noEscape().build();

        assertThatThrownBy(() -> f.newWriter(s, new ByteArrayOutputStream()))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith("header, line 1, column 'a\nb': the value contains LF,");
    }

    @Test
    void write_recordOfAnotherSchema_throws() {
        Schema s = Schema.of(Column.of("a", ColumnType.STRING));
        Schema other = Schema.of(Column.of("b", ColumnType.STRING));
        FormatWriter w = CsvFormat.csv().newWriter(s, new ByteArrayOutputStream());

        assertThatThrownBy(() -> w.write(Record.of(other, "x")))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("record, line 1: the record's schema [b:string] is not the writer's schema [a:string];"
                        + " open a writer per schema");
    }

    @Test
    void close_twiceIsSafe_andWriteAfterCloseThrows() {
        Schema s = Schema.of(Column.of("a", ColumnType.STRING));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormatWriter w = CsvFormat.csv().newWriter(s, out);
        w.write(Record.of(s, "x"));
        w.close();
        w.close();

        assertThat(w.rowCount()).isEqualTo(1);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("a\r\nx\r\n");
        assertThatThrownBy(() -> w.write(Record.of(s, "y")))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("this CSV writer is closed (write)");
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                bad("quote", "quote must be exactly one character, was \"ab\" (2 characters); call noQuote() for none"
                        + " (quote)", () -> CsvFormat.builder().quote("ab")),
                bad("quote", "quote must be exactly one character, was \"\" (0 characters); call noQuote() for none"
                        + " (quote)", () -> CsvFormat.builder().quote("")),
                bad("escape", "escape must be exactly one character, was \"\\\\\" (2 characters); call noEscape() for"
                        + " none (escape)", () -> CsvFormat.builder().escape("\\\\")),
                bad("delimiter", "delimiter must be exactly one character, was \"||\" (2 characters) (delimiter)",
                        () -> CsvFormat.builder().delimiter("||")),
                bad("delimiter", "delimiter cannot be CR or LF, was '\\n' (delimiter)",
                        () -> CsvFormat.builder().delimiter('\n')),
                bad("quote", "quote cannot be CR or LF, was '\\r' (quote)", () -> CsvFormat.builder().quote('\r')),
                bad("quotePolicy", "quotePolicy MINIMAL needs a quote character; set quote(..) or use"
                        + " quotePolicy(NONE) (quotePolicy)", () -> CsvFormat.builder().noQuote().build()),
                bad("quote", "the quote character ';' is also the delimiter; choose different characters (quote)",
                        () -> CsvFormat.builder().delimiter(';').quote(';').build()),
                bad("escape", "the escape character '|' is also the delimiter; choose different characters (escape)",
                        () -> CsvFormat.builder().delimiter('|').escape('|').build()),
                bad("nullString", "the null string 'a,b' contains ','; it must not contain CR, LF, the delimiter or"
                        + " the quote character (nullString)", () -> CsvFormat.builder().nullString("a,b").build()),
                bad("delimiter", "the TSV dialect escapes with a backslash, so the delimiter cannot be '\\';"
                        + " choose another delimiter (delimiter)",
                        () -> CsvFormat.tsv().toBuilder().delimiter('\\').build()),
                bad("timestampPattern", "'yyyy-bb' is not a usable java.time.format.DateTimeFormatter pattern:"
                        + " Unknown pattern letter: b; use letters such as yyyy-MM-dd HH:mm:ss.SSS or"
                        + " yyyy-MM-dd'T'HH:mm:ss.SSSxxx (timestampPattern)",
                        () -> CsvFormat.builder().timestampPattern("yyyy-bb")));
    }

    private static Arguments bad(String option, String message, Supplier<Object> config) {
        return Arguments.of(option, message, config);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badConfigs")
    void builder_badValue_throwsNamingOption(String option, String message, Supplier<Object> config) {
        assertThatThrownBy(config::get)
                .isInstanceOf(FerryConfigException.class)
                .hasMessage(message)
                .asInstanceOf(InstanceOfAssertFactories.type(FerryConfigException.class))
                .extracting(FerryConfigException::option).isEqualTo(option);
    }

    @Test
    void write_manyRowsAcrossBufferBoundaries_keepsEveryByte() {
        Schema s = Schema.of(Column.of("n", ColumnType.LONG), Column.of("s", ColumnType.STRING));
        String longValue = "x\"y".repeat(10_000);
        List<Record> rows = List.of(Record.of(s, 1L, longValue), Record.of(s, 2L, "z"));

        assertThat(Written.text(CsvFormat.csv().toBuilder().header(false).build(), s, rows))
                .isEqualTo("1,\"" + "x\"\"y".repeat(10_000) + "\"\r\n2,z\r\n");
    }
}
