package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import io.ferry.formats.Newline;
import io.ferry.formats.internal.ParserConfigJson;
import io.ferry.formats.read.internal.CsvRecordReader;
import io.ferry.formats.read.internal.JsonRecordReader;
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
 * be saved, edited and passed back, and {@link #fromJson(String)} reads a {@code load.yml} parser
 * section with Embulk's defaults.
 *
 * <pre>{@code
 * ParserConfig config = ParserConfig.builder()
 *     .type(ParserType.CSV)
 *     .skipHeaderLines(1)
 *     .csv(c -> c.maxQuotedSize(131072))
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
 *   <tr><td>csv</td><td>{@link CsvOptions}: delimiter, quote, escape (none), null string, ...</td></tr>
 *   <tr><td>json</td><td>{@link JsonOptions}: root, flattenJsonArray, invalidStringEscapes</td></tr>
 *   <tr><td>defaultTimeZone</td><td>UTC</td></tr>
 *   <tr><td>badRows</td><td>{@link BadRowPolicy#FAIL}</td></tr>
 *   <tr><td>badRowSamples</td><td>10 locations kept when skipping</td></tr>
 *   <tr><td>maxRecordSize</td><td>{@value #DEFAULT_MAX_RECORD_SIZE} characters (16 Mi); a longer record is a bad row</td></tr>
 *   <tr><td>columns</td><td>required for CSV and TSV; for JSON none means one JSON column {@value #RECORD_COLUMN} holding each record</td></tr>
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
    /** The name of the one JSON column that holds the whole record when a JSON config lists no columns. */
    public static final String RECORD_COLUMN = "record";

    private final ParserType type;
    private final Charset charset;
    private final Newline newline;
    private final CsvOptions csv;
    private final JsonOptions json;
    private final ZoneId defaultTimeZone;
    private final BadRowPolicy badRows;
    private final int badRowSamples;
    private final int maxRecordSize;
    private final List<ColumnConfig> columns;
    private final Schema schema;

    private ParserConfig(Builder b, List<ColumnConfig> columns) {
        this.type = b.type;
        this.charset = b.charset;
        this.newline = b.newline;
        // the options of the other layout do not apply: defaults, so that equal readers are equal configs
        CsvOptions.Builder c = type.isDelimited() ? b.csv.build().toBuilder() : CsvOptions.builder();
        this.csv = c.delimiter(b.resolvedDelimiter()).build();
        this.json = type.isDelimited() ? JsonOptions.defaults() : b.json;
        this.defaultTimeZone = b.defaultTimeZone;
        this.badRows = b.badRows;
        this.badRowSamples = b.badRowSamples;
        this.maxRecordSize = b.maxRecordSize;
        this.columns = List.copyOf(columns);
        this.schema = Schema.of(this.columns.stream().map(ColumnConfig::toColumn).toList());
    }

    /** {@return a new builder with the defaults above; CSV and TSV need at least one column} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this config's settings} */
    public Builder toBuilder() {
        return new Builder().type(type).charset(charset).newline(newline).csv(csv).json(json)
                .defaultTimeZone(defaultTimeZone).badRows(badRows).badRowSamples(badRowSamples)
                .maxRecordSize(maxRecordSize).columns(columns);
    }

    /**
     * Reads a parser config from JSON with snake_case keys: one written by {@link #toJson()}, or
     * the {@code parser} section of an Embulk / Treasure Data {@code load.yml} converted to JSON.
     * A section of {@code type} {@code csv} or {@code json} that has none of Ferry's own keys
     * ({@code bad_rows}, {@code bad_row_samples}, {@code max_record_size}, {@code escape_mode},
     * {@code null_rule}) is read with Embulk's defaults: escape {@code \} applied only in quotes,
     * only the null string is null, a quoted value of at most 131072 characters, and invalid rows
     * skipped unless {@code stop_on_invalid_record} is true. Everything else reads with Ferry's
     * defaults, so {@link #toJson()} output reads back to an equal config.
     *
     * @param json the JSON text
     * @return the config
     * @throws FerryConfigException naming the key at fault if the JSON is not a valid config
     */
    public static ParserConfig fromJson(String json) {
        return ParserConfigJson.read(FerryConfigException.requireNonNull(json, "json"));
    }

    /** {@return this config as a JSON object with Ferry's keys; {@link #fromJson(String)} reads it back to an equal config} */
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

    /** {@return the options of delimited text (the defaults for JSON types); its delimiter is always set} */
    public CsvOptions csv() {
        return csv;
    }

    /** {@return the options of JSON and JSON Lines (the defaults for CSV and TSV)} */
    public JsonOptions json() {
        return json;
    }

    /** {@return the field delimiter of delimited text} */
    public char delimiter() {
        return csv.delimiter().orElseThrow();
    }

    /** {@return the quote character, or empty when quoting is off; same as {@code csv().quote()}} */
    public Optional<Character> quote() {
        return csv.quote();
    }

    /** {@return the escape character, or empty when there is none; same as {@code csv().escape()}} */
    public Optional<Character> escape() {
        return csv.escape();
    }

    /** {@return the number of physical lines skipped at the start of each file} */
    public int skipHeaderLines() {
        return csv.skipHeaderLines();
    }

    /** {@return the text that means null, if any} */
    public Optional<String> nullString() {
        return csv.nullString();
    }

    /** {@return the prefix of lines that are skipped as comments, if any} */
    public Optional<String> commentLineMarker() {
        return csv.commentLineMarker();
    }

    /** {@return whether unquoted values are trimmed of spaces and tabs} */
    public boolean trimIfNotQuoted() {
        return csv.trimIfNotQuoted();
    }

    /** {@return whether a row with fewer values than columns gets nulls instead of being bad} */
    public boolean allowOptionalColumns() {
        return csv.allowOptionalColumns();
    }

    /** {@return whether values beyond the last column are ignored instead of making the row bad} */
    public boolean allowExtraColumns() {
        return csv.allowExtraColumns();
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
                && c.csv.equals(csv) && c.json.equals(json) && c.defaultTimeZone.equals(defaultTimeZone)
                && c.badRows == badRows && c.badRowSamples == badRowSamples && c.maxRecordSize == maxRecordSize
                && c.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, charset, newline, csv, json, defaultTimeZone, badRows, badRowSamples, maxRecordSize,
                columns);
    }

    @Override
    public String toString() {
        return toJson();
    }

    /**
     * Builds a {@link ParserConfig}. Setters reject impossible values at once. The CSV setters
     * here ({@link #quote(char)}, {@link #escape(char)}, ...) are short forms of
     * {@link #csv(Consumer)}. Not thread-safe.
     */
    public static final class Builder extends CsvShortcuts {
        private ParserType type = ParserType.CSV;
        private Charset charset = StandardCharsets.UTF_8;
        private Newline newline = Newline.CRLF;
        private CsvOptions.Builder csv = CsvOptions.builder();
        private JsonOptions json = JsonOptions.defaults();
        private ZoneId defaultTimeZone = ZoneId.of("UTC");
        private BadRowPolicy badRows = BadRowPolicy.FAIL;
        private int badRowSamples = DEFAULT_BAD_ROW_SAMPLES;
        private int maxRecordSize = DEFAULT_MAX_RECORD_SIZE;
        private final List<ColumnConfig> columns = new ArrayList<>();

        private Builder() {
        }

        @Override
        CsvOptions.Builder csvBuilder() {
            return csv;
        }

        @Override
        Builder self() {
            return this;
        }

        private char resolvedDelimiter() {
            Character d = csv.delimiterOrNull();
            return d != null ? d : (type == ParserType.TSV ? '\t' : ',');
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
         * Replaces the options of delimited text.
         *
         * @param options the options of delimited text
         * @return this builder
         */
        public Builder csv(CsvOptions options) {
            this.csv = FerryConfigException.requireNonNull(options, "csv").toBuilder();
            return this;
        }

        /**
         * Edits the options of delimited text, e.g. {@code .csv(c -> c.escape('\\').maxQuotedSize(131072))}.
         *
         * @param edit sets options on the current CSV options' builder
         * @return this builder
         */
        public Builder csv(Consumer<CsvOptions.Builder> edit) {
            FerryConfigException.requireNonNull(edit, "csv").accept(csv);
            return this;
        }

        /**
         * Replaces the options of JSON and JSON Lines.
         *
         * @param options the options of JSON and JSON Lines
         * @return this builder
         */
        public Builder json(JsonOptions options) {
            this.json = FerryConfigException.requireNonNull(options, "json");
            return this;
        }

        /**
         * Edits the options of JSON and JSON Lines, e.g. {@code .json(j -> j.root("/data"))}.
         *
         * @param edit sets options on a builder holding the current JSON options
         * @return this builder
         */
        public Builder json(Consumer<JsonOptions.Builder> edit) {
            JsonOptions.Builder b = json.toBuilder();
            FerryConfigException.requireNonNull(edit, "json").accept(b);
            this.json = b.build();
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
         * @throws FerryConfigException if CSV or TSV has no columns, names repeat, the delimiter,
         *                              quote and escape clash, or a CSV column has an element_at
         */
        public ParserConfig build() {
            List<ColumnConfig> list = columns;
            if (list.isEmpty() && !type.isDelimited()) {
                list = List.of(ColumnConfig.builder().name(RECORD_COLUMN).type(ColumnType.JSON).elementAt("").build());
            }
            if (list.isEmpty()) {
                throw new FerryConfigException("columns",
                        "at least one column is needed; list the columns or run guess() to infer them");
            }
            Set<String> names = new HashSet<>();
            for (ColumnConfig c : list) {
                if (!names.add(c.name())) {
                    throw new FerryConfigException("columns", "column name '" + c.name()
                            + "' appears twice; rename one of them");
                }
                if (type.isDelimited() && c.elementAt().isPresent()) {
                    throw new FerryConfigException("columns.element_at", "column '" + c.name() + "' has element_at '"
                            + c.elementAt().get() + "', which applies only to json and jsonl; remove it");
                }
            }
            if (type.isDelimited()) {
                notDelimiter("quote", csv.quoteOrNull());
                notDelimiter("escape", csv.escapeOrNull());
            }
            return new ParserConfig(this, list);
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
