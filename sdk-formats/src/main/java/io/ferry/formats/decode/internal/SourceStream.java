package io.ferry.formats.decode.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The raw (still compressed) stream under a codec. It remembers every failure of the stream
 * itself, so that a {@link CodecStream} above it can tell a broken download (an I/O error, kept
 * as it is) from corrupt compressed data (a data error). Single-threaded.
 */
public final class SourceStream extends FilterInputStream {
    private Throwable failure;

    /** Watches {@code in}. */
    public SourceStream(InputStream in) {
        super(in);
    }

    /** Whether the stream itself has failed; later codec errors are then taken as its consequence. */
    public boolean failed() {
        return failure != null;
    }

    private void seen(Throwable t) {
        failure = t;
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (IOException | RuntimeException e) {
            seen(e);
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            seen(e);
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return in.skip(n);
        } catch (IOException | RuntimeException e) {
            seen(e);
            throw e;
        }
    }

    @Override
    public int available() throws IOException {
        try {
            return in.available();
        } catch (IOException | RuntimeException e) {
            seen(e);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            seen(e);
            throw e;
        }
    }
}
