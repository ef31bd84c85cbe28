package io.ferry.formats.text.internal;

import io.ferry.formats.Newline;
import java.io.IOException;
import java.io.Reader;

/**
 * A character buffer over a reader that counts physical lines and can keep the text of the
 * current record, so that a tokenizer can give up on a bad record and read again from the line
 * after the line where it started. What is kept is bounded: past the cap the mark is dropped and
 * the rewind falls back to skipping the rest of the current line. A byte order mark at the start
 * is skipped. Single-threaded.
 */
abstract class BufferedText {
    private final Reader in;
    final Newline newline;
    char[] buf;
    int pos;
    int limit;
    boolean eof;
    private boolean started;
    /** The offset in the text of {@code buf[0]}. */
    long bufStart;
    /** The physical line of the next character. */
    long line = 1;
    /** The most characters kept for a rewind; 0 keeps nothing. */
    private final long markCap;
    /** The offset in the text from which characters are kept; -1 when nothing is kept. */
    private long markOffset = -1;
    private long markLine;

    BufferedText(Reader in, Newline newline, int bufferSize, long markCap) {
        this.in = in;
        this.newline = newline;
        this.buf = new char[Math.max(bufferSize, 16)];
        this.markCap = markCap;
    }

    /** Closes the reader. */
    public void close() throws IOException {
        in.close();
    }

    /** Keeps the text from the current position on, for {@link #rewindAfterMarkedLine()}; no-op without a cap. */
    final void mark() {
        if (markCap > 0) {
            markOffset = bufStart + pos;
            markLine = line;
        }
    }

    /** The index in {@code buf} from which text must stay: the mark, or {@code from} if there is none. */
    private int keepFrom(int from) {
        if (markOffset < 0) {
            return from;
        }
        int markIndex = (int) (markOffset - bufStart);
        if (limit - markIndex > markCap) {
            markOffset = -1;
            return from;
        }
        return Math.min(markIndex, from);
    }

    /** Moves the text from {@code keep} to the front of the buffer, growing it if that leaves under half free. */
    private void compact(int keep) {
        int kept = limit - keep;
        if (buf.length - kept < buf.length / 2) {
            char[] bigger = new char[buf.length * 2];
            System.arraycopy(buf, keep, bigger, 0, kept);
            buf = bigger;
        } else if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, kept);
        }
        bufStart += keep;
        pos -= keep;
        limit = kept;
    }

    /** Reads more text after {@code limit}; false at the end of the input. */
    private boolean readMore() throws IOException {
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        if (!started) {
            started = true;
            if (buf[pos] == '\uFEFF') {
                pos++;
            }
        }
        return true;
    }

    /** Refills once the buffer is used up ({@code pos == limit}); false at the end of the input. */
    final boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        compact(keepFrom(limit));
        while (pos >= limit) {
            if (!readMore()) {
                return false;
            }
        }
        return true;
    }

    /** Makes at least {@code n} characters available from {@code pos} if the input has them. */
    final boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        compact(keepFrom(pos));
        while (limit - pos < n) {
            if (limit == buf.length) {
                compact(keepFrom(pos));
            }
            if (!readMore()) {
                return false;
            }
        }
        return true;
    }

    final boolean startsWith(String s) throws IOException {
        if (!ensure(s.length())) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a line break starts at {@code pos} (which must be available). */
    final boolean atLineEnd() throws IOException {
        char c = buf[pos];
        switch (newline) {
            case CR:
                return c == '\r';
            case LF:
                return c == '\n';
            default:
                return c == '\n' || (c == '\r' && ensure(2) && buf[pos + 1] == '\n');
        }
    }

    final void consumeLineEnd() {
        pos += (buf[pos] == '\r' && newline == Newline.CRLF) ? 2 : 1;
        line++;
    }

    /** Counts a line break inside a value. */
    final void countBreak(char c) {
        if (newline == Newline.CR ? c == '\r' : c == '\n') {
            line++;
        }
    }

    /**
     * Skips one physical line as raw text, ignoring quotes.
     *
     * @return false if the input had already ended
     */
    public boolean skipLine() throws IOException {
        if (!ensure(1)) {
            return false;
        }
        while (ensure(1)) {
            if (atLineEnd()) {
                consumeLineEnd();
                return true;
            }
            pos++;
        }
        return true;
    }

    /**
     * Goes back to the start of the line after the marked line, so that the lines a bad record
     * swallowed are read again. If the marked line has not ended yet, or nothing is kept, skips to
     * the end of the current line instead.
     */
    final void rewindAfterMarkedLine() throws IOException {
        if (markOffset >= 0) {
            char end = newline == Newline.CR ? '\r' : '\n';
            for (int i = (int) (markOffset - bufStart); i < limit; i++) {
                if (buf[i] == end) {
                    pos = i + 1;
                    line = markLine + 1;
                    markOffset = -1;
                    return;
                }
            }
            line = markLine;
            markOffset = -1;
        }
        skipLine();
    }
}
