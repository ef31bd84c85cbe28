package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import io.ferry.formats.Newline;
import io.ferry.formats.read.internal.CsvRecordReader;
import io.ferry.formats.read.internal.JsonRecordReader;
import io.ferry.formats.internal.ParserConfigJson;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to turn the decoded bytes of a CSV, TSV, JSON Lines or JSON file into records: the
 * {@code parser} part of a Treasure Data {@code load.yml}. Immutable and safe to share; it
 * round-trips through JSON ({@link #toJson()}, {@link #fromJson(String)}) so a guessed config can
 * be saved, edited and passed back.
 *
 * <pre>{@code
 * ParserConfig config = ParserConfig.builder()
 *     .type(ParserType.CSV)
 *     .skipHeaderLines(1)
 *     .column("id", ColumnType.LONG)
 *     .column("name", ColumnType.STRING)
 *     .column(ColumnConfig.timestamp("created_at", "%Y-%m-%d %H:%M:%S"))
 *     .build();
 * try (RecordReader reader = config.newReader("data.csv", in)) {
 *     for (Record r = reader.read(); r != null; r = reader.read()) { ... }
 * }
 * }</pre>
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>type</td><td>CSV</td></tr>
 *   <tr><td>charset</td><td>UTF-8 (a byte order mark is skipped)</td></tr>
 *   <tr><td>newline</td><td>CRLF, which also accepts a bare LF; LF and CR accept only themselves</td></tr>
 *   <tr><td>delimiter</td><td>{@code ,} for CSV, tab for TSV</td></tr>
 *   <tr><td>quote</td><td>{@code "}; none disables quoting. A doubled quote inside quotes is one quote.</td></tr>
 *   <tr><td>escape</td><td>none; e.g. {@code \} makes the next character literal</td></tr>
 *   <tr><td>skipHeaderLines</td><td>0 physical lines</td></tr>
 *   <tr><td>nullString</td><td>none; an unquoted empty value is always null</td></tr>
 *   <tr><td>commentLineMarker</td><td>none</td></tr>
 *   <tr><td>trimIfNotQuoted</td><td>false</td></tr>
 *   <tr><td>allowOptionalColumns</td><td>false: a short row is bad; true: missing values are null</td></tr>
 *   <tr><td>allowExtraColumns</td><td>false: a long row is bad; true: extra values are ignored</td></tr>
 *   <tr><td>defaultTimeZone</td><td>UTC</td></tr>
 *   <tr><td>badRows</td><td>{@link BadRowPolicy#FAIL}</td></tr>
 *   <tr><td>badRowSamples</td><td>10 locations kept when skipping</td></tr>
 *   <tr><td>maxRecordSize</td><td>{@value #DEFAULT_MAX_RECORD_SIZE} characters (16 Mi); a longer record is a bad row</td></tr>
 * </table>
 */
public final class ParserConfig {
    /** The default number of bad-row locations kept by {@link BadRowPolicy#SKIP}. */
    public static final int DEFAULT_BAD_ROW_SAMPLES = 10;
    /**
     * The default {@link #maxRecordSize()}: 16 Mi characters. Reading a record keeps a few copies
     * of it (the text being collected, the value, a JSON parser's buffer), so this default keeps a
     * reader well inside a 256 MB heap; 64 Mi did not.
     */
    public static final int DEFAULT_MAX_RECORD_SIZE = 16 * 1024 * 1024;

    private final ParserType type;
    private final Charset charset;
    private final Newline newline;
    private final char delimiter;
    private final Character quote;
    private final Character escape;
    private final int skipHeaderLines;
    private final String nullString;
    private final String commentLineMarker;
    private final boolean trimIfNotQuoted;
    private final boolean allowOptionalColumns;
    private final boolean allowExtraColumns;
    private final ZoneId defaultTimeZone;
    private final BadRowPolicy badRows;
    private final int badRowSamples;
    private final int maxRecordSize;
    private final List<ColumnConfig> columns;
    private final Schema schema;

    private ParserConfig(Builder b) {
        this.type = b.type;
        this.charset = b.charset;
        this.newline = b.newline;
        this.delimiter = b.resolvedDelimiter();
        this.quote = b.quote;
        this.escape = b.escape;
        this.skipHeaderLines = b.skipHeaderLines;
        this.nullString = b.nullString;
        this.commentLineMarker = b.commentLineMarker;
        this.trimIfNotQuoted = b.trimIfNotQuoted;
        this.allowOptionalColumns = b.allowOptionalColumns;
        this.allowExtraColumns = b.allowExtraColumns;
        this.defaultTimeZone = b.defaultTimeZone;
        this.badRows = b.badRows;
        this.badRowSamples = b.badRowSamples;
        this.maxRecordSize = b.maxRecordSize;
        this.columns = List.copyOf(b.columns);
        this.schema = Schema.of(columns.stream().map(ColumnConfig::toColumn).toList());
    }

    /** {@return a new builder with the defaults above; at least one column is required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this config's settings} */
    public Builder toBuilder() {
        Builder b = new Builder().type(type).charset(charset).newline(newline).delimiter(delimiter)
                .skipHeaderLines(skipHeaderLines).nullString(nullString).commentLineMarker(commentLineMarker)
                .trimIfNotQuoted(trimIfNotQuoted).allowOptionalColumns(allowOptionalColumns)
                .allowExtraColumns(allowExtraColumns).defaultTimeZone(defaultTimeZone).badRows(badRows)
                .badRowSamples(badRowSamples).maxRecordSize(maxRecordSize).columns(columns);
        b.quote = quote;
        b.escape = escape;
        return b;
    }

    /**
     * Reads a config written by {@link #toJson()} (snake_case keys as in a {@code load.yml}
     * parser section).
     *
     * @param json the JSON text
     * @return the config
     * @throws FerryConfigException naming the key at fault if the JSON is not a valid config
     */
    public static ParserConfig fromJson(String json) {
        return ParserConfigJson.read(FerryConfigException.requireNonNull(json, "json"));
    }

    /** {@return this config as a JSON object; {@link #fromJson(String)} reads it back to an equal config} */
    public String toJson() {
        return ParserConfigJson.write(this);
    }

    /**
     * Opens a reader of {@code in} (already decompressed). The reader owns the stream and closes
     * it. {@code source} names the data in errors and bad-row reports (an object key, a file name).
     *
     * @param source the name of the data in errors and reports
     * @param in the data, already decompressed
     * @return the reader
     */
    public RecordReader newReader(String source, InputStream in) {
        FerryConfigException.requireNonNull(source, "source");
        FerryConfigException.requireNonNull(in, "in");
        return type.isDelimited() ? new CsvRecordReader(this, source, in) : new JsonRecordReader(this, source, in);
    }

    /** {@return the schema of the records this config produces: the columns in order} */
    public Schema schema() {
        return schema;
    }

    /** {@return the file layout} */
    public ParserType type() {
        return type;
    }

    /** {@return the character set of the text} */
    public Charset charset() {
        return charset;
    }

    /** {@return the line terminator of delimited text} */
    public Newline newline() {
        return newline;
    }

    /** {@return the field delimiter of delimited text} */
    public char delimiter() {
        return delimiter;
    }

    /** {@return the quote character, or empty when quoting is off} */
    public Optional<Character> quote() {
        return Optional.ofNullable(quote);
    }

    /** {@return the escape character, or empty when there is none} */
    public Optional<Character> escape() {
        return Optional.ofNullable(escape);
    }

    /** {@return the number of physical lines skipped at the start of each file} */
    public int skipHeaderLines() {
        return skipHeaderLines;
    }

    /** {@return the unquoted text that means null, if any} */
    public Optional<String> nullString() {
        return Optional.ofNullable(nullString);
    }

    /** {@return the prefix of lines that are skipped as comments, if any} */
    public Optional<String> commentLineMarker() {
        return Optional.ofNullable(commentLineMarker);
    }

    /** {@return whether unquoted values are trimmed of spaces and tabs} */
    public boolean trimIfNotQuoted() {
        return trimIfNotQuoted;
    }

    /** {@return whether a row with fewer values than columns gets nulls instead of being bad} */
    public boolean allowOptionalColumns() {
        return allowOptionalColumns;
    }

    /** {@return whether values beyond the last column are ignored instead of making the row bad} */
    public boolean allowExtraColumns() {
        return allowExtraColumns;
    }

    /** {@return the zone of timestamps that carry no offset} */
    public ZoneId defaultTimeZone() {
        return defaultTimeZone;
    }

    /** {@return what happens to a bad row} */
    public BadRowPolicy badRows() {
        return badRows;
    }

    /** {@return how many bad-row locations {@link BadRowPolicy#SKIP} keeps} */
    public int badRowSamples() {
        return badRowSamples;
    }

    /**
     * {@return the most characters one record may have: a CSV/TSV record (line breaks inside quoted values
     * included), a JSON Lines line, a JSON object, or one JSON string value}
     */
    public int maxRecordSize() {
        return maxRecordSize;
    }

    /** {@return the columns, in order; an unmodifiable list} */
    public List<ColumnConfig> columns() {
        return columns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParserConfig c && c.type == type && c.charset.equals(charset) && c.newline == newline
                && c.delimiter == delimiter && Objects.equals(c.quote, quote) && Objects.equals(c.escape, escape)
                && c.skipHeaderLines == skipHeaderLines && Objects.equals(c.nullString, nullString)
                && Objects.equals(c.commentLineMarker, commentLineMarker) && c.trimIfNotQuoted == trimIfNotQuoted
                && c.allowOptionalColumns == allowOptionalColumns && c.allowExtraColumns == allowExtraColumns
                && c.defaultTimeZone.equals(defaultTimeZone) && c.badRows == badRows
                && c.badRowSamples == badRowSamples && c.maxRecordSize == maxRecordSize && c.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, charset, newline, delimiter, quote, escape, skipHeaderLines, nullString,
                commentLineMarker, trimIfNotQuoted, allowOptionalColumns, allowExtraColumns, defaultTimeZone, badRows,
                badRowSamples, maxRecordSize, columns);
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Builds a {@link ParserConfig}. Setters reject impossible values at once. Not thread-safe. */
    public static final class Builder {
        private ParserType type = ParserType.CSV;
        private Charset charset = StandardCharsets.UTF_8;
        private Newline newline = Newline.CRLF;
        private Character delimiter;
        private Character quote = '"';
        private Character escape;
        private int skipHeaderLines;
        private String nullString;
        private String commentLineMarker;
        private boolean trimIfNotQuoted;
        private boolean allowOptionalColumns;
        private boolean allowExtraColumns;
        private ZoneId defaultTimeZone = ZoneId.of("UTC");
        private BadRowPolicy badRows = BadRowPolicy.FAIL;
        private int badRowSamples = DEFAULT_BAD_ROW_SAMPLES;
        private int maxRecordSize = DEFAULT_MAX_RECORD_SIZE;
        private final List<ColumnConfig> columns = new ArrayList<>();

        private Builder() {
        }

        private char resolvedDelimiter() {
            return delimiter != null ? delimiter : (type == ParserType.TSV ? '\t' : ',');
        }

        /**
         * The file layout; default CSV.
         *
         * @param type the file layout
         * @return this builder
         */
        public Builder type(ParserType type) {
            this.type = FerryConfigException.requireNonNull(type, "type");
            return this;
        }

        /**
         * The character set; default UTF-8.
         *
         * @param charset the character set
         * @return this builder
         */
        public Builder charset(Charset charset) {
            this.charset = FerryConfigException.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * The line terminator; default CRLF (which also accepts LF).
         *
         * @param newline the line terminator
         * @return this builder
         */
        public Builder newline(Newline newline) {
            this.newline = FerryConfigException.requireNonNull(newline, "newline");
            return this;
        }

        /**
         * The field delimiter; default {@code ,} for CSV and tab for TSV.
         *
         * @param delimiter the field delimiter
         * @return this builder
         */
        public Builder delimiter(char delimiter) {
            if (delimiter == '\r' || delimiter == '\n') {
                throw new FerryConfigException("delimiter", "the delimiter cannot be a line break");
            }
            this.delimiter = delimiter;
            return this;
        }

        /**
         * The quote character; default {@code "}.
         *
         * @param quote the quote character
         * @return this builder
         */
        public Builder quote(char quote) {
            this.quote = quote;
            return this;
        }

        /**
         * Turns quoting off: quote characters are ordinary text.
         *
         * @return this builder
         */
        public Builder noQuote() {
            this.quote = null;
            return this;
        }

        /**
         * The escape character, which makes the next character literal; default none.
         *
         * @param escape the escape character, which makes the next character literal
         * @return this builder
         */
        public Builder escape(char escape) {
            this.escape = escape;
            return this;
        }

        /**
         * Removes the escape character (the default).
         *
         * @return this builder
         */
        public Builder noEscape() {
            this.escape = null;
            return this;
        }

        /**
         * Physical lines skipped at the start of each file; default 0.
         *
         * @param lines physical lines skipped at the start of each file
         * @return this builder
         */
        public Builder skipHeaderLines(int lines) {
            if (lines < 0) {
                throw new FerryConfigException("skipHeaderLines", "must be 0 or more, was " + lines);
            }
            this.skipHeaderLines = lines;
            return this;
        }

        /**
         * The unquoted text that means null, e.g. {@code \N}; null for none (the default).
         *
         * @param nullString the unquoted text that means null
         * @return this builder
         */
        public Builder nullString(String nullString) {
            this.nullString = nullString;
            return this;
        }

        /**
         * Lines starting with this text are skipped; null or empty for none (the default).
         *
         * @param marker lines starting with this text are skipped
         * @return this builder
         */
        public Builder commentLineMarker(String marker) {
            this.commentLineMarker = marker == null || marker.isEmpty() ? null : marker;
            return this;
        }

        /**
         * Whether unquoted values are trimmed of spaces and tabs; default false.
         *
         * @param trim whether unquoted values are trimmed of spaces and tabs
         * @return this builder
         */
        public Builder trimIfNotQuoted(boolean trim) {
            this.trimIfNotQuoted = trim;
            return this;
        }

        /**
         * Whether short rows get nulls for the missing values; default false (a short row is bad).
         *
         * @param allow whether short rows get nulls for the missing values
         * @return this builder
         */
        public Builder allowOptionalColumns(boolean allow) {
            this.allowOptionalColumns = allow;
            return this;
        }

        /**
         * Whether values beyond the last column are ignored; default false (a long row is bad).
         *
         * @param allow whether values beyond the last column are ignored
         * @return this builder
         */
        public Builder allowExtraColumns(boolean allow) {
            this.allowExtraColumns = allow;
            return this;
        }

        /**
         * The zone of timestamps without an offset; default UTC.
         *
         * @param zone the zone of timestamps without an offset
         * @return this builder
         */
        public Builder defaultTimeZone(ZoneId zone) {
            this.defaultTimeZone = FerryConfigException.requireNonNull(zone, "defaultTimeZone");
            return this;
        }

        /**
         * What happens to a bad row; default {@link BadRowPolicy#FAIL}.
         *
         * @param policy what happens to a bad row
         * @return this builder
         */
        public Builder badRows(BadRowPolicy policy) {
            this.badRows = FerryConfigException.requireNonNull(policy, "badRows");
            return this;
        }

        /**
         * How many bad-row locations {@link BadRowPolicy#SKIP} keeps; default 10.
         *
         * @param samples how many bad-row locations {@link BadRowPolicy#SKIP} keeps
         * @return this builder
         */
        public Builder badRowSamples(int samples) {
            if (samples < 0) {
                throw new FerryConfigException("badRowSamples", "must be 0 or more, was " + samples);
            }
            this.badRowSamples = samples;
            return this;
        }

        /**
         * The most characters one record may have; default {@value ParserConfig#DEFAULT_MAX_RECORD_SIZE} (16 Mi).
         * A longer record (a CSV/TSV record with its quoted line breaks, a JSON Lines line, a JSON
         * object or one JSON string) is a bad row: {@link BadRowPolicy#FAIL} throws a
         * {@link io.ferry.core.FerryDataException} with its line, {@link BadRowPolicy#SKIP} skips it
         * without keeping it in memory. Bounds the memory a reader needs.
         *
         * @param characters the most characters one record may have
         * @return this builder
         */
        public Builder maxRecordSize(int characters) {
            if (characters < 1) {
                throw new FerryConfigException("maxRecordSize", "must be 1 or more characters, was " + characters);
            }
            this.maxRecordSize = characters;
            return this;
        }

        /**
         * Appends a column.
         *
         * @param column the column to append
         * @return this builder
         */
        public Builder column(ColumnConfig column) {
            columns.add(FerryConfigException.requireNonNull(column, "column"));
            return this;
        }

        /**
         * Appends a column without a format.
         *
         * @param name the column name
         * @param type the column type
         * @return this builder
         */
        public Builder column(String name, ColumnType type) {
            return column(ColumnConfig.of(name, type));
        }

        /**
         * Appends a column built by {@code spec}.
         *
         * @param spec sets the column's options on a builder
         * @return this builder
         */
        public Builder column(Consumer<ColumnConfig.Builder> spec) {
            ColumnConfig.Builder b = ColumnConfig.builder();
            FerryConfigException.requireNonNull(spec, "column").accept(b);
            return column(b.build());
        }

        /**
         * Replaces the columns.
         *
         * @param columns the new columns
         * @return this builder
         */
        public Builder columns(List<ColumnConfig> columns) {
            List<ColumnConfig> copy = List.copyOf(FerryConfigException.requireNonNull(columns, "columns"));
            this.columns.clear();
            this.columns.addAll(copy);
            return this;
        }

        /**
         * @return the config
         * @throws FerryConfigException if there are no columns, names repeat, or the delimiter,
         *                              quote and escape clash
         */
        public ParserConfig build() {
            if (columns.isEmpty()) {
                throw new FerryConfigException("columns",
                        "at least one column is needed; list the columns or run guess() to infer them");
            }
            Set<String> names = new HashSet<>();
            for (ColumnConfig c : columns) {
                if (!names.add(c.name())) {
                    throw new FerryConfigException("columns", "column name '" + c.name()
                            + "' appears twice; rename one of them");
                }
            }
            if (type.isDelimited()) {
                notDelimiter("quote", quote);
                notDelimiter("escape", escape);
            }
            return new ParserConfig(this);
        }

        private void notDelimiter(String option, Character c) {
            char d = resolvedDelimiter();
            if (c != null && c == d) {
                throw new FerryConfigException(option, "the " + option + " and the delimiter are both '" + d
                        + "'; choose different characters");
            }
        }
    }
}
