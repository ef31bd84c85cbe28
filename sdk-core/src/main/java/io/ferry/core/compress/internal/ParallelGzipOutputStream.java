package io.ferry.core.compress.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip compressed on a {@link DeflatePool}, pigz style: the input is cut into blocks of the
 * pool's block size; each block is deflated on a pool thread, primed with the last 32 KiB of
 * the block before it as a preset dictionary and ended with a sync flush (the last block with
 * finish), and the compressed blocks are written to the wrapped stream in order. The result is
 * one ordinary gzip member (RFC 1952), which every gzip reader reads, with a CRC-32 and a length
 * over the whole input (computed in order on the writing thread).
 *
 * <p>Memory: one block being filled (it grows from 16 KiB as data comes), a 32 KiB dictionary,
 * and at most {@code 2 x threads + 1} of this stream's blocks under way or waiting to be
 * written (their compressed bytes). Data that never fills a block is compressed on the writing
 * thread at {@link #close()}, with no hand-off.
 *
 * <p>Used by one thread; the wrapped stream is only called from that thread. {@link #close()}
 * finishes the member and closes the wrapped stream; it is safe to call twice. After a failure
 * the stream is broken: later calls throw.
 */
public final class ParallelGzipOutputStream extends OutputStream {
    /** The dictionary carried from block to block: deflate's window. */
    static final int DICTIONARY = 32 * 1024;
    private static final int FIRST_BUFFER = 16 * 1024;

    private final OutputStream out;
    private final DeflatePool pool;
    private final int blockSize;
    private final int maxQueued;
    private final CRC32 crc = new CRC32();
    private final ArrayDeque<Future<byte[]>> queued = new ArrayDeque<>();
    private long totalIn;
    private byte[] block = new byte[0];
    private int filled;
    private byte[] dictionary;
    private boolean started;
    private boolean closed;
    private IOException broken;

    /**
     * A gzip stream onto {@code out} compressed on {@code pool}.
     *
     * @param out  receives the gzip bytes; closed by {@link #close()}
     * @param pool compresses the blocks; not closed by this stream
     */
    public ParallelGzipOutputStream(OutputStream out, DeflatePool pool) {
        this.out = out;
        this.pool = pool;
        this.blockSize = pool.blockSize();
        this.maxQueued = 2 * pool.threads() + 1;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        check();
        crc.update(b, off, len);
        totalIn += len;
        while (len > 0) {
            if (filled == blockSize) {
                submit(false);
            }
            if (filled == block.length) {
                grow();
            }
            int n = Math.min(len, block.length - filled);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void grow() {
        int size = Math.min(blockSize, Math.max(FIRST_BUFFER, 2 * block.length));
        block = Arrays.copyOf(block, size);
    }

    /** Hands the filled block to the pool and writes the blocks that are done. */
    private void submit(boolean last) throws IOException {
        if (!started) {
            try {
                out.write(header(pool.level()));
            } catch (IOException e) {
                throw fail(e);
            }
            started = true;
        }
        byte[] input = block;
        int length = filled;
        byte[] dict = dictionary;
        if (!last) {
            // the next block is primed with this one's tail
            dictionary = Arrays.copyOfRange(input, length - DICTIONARY, length);
            block = new byte[blockSize];
            filled = 0;
        }
        if (queued.size() >= maxQueued) {
            writeHead();
        }
        queued.add(pool.submit(() -> compress(pool, input, length, dict, last)));
        while (!queued.isEmpty() && queued.peek().isDone()) {
            writeHead();
        }
    }

    private void writeHead() throws IOException {
        Future<byte[]> head = queued.poll();
        byte[] compressed;
        try {
            compressed = head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(new InterruptedIOException("interrupted while waiting for a gzip block"));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw fail(c instanceof IOException io ? io : new IOException("gzip block failed: " + c, c));
        }
        try {
            out.write(compressed);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    /** Deflates one block; on a pool thread, or on the writer's for data smaller than a block. */
    static byte[] compress(DeflatePool pool, byte[] input, int length, byte[] dict, boolean last) {
        Deflater d = pool.deflater();
        byte[] buf = pool.scratch();
        try {
            return deflate(d, buf, input, length, dict, last);
        } finally {
            pool.release(d);
            pool.release(buf);
        }
    }

    private static byte[] deflate(Deflater d, byte[] buf, byte[] input, int length, byte[] dict, boolean last) {
        if (dict != null) {
            d.setDictionary(dict);
        }
        d.setInput(input, 0, length);
        if (last) {
            d.finish();
        }
        int pos = 0;
        while (true) {
            if (pos == buf.length) {
                buf = Arrays.copyOf(buf, 2 * buf.length);
            }
            int n = d.deflate(buf, pos, buf.length - pos, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
            pos += n;
            // sync flush: done once deflate leaves room in the buffer; finish: once finished
            if (last ? d.finished() : pos < buf.length && d.needsInput()) {
                return Arrays.copyOf(buf, pos);
            }
        }
    }

    /** Writes the blocks that are done; keeps the rest under way (gzip cannot flush a partial block). */
    @Override
    public void flush() throws IOException {
        check();
        while (!queued.isEmpty() && queued.peek().isDone()) {
            writeHead();
        }
        out.flush();
    }

    /** Compresses what is left, writes every block in order and the trailer, and closes the wrapped stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (broken != null) {
                throw broken;
            }
            if (!started) {
                // less than a block: on this thread, no hand-off
                out.write(header(pool.level()));
                started = true;
                Deflater d = new Deflater(pool.level(), true);
                try {
                    out.write(deflate(d, new byte[DeflatePool.outputBound(filled)], block, filled, null, true));
                } finally {
                    d.end();
                }
            } else {
                submit(true);
                while (!queued.isEmpty()) {
                    writeHead();
                }
            }
            block = null;
            out.write(trailer());
        } catch (IOException | RuntimeException e) {
            for (Future<byte[]> f : queued) {
                f.cancel(false);
            }
            queued.clear();
            throw e;
        } finally {
            out.close();
        }
    }

    private void check() throws IOException {
        if (broken != null) {
            throw broken;
        }
        if (closed) {
            throw new IOException("the gzip stream is closed");
        }
    }

    private IOException fail(IOException e) {
        broken = e;
        return e;
    }

    private static byte[] header(int level) {
        // no name, no time; XFL says fastest (4) or best (2) as gzip does; OS 255: unknown
        byte xfl = (byte) (level == 1 ? 4 : level == 9 ? 2 : 0);
        return new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, xfl, (byte) 0xff};
    }

    private byte[] trailer() {
        long c = crc.getValue();
        long n = totalIn & 0xffffffffL;
        return new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24),
            (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
    }
}
