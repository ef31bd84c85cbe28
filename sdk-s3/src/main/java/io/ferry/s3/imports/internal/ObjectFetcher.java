package io.ferry.s3.imports.internal;

import io.ferry.core.FerryException;
import io.ferry.core.FerryIoException;
import io.ferry.core.incremental.ListedObject;
import io.ferry.core.internal.DaemonThreads;
import io.ferry.s3.internal.S3Errors;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Hands out the objects of an import in order while downloading the next small ones in the
 * background: up to {@code concurrency} GetObject calls at once and at most
 * {@code maxBufferedBytes} held in memory. An object larger than {@code smallObjectLimit} is not
 * prefetched; it streams when its turn comes. Either way a broken connection is resumed by a
 * {@link ResumableObjectStream}. Used by one consumer thread.
 */
public final class ObjectFetcher implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final S3Client client;
    private final String bucket;
    private final List<ListedObject> objects;
    private final long maxBufferedBytes;
    private final long smallObjectLimit;
    private final int readAttempts;
    private final int window;
    private final ExecutorService pool;
    private final Future<?>[] futures;
    private long buffered;
    private int nextSubmit;

    /**
     * @param objects      the objects in the order they will be opened
     * @param readAttempts the most GetObject calls per object when its connection breaks (see
     *                     {@link ResumableObjectStream})
     */
    public ObjectFetcher(S3Client client, String bucket, List<ListedObject> objects, int concurrency,
                         long maxBufferedBytes, long smallObjectLimit, int readAttempts) {
        this.client = client;
        this.readAttempts = readAttempts;
        this.bucket = bucket;
        this.objects = objects;
        this.maxBufferedBytes = maxBufferedBytes;
        this.smallObjectLimit = Math.min(smallObjectLimit, maxBufferedBytes);
        this.window = concurrency * 8;
        int id = POOLS.incrementAndGet();
        this.pool = Executors.newFixedThreadPool(concurrency, DaemonThreads.factory("ferry-s3-import-" + id));
        this.futures = new Future<?>[objects.size()];
    }

    /**
     * The bytes of object {@code index}; indexes must be opened in increasing order, and each
     * released with {@link #release} before the next is opened.
     *
     * @throws FerryIoException naming the key if the download fails
     */
    public InputStream open(int index) {
        topUp(index);
        ListedObject o = objects.get(index);
        Future<?> f = futures[index];
        if (f != null) {
            try {
                return new ByteArrayInputStream((byte[]) f.get());
            } catch (ExecutionException e) {
                throw failure(o, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FerryIoException("interrupted while reading s3://" + bucket + "/" + o.key(), e);
            } catch (CancellationException e) {
                throw new FerryIoException("the download of s3://" + bucket + "/" + o.key() + " was cancelled", e);
            }
        }
        return new ResumableObjectStream(client, bucket, o.key(), readAttempts);
    }

    /** Frees what object {@code index} held and lets the prefetch move on. */
    public void release(int index) {
        if (futures[index] != null) {
            futures[index] = null;
            buffered -= objects.get(index).size();
        }
        topUp(index + 1);
    }

    private void topUp(int from) {
        if (nextSubmit < from) {
            nextSubmit = from;
        }
        while (nextSubmit < objects.size() && nextSubmit < from + window) {
            ListedObject o = objects.get(nextSubmit);
            if (o.size() > smallObjectLimit) {
                nextSubmit++;
                continue;
            }
            if (buffered > 0 && buffered + o.size() > maxBufferedBytes) {
                return;
            }
            buffered += o.size();
            futures[nextSubmit] = pool.submit(() -> ResumableObjectStream.readAll(client, bucket, o.key(),
                    readAttempts));
            nextSubmit++;
        }
    }

    private FerryException failure(ListedObject o, Throwable cause) {
        if (cause instanceof FerryException f) {
            return f;
        }
        return S3Errors.cannot("read", bucket, o.key(), cause);
    }

    /** Stops the downloads still running. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
