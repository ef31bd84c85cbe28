package io.ferry.formats.read;

/**
 * The short forms of the CSV options on {@link ParserConfig.Builder}: each sets one option of
 * {@link CsvOptions}, as {@code csv(c -> c.quote('\''))} would. Kept apart so that the builder
 * stays readable.
 */
abstract class CsvShortcuts {
    CsvShortcuts() {
    }

    /** {@return the CSV options being built} */
    abstract CsvOptions.Builder csvBuilder();

    /** {@return the parser config builder} */
    abstract ParserConfig.Builder self();

    /**
     * The field delimiter; default {@code ,} for CSV and tab for TSV.
     *
     * @param delimiter the field delimiter
     * @return this builder
     */
    public ParserConfig.Builder delimiter(char delimiter) {
        csvBuilder().delimiter(delimiter);
        return self();
    }

    /**
     * The quote character; default {@code "}.
     *
     * @param quote the quote character
     * @return this builder
     */
    public ParserConfig.Builder quote(char quote) {
        csvBuilder().quote(quote);
        return self();
    }

    /**
     * Turns quoting off: quote characters are ordinary text.
     *
     * @return this builder
     */
    public ParserConfig.Builder noQuote() {
        csvBuilder().noQuote();
        return self();
    }

    /**
     * The escape character; default none. See {@link CsvOptions.Builder#escapeMode(EscapeMode)}.
     *
     * @param escape the escape character
     * @return this builder
     */
    public ParserConfig.Builder escape(char escape) {
        csvBuilder().escape(escape);
        return self();
    }

    /**
     * Removes the escape character (the default).
     *
     * @return this builder
     */
    public ParserConfig.Builder noEscape() {
        csvBuilder().noEscape();
        return self();
    }

    /**
     * Physical lines skipped at the start of each file; default 0.
     *
     * @param lines physical lines skipped at the start of each file
     * @return this builder
     */
    public ParserConfig.Builder skipHeaderLines(int lines) {
        csvBuilder().skipHeaderLines(lines);
        return self();
    }

    /**
     * The text that means null, e.g. {@code \N}; null for none (the default). See {@link NullRule}.
     *
     * @param nullString the text that means null
     * @return this builder
     */
    public ParserConfig.Builder nullString(String nullString) {
        csvBuilder().nullString(nullString);
        return self();
    }

    /**
     * Lines starting with this text are skipped; null or empty for none (the default).
     *
     * @param marker lines starting with this text are skipped
     * @return this builder
     */
    public ParserConfig.Builder commentLineMarker(String marker) {
        csvBuilder().commentLineMarker(marker);
        return self();
    }

    /**
     * Whether unquoted values are trimmed of spaces and tabs; default false.
     *
     * @param trim whether unquoted values are trimmed of spaces and tabs
     * @return this builder
     */
    public ParserConfig.Builder trimIfNotQuoted(boolean trim) {
        csvBuilder().trimIfNotQuoted(trim);
        return self();
    }

    /**
     * Whether short rows get nulls for the missing values; default false (a short row is bad).
     *
     * @param allow whether short rows get nulls for the missing values
     * @return this builder
     */
    public ParserConfig.Builder allowOptionalColumns(boolean allow) {
        csvBuilder().allowOptionalColumns(allow);
        return self();
    }

    /**
     * Whether values beyond the last column are ignored; default false (a long row is bad).
     *
     * @param allow whether values beyond the last column are ignored
     * @return this builder
     */
    public ParserConfig.Builder allowExtraColumns(boolean allow) {
        csvBuilder().allowExtraColumns(allow);
        return self();
    }
}
