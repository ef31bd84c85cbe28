package io.ferry.formats.text.internal;

import io.ferry.formats.Newline;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits delimited text into records of fields, counting physical lines as it goes (line breaks
 * inside quoted values count). Memory is bounded by the largest record it keeps: a record longer
 * than the maximum record size is read to its end without keeping its values, then reported with
 * {@link RecordTooLargeException}. Works on any reader, such as one line-aligned chunk of a file.
 * Single-threaded.
 *
 * <p>Quoted values may hold delimiters and line breaks; a doubled quote inside quotes is one
 * quote; the escape character works as {@link CsvSyntax} says. Empty lines are skipped. With a
 * quoted-size limit, the text of each record is kept until it ends, so that after a bad record
 * ({@link CsvSyntaxException}) {@link #skipBadRecord()} reads again from the line after the line
 * where the record started: an unclosed quote costs one record, not the rest of the file.
 */
public final class CsvTokenizer extends BufferedText {
    private final char delimiter;
    private final int quote;
    private final int escape;
    private final boolean escapeInQuotesOnly;
    private final boolean strayQuotes;
    private final boolean trim;
    private final String commentMarker;
    private final long maxRecordSize;
    private final long maxQuotedSize;

    /** The offset in the text where the current record starts. */
    private long recordStart;
    /** The index of the value being read when the current record passed the maximum size; -1 if it has not. */
    private int overflowAt = -1;
    private long recordLine;
    private String[] fields = new String[16];
    private boolean[] quoted = new boolean[16];
    private int count;
    private StringBuilder sb = new StringBuilder();

    /**
     * @param in            the text; closed by {@link #close()}
     * @param delimiter     the field delimiter
     * @param quote         the quote character, or -1 for none
     * @param escape        the escape character, or -1 for none
     * @param newline       the line terminator (CRLF also accepts a bare LF)
     * @param trim          whether to drop spaces and tabs around unquoted values
     * @param commentMarker lines starting with this are skipped; null for none
     */
    public CsvTokenizer(Reader in, char delimiter, int quote, int escape, Newline newline, boolean trim,
                        String commentMarker) {
        this(in, CsvSyntax.of(delimiter, quote, escape, newline, trim, commentMarker), 1 << 16, Long.MAX_VALUE);
    }

    /**
     * Same, with the size of the character buffer (at least 16) and the most characters a record may
     * have (line breaks included).
     */
    public CsvTokenizer(Reader in, char delimiter, int quote, int escape, Newline newline, boolean trim,
                        String commentMarker, int bufferSize, long maxRecordSize) {
        this(in, CsvSyntax.of(delimiter, quote, escape, newline, trim, commentMarker), bufferSize, maxRecordSize);
    }

    /**
     * A tokenizer of {@code in} (closed by {@link #close()}) with the given syntax, size of the
     * character buffer (at least 16) and most characters a record may have (line breaks included).
     */
    public CsvTokenizer(Reader in, CsvSyntax syntax, int bufferSize, long maxRecordSize) {
        super(in, syntax.newline(), bufferSize, syntax.maxQuotedSize() == Long.MAX_VALUE ? 0
                : Math.min(maxRecordSize, 2 * syntax.maxQuotedSize() + (1 << 16)));
        this.maxRecordSize = maxRecordSize;
        this.delimiter = syntax.delimiter();
        this.quote = syntax.quote();
        this.escape = syntax.escape() == syntax.quote() ? -1 : syntax.escape();
        this.escapeInQuotesOnly = syntax.escapeInQuotesOnly();
        this.strayQuotes = syntax.strayQuotes();
        this.trim = syntax.trim();
        this.commentMarker = syntax.commentMarker();
        this.maxQuotedSize = syntax.maxQuotedSize();
    }

    /** The number of fields of the current record. */
    public int count() {
        return count;
    }

    /** Field {@code i} of the current record; unquoted values are trimmed if asked. */
    public String field(int i) {
        return fields[i];
    }

    /** Whether field {@code i} of the current record was quoted. */
    public boolean quoted(int i) {
        return quoted[i];
    }

    /** The physical line where the current record starts. */
    public long recordLine() {
        return recordLine;
    }

    /** The physical line of the next character. */
    public long line() {
        return line;
    }

    /**
     * Goes on after a {@link CsvSyntaxException}: with a quoted-size limit, from the line after the
     * line where the bad record started (its other lines are read again); without one, from the
     * line after the current line.
     */
    public void skipBadRecord() throws IOException {
        rewindAfterMarkedLine();
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input
     * @throws CsvSyntaxException         if the record is malformed; call {@link #skipBadRecord()} to go on
     * @throws RecordTooLargeException if the record is longer than the maximum; the next call reads the next record
     */
    public boolean next() throws IOException {
        if (sb.capacity() > 1 << 20) {
            // a large record is over: do not keep its buffer for the rest of the file
            sb = new StringBuilder();
            fields = new String[16];
            quoted = new boolean[16];
        }
        while (true) {
            count = 0;
            recordLine = line;
            overflowAt = -1;
            if (!ensure(1)) {
                return false;
            }
            recordStart = bufStart + pos;
            mark();
            if (atLineEnd()) {
                consumeLineEnd();
                continue;
            }
            if (commentMarker != null && startsWith(commentMarker)) {
                skipLine();
                continue;
            }
            while (readField()) {
                // one more field follows the delimiter
            }
            long size = bufStart + pos - recordStart;
            if (overflowAt >= 0 || size > maxRecordSize) {
                throw new RecordTooLargeException(recordLine, overflowAt >= 0 ? overflowAt : count - 1, size);
            }
            return true;
        }
    }

    /** Checks the size of the current record after a refill; past the maximum its values are no longer kept. */
    private void checkSize() {
        if (overflowAt < 0 && bufStart + pos - recordStart > maxRecordSize) {
            overflowAt = count;
            sb = new StringBuilder();
        }
    }

    /** Drops the buffer after a large value, so that a record does not hold it and its copy at once. */
    private void releaseLargeBuffer() {
        if (sb.capacity() > 1 << 20) {
            sb = new StringBuilder();
        }
    }

    /** Keeps {@code n} characters of the value being read, unless the record is already too large. */
    private void keep(int start, int n) {
        if (overflowAt < 0) {
            sb.append(buf, start, n);
        }
    }

    private void keep(char c) {
        if (overflowAt < 0) {
            sb.append(c);
        }
    }

    private void add(String value, boolean wasQuoted) {
        if (overflowAt < 0 && bufStart + pos - recordStart > maxRecordSize) {
            overflowAt = count;
        }
        if (overflowAt >= 0) {
            count++;
            return;
        }
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
            quoted = Arrays.copyOf(quoted, count * 2);
        }
        fields[count] = value;
        quoted[count++] = wasQuoted;
    }

    private boolean isBlank(char c) {
        return (c == ' ' || c == '\t') && c != delimiter;
    }

    /** Reads one field; true if a delimiter followed it (so another field comes). */
    private boolean readField() throws IOException {
        if (trim) {
            while (ensure(1) && isBlank(buf[pos])) {
                pos++;
            }
        }
        if (quote >= 0 && ensure(1) && buf[pos] == quote) {
            pos++;
            add(readQuoted(), true);
            while (ensure(1) && isBlank(buf[pos])) {
                pos++;
            }
            if (!ensure(1)) {
                return false;
            }
            char c = buf[pos];
            if (c == delimiter) {
                pos++;
                return true;
            }
            if (atLineEnd()) {
                consumeLineEnd();
                return false;
            }
            throw new CsvSyntaxException(recordLine, "unexpected character '" + c + "' after the closing quote of value "
                    + count + "; quote the whole value and double the quotes inside it");
        }
        return readUnquoted();
    }

    private boolean readUnquoted() throws IOException {
        sb.setLength(0);
        boolean direct = true;
        int start = pos;
        boolean more;
        String value;
        while (true) {
            if (pos >= limit) {
                keep(start, pos - start);
                direct = false;
                if (!fill()) {
                    // the kept text of a marked record may still be in the buffer: nothing more to take
                    start = pos;
                    more = false;
                    break;
                }
                checkSize();
                start = pos;
                continue;
            }
            char c = buf[pos];
            if (c == delimiter) {
                more = true;
                break;
            }
            if (c == '\r' && newline == Newline.CRLF && pos + 1 >= limit) {
                // looking one character ahead may move the buffer: save what we have first
                keep(start, pos - start);
                direct = false;
                ensure(2);
                start = pos;
            }
            if ((c == '\n' || c == '\r') && atLineEnd()) {
                more = false;
                break;
            }
            if (c == escape && !escapeInQuotesOnly) {
                keep(start, pos - start);
                direct = false;
                pos++;
                if (!ensure(1)) {
                    throw new CsvSyntaxException(recordLine, "the file ends right after an escape character");
                }
                keep(buf[pos++]);
                start = pos;
                continue;
            }
            pos++;
        }
        if (overflowAt >= 0) {
            value = "";
        } else if (direct) {
            value = new String(buf, start, pos - start);
        } else {
            if (pos > start) {
                sb.append(buf, start, pos - start);
            }
            value = sb.toString();
            releaseLargeBuffer();
        }
        if (more) {
            pos++;
        } else if (pos < limit) {
            consumeLineEnd();
        }
        add(trim ? trimEnd(value) : value, false);
        return more;
    }

    private String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    private String readQuoted() throws IOException {
        sb.setLength(0);
        long valueStart = bufStart + pos;
        int start = pos;
        while (true) {
            if (pos >= limit) {
                keep(start, pos - start);
                if (!fill()) {
                    throw new CsvSyntaxException(recordLine, "a quoted value is not closed before the end of the"
                            + " data; close the quote or escape the quote characters inside the value");
                }
                checkSize();
                start = pos;
                continue;
            }
            char c = buf[pos];
            if (c == quote) {
                keep(start, pos - start);
                pos++;
                if (quoteIsLiteral()) {
                    keep((char) quote);
                    start = pos;
                    continue;
                }
                if (overflowAt >= 0) {
                    return "";
                }
                String value = sb.toString();
                releaseLargeBuffer();
                return value;
            }
            if (c == escape) {
                keep(start, pos - start);
                pos++;
                if (!ensure(1)) {
                    if (escapeInQuotesOnly) {
                        keep(c);
                        start = pos;
                        continue;
                    }
                    throw new CsvSyntaxException(recordLine, "the file ends right after an escape character");
                }
                char e = buf[pos];
                if (escapeInQuotesOnly && e != quote && e != escape) {
                    // Embulk's escape: before anything else it is an ordinary character
                    keep(c);
                    start = pos;
                    continue;
                }
                pos++;
                countBreak(e);
                keep(e);
                start = pos;
                continue;
            }
            countBreak(c);
            pos++;
            if (bufStart + pos - valueStart > maxQuotedSize) {
                throw new CsvSyntaxException(recordLine, "a quoted value is longer than maxQuotedSize ("
                        + maxQuotedSize + " characters), probably a quote that is never closed; close the quote,"
                        + " escape the quotes inside the value, or raise maxQuotedSize (max_quoted_size_limit)");
            }
        }
    }

    /**
     * Called after a quote inside a quoted value (now consumed): whether it stands for a quote
     * character of the value (consuming its pair if doubled), rather than closing the value.
     */
    private boolean quoteIsLiteral() throws IOException {
        boolean doubled = ensure(1) && buf[pos] == quote;
        if (!strayQuotes) {
            if (doubled) {
                pos++;
            }
            return doubled;
        }
        // stray quotes: a quote before a delimiter or a line break closes, even when doubled
        if (doubled && !fieldEndsAt(1)) {
            pos++;
            return true;
        }
        return !fieldEndsAt(0);
    }

    /** Whether the character {@code ahead} positions from {@code pos} ends a value: a delimiter, a line break or the end. */
    private boolean fieldEndsAt(int ahead) throws IOException {
        if (!ensure(ahead + 1)) {
            return true;
        }
        char c = buf[pos + ahead];
        if (c == delimiter) {
            return true;
        }
        return switch (newline) {
            case CR -> c == '\r';
            case LF -> c == '\n';
            default -> c == '\n' || (c == '\r' && ensure(ahead + 2) && buf[pos + ahead + 1] == '\n');
        };
    }
}
