package io.ferry.formats.text.internal;

import io.ferry.formats.Newline;

/**
 * The syntax of delimited text as {@link CsvTokenizer} reads it.
 *
 * @param delimiter         the field delimiter
 * @param quote             the quote character, or -1 for none
 * @param escape            the escape character, or -1 for none
 * @param escapeInQuotesOnly true for Embulk's escape: only inside quotes and only before the quote or the escape
 *                          character; false: the escape makes the next character literal anywhere
 * @param strayQuotes       whether a quote inside a quoted value that is not followed by a delimiter or a line
 *                          break is an ordinary character
 * @param newline           the line terminator (CRLF also accepts a bare LF)
 * @param trim              whether to drop spaces and tabs around unquoted values
 * @param commentMarker     lines starting with this are skipped; null for none
 * @param maxQuotedSize     the most characters of one quoted value, or {@link Long#MAX_VALUE} for no limit of its own
 */
public record CsvSyntax(char delimiter, int quote, int escape, boolean escapeInQuotesOnly, boolean strayQuotes,
                        Newline newline, boolean trim, String commentMarker, long maxQuotedSize) {
    /** Ferry's defaults for the rest: escape anywhere, no stray quotes, no quoted-size limit. */
    public static CsvSyntax of(char delimiter, int quote, int escape, Newline newline, boolean trim,
                               String commentMarker) {
        return new CsvSyntax(delimiter, quote, escape, false, false, newline, trim, commentMarker, Long.MAX_VALUE);
    }
}
