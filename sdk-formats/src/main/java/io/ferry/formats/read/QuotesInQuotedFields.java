package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;

/**
 * How a quote character inside a quoted CSV value is read. The names are those of Embulk's
 * {@code quotes_in_quoted_fields} option, so a {@code load.yml} value reads as is.
 */
public enum QuotesInQuotedFields {
    /**
     * The default: inside quotes, only a doubled quote (or an escaped one) stands for a quote; a
     * lone quote closes the value, and anything but spaces, a delimiter or a line break after it
     * makes the row bad.
     */
    ACCEPT_ONLY_RFC4180_ESCAPED,
    /**
     * Lenient: a quote inside a quoted value that is not followed by a delimiter or a line break
     * is kept as an ordinary character ({@code "a"b"} reads {@code a"b}); a doubled quote is
     * still one quote. Right only when values hold no delimiters after such a stray quote. Cannot
     * be combined with {@code trimIfNotQuoted}.
     */
    ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS;

    /**
     * The value with this name, case-insensitive, surrounding spaces ignored.
     *
     * @param name a value name such as {@code ACCEPT_ONLY_RFC4180_ESCAPED}
     * @return the value
     * @throws FerryConfigException naming the allowed values if there is none
     */
    public static QuotesInQuotedFields parse(String name) {
        FerryConfigException.requireNonNull(name, "quotesInQuotedFields");
        for (QuotesInQuotedFields q : values()) {
            if (q.name().equalsIgnoreCase(name.strip())) {
                return q;
            }
        }
        throw new FerryConfigException("quotes_in_quoted_fields", "unknown value '" + name + "'; use "
                + ACCEPT_ONLY_RFC4180_ESCAPED + " or " + ACCEPT_STRAY_QUOTES_ASSUMING_NO_DELIMITERS_IN_FIELDS);
    }
}
