package io.ferry.s3.export.internal;

import io.ferry.core.Secrets;
import io.ferry.s3.export.PreparedPart;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The parts of one multipart upload: each goes to S3 as an UploadPart on an {@link UploadPool}
 * thread, and a part's failure is remembered there and reported on the writer's thread, naming
 * the part. Parts are submitted by the writer's thread only.
 */
final class PartUploads {
    private static final Logger LOG = LoggerFactory.getLogger(PartUploads.class);

    private final S3Client s3;
    private final String bucket;
    private final ObjectOptions options;
    private final UploadPool pool;
    private final ObjectRequests requests;
    private final List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();
    private final AtomicReference<PartFailure> failure = new AtomicReference<>();

    PartUploads(S3Client s3, String bucket, ObjectOptions options, UploadPool pool, ObjectRequests requests) {
        this.s3 = s3;
        this.bucket = bucket;
        this.options = options;
        this.pool = pool;
        this.requests = requests;
    }

    /** Parts submitted so far. */
    int count() {
        return parts.size();
    }

    /**
     * Uploads {@code size} bytes of {@code data} as the next part, and gives {@code data} back to
     * the pool when done. Returns the part's number.
     */
    int submit(String key, String uploadId, byte[] data, int size) {
        int partNumber = parts.size() + 1;
        sizes.add((long) size);
        parts.add(pool.submit(() -> {
            try {
                UploadPartResponse r = s3.uploadPart(b -> options.apply(b.bucket(bucket).key(key).uploadId(uploadId)
                                .partNumber(partNumber).contentLength((long) size)),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, size), size,
                                "application/octet-stream"));
                return CompletedPart.builder().partNumber(partNumber).eTag(r.eTag())
                        .checksumCRC32(r.checksumCRC32()).build();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new PartFailure(partNumber, e));
                throw e;
            } finally {
                pool.recycle(data);
            }
        }));
        return partNumber;
    }

    /**
     * Throws the first part failure seen so far.
     *
     * @throws io.ferry.core.FerryIoException naming the object and the part
     */
    void throwIfFailed(String key) {
        PartFailure f = failure.get();
        if (f != null) {
            throw requests.failed("upload part " + f.partNumber, key, f.getCause());
        }
    }

    /**
     * Waits for every part.
     *
     * @throws io.ferry.core.FerryIoException naming the object (and the part, when known) if one failed
     */
    void await(String key) {
        for (CompletableFuture<CompletedPart> p : parts) {
            try {
                p.join();
            } catch (CompletionException e) {
                throwIfFailed(key);
                throw requests.failed("upload a part", key, e.getCause());
            }
        }
    }

    /** The uploaded parts in part-number order, for CompleteMultipartUpload; after {@link #await}. */
    List<CompletedPart> completed() {
        List<CompletedPart> done = new ArrayList<>(parts.size());
        for (CompletableFuture<CompletedPart> p : parts) {
            done.add(p.join());
        }
        done.sort(Comparator.comparingInt(CompletedPart::partNumber));
        return done;
    }

    /** The uploaded parts in part-number order with their sizes, for a prepared object; after {@link #await}. */
    List<PreparedPart> prepared() {
        List<PreparedPart> out = new ArrayList<>(parts.size());
        for (CompletedPart c : completed()) {
            out.add(PreparedPart.builder().number(c.partNumber()).eTag(c.eTag()).size(sizes.get(c.partNumber() - 1))
                    .checksumCrc32(c.checksumCRC32()).build());
        }
        return out;
    }

    /** Waits for the parts in flight before an abort, logging failures. Never throws. */
    void settle(String key) {
        for (CompletableFuture<CompletedPart> p : parts) {
            try {
                p.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | CompletionException e) {
                LOG.debug("part of s3://{}/{} failed before abort", bucket, key, Secrets.redact(e));
            }
        }
    }

    /** A part upload's failure, remembered until the writer thread reports it. */
    private static final class PartFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int partNumber;

        PartFailure(int partNumber, Throwable cause) {
            super(cause);
            this.partNumber = partNumber;
        }
    }
}
