package io.ferry.formats.text.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Characters in, UTF-8 bytes out, through one 32 KiB byte buffer: the text writers append
 * characters and numbers here, and the buffer goes to the stream in large blocks. ASCII (the
 * common case) is one store per character, with no {@code CharsetEncoder} and no char buffer in
 * between. A surrogate that is not half of a pair becomes {@code ?}, as the JDK's UTF-8 writer
 * replaces it. Single-threaded; methods throw {@link IOException} for the caller to wrap.
 */
public final class CharOutput {
    private static final int SIZE = 32 * 1024;
    /** The most bytes one char can take here: 3 (a pair takes 4 for 2 chars). */
    private static final int MAX_BYTES_PER_CHAR = 3;

    private final OutputStream out;
    private final byte[] buf = new byte[SIZE];
    private int pos;

    /** Encodes onto {@code out} as UTF-8; {@link #close()} closes {@code out}. */
    public CharOutput(OutputStream out) {
        this.out = out;
    }

    /** Appends one character; a surrogate on its own becomes {@code ?}. */
    public void append(char c) throws IOException {
        if (pos > SIZE - MAX_BYTES_PER_CHAR) {
            drain();
        }
        if (c < 0x80) {
            buf[pos++] = (byte) c;
        } else {
            encode(c);
        }
    }

    /** Appends two characters, each as {@link #append(char)} does. */
    public void append(char c1, char c2) throws IOException {
        append(c1);
        append(c2);
    }

    /** Appends {@code s}. */
    public void append(String s) throws IOException {
        append(s, 0, s.length());
    }

    /** Appends {@code s[from, to)}; a surrogate pair split by {@code from} or {@code to} becomes {@code ?}s. */
    public void append(String s, int from, int to) throws IOException {
        int i = from;
        while (i < to) {
            if (pos > SIZE - MAX_BYTES_PER_CHAR) {
                drain();
            }
            // ASCII run: as many chars as surely fit, one byte each
            int end = Math.min(to, i + (SIZE - pos) / MAX_BYTES_PER_CHAR);
            byte[] b = buf;
            int p = pos;
            char c = 0;
            while (i < end && (c = s.charAt(i)) < 0x80) {
                b[p++] = (byte) c;
                i++;
            }
            pos = p;
            if (i < end) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (pos > SIZE - 4) {
                        drain();
                    }
                    encodePair(Character.toCodePoint(c, s.charAt(i + 1)));
                    i += 2;
                } else {
                    encode(c);
                    i++;
                }
            }
        }
    }

    /** Appends {@code c[from, from + length)}, which the caller knows to be ASCII. */
    public void appendAscii(char[] c, int from, int length) throws IOException {
        if (pos > SIZE - length) {
            drain();
        }
        for (int i = 0; i < length; i++) {
            buf[pos + i] = (byte) c[from + i];
        }
        pos += length;
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
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        pos = end;
    }

    /** Writes the buffered bytes to the stream and flushes it. */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Writes the buffered bytes, then closes the stream. */
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }

    /** A char of 2 or 3 bytes, or {@code ?} for a surrogate on its own; room for 3 bytes is there. */
    private void encode(char c) {
        if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | (c >> 6));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            buf[pos++] = '?';
        } else {
            buf[pos++] = (byte) (0xE0 | (c >> 12));
            buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    /** A supplementary code point as 4 bytes; room for them is there. */
    private void encodePair(int codePoint) {
        buf[pos++] = (byte) (0xF0 | (codePoint >> 18));
        buf[pos++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        buf[pos++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (codePoint & 0x3F));
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
