package io.ferry.formats.csv.internal;

import io.ferry.formats.csv.CsvDialect;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.csv.QuotePolicy;
import io.ferry.formats.text.internal.CharOutput;
import java.io.IOException;

/**
 * Writes single values of one {@link CsvFormat}: quoting and escaping by dialect and policy. The
 * common case (a value with no special character) is one scan and one bulk copy.
 */
final class CsvFieldEncoder {
    private enum Mode { ALL, MINIMAL, NONE, TSV }

    private static final String NUMBER_CHARS = "-0123456789";
    /** Every character of the default timestamp text. */
    private static final String TIMESTAMP_CHARS = "-0123456789 :.";

    private final CharOutput out;
    private final Mode mode;
    private final char delimiter;
    private final char quote;
    /** Written before a quote inside a quoted value: the escape character, or the quote itself. */
    private final char quoteEscape;
    private final char escape;
    private final boolean hasEscape;
    /** An escape character that is not the quote; it then escapes itself too. */
    private final boolean separateEscape;
    private final String nullString;
    private final boolean[] asciiSpecial = new boolean[128];
    private final char[] otherSpecial;
    private final boolean plainNumbers;
    private final boolean plainTimestamps;

    CsvFieldEncoder(CsvFormat format, CharOutput out) {
        this.out = out;
        this.delimiter = format.delimiter();
        this.nullString = format.nullString();
        boolean hasQuote = format.quote().isPresent();
        this.quote = format.quote().orElse('\0');
        this.hasEscape = format.escape().isPresent();
        this.escape = format.escape().orElse('\0');
        this.quoteEscape = hasEscape ? escape : quote;
        this.separateEscape = hasEscape && (!hasQuote || escape != quote);
        if (format.dialect() == CsvDialect.TSV) {
            mode = Mode.TSV;
            otherSpecial = specials("\\\t\r\n" + delimiter);
        } else {
            mode = Mode.valueOf(format.quotePolicy().name());
            StringBuilder s = new StringBuilder("\r\n").append(delimiter);
            if (hasQuote) {
                s.append(quote);
            }
            if (hasEscape) {
                s.append(escape);
            }
            otherSpecial = specials(s.toString());
        }
        this.plainNumbers = needNoQuoting(NUMBER_CHARS);
        this.plainTimestamps = needNoQuoting(TIMESTAMP_CHARS);
    }

    /** Marks the ASCII specials in the table; returns the others. */
    private char[] specials(String chars) {
        StringBuilder others = new StringBuilder();
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c < 128) {
                asciiSpecial[c] = true;
            } else {
                others.append(c);
            }
        }
        return others.toString().toCharArray();
    }

    /** Whether text made of {@code chars} only never needs quoting or escaping. */
    private boolean needNoQuoting(String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (isSpecial(chars.charAt(i))) {
                return false;
            }
        }
        // Under MINIMAL a value equal to the null string must be quoted; keep those on the slow path.
        return nullString.isEmpty() || !nullString.chars().allMatch(c -> chars.indexOf(c) >= 0);
    }

    private boolean isSpecial(char c) {
        if (c < 128) {
            return asciiSpecial[c];
        }
        for (char o : otherSpecial) {
            if (o == c) {
                return true;
            }
        }
        return false;
    }

    private int firstSpecial(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (isSpecial(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    void writeNull() throws IOException {
        out.append(nullString);
    }

    void writeLong(long value) throws IOException {
        if (!plainNumbers) {
            writeText(Long.toString(value));
        } else if (mode == Mode.ALL) {
            out.append(quote);
            out.appendLong(value);
            out.append(quote);
        } else {
            out.appendLong(value);
        }
    }

    /** Writes the text of a default-pattern timestamp, {@code text[0, length)}: digits and {@code - :.} only. */
    void writeTimestampText(char[] text, int length) throws IOException {
        if (!plainTimestamps) {
            writeText(new String(text, 0, length));
        } else if (mode == Mode.ALL) {
            out.append(quote);
            out.appendAscii(text, 0, length);
            out.append(quote);
        } else {
            out.appendAscii(text, 0, length);
        }
    }

    /**
     * Writes a non-null value.
     *
     * @throws UnescapableCharException under QuotePolicy NONE without an escape character, when
     *                                  the value holds a character that must be escaped
     */
    void writeText(String s) throws IOException {
        int special = firstSpecial(s);
        switch (mode) {
            case MINIMAL:
                if (special < 0 && !(s.length() == nullString.length() && s.equals(nullString))) {
                    out.append(s);
                } else {
                    writeQuoted(s, special < 0 ? s.length() : special);
                }
                break;
            case ALL:
                writeQuoted(s, special < 0 ? s.length() : special);
                break;
            case NONE:
                if (special < 0) {
                    out.append(s);
                } else {
                    writeEscaped(s, special);
                }
                break;
            default:
                if (special < 0) {
                    out.append(s);
                } else {
                    writeTsv(s, special);
                }
        }
    }

    private void writeQuoted(String s, int from) throws IOException {
        out.append(quote);
        int start = 0;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == quote) {
                out.append(s, start, i);
                out.append(quoteEscape, quote);
                start = i + 1;
            } else if (separateEscape && c == escape) {
                out.append(s, start, i);
                out.append(escape, escape);
                start = i + 1;
            }
        }
        out.append(s, start, s.length());
        out.append(quote);
    }

    private void writeEscaped(String s, int from) throws IOException {
        int start = 0;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isSpecial(c)) {
                if (!hasEscape) {
                    throw new UnescapableCharException(c);
                }
                out.append(s, start, i);
                out.append(escape, c);
                start = i + 1;
            }
        }
        out.append(s, start, s.length());
    }

    private void writeTsv(String s, int from) throws IOException {
        int start = 0;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isSpecial(c)) {
                out.append(s, start, i);
                out.append('\\', tsvEscape(c));
                start = i + 1;
            }
        }
        out.append(s, start, s.length());
    }

    private static char tsvEscape(char c) {
        switch (c) {
            case '\t':
                return 't';
            case '\r':
                return 'r';
            case '\n':
                return 'n';
            default:
                return c; // the backslash itself, or a delimiter other than tab
        }
    }
}
