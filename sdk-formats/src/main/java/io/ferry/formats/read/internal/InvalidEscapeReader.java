package io.ferry.formats.read.internal;

import io.ferry.formats.read.InvalidStringEscapes;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * Rewrites backslashes that do not start a valid JSON escape, as an {@link InvalidStringEscapes}
 * policy says, before a JSON parser sees the text. Works pair by pair (a backslash and what follows),
 * so an escaped backslash is never taken for the start of another escape. Line breaks pass
 * unchanged, so line numbers stay right. Single-threaded.
 */
final class InvalidEscapeReader extends Reader {
    private final PushbackReader in;
    private final InvalidStringEscapes policy;
    /** Characters decided but not yet returned. */
    private final StringBuilder pending = new StringBuilder();
    private int pendingPos;

    InvalidEscapeReader(Reader in, InvalidStringEscapes policy) {
        this.in = new PushbackReader(in, 4);
        this.policy = policy;
    }

    /** {@code in} itself under PASSTHROUGH, else {@code in} wrapped. */
    static Reader of(Reader in, InvalidStringEscapes policy) {
        return policy == InvalidStringEscapes.PASSTHROUGH ? in : new InvalidEscapeReader(in, policy);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            int c = next();
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            cbuf[off + n++] = (char) c;
            if (pendingPos >= pending.length() && !in.ready()) {
                // hand over what we have rather than wait for more input
                break;
            }
        }
        return n;
    }

    private int next() throws IOException {
        while (true) {
            if (pendingPos < pending.length()) {
                return pending.charAt(pendingPos++);
            }
            pending.setLength(0);
            pendingPos = 0;
            int c = in.read();
            if (c != '\\') {
                return c;
            }
            int e = in.read();
            if (e < 0) {
                return c;
            }
            if ("bfnrt\"\\/".indexOf(e) >= 0) {
                pending.append((char) e);
                return c;
            }
            if (e == 'u') {
                char[] hex = new char[4];
                int got = 0;
                while (got < 4) {
                    int h = in.read();
                    if (h < 0) {
                        break;
                    }
                    hex[got++] = (char) h;
                    if (Character.digit(h, 16) < 0) {
                        break;
                    }
                }
                if (got == 4 && Character.digit(hex[3], 16) >= 0) {
                    pending.append('u').append(hex);
                    return c;
                }
                // read the characters after the invalid escape again: one may start an escape itself
                in.unread(hex, 0, got);
            }
            switch (policy) {
                case SKIP -> {
                    // drop the backslash and the character after it, then go on
                }
                case UNESCAPE -> {
                    return e;
                }
                default -> {
                    pending.append('\\').append((char) e);
                    return c;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
