package io.ferry.core.compress.internal;

import io.ferry.core.FerryIoException;
import io.ferry.core.internal.DaemonThreads;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;

/**
 * The deflate threads of one export (or one TD write), shared by all its open gzip streams
 * ({@link ParallelGzipOutputStream}): {@code threads} daemon threads, one compression level, and
 * at most {@code 2 x threads} blocks waiting or being compressed at once across all streams (a
 * stream that submits one more waits until a block is done), so the input held for compression
 * is bounded by that many blocks. Deflaters and output scratch buffers are reused across blocks
 * and ended at {@link #close()}. Thread-safe.
 */
public final class DeflatePool implements AutoCloseable {
    /** Default block size: 128 KiB, pigz's. */
    public static final int DEFAULT_BLOCK_SIZE = 128 * 1024;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final int level;
    private final int blockSize;
    private final ExecutorService executor;
    private final Semaphore blocks;
    private final ConcurrentLinkedQueue<Deflater> deflaters = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<byte[]> scratch = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /**
     * A pool of {@code threads} deflate threads at {@code level}, compressing blocks of
     * {@code blockSize} bytes.
     *
     * @param threads   compressing threads, at least 1
     * @param level     the deflate level, 1..9
     * @param blockSize the input bytes per block, at least 32 KiB
     * @param name      the start of the threads' names
     */
    public DeflatePool(int threads, int level, int blockSize, String name) {
        if (threads < 1 || level < 1 || level > 9 || blockSize < ParallelGzipOutputStream.DICTIONARY) {
            throw new IllegalArgumentException("threads " + threads + ", level " + level + ", blockSize " + blockSize);
        }
        this.threads = threads;
        this.level = level;
        this.blockSize = blockSize;
        this.executor = Executors.newFixedThreadPool(threads,
                DaemonThreads.factory(name + "-" + POOLS.incrementAndGet()));
        this.blocks = new Semaphore(2 * threads);
    }

    /** {@return the compressing threads} */
    public int threads() {
        return threads;
    }

    /** {@return the deflate level} */
    public int level() {
        return level;
    }

    /** {@return the input bytes per block} */
    public int blockSize() {
        return blockSize;
    }

    /**
     * Runs {@code task} on a deflate thread once fewer than {@code 2 x threads} blocks are under
     * way; blocks the caller until then.
     *
     * @throws FerryIoException if interrupted while waiting, or the pool is closed
     */
    <T> Future<T> submit(Callable<T> task) {
        if (closed) {
            throw new FerryIoException("the gzip threads were stopped; the export or write is over", null, false);
        }
        try {
            blocks.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryIoException("interrupted while waiting for a gzip thread", e, false);
        }
        try {
            return executor.submit(() -> {
                try {
                    return task.call();
                } finally {
                    blocks.release();
                }
            });
        } catch (RejectedExecutionException e) {
            blocks.release();
            throw new FerryIoException("the gzip threads were stopped; the export or write is over", e, false);
        }
    }

    /** A raw deflater at the pool's level, reset; give it back with {@link #release(Deflater)}. */
    Deflater deflater() {
        Deflater d = deflaters.poll();
        if (d == null) {
            return new Deflater(level, true);
        }
        d.reset();
        return d;
    }

    void release(Deflater d) {
        if (closed) {
            d.end();
        } else {
            deflaters.add(d);
        }
    }

    /** An output buffer large enough for any block's compressed bytes. */
    byte[] scratch() {
        byte[] b = scratch.poll();
        return b != null ? b : new byte[outputBound(blockSize)];
    }

    void release(byte[] b) {
        if (!closed) {
            scratch.add(b);
        }
    }

    /** The most bytes deflate makes of {@code n} input bytes, with room for a sync flush and the final block. */
    static int outputBound(int n) {
        // zlib's deflateBound for stored blocks: 5 bytes per 16 KiB block, plus headers and flush markers
        return n + (n >>> 12) + (n >>> 14) * 5 + 64;
    }

    /** Stops the threads (blocks under way finish) and ends the deflaters. Safe to call twice. */
    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        Deflater d;
        while ((d = deflaters.poll()) != null) {
            d.end();
        }
        scratch.clear();
    }
}
