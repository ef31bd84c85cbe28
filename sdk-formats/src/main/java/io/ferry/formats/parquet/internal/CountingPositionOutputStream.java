package io.ferry.formats.parquet.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A {@link PositionOutputStream} that counts the bytes it passes on. Parquet needs the position
 * to record page and row-group offsets in the footer. Buffers, because Parquet writes page
 * headers in many small pieces. {@link #close()} is safe twice.
 */
final class CountingPositionOutputStream extends PositionOutputStream {
    private static final int BUFFER = 64 * 1024;

    private final OutputStream out;
    private long position;
    private boolean closed;

    CountingPositionOutputStream(OutputStream out) {
        this.out = new BufferedOutputStream(out, BUFFER);
    }

    @Override
    public long getPos() {
        return position;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        position += len;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
