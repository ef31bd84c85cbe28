package io.ferry.formats.csv;

/**
 * When the CSV dialect encloses a value in quote characters. Null values are never quoted: they
 * are written as the null string, so that null and a value stay apart. TSV ignores the policy.
 */
public enum QuotePolicy {
    /** Quote every non-null value, the header included. */
    ALL,
    /**
     * Quote a value only when it contains the delimiter, the quote or escape character, CR or LF,
     * or when it equals the null string (so an empty string is {@code ""} when null is empty).
     */
    MINIMAL,
    /**
     * Never quote: the delimiter, the quote and escape characters, CR and LF inside a value are
     * each preceded by the escape character. Writing such a value without an escape character
     * fails with a {@link io.ferry.core.FerryDataException}. A value equal to the null string
     * cannot be told apart from null.
     */
    NONE
}
