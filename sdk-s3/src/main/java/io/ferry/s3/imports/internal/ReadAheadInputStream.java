package io.ferry.s3.imports.internal;

import io.ferry.core.internal.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream on a background thread, a few chunks ahead of the consumer, so that download
 * and decompression of a large object overlap with parsing. Memory is bounded by
 * {@code chunks * chunkSize}. One consumer thread; {@link #close()} stops the reader and closes
 * the source.
 */
final class ReadAheadInputStream extends InputStream {
    private static final Object END = new Object();

    private final InputStream source;
    private final BlockingQueue<Object> queue;
    private final Thread reader;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    ReadAheadInputStream(InputStream source, int chunkSize, int chunks, String name) {
        this.source = source;
        this.queue = new ArrayBlockingQueue<>(chunks);
        this.reader = DaemonThreads.thread(() -> pump(chunkSize), "ferry-read-ahead-" + name);
        reader.start();
    }

    private void pump(int chunkSize) {
        try {
            while (!closed) {
                byte[] b = new byte[chunkSize];
                int n = source.readNBytes(b, 0, chunkSize);
                if (n > 0) {
                    put(n == chunkSize ? b : Arrays.copyOf(b, n));
                }
                if (n < chunkSize) {
                    put(END);
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            put(e);
        }
    }

    private void put(Object item) {
        try {
            while (!closed) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean next() throws IOException {
        if (ended) {
            return false;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for data");
        }
        if (item == END) {
            ended = true;
            return false;
        }
        if (item instanceof IOException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        current = (byte[]) item;
        pos = 0;
        return true;
    }

    @Override
    public int read() throws IOException {
        while (pos >= current.length) {
            if (!next()) {
                return -1;
            }
        }
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos >= current.length) {
            if (!next()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        reader.interrupt();
        source.close();
    }
}
