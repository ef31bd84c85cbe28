package io.ferry.formats.text.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A character buffer in front of a UTF-8 {@link Writer}: the text writers append characters here
 * and the buffer goes to the encoder in large blocks. Single-threaded; methods throw
 * {@link IOException} for the caller to wrap.
 */
public final class CharOutput {
    private static final int SIZE = 16 * 1024;

    private final Writer writer;
    private final char[] buf = new char[SIZE];
    private int pos;

    /** Encodes onto {@code out} as UTF-8; {@link #close()} closes {@code out}. */
    public CharOutput(OutputStream out) {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /** Appends one character. */
    public void append(char c) throws IOException {
        if (pos == SIZE) {
            drain();
        }
        buf[pos++] = c;
    }

    /** Appends two characters. */
    public void append(char c1, char c2) throws IOException {
        if (pos > SIZE - 2) {
            drain();
        }
        buf[pos++] = c1;
        buf[pos++] = c2;
    }

    /** Appends {@code s}. */
    public void append(String s) throws IOException {
        append(s, 0, s.length());
    }

    /** Appends {@code s[from, to)}. */
    public void append(String s, int from, int to) throws IOException {
        int start = from;
        while (start < to) {
            if (pos == SIZE) {
                drain();
            }
            int n = Math.min(to - start, SIZE - pos);
            s.getChars(start, start + n, buf, pos);
            pos += n;
            start += n;
        }
    }

    /** Appends the decimal digits of {@code value}. */
    public void appendLong(long value) throws IOException {
        if (pos > SIZE - 20) {
            drain();
        }
        if (value == Long.MIN_VALUE) {
            append(Long.toString(value));
            return;
        }
        long v = value;
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (char) ('0' + (int) (v % 10));
            v /= 10;
        }
        pos = end;
    }

    /** Hands the buffered characters to the writer and flushes it. */
    public void flush() throws IOException {
        drain();
        writer.flush();
    }

    /** Flushes, then closes the writer and the stream under it. */
    public void close() throws IOException {
        try {
            drain();
        } finally {
            writer.close();
        }
    }

    private void drain() throws IOException {
        if (pos > 0) {
            writer.write(buf, 0, pos);
            pos = 0;
        }
    }
}
