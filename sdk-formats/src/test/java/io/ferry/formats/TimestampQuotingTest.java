package io.ferry.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.csv.QuotePolicy;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default timestamp text ({@code 2024-01-02 03:04:05.678}) is copied to the output without a
 * String; it must still be quoted or escaped wherever a delimiter, quote, escape or null string
 * makes one of its characters special. One case per line: settings, expected line.
 */
class TimestampQuotingTest {
    private static final Schema SCHEMA = Schema.of(Column.of("t", ColumnType.TIMESTAMP),
            Column.of("s", ColumnType.STRING));
    private static final Instant T = Instant.parse("2024-01-02T03:04:05.678Z");

    static Stream<Arguments> cases() {
        return Stream.of(
                row("MINIMAL", b -> b, "2024-01-02 03:04:05.678,x"),
                row("ALL", b -> b.quotePolicy(QuotePolicy.ALL), "\"2024-01-02 03:04:05.678\",\"x\""),
                row("MINIMAL, delimiter space", b -> b.delimiter(' '), "\"2024-01-02 03:04:05.678\" x"),
                row("MINIMAL, delimiter colon", b -> b.delimiter(':'), "\"2024-01-02 03:04:05.678\":x"),
                row("MINIMAL, quote dash (escape stays \")", b -> b.quote('-'), "-2024\"-01\"-02 03:04:05.678-,x"),
                row("MINIMAL, null string is the text", b -> b.nullString("2024-01-02 03:04:05.678"),
                        "\"2024-01-02 03:04:05.678\",x"),
                row("MINIMAL, null string of digits only", b -> b.nullString("0"), "2024-01-02 03:04:05.678,x"),
                row("NONE, escape, delimiter dot", b -> b.quotePolicy(QuotePolicy.NONE).escape('\\').delimiter('.'),
                        "2024-01-02 03:04:05\\.678.x"),
                row("TSV, delimiter space", b -> b.dialect(io.ferry.formats.csv.CsvDialect.TSV).delimiter(' '),
                        "2024-01-02\\ 03:04:05.678 x"),
                row("other pattern", b -> b.timestampPattern("yyyy/MM/dd"), "2024/01/02,x"));
    }

    private static Arguments row(String name, UnaryOperator<CsvFormat.Builder> settings, String line) {
        return Arguments.of(name, settings, line);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void write_defaultTimestampText_quotedOrEscapedAsAnyOtherText(String name,
            UnaryOperator<CsvFormat.Builder> settings, String line) {
        CsvFormat format = settings.apply(CsvFormat.builder().header(false).newline(Newline.LF)).build();

        assertThat(Written.text(format, SCHEMA, T, "x")).isEqualTo(line + "\n");
    }
}
