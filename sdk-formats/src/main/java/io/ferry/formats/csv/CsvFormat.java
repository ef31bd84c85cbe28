package io.ferry.formats.csv;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Schema;
import io.ferry.formats.FileFormat;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.Newline;
import io.ferry.formats.csv.internal.CsvWriter;
import io.ferry.formats.text.internal.TimestampText;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Delimited text: CSV (RFC 4180 quoting) or TSV (backslash escapes), UTF-8. Immutable and safe
 * to share; each {@link #newWriter} call returns a single-threaded writer.
 *
 * <pre>{@code
 * FileFormat csv = CsvFormat.builder().delimiter('|').nullString("NULL").newline(Newline.LF)
 *         .quotePolicy(QuotePolicy.MINIMAL).header(true).build();
 * try (FormatWriter w = csv.newWriter(schema, out)) {
 *     w.write(Record.of(schema, 200L, null));
 * }
 * }</pre>
 *
 * <p>{@link #csv()} and {@link #tsv()} are the defaults of Treasure Data's S3 export:
 * <table>
 *   <caption>Presets</caption>
 *   <tr><th>option</th><th>{@code csv()} (= {@code builder()})</th><th>{@code tsv()}</th></tr>
 *   <tr><td>dialect</td><td>CSV</td><td>TSV</td></tr>
 *   <tr><td>delimiter</td><td>{@code ,}</td><td>tab</td></tr>
 *   <tr><td>quotePolicy</td><td>MINIMAL</td><td>ignored</td></tr>
 *   <tr><td>quote</td><td>{@code "}</td><td>none</td></tr>
 *   <tr><td>escape</td><td>{@code "}</td><td>none</td></tr>
 *   <tr><td>nullString</td><td>empty</td><td>{@code \N}</td></tr>
 *   <tr><td>newline</td><td>CRLF</td><td>CRLF</td></tr>
 *   <tr><td>header</td><td>true</td><td>true</td></tr>
 *   <tr><td>timestampPattern, timestampZone</td><td colspan="2">{@code yyyy-MM-dd HH:mm:ss.SSS}, UTC</td></tr>
 * </table>
 *
 * <p>Value text: LONG in decimal; DOUBLE as Java's shortest digits without an exponent for
 * magnitudes from 1e-7 to below 1e21 ({@code 10000000000.0}), {@code NaN}, {@code Infinity},
 * {@code -Infinity}; BOOLEAN {@code true}/{@code false}; TIMESTAMP with the timestamp pattern
 * in the timestamp zone; STRING as is; JSON as its JSON text. Null is the null string, never
 * quoted, so under {@link QuotePolicy#MINIMAL} with an empty null string an empty value is
 * written {@code ""} and a null one as nothing.
 */
public final class CsvFormat implements FileFormat {
    private static final CsvFormat CSV = new Builder().build();
    private static final CsvFormat TSV = new Builder().dialect(CsvDialect.TSV).delimiter('\t')
            .noQuote().noEscape().nullString("\\N").build();

    private final CsvDialect dialect;
    private final char delimiter;
    private final QuotePolicy quotePolicy;
    private final Character quote;
    private final Character escape;
    private final String nullString;
    private final Newline newline;
    private final boolean header;
    private final TimestampText timestamps;

    private CsvFormat(Builder b) {
        this.dialect = b.dialect;
        this.delimiter = b.delimiter;
        this.quotePolicy = b.quotePolicy;
        this.quote = b.quote;
        this.escape = b.escape;
        this.nullString = b.nullString;
        this.newline = b.newline;
        this.header = b.header;
        this.timestamps = b.timestamps;
    }

    /** {@return Treasure Data's CSV defaults; the same as {@code builder().build()}} See the class table. */
    public static CsvFormat csv() {
        return CSV;
    }

    /** {@return Treasure Data's TSV defaults} See the class table and {@link CsvDialect#TSV}. */
    public static CsvFormat tsv() {
        return TSV;
    }

    /** {@return a builder starting from the {@link #csv()} defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from this format's settings} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return CSV or TSV} */
    public CsvDialect dialect() {
        return dialect;
    }

    /** {@return the character between values} */
    public char delimiter() {
        return delimiter;
    }

    /**
     * When values are quoted (CSV dialect only).
     *
     * @return when values are quoted
     */
    public QuotePolicy quotePolicy() {
        return quotePolicy;
    }

    /** {@return the quote character, if any (CSV dialect only)} */
    public Optional<Character> quote() {
        return Optional.ofNullable(quote);
    }

    /** {@return the escape character, if any (CSV dialect only)} */
    public Optional<Character> escape() {
        return Optional.ofNullable(escape);
    }

    /** {@return the text written for a null value} */
    public String nullString() {
        return nullString;
    }

    /** {@return the line terminator after the header and every record} */
    public Newline newline() {
        return newline;
    }

    /** {@return whether the first line holds the column names} */
    public boolean header() {
        return header;
    }

    /** {@return the {@link java.time.format.DateTimeFormatter} pattern of TIMESTAMP values} */
    public String timestampPattern() {
        return timestamps.pattern();
    }

    /** {@return the zone TIMESTAMP values are shown in} */
    public ZoneId timestampZone() {
        return timestamps.zone();
    }

    /** {@code csv} or {@code tsv}, by dialect. */
    @Override
    public String extension() {
        return dialect.extension();
    }

    /** {@code text/csv} or {@code text/tab-separated-values}, by dialect. */
    @Override
    public String contentType() {
        return dialect.contentType();
    }

    /**
     * Opens a writer; with {@link #header()} the header line is written at once.
     *
     * @throws io.ferry.core.FerryDataException if a column name cannot be written (under
     *                                          QuotePolicy NONE without an escape character)
     */
    @Override
    public FormatWriter newWriter(Schema schema, OutputStream out) {
        return new CsvWriter(this, FerryConfigException.requireNonNull(schema, "schema"), FerryConfigException.requireNonNull(out, "out"));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CsvFormat f)) {
            return false;
        }
        return f.dialect == dialect && f.delimiter == delimiter && f.quotePolicy == quotePolicy
                && Objects.equals(f.quote, quote) && Objects.equals(f.escape, escape)
                && f.nullString.equals(nullString) && f.newline == newline && f.header == header
                && f.timestamps.equals(timestamps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect, delimiter, quotePolicy, quote, escape, nullString, newline, header, timestamps);
    }

    @Override
    public String toString() {
        return "CsvFormat{" + dialect + ", delimiter=" + show(delimiter) + ", quotePolicy=" + quotePolicy
                + ", quote=" + (quote == null ? "none" : show(quote))
                + ", escape=" + (escape == null ? "none" : show(escape))
                + ", nullString='" + nullString + "', newline=" + newline + ", header=" + header
                + ", timestamps=" + timestamps + '}';
    }

    static String show(char c) {
        switch (c) {
            case '\t':
                return "'\\t'";
            case '\r':
                return "'\\r'";
            case '\n':
                return "'\\n'";
            default:
                return "'" + c + "'";
        }
    }

    /** Builds a {@link CsvFormat}; setters reject bad values at once, {@link #build()} checks combinations. */
    public static final class Builder {
        private CsvDialect dialect = CsvDialect.CSV;
        private char delimiter = ',';
        private QuotePolicy quotePolicy = QuotePolicy.MINIMAL;
        private Character quote = '"';
        private Character escape = '"';
        private String nullString = "";
        private Newline newline = Newline.CRLF;
        private boolean header = true;
        private TimestampText timestamps = TimestampText.defaults();

        private Builder() {
        }

        private Builder(CsvFormat f) {
            dialect = f.dialect;
            delimiter = f.delimiter;
            quotePolicy = f.quotePolicy;
            quote = f.quote;
            escape = f.escape;
            nullString = f.nullString;
            newline = f.newline;
            header = f.header;
            timestamps = f.timestamps;
        }

        /**
         * CSV (default) or TSV. Only the quoting style changes; delimiter, null string and the
         * other options stay as set, so start from {@link CsvFormat#tsv()} for TSV defaults.
         *
         * @param dialect CSV (default) or TSV
         * @return this builder
         */
        public Builder dialect(CsvDialect dialect) {
            this.dialect = FerryConfigException.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * The character between values; default {@code ,}. CR and LF are rejected.
         *
         * @param delimiter the character between values
         * @return this builder
         */
        public Builder delimiter(char delimiter) {
            this.delimiter = requireNotLineBreak(delimiter, "delimiter");
            return this;
        }

        /**
         * The delimiter given as text, as in a config file: exactly one character.
         *
         * @param delimiter the delimiter given as text, as in a config file
         * @return this builder
         */
        public Builder delimiter(String delimiter) {
            return delimiter(single(delimiter, "delimiter", ""));
        }

        /**
         * When to quote values (CSV dialect); default {@link QuotePolicy#MINIMAL}.
         *
         * @param quotePolicy when to quote values
         * @return this builder
         */
        public Builder quotePolicy(QuotePolicy quotePolicy) {
            this.quotePolicy = FerryConfigException.requireNonNull(quotePolicy, "quotePolicy");
            return this;
        }

        /**
         * The quote character (CSV dialect); default {@code "}. CR and LF are rejected.
         *
         * @param quote the quote character (CSV dialect)
         * @return this builder
         */
        public Builder quote(char quote) {
            this.quote = requireNotLineBreak(quote, "quote");
            return this;
        }

        /**
         * The quote character given as text, as in a config file: exactly one character.
         *
         * @param quote the quote character given as text, as in a config file
         * @return this builder
         */
        public Builder quote(String quote) {
            return quote(single(quote, "quote", "; call noQuote() for none"));
        }

        /**
         * No quote character; the CSV dialect then needs {@link QuotePolicy#NONE}.
         *
         * @return this builder
         */
        public Builder noQuote() {
            this.quote = null;
            return this;
        }

        /**
         * The character that escapes a quote inside a quoted value (and itself, when it differs
         * from the quote), or, under {@link QuotePolicy#NONE}, every special character; default
         * {@code "}, which doubles quotes as RFC 4180 does. CR and LF are rejected.
         *
         * @param escape the escape character
         * @return this builder
         */
        public Builder escape(char escape) {
            this.escape = requireNotLineBreak(escape, "escape");
            return this;
        }

        /**
         * The escape character given as text, as in a config file: exactly one character.
         *
         * @param escape the escape character given as text, as in a config file
         * @return this builder
         */
        public Builder escape(String escape) {
            return escape(single(escape, "escape", "; call noEscape() for none"));
        }

        /**
         * No escape character: quotes inside quoted values are doubled.
         *
         * @return this builder
         */
        public Builder noEscape() {
            this.escape = null;
            return this;
        }

        /**
         * The text of a null value; default empty. It must not contain CR, LF, the delimiter or
         * the quote character.
         *
         * @param nullString the text of a null value
         * @return this builder
         */
        public Builder nullString(String nullString) {
            this.nullString = FerryConfigException.requireNonNull(nullString, "nullString");
            return this;
        }

        /**
         * The line terminator; default {@link Newline#CRLF}.
         *
         * @param newline the line terminator
         * @return this builder
         */
        public Builder newline(Newline newline) {
            this.newline = FerryConfigException.requireNonNull(newline, "newline");
            return this;
        }

        /**
         * Whether to write the column names as the first line; default true.
         *
         * @param header whether to write the column names as the first line
         * @return this builder
         */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /**
         * The {@link java.time.format.DateTimeFormatter} pattern of TIMESTAMP values; default
         * {@code yyyy-MM-dd HH:mm:ss.SSS} (milliseconds, sub-millisecond digits are cut).
         *
         * @param pattern the {@link java.time.format.DateTimeFormatter} pattern of TIMESTAMP values
         * @return this builder
         * @throws FerryConfigException if the pattern is invalid
         */
        public Builder timestampPattern(String pattern) {
            this.timestamps = timestamps.withPattern(FerryConfigException.requireNonNull(pattern, "timestampPattern"));
            return this;
        }

        /**
         * The zone TIMESTAMP values are shown in; default UTC.
         *
         * @param zone the zone TIMESTAMP values are shown in
         * @return this builder
         */
        public Builder timestampZone(ZoneId zone) {
            this.timestamps = timestamps.withZone(FerryConfigException.requireNonNull(zone, "timestampZone"));
            return this;
        }

        /**
         * Checks the combination and builds.
         *
         * @return the format
         * @throws FerryConfigException if characters clash, the CSV dialect quotes without a
         *                              quote character, or the null string holds a special character
         */
        public CsvFormat build() {
            if (dialect == CsvDialect.CSV) {
                checkCsv();
            } else if (delimiter == '\\') {
                throw new FerryConfigException("delimiter",
                        "the TSV dialect escapes with a backslash, so the delimiter cannot be '\\'; choose another delimiter");
            }
            for (int i = 0; i < nullString.length(); i++) {
                char c = nullString.charAt(i);
                if (c == delimiter || c == '\r' || c == '\n' || (dialect == CsvDialect.CSV && quote != null && c == quote)) {
                    throw new FerryConfigException("nullString", "the null string '" + nullString
                            + "' contains " + show(c) + "; it must not contain CR, LF, the delimiter or the quote character");
                }
            }
            return new CsvFormat(this);
        }

        private void checkCsv() {
            if (quote == null && quotePolicy != QuotePolicy.NONE) {
                throw new FerryConfigException("quotePolicy", "quotePolicy " + quotePolicy
                        + " needs a quote character; set quote(..) or use quotePolicy(NONE)");
            }
            if (quote != null && quote == delimiter) {
                throw new FerryConfigException("quote", "the quote character " + show(quote)
                        + " is also the delimiter; choose different characters");
            }
            if (escape != null && escape == delimiter) {
                throw new FerryConfigException("escape", "the escape character " + show(escape)
                        + " is also the delimiter; choose different characters");
            }
        }

        private static char requireNotLineBreak(char c, String option) {
            if (c == '\r' || c == '\n') {
                throw new FerryConfigException(option, option + " cannot be CR or LF, was " + show(c));
            }
            return c;
        }

        private static char single(String s, String option, String hint) {
            FerryConfigException.requireNonNull(s, option);
            if (s.length() != 1) {
                throw new FerryConfigException(option, option + " must be exactly one character, was \""
                        + s + "\" (" + s.length() + " characters)" + hint);
            }
            return s.charAt(0);
        }
    }
}
