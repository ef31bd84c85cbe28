package io.ferry.formats.csv;

/** The two text dialects of {@link CsvFormat}. */
public enum CsvDialect {
    /**
     * RFC 4180 style: values are enclosed in quotes according to the {@link QuotePolicy}; file
     * extension {@code csv}, content type {@code text/csv}.
     */
    CSV("csv", "text/csv"),
    /**
     * Tab-separated style: no quoting at all (quote, escape and quote policy are ignored).
     * Instead a backslash, tab, CR and LF in a value are written as {@code \\}, {@code \t},
     * {@code \r} and {@code \n}, and a delimiter other than tab as a backslash followed by the
     * delimiter, so every value round-trips (except one equal to the null string). File extension
     * {@code tsv}, content type {@code text/tab-separated-values}.
     */
    TSV("tsv", "text/tab-separated-values");

    private final String extension;
    private final String contentType;

    CsvDialect(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** {@return the file extension without a dot} */
    public String extension() {
        return extension;
    }

    /** {@return the MIME type} */
    public String contentType() {
        return contentType;
    }
}
