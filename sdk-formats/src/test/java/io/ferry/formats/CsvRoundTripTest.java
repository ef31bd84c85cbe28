package io.ferry.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.csv.QuotePolicy;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style round trips: thousands of seeded random rows full of delimiters, quotes,
 * backslashes, line breaks, unicode, empty strings and nulls, written by Ferry and read back by
 * an independent reader (commons-csv for CSV, a plain splitter for TSV) equal the input.
 */
class CsvRoundTripTest {
    private static final int ROWS = 3000;
    private static final Schema SCHEMA = Schema.of(Column.of("c1", ColumnType.STRING),
            Column.of("c,2", ColumnType.STRING), Column.of("c\"3", ColumnType.STRING), Column.of("c4", ColumnType.STRING));

    static Stream<Arguments> csvFormats() {
        return Stream.of(
                Arguments.of("defaults", CsvFormat.csv(), reader(',', null, "")),
                Arguments.of("ALL", CsvFormat.builder().quotePolicy(QuotePolicy.ALL).build(), reader(',', null, "")),
                Arguments.of("MINIMAL backslash ; NULL LF",
                        CsvFormat.builder().delimiter(';').escape('\\').nullString("NULL").newline(Newline.LF).build(),
                        reader(';', '\\', "NULL")),
                Arguments.of("ALL backslash tab CR",
                        CsvFormat.builder().quotePolicy(QuotePolicy.ALL).delimiter('\t').escape('\\').newline(Newline.CR)
                                .build(),
                        reader('\t', '\\', "")),
                Arguments.of("NONE backslash \\N",
                        CsvFormat.builder().quotePolicy(QuotePolicy.NONE).escape('\\').nullString("\\N").build(),
                        reader(',', '\\', "\\N")));
    }

    private static CSVFormat reader(char delimiter, Character escape, String nullString) {
        // ALL_NON_NULL makes the parser keep a quoted field equal to the null string as a value.
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote('"').setEscape(escape)
                .setNullString(nullString).setQuoteMode(QuoteMode.ALL_NON_NULL).setIgnoreEmptyLines(false).get();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csvFormats")
    void csv_randomRows_readBackByCommonsCsvEqualInput(String name, CsvFormat format, CSVFormat readerFormat) {
        // Only NONE cannot tell a value equal to the null string from null; the others must.
        String avoid = format.quotePolicy() == QuotePolicy.NONE ? format.nullString() : null;
        List<Object[]> rows = new RandomRows(name.hashCode()).stringRows(ROWS, SCHEMA.size(), avoid);
        String text = Written.text(format, SCHEMA, records(rows));

        List<List<String>> read = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), readerFormat)) {
            for (CSVRecord r : parser) {
                read.add(r.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        assertThat(read.get(0)).containsExactlyElementsOf(SCHEMA.names());
        assertThat(read.subList(1, read.size())).containsExactlyElementsOf(asLists(rows));
    }

    static Stream<Arguments> tsvFormats() {
        return Stream.of(
                Arguments.of(CsvFormat.tsv()),
                Arguments.of(CsvFormat.tsv().toBuilder().delimiter('|').newline(Newline.LF).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tsvFormats")
    void tsv_randomRows_readBackBySplittingAndUnescapingEqualInput(CsvFormat format) {
        // The null string \N cannot collide: a value \N is written \\N.
        List<Object[]> rows = new RandomRows(format.delimiter()).stringRows(ROWS, SCHEMA.size(), null);
        String text = Written.text(format, SCHEMA, records(rows));

        String[] lines = text.split(format.newline().chars(), -1);
        assertThat(lines).hasSize(ROWS + 2);
        assertThat(lines[ROWS + 1]).isEmpty();
        assertThat(splitTsv(lines[0], format)).containsExactlyElementsOf(SCHEMA.names());
        List<List<String>> read = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            read.add(splitTsv(lines[i], format));
        }
        assertThat(read).containsExactlyElementsOf(asLists(rows));
    }

    /** Splits at unescaped delimiters, maps the raw null string to null, then unescapes. */
    private static List<String> splitTsv(String line, CsvFormat format) {
        List<String> fields = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == format.delimiter()) {
                fields.add(raw.toString().equals(format.nullString()) ? null : value.toString());
                raw.setLength(0);
                value.setLength(0);
            } else if (line.charAt(i) == '\\') {
                char next = line.charAt(++i);
                raw.append('\\').append(next);
                value.append(next == 't' ? '\t' : next == 'r' ? '\r' : next == 'n' ? '\n' : next);
            } else {
                raw.append(line.charAt(i));
                value.append(line.charAt(i));
            }
        }
        return fields;
    }

    private static List<Record> records(List<Object[]> rows) {
        return rows.stream().map(r -> Record.of(SCHEMA, r)).collect(Collectors.toList());
    }

    private static List<List<String>> asLists(List<Object[]> rows) {
        List<List<String>> lists = new ArrayList<>();
        for (Object[] row : rows) {
            List<String> l = new ArrayList<>();
            for (Object v : row) {
                l.add((String) v);
            }
            lists.add(l);
        }
        return lists;
    }
}
