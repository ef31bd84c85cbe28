package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The options of a {@link ParserConfig} that apply to delimited text (CSV and TSV). Immutable and
 * safe to share. Set them on a parser config with
 * {@code ParserConfig.builder().csv(c -> c.escape('\\').maxQuotedSize(131072))}; the older flat
 * setters of {@link ParserConfig.Builder} ({@code quote}, {@code escape}, ...) set the same values.
 *
 * <table>
 *   <caption>Options and defaults (Ferry's builder; a {@code load.yml} config reads with Embulk's, see {@link ParserConfig#fromJson(String)})</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>delimiter</td><td>{@code ,} for CSV, tab for TSV</td></tr>
 *   <tr><td>quote</td><td>{@code "}; none disables quoting. A doubled quote inside quotes is one quote.</td></tr>
 *   <tr><td>escape</td><td>none</td></tr>
 *   <tr><td>escapeMode</td><td>{@link EscapeMode#NEXT_CHARACTER}</td></tr>
 *   <tr><td>quotesInQuotedFields</td><td>{@link QuotesInQuotedFields#ACCEPT_ONLY_RFC4180_ESCAPED}</td></tr>
 *   <tr><td>maxQuotedSize</td><td>none: a quoted value is bounded only by the maximum record size</td></tr>
 *   <tr><td>skipHeaderLines</td><td>0 physical lines</td></tr>
 *   <tr><td>nullString</td><td>none</td></tr>
 *   <tr><td>nullRule</td><td>{@link NullRule#EMPTY_OR_NULL_STRING}: an unquoted empty value is null</td></tr>
 *   <tr><td>commentLineMarker</td><td>none</td></tr>
 *   <tr><td>trimIfNotQuoted</td><td>false</td></tr>
 *   <tr><td>allowOptionalColumns</td><td>false: a short row is bad; true: missing values are null</td></tr>
 *   <tr><td>allowExtraColumns</td><td>false: a long row is bad; true: extra values are ignored</td></tr>
 * </table>
 */
public final class CsvOptions {
    private static final CsvOptions DEFAULTS = builder().build();

    private final Character delimiter;
    private final Character quote;
    private final Character escape;
    private final EscapeMode escapeMode;
    private final QuotesInQuotedFields quotesInQuotedFields;
    private final Integer maxQuotedSize;
    private final int skipHeaderLines;
    private final String nullString;
    private final NullRule nullRule;
    private final String commentLineMarker;
    private final boolean trimIfNotQuoted;
    private final boolean allowOptionalColumns;
    private final boolean allowExtraColumns;

    private CsvOptions(Builder b) {
        this.delimiter = b.delimiter;
        this.quote = b.quote;
        this.escape = b.escape;
        this.escapeMode = b.escapeMode;
        this.quotesInQuotedFields = b.quotesInQuotedFields;
        this.maxQuotedSize = b.maxQuotedSize;
        this.skipHeaderLines = b.skipHeaderLines;
        this.nullString = b.nullString;
        this.nullRule = b.nullRule;
        this.commentLineMarker = b.commentLineMarker;
        this.trimIfNotQuoted = b.trimIfNotQuoted;
        this.allowOptionalColumns = b.allowOptionalColumns;
        this.allowExtraColumns = b.allowExtraColumns;
    }

    /** {@return the options with Ferry's defaults} */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a new builder with Ferry's defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.delimiter = delimiter;
        b.quote = quote;
        b.escape = escape;
        b.escapeMode = escapeMode;
        b.quotesInQuotedFields = quotesInQuotedFields;
        b.maxQuotedSize = maxQuotedSize;
        b.skipHeaderLines = skipHeaderLines;
        b.nullString = nullString;
        b.nullRule = nullRule;
        b.commentLineMarker = commentLineMarker;
        b.trimIfNotQuoted = trimIfNotQuoted;
        b.allowOptionalColumns = allowOptionalColumns;
        b.allowExtraColumns = allowExtraColumns;
        return b;
    }

    /** {@return the delimiter, or empty to use the parser type's ({@code ,} for CSV, tab for TSV)} */
    public Optional<Character> delimiter() {
        return Optional.ofNullable(delimiter);
    }

    /** {@return the quote character, or empty when quoting is off} */
    public Optional<Character> quote() {
        return Optional.ofNullable(quote);
    }

    /** {@return the escape character, or empty when there is none} */
    public Optional<Character> escape() {
        return Optional.ofNullable(escape);
    }

    /** {@return where the escape character applies} */
    public EscapeMode escapeMode() {
        return escapeMode;
    }

    /** {@return how a quote inside a quoted value is read} */
    public QuotesInQuotedFields quotesInQuotedFields() {
        return quotesInQuotedFields;
    }

    /** {@return the most characters one quoted value may have, or empty for no limit of its own} */
    public OptionalInt maxQuotedSize() {
        return maxQuotedSize == null ? OptionalInt.empty() : OptionalInt.of(maxQuotedSize);
    }

    /** {@return the number of physical lines skipped at the start of each file} */
    public int skipHeaderLines() {
        return skipHeaderLines;
    }

    /** {@return the text that means null, if any} */
    public Optional<String> nullString() {
        return Optional.ofNullable(nullString);
    }

    /** {@return which values read as null} */
    public NullRule nullRule() {
        return nullRule;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvOptions c && Objects.equals(c.delimiter, delimiter) && Objects.equals(c.quote, quote)
                && Objects.equals(c.escape, escape) && c.escapeMode == escapeMode
                && c.quotesInQuotedFields == quotesInQuotedFields && Objects.equals(c.maxQuotedSize, maxQuotedSize)
                && c.skipHeaderLines == skipHeaderLines && Objects.equals(c.nullString, nullString)
                && c.nullRule == nullRule && Objects.equals(c.commentLineMarker, commentLineMarker)
                && c.trimIfNotQuoted == trimIfNotQuoted && c.allowOptionalColumns == allowOptionalColumns
                && c.allowExtraColumns == allowExtraColumns;
    }

    @Override
    public int hashCode() {
        return Objects.hash(delimiter, quote, escape, escapeMode, quotesInQuotedFields, maxQuotedSize,
                skipHeaderLines, nullString, nullRule, commentLineMarker, trimIfNotQuoted, allowOptionalColumns,
                allowExtraColumns);
    }

    @Override
    public String toString() {
        return "CsvOptions{delimiter=" + delimiter + ", quote=" + quote + ", escape=" + escape + ", escapeMode="
                + escapeMode + ", quotesInQuotedFields=" + quotesInQuotedFields + ", maxQuotedSize=" + maxQuotedSize
                + ", skipHeaderLines=" + skipHeaderLines + ", nullString=" + nullString + ", nullRule=" + nullRule
                + ", commentLineMarker=" + commentLineMarker + ", trimIfNotQuoted=" + trimIfNotQuoted
                + ", allowOptionalColumns=" + allowOptionalColumns + ", allowExtraColumns=" + allowExtraColumns + "}";
    }

    /** Builds {@link CsvOptions}. Setters reject impossible values at once. Not thread-safe. */
    public static final class Builder {
        private Character delimiter;
        private Character quote = '"';
        private Character escape;
        private EscapeMode escapeMode = EscapeMode.NEXT_CHARACTER;
        private QuotesInQuotedFields quotesInQuotedFields = QuotesInQuotedFields.ACCEPT_ONLY_RFC4180_ESCAPED;
        private Integer maxQuotedSize;
        private int skipHeaderLines;
        private String nullString;
        private NullRule nullRule = NullRule.EMPTY_OR_NULL_STRING;
        private String commentLineMarker;
        private boolean trimIfNotQuoted;
        private boolean allowOptionalColumns;
        private boolean allowExtraColumns;

        private Builder() {
        }

        /**
         * The field delimiter; default {@code ,} for CSV and tab for TSV.
         *
         * @param delimiter the field delimiter, not a line break
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
         * The escape character; default none. Where it applies is set by {@link #escapeMode(EscapeMode)}.
         *
         * @param escape the escape character
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
         * Where the escape character applies; default {@link EscapeMode#NEXT_CHARACTER}.
         *
         * @param mode where the escape character applies
         * @return this builder
         */
        public Builder escapeMode(EscapeMode mode) {
            this.escapeMode = FerryConfigException.requireNonNull(mode, "escapeMode");
            return this;
        }

        /**
         * How a quote inside a quoted value is read; default {@link QuotesInQuotedFields#ACCEPT_ONLY_RFC4180_ESCAPED}.
         *
         * @param policy how a quote inside a quoted value is read
         * @return this builder
         */
        public Builder quotesInQuotedFields(QuotesInQuotedFields policy) {
            this.quotesInQuotedFields = FerryConfigException.requireNonNull(policy, "quotesInQuotedFields");
            return this;
        }

        /**
         * The most characters one quoted value may have (Embulk's {@code max_quoted_size_limit});
         * default none. A longer quoted value, typically a quote that is never closed, makes its
         * record bad: the reader gives up on it at the limit and goes on at the line after the line
         * where the record started, so one stray quote costs one row, not the rest of the file.
         * Without a limit such a quote runs to the maximum record size or the end of the file.
         *
         * @param characters the most characters one quoted value may have, 1 or more
         * @return this builder
         */
        public Builder maxQuotedSize(int characters) {
            if (characters < 1) {
                throw new FerryConfigException("maxQuotedSize", "must be 1 or more characters, was " + characters);
            }
            this.maxQuotedSize = characters;
            return this;
        }

        /**
         * Removes the limit on quoted values (the default): they are bounded by the maximum record size only.
         *
         * @return this builder
         */
        public Builder noMaxQuotedSize() {
            this.maxQuotedSize = null;
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
         * The text that means null, e.g. {@code \N}; null for none (the default).
         *
         * @param nullString the text that means null
         * @return this builder
         */
        public Builder nullString(String nullString) {
            this.nullString = nullString;
            return this;
        }

        /**
         * Which values read as null; default {@link NullRule#EMPTY_OR_NULL_STRING}.
         *
         * @param rule which values read as null
         * @return this builder
         */
        public Builder nullRule(NullRule rule) {
            this.nullRule = FerryConfigException.requireNonNull(rule, "nullRule");
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

        /** The delimiter set so far, or null; for {@link ParserConfig.Builder}. */
        Character delimiterOrNull() {
            return delimiter;
        }

        /** The quote set so far, or null; for {@link ParserConfig.Builder}. */
        Character quoteOrNull() {
            return quote;
        }

        /** The escape set so far, or null; for {@link ParserConfig.Builder}. */
        Character escapeOrNull() {
            return escape;
        }

        /**
         * @return the options
         * @throws FerryConfigException if stray quotes are accepted together with trimIfNotQuoted,
         *                              which makes rows such as {@code a, ""b"" ,c} ambiguous
         */
        public CsvOptions build() {
            if (trimIfNotQuoted && quotesInQuotedFields != QuotesInQuotedFields.ACCEPT_ONLY_RFC4180_ESCAPED) {
                throw new FerryConfigException("quotesInQuotedFields", quotesInQuotedFields + " cannot be combined"
                        + " with trimIfNotQuoted(true): spaces around stray quotes make values ambiguous; turn one off");
            }
            return new CsvOptions(this);
        }
    }
}
