package io.ferry.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.csv.QuotePolicy;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One value per case, written between two plain columns: {@code x<delimiter>VALUE<delimiter>y}.
 * Columns: policy, escape character, null string, value (null = SQL null), expected field text.
 */
class QuotePolicyMatrixTest {
    private static final Schema SCHEMA = Schema.of(Column.of("a", ColumnType.STRING),
            Column.of("v", ColumnType.STRING), Column.of("b", ColumnType.STRING));

    static Stream<Arguments> cases() {
        return Stream.of(
                // MINIMAL, RFC 4180 escaping (escape = quote)
                row(QuotePolicy.MINIMAL, '"', "", "plain", "plain"),
                row(QuotePolicy.MINIMAL, '"', "", "a,b", "\"a,b\""),
                row(QuotePolicy.MINIMAL, '"', "", "a\"b", "\"a\"\"b\""),
                row(QuotePolicy.MINIMAL, '"', "", "a\rb", "\"a\rb\""),
                row(QuotePolicy.MINIMAL, '"', "", "a\nb", "\"a\nb\""),
                row(QuotePolicy.MINIMAL, '"', "", "a\\b", "a\\b"),
                row(QuotePolicy.MINIMAL, '"', "", "日本語 ü 😀", "日本語 ü 😀"),
                row(QuotePolicy.MINIMAL, '"', "", "", "\"\""),
                row(QuotePolicy.MINIMAL, '"', "", null, ""),
                row(QuotePolicy.MINIMAL, '"', "NULL", "", ""),
                row(QuotePolicy.MINIMAL, '"', "NULL", "NULL", "\"NULL\""),
                row(QuotePolicy.MINIMAL, '"', "NULL", null, "NULL"),
                // MINIMAL, backslash escape
                row(QuotePolicy.MINIMAL, '\\', "", "a\"b", "\"a\\\"b\""),
                row(QuotePolicy.MINIMAL, '\\', "", "a\\b", "\"a\\\\b\""),
                row(QuotePolicy.MINIMAL, '\\', "", "a,b", "\"a,b\""),
                // ALL
                row(QuotePolicy.ALL, '"', "", "plain", "\"plain\""),
                row(QuotePolicy.ALL, '"', "", "a,b", "\"a,b\""),
                row(QuotePolicy.ALL, '"', "", "a\"b", "\"a\"\"b\""),
                row(QuotePolicy.ALL, '"', "", "a\rb", "\"a\rb\""),
                row(QuotePolicy.ALL, '"', "", "a\nb", "\"a\nb\""),
                row(QuotePolicy.ALL, '"', "", "a\\b", "\"a\\b\""),
                row(QuotePolicy.ALL, '"', "", "日本語 ü 😀", "\"日本語 ü 😀\""),
                row(QuotePolicy.ALL, '"', "", "", "\"\""),
                row(QuotePolicy.ALL, '"', "", null, ""),
                row(QuotePolicy.ALL, '\\', "", "a\"b\\c", "\"a\\\"b\\\\c\""),
                row(QuotePolicy.ALL, '"', "NULL", null, "NULL"),
                // NONE, backslash escape
                row(QuotePolicy.NONE, '\\', "", "plain", "plain"),
                row(QuotePolicy.NONE, '\\', "", "a,b", "a\\,b"),
                row(QuotePolicy.NONE, '\\', "", "a\"b", "a\\\"b"),
                row(QuotePolicy.NONE, '\\', "", "a\rb", "a\\\rb"),
                row(QuotePolicy.NONE, '\\', "", "a\nb", "a\\\nb"),
                row(QuotePolicy.NONE, '\\', "", "a\\b", "a\\\\b"),
                row(QuotePolicy.NONE, '\\', "", "日本語 ü 😀", "日本語 ü 😀"),
                row(QuotePolicy.NONE, '\\', "", "", ""),
                row(QuotePolicy.NONE, '\\', "", null, ""),
                row(QuotePolicy.NONE, '\\', "\\N", "", ""),
                row(QuotePolicy.NONE, '\\', "\\N", null, "\\N"),
                // NONE with the CSV default escape, the quote character
                row(QuotePolicy.NONE, '"', "", "a,b", "a\",b"),
                row(QuotePolicy.NONE, '"', "", "a\"b", "a\"\"b"));
    }

    private static Arguments row(QuotePolicy policy, char escape, String nullString, String value, String expected) {
        return Arguments.of(policy, escape, nullString, value, expected);
    }

    @ParameterizedTest(name = "{0} escape={1} null=''{2}'': ''{3}'' -> ''{4}''")
    @MethodSource("cases")
    void write_quotesAndEscapesPerPolicy(QuotePolicy policy, char escape, String nullString, String value,
                                         String expected) {
        CsvFormat format = CsvFormat.builder().quotePolicy(policy).escape(escape).nullString(nullString)
                .header(false).newline(Newline.LF).build();
        String x = policy == QuotePolicy.ALL ? "\"x\"" : "x";
        String y = policy == QuotePolicy.ALL ? "\"y\"" : "y";

        assertThat(Written.text(format, SCHEMA, "x", value, "y")).isEqualTo(x + "," + expected + "," + y + "\n");
    }
}
