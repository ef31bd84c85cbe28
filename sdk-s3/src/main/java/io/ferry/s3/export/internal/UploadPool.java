package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import io.ferry.core.internal.DaemonThreads;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads and memory of one export's uploads: at most {@code concurrency} parts are in
 * flight at once (a writer that fills one more blocks until a slot frees), and part buffers are
 * recycled, so the memory held for uploads is bounded by part size x (concurrency + open
 * objects). Thread-safe.
 */
public final class UploadPool implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService executor;
    private final Semaphore slots;
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private final int maxSpare;
    private final long minSpareSize;

    /**
     * A pool of {@code concurrency} upload threads that keeps up to concurrency + 1 spare buffers
     * of at least {@code partSize} bytes (smaller ones, left by growing a buffer, go to the GC).
     */
    public UploadPool(int concurrency, long partSize) {
        int id = POOLS.incrementAndGet();
        this.executor = Executors.newFixedThreadPool(concurrency, DaemonThreads.factory("ferry-s3-upload-" + id));
        this.slots = new Semaphore(concurrency);
        this.maxSpare = concurrency + 1;
        this.minSpareSize = partSize;
    }

    /**
     * Runs {@code task} on an upload thread once a slot is free; blocks the caller until then.
     * The slot is released when the task ends, however it ends.
     */
    <T> CompletableFuture<T> submit(Supplier<T> task) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryIoException("interrupted while waiting for an upload slot", e);
        }
        try {
            return CompletableFuture.supplyAsync(task, executor).whenComplete((r, e) -> slots.release());
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** A buffer of at least {@code size} bytes, recycled when one is spare. */
    byte[] buffer(int size) {
        synchronized (spare) {
            for (java.util.Iterator<byte[]> it = spare.iterator(); it.hasNext(); ) {
                byte[] b = it.next();
                if (b.length >= size) {
                    it.remove();
                    return b;
                }
            }
        }
        return new byte[size];
    }

    /** Returns a buffer for reuse. */
    void recycle(byte[] buffer) {
        if (buffer.length < minSpareSize) {
            return;
        }
        synchronized (spare) {
            if (spare.size() < maxSpare) {
                spare.addLast(buffer);
            }
        }
    }

    /** Stops the threads; tasks already running finish. */
    @Override
    public void close() {
        executor.shutdown();
        synchronized (spare) {
            spare.clear();
        }
    }
}
