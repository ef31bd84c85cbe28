package io.ferry.formats.read.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads physical lines (ended by LF, CR or CRLF) keeping at most a maximum number of characters
 * of each: a longer line is read to its end without being kept, and reported by
 * {@link #lastTooLong()}. Single-threaded.
 */
final class LineReader {
    private final Reader in;
    private final int max;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean skipLf;
    private boolean tooLong;
    private long lastLength;
    private StringBuilder sb = new StringBuilder();

    /** Lines of {@code in} (closed by {@link #close()}), keeping at most {@code max} characters of one. */
    LineReader(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /**
     * The next line without its terminator, or null at the end of the text. After a line longer than
     * the maximum it returns the empty string and {@link #lastTooLong()} is true.
     */
    String readLine() throws IOException {
        tooLong = false;
        long length = 0;
        if (sb.capacity() > 1 << 20) {
            sb = new StringBuilder();
        }
        sb.setLength(0);
        boolean any = false;
        while (true) {
            if (pos >= limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            int n = pos - start;
            length += n;
            if (!tooLong) {
                if (length > max) {
                    tooLong = true;
                    sb = new StringBuilder();
                } else {
                    sb.append(buf, start, n);
                }
            }
            if (pos < limit) {
                skipLf = buf[pos++] == '\r';
                break;
            }
        }
        lastLength = length;
        if (tooLong) {
            return "";
        }
        String line = sb.toString();
        if (sb.capacity() > 1 << 20) {
            // do not hold a large line twice while it is parsed
            sb = new StringBuilder();
        }
        return line;
    }

    /** Whether the line last read was longer than the maximum (and so not kept). */
    boolean lastTooLong() {
        return tooLong;
    }

    /** The length of the line last read, in characters. */
    long lastLength() {
        return lastLength;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    void close() throws IOException {
        in.close();
    }
}
