package io.ferry.formats.read.internal;

import io.ferry.formats.Newline;
import io.ferry.formats.read.ParserConfig;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Finds the places in delimited bytes where {@link io.ferry.formats.text.internal.CsvTokenizer}
 * would start a record, without decoding or keeping values: a state machine over the bytes that
 * follows the tokenizer's rules (quotes only at the start of a value, doubled quotes, escapes,
 * blanks after a closing quote, the three newline modes, empty lines, header and comment lines)
 * and counts physical lines as the tokenizer does. A quoted line break therefore never ends a
 * chunk. It works on bytes, so only for charsets in which an ASCII byte always is that ASCII
 * character ({@link #supports}).
 *
 * <p>Where the tokenizer would report a syntax error in the middle of the data (a character after
 * a closing quote), its recovery depends on the tokenizer, so the splitter stops
 * ({@link #scan} returns false) and the caller parses the rest serially. Single-threaded.
 */
final class CsvRecordSplitter {
    private static final Set<Charset> BYTE_SAFE = Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1);

    private static final int HEADER = 0;
    private static final int RECORD_START = 1;
    private static final int FIELD_START = 2;
    private static final int UNQUOTED = 3;
    private static final int UNQUOTED_ESCAPE = 4;
    private static final int QUOTED = 5;
    private static final int QUOTED_ESCAPE = 6;
    private static final int QUOTE_SEEN = 7;
    private static final int AFTER_CLOSE = 8;
    private static final int SKIP_LINE = 9;
    private static final int COMMENT_MATCH = 10;

    private final int delimiter;
    private final int quote;
    private final int escape;
    private final Newline newline;
    private final boolean trim;
    private final byte[] comment;
    private final boolean utf8;
    /** The bytes that end or change an unquoted value: delimiter, line breaks, escape. */
    private final boolean[] inUnquoted = new boolean[256];
    /** The bytes that matter inside quotes: quote, escape, and the counted line break. */
    private final boolean[] inQuoted = new boolean[256];

    private int state;
    private int headerLeft;
    private int commentMatched;
    /** A CR was seen where CRLF would end the line; the next byte decides. */
    private boolean pendingCr;
    /** A line break that may start a record was just consumed; kept once the next byte is seen. */
    private boolean pendingBoundary;
    private long pendingBoundaryLine;
    private long line = 1;
    private int boundary = -1;
    private long boundaryLine;

    /** A splitter for {@code config}, which {@link #supports} must accept; it starts at the top of the data. */
    CsvRecordSplitter(ParserConfig config) {
        this.delimiter = config.delimiter();
        this.quote = config.quote().map(c -> (int) c).orElse(-1);
        int e = config.escape().map(c -> (int) c).orElse(-1);
        this.escape = e == quote ? -1 : e;
        this.newline = config.newline();
        this.trim = config.trimIfNotQuoted();
        this.comment = config.commentLineMarker().map(m -> m.getBytes(StandardCharsets.US_ASCII)).orElse(null);
        this.utf8 = config.charset().equals(StandardCharsets.UTF_8);
        this.headerLeft = config.skipHeaderLines();
        this.state = headerLeft > 0 ? HEADER : RECORD_START;
        for (int c : new int[] {delimiter, '\n', '\r', escape}) {
            if (c >= 0) {
                inUnquoted[c] = true;
            }
        }
        for (int c : new int[] {quote, escape, newline == Newline.CR ? '\r' : '\n'}) {
            if (c >= 0) {
                inQuoted[c] = true;
            }
        }
    }

    /**
     * Whether the chunks of this splitter parse exactly as the whole data would: a delimited type,
     * a charset in which ASCII bytes are ASCII characters, ASCII special characters that differ
     * from each other and from line breaks, and no option the splitter does not know (compared by
     * rebuilding the config from the options it knows: an option added later makes it serial until
     * it is modelled here).
     */
    static boolean supports(ParserConfig config) {
        if (!config.type().isDelimited() || !BYTE_SAFE.contains(config.charset())) {
            return false;
        }
        int d = config.delimiter();
        int q = config.quote().map(c -> (int) c).orElse(-1);
        int e = config.escape().map(c -> (int) c).orElse(-1);
        if (!special(d) || (q >= 0 && (!special(q) || q == d)) || (e >= 0 && (!special(e) || e == d))) {
            return false;
        }
        String marker = config.commentLineMarker().orElse(null);
        if (marker != null && (marker.isEmpty() || !marker.chars().allMatch(CsvRecordSplitter::special))) {
            return false;
        }
        ParserConfig.Builder known = ParserConfig.builder().type(config.type()).charset(config.charset())
                .newline(config.newline()).delimiter(config.delimiter()).skipHeaderLines(config.skipHeaderLines())
                .nullString(config.nullString().orElse(null)).commentLineMarker(marker)
                .trimIfNotQuoted(config.trimIfNotQuoted()).allowOptionalColumns(config.allowOptionalColumns())
                .allowExtraColumns(config.allowExtraColumns()).defaultTimeZone(config.defaultTimeZone())
                .badRows(config.badRows()).badRowSamples(config.badRowSamples())
                .maxRecordSize(config.maxRecordSize()).columns(config.columns())
                .csv(c -> c.nullRule(config.csv().nullRule()));   // which values are null does not move a record's end
        known = config.quote().map(known::quote).orElseGet(known::noQuote);
        known = config.escape().map(known::escape).orElseGet(known::noEscape);
        return known.build().equals(config);
    }

    /** An ASCII character other than a line break. */
    private static boolean special(int c) {
        return c > 0 && c < 0x80 && c != '\n' && c != '\r';
    }

    /**
     * Runs the bytes {@code b[from..to)} through the machine.
     *
     * @return false if the data reached a place the splitter does not follow (see the class
     *         comment); the state is then undefined and the splitter must not be used further
     */
    boolean scan(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!pendingBoundary && !pendingCr) {
                // most bytes are plain text inside a value: skip them in a tight loop
                if (state == UNQUOTED) {
                    while (i < to && !inUnquoted[b[i] & 0xFF]) {
                        i++;
                    }
                } else if (state == QUOTED) {
                    while (i < to && !inQuoted[b[i] & 0xFF]) {
                        i++;
                    }
                }
                if (i == to) {
                    return true;
                }
            }
            int c = b[i] & 0xFF;
            if (pendingBoundary) {
                pendingBoundary = false;
                // a chunk starting with a byte order mark would lose it: do not cut there
                if (!(utf8 && c == 0xEF)) {
                    boundary = i;
                    boundaryLine = pendingBoundaryLine;
                }
            }
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    lineEnd(i + 1);
                    continue;
                }
                if (!crAsData()) {
                    return false;
                }
            }
            if (!step(c, i)) {
                return false;
            }
        }
        return true;
    }

    /** The index, in the last scanned array, of the last record start found; -1 if none since {@link #forgetBoundary}. */
    int boundary() {
        return boundary;
    }

    /** The 1-based line at {@link #boundary()}. */
    long boundaryLine() {
        return boundaryLine;
    }

    /**
     * Forgets the boundary once the bytes before it were cut off; the caller scans the bytes after
     * it from index 0 of a new array.
     */
    void forgetBoundary() {
        boundary = -1;
    }

    private boolean step(int c, int i) {
        switch (state) {
            case HEADER:
            case SKIP_LINE:
                lineBreakOrData(c, i);
                return true;
            case RECORD_START:
                if (isLineBreak(c)) {
                    lineBreakOrData(c, i);
                    return true;
                }
                if (comment != null && c == comment[0]) {
                    commentMatched = 1;
                    state = comment.length == 1 ? SKIP_LINE : COMMENT_MATCH;
                    return true;
                }
                return fieldStart(c, i);
            case COMMENT_MATCH:
                if (c == comment[commentMatched]) {
                    commentMatched++;
                    if (commentMatched == comment.length) {
                        state = SKIP_LINE;
                    }
                    return true;
                }
                // not a comment: the record starts with the bytes matched so far
                boolean ok = fieldStart(comment[0], i);
                for (int k = 1; ok && k < commentMatched; k++) {
                    ok = step(comment[k], i);
                }
                return ok && step(c, i);
            case FIELD_START:
                return fieldStart(c, i);
            case UNQUOTED:
                return unquoted(c, i);
            case UNQUOTED_ESCAPE:
                // the escaped character is kept as it is, a line break too, and not counted
                state = UNQUOTED;
                return true;
            case QUOTED:
                if (c == quote) {
                    state = QUOTE_SEEN;
                } else if (c == escape) {
                    state = QUOTED_ESCAPE;
                } else {
                    countQuotedBreak(c);
                }
                return true;
            case QUOTED_ESCAPE:
                countQuotedBreak(c);
                state = QUOTED;
                return true;
            case QUOTE_SEEN:
                if (c == quote) {
                    state = QUOTED;
                    return true;
                }
                state = AFTER_CLOSE;
                return afterClose(c, i);
            case AFTER_CLOSE:
                return afterClose(c, i);
            default:
                throw new IllegalStateException("state " + state);
        }
    }

    private boolean fieldStart(int c, int i) {
        if (trim && blank(c)) {
            state = FIELD_START;
            return true;
        }
        if (c == quote) {
            state = QUOTED;
            return true;
        }
        return unquoted(c, i);
    }

    private boolean unquoted(int c, int i) {
        if (c == delimiter) {
            state = FIELD_START;
        } else if (isLineBreak(c)) {
            lineBreakOrData(c, i);
        } else if (c == escape) {
            state = UNQUOTED_ESCAPE;
        } else {
            state = UNQUOTED;
        }
        return true;
    }

    private boolean afterClose(int c, int i) {
        if (blank(c)) {
            return true;
        }
        if (c == delimiter) {
            state = FIELD_START;
            return true;
        }
        if (isLineBreak(c)) {
            if (c == '\r' && newline == Newline.CRLF) {
                pendingCr = true;
                return true;
            }
            if (c == '\n' ? newline != Newline.CR : newline == Newline.CR) {
                lineEnd(i + 1);
                return true;
            }
        }
        return false;
    }

    private boolean isLineBreak(int c) {
        return c == '\n' || c == '\r';
    }

    /**
     * A CR or LF in a state where a line break ends the line (header, comment, record start,
     * unquoted value): a line end in the newline mode, a pending CR under CRLF, else a data byte.
     */
    private void lineBreakOrData(int c, int i) {
        if (c == '\n' && newline != Newline.CR || c == '\r' && newline == Newline.CR) {
            lineEnd(i + 1);
        } else if (c == '\r' && newline == Newline.CRLF) {
            pendingCr = true;
        } else if (state == RECORD_START || state == FIELD_START) {
            state = UNQUOTED;
        }
    }

    /** A CR that turned out not to end a line under CRLF is a data byte of the current state. */
    private boolean crAsData() {
        switch (state) {
            case RECORD_START:
            case FIELD_START:
                state = UNQUOTED;
                return true;
            case AFTER_CLOSE:
                return false;
            default:
                return true;
        }
    }

    /** A line end consumed; {@code next} is the index after it. */
    private void lineEnd(int next) {
        line++;
        switch (state) {
            case HEADER:
                headerLeft--;
                if (headerLeft == 0) {
                    state = RECORD_START;
                }
                return;
            default:
                state = RECORD_START;
                pendingBoundary = true;
                pendingBoundaryLine = line;
        }
    }

    private void countQuotedBreak(int c) {
        if (newline == Newline.CR ? c == '\r' : c == '\n') {
            line++;
        }
    }

    private boolean blank(int c) {
        return (c == ' ' || c == '\t') && c != delimiter;
    }
}
