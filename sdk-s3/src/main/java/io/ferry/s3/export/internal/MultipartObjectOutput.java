package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import io.ferry.s3.internal.S3Errors;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * An {@link OutputStream} onto one S3 object of unknown length. Bytes collect in a part buffer;
 * each full part goes to S3 as an UploadPart on an {@link UploadPool} thread while the caller
 * fills the next one. Data that never fills one part is sent as a single PutObject instead.
 *
 * <p>Nothing is visible in the bucket until {@link #publish()}: {@link #close()} only ends the
 * data, {@link #seal()} uploads the remaining bytes as the last part without publishing (for
 * objects that must wait for the whole export), and {@link #abort()} discards everything,
 * aborting the multipart upload. Used by one thread; part uploads run on the pool.
 *
 * <p>Publishing is exactly once under the AWS SDK's own retries: when a PutObject or
 * CompleteMultipartUpload ends in a way that may hide a success (a 412 of a conditional write
 * retried after a lost answer, NoSuchUpload for an upload already completed, a 5xx or an I/O
 * failure after the SDK gave up), the key is checked with {@link OwnWrites}, and an object that
 * carries this object's write id counts as published.
 */
public final class MultipartObjectOutput extends OutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartObjectOutput.class);
    // small: an export may hold a thousand partitions open, each with its own buffer
    private static final int INITIAL_BUFFER = 8 * 1024;

    private enum State { OPEN, CLOSED, SEALED, PUBLISHED, ABORTED }

    private final S3Client s3;
    private final String bucket;
    private String key;
    private final ObjectOptions options;
    private final long basePartSize;
    private final UploadPool pool;
    private final PartListener listener;
    private final BufferLedger ledger;

    private final List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private byte[] buffer;
    // the size this object asked for: a recycled buffer may be larger, but it was held by the pool anyway
    private int capacity;
    private int filled;
    private long bytes;
    private String uploadId;
    private State state = State.OPEN;
    private volatile boolean multipartStarted;
    private volatile boolean publishAttempted;

    /** Told on the writer thread each time a part is handed to the pool. */
    public interface PartListener {
        /** Part {@code partNumber} of {@code size} bytes was queued for upload. */
        void partQueued(int partNumber, long size);
    }

    /**
     * @param basePartSize the configured part size; later parts grow, see {@link PartSizes}
     */
    public MultipartObjectOutput(S3Client s3, String bucket, String key, ObjectOptions options,
                                 long basePartSize, UploadPool pool, PartListener listener) {
        this(s3, bucket, key, options, basePartSize, pool, listener, BufferLedger.unlimited());
    }

    /**
     * @param basePartSize the configured part size; later parts grow, see {@link PartSizes}
     * @param ledger       where the bytes of this object's part buffer are counted
     */
    MultipartObjectOutput(S3Client s3, String bucket, String key, ObjectOptions options, long basePartSize,
                          UploadPool pool, PartListener listener, BufferLedger ledger) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.options = options;
        this.basePartSize = basePartSize;
        this.pool = pool;
        this.listener = listener;
        this.ledger = ledger;
    }

    /** The object's key. */
    public String key() {
        return key;
    }

    /** Bytes written so far. */
    public long bytes() {
        return bytes;
    }

    /** Bytes written but not yet handed to the upload pool. */
    public long pendingBytes() {
        return filled;
    }

    /** Bytes this object's part buffer holds room for (its capacity, not its fill). */
    public long bufferedBytes() {
        return capacity;
    }

    /** Whether a CreateMultipartUpload was sent for this object (it may have created uploads even if it failed). */
    public boolean multipartStarted() {
        return multipartStarted;
    }

    /** The id of this object's multipart upload while it is started and not aborted, or null. */
    public String liveUploadId() {
        return state == State.ABORTED ? null : uploadId;
    }

    /** The id of the multipart upload that became this object, or null. */
    public String completedUploadId() {
        return state == State.PUBLISHED ? uploadId : null;
    }

    /** Whether a publishing request (PutObject or CompleteMultipartUpload) was sent: the object may exist. */
    public boolean publishAttempted() {
        return publishAttempted;
    }

    /** Whether {@link #publish()} returned: the object is in the bucket. */
    public boolean published() {
        return state == State.PUBLISHED;
    }

    /** The write id in the object's metadata. */
    public String writeId() {
        return options.writeId();
    }

    /** Parts queued so far (0 while the data fits one part). */
    public int partCount() {
        return parts.size();
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (state != State.OPEN) {
            throw new IllegalStateException("s3://" + bucket + "/" + key + " is " + state.name().toLowerCase());
        }
        throwIfFailed();
        while (len > 0) {
            long limit = PartSizes.sizeOfPart(parts.size() + 1, basePartSize);
            if (filled == limit) {
                // dispatch lazily: a full buffer may still turn out to be the only (single put) part
                dispatch();
                continue;
            }
            int n = (int) Math.min(len, limit - filled);
            ensureCapacity(filled + n, limit);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            bytes += n;
            off += n;
            len -= n;
        }
    }

    private void ensureCapacity(int needed, long limit) {
        if (buffer != null && capacity >= needed) {
            return;
        }
        int size = (int) Math.min(limit, Math.max(needed, buffer == null ? INITIAL_BUFFER : 2L * capacity));
        ledger.change(size - capacity);
        capacity = size;
        if (buffer != null && buffer.length >= size) {
            return;
        }
        byte[] grown = pool.buffer(size);
        if (buffer != null) {
            System.arraycopy(buffer, 0, grown, 0, filled);
            pool.recycle(buffer);
        }
        buffer = grown;
    }

    private void dispatch() {
        if (uploadId == null) {
            multipartStarted = true;
            uploadId = startUpload();
        }
        int partNumber = parts.size() + 1;
        byte[] data = buffer == null ? new byte[0] : buffer;
        int size = filled;
        ledger.change(-capacity);
        capacity = 0;
        buffer = null;
        filled = 0;
        CompletableFuture<CompletedPart> part = pool.submit(() -> {
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
        });
        parts.add(part);
        listener.partQueued(partNumber, size);
    }

    private String createUpload(AttemptCounter attempts) {
        return call("start the multipart upload", () -> s3.createMultipartUpload(b -> options.apply(
                b.bucket(bucket).key(key)).overrideConfiguration(o -> o.addMetricPublisher(attempts))).uploadId());
    }

    /**
     * Starts the multipart upload, and makes sure it is this key's only upload of this run: when
     * the answer to CreateMultipartUpload was lost, the SDK sent it again and the store started a
     * second upload whose id never reached us. Only then (the SDK's metrics say the request was
     * sent more than once, or say nothing) are the key's uploads listed: strays (same key,
     * initiated since just before the call, less the sweep's clock skew) are aborted at once,
     * before any part is uploaded, and so is ours, which is then started afresh: on some stores
     * (S3Mock 5.2.0) aborting one upload of a key breaks every other upload of that key. When the
     * check itself fails, the end-of-run {@link UploadSweep} is the fallback. Skipping the listing
     * after a single attempt matters where the store lists slowly: S3Mock reads every upload of
     * the bucket for each listing, which made an export of thousands of small objects quadratic.
     */
    private String startUpload() {
        for (int round = 1; ; round++) {
            Instant notBefore = Instant.now().minus(UploadSweep.CLOCK_SKEW);
            AttemptCounter attempts = new AttemptCounter();
            String id = createUpload(attempts);
            if (attempts.sentOnce()) {
                return id;
            }
            List<String> strays;
            try {
                strays = UploadSweep.strays(s3, bucket, key, id, notBefore);
            } catch (SdkException | UncheckedIOException e) {
                LOG.debug("cannot list the uploads of s3://{}/{}: {}", bucket, key, S3Errors.describe(e));
                return id;
            }
            if (strays.isEmpty() || round == OwnWrites.ATTEMPTS) {
                return id;
            }
            LOG.info("s3://{}/{} has {} more multipart upload(s) started by a retried request; aborting them and"
                    + " starting again", bucket, key, strays.size());
            try {
                for (String stray : strays) {
                    UploadSweep.abort(s3, bucket, key, stray);
                }
                UploadSweep.abort(s3, bucket, key, id);
            } catch (SdkException | UncheckedIOException e) {
                LOG.debug("cannot abort the extra uploads of s3://{}/{}: {}", bucket, key, S3Errors.describe(e));
                return id;
            }
        }
    }

    /** Ends the data; nothing is uploaded or published yet. Safe to call twice. */
    @Override
    public void close() {
        if (state == State.OPEN) {
            state = State.CLOSED;
        }
    }

    /**
     * Hands the buffered bytes to the upload pool now as the next part, before the part is full,
     * to free the buffer under memory pressure. Only allowed while at least S3's minimum part size
     * is buffered (every part but the last must be that large).
     *
     * @throws IllegalStateException if less than {@link PartSizes#MIN_PART_SIZE} is buffered
     */
    public void flushPart() {
        if (state != State.OPEN || filled < PartSizes.MIN_PART_SIZE) {
            throw new IllegalStateException("s3://" + bucket + "/" + key + " holds " + filled
                    + " bytes, less than a part");
        }
        throwIfFailed();
        dispatch();
    }

    /**
     * Ends the data and hands what is left to the upload pool as the last part, without waiting
     * for it: the buffer is freed at once, and {@link #publish()} (or {@link #seal()}) later waits
     * for the parts. The object is then always a multipart upload, even when small.
     */
    public void finishEarly() {
        close();
        if (state != State.CLOSED) {
            return;
        }
        try {
            throwIfFailed();
            if (filled > 0 || uploadId == null) {
                dispatch();
            }
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    /**
     * Uploads whatever is left as the last part and waits for every part, without publishing:
     * the object appears only at {@link #publish()}. Idempotent.
     *
     * @throws FerryIoException naming the object if a part failed (the upload is then aborted)
     */
    public void seal() {
        close();
        if (state != State.CLOSED) {
            return;
        }
        try {
            if (filled > 0 || uploadId == null) {
                dispatch();
            }
            awaitParts();
            state = State.SEALED;
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    /**
     * Makes the object visible: a single PutObject when the data fit one part and was not
     * sealed, else CompleteMultipartUpload. Returns the ETag.
     *
     * @throws KeyExistsException if the write was conditional and the key holds another writer's object
     * @throws FerryIoException   naming the object for any other failure (the upload is aborted)
     */
    public String publish() {
        close();
        if (state == State.PUBLISHED || state == State.ABORTED) {
            throw new IllegalStateException("s3://" + bucket + "/" + key + " is " + state.name().toLowerCase());
        }
        try {
            String eTag;
            if (state == State.CLOSED && uploadId == null) {
                eTag = putSingle();
            } else {
                seal();
                List<CompletedPart> done = new ArrayList<>(parts.size());
                for (CompletableFuture<CompletedPart> p : parts) {
                    done.add(p.join());
                }
                done.sort(Comparator.comparingInt(CompletedPart::partNumber));
                publishAttempted = true;
                eTag = confirmed("complete the multipart upload", () -> s3.completeMultipartUpload(b -> options.apply(
                        b.bucket(bucket).key(key).uploadId(uploadId)
                                .multipartUpload(m -> m.parts(done)))).eTag(),
                        () -> options.kms() ? null : OwnWrites.multipartETag(
                                done.stream().map(CompletedPart::eTag).collect(Collectors.toList())));
            }
            state = State.PUBLISHED;
            return eTag;
        } catch (KeyExistsException e) {
            if (uploadId != null) {
                abort();
            }
            // a single put keeps its bytes: the caller may rekey() and publish again
            throw e;
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    /**
     * Moves a not yet started object to another key, after a conditional single put found its
     * key taken.
     *
     * @throws IllegalStateException once a multipart upload has started
     */
    public void rekey(String newKey) {
        if (uploadId != null || state == State.PUBLISHED || state == State.ABORTED) {
            throw new IllegalStateException("s3://" + bucket + "/" + key + " has started uploading; it cannot move");
        }
        this.key = newKey;
    }

    private String putSingle() {
        byte[] data = buffer == null ? new byte[0] : buffer;
        int size = filled;
        publishAttempted = true;
        String eTag = confirmed("put the object", () -> s3.putObject(b -> options.apply(b.bucket(bucket).key(key)
                        .contentLength((long) size)),
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, size), size,
                        "application/octet-stream")).eTag(),
                () -> options.kms() ? null : OwnWrites.singleETag(data, 0, size));
        releaseBuffer();
        return eTag;
    }

    /**
     * Discards the object: waits for parts in flight, then aborts the multipart upload. Never
     * throws; a failed abort is logged (the bucket's lifecycle rule for incomplete uploads then
     * cleans up). Idempotent.
     */
    public void abort() {
        if (state == State.ABORTED || state == State.PUBLISHED) {
            return;
        }
        state = State.ABORTED;
        for (CompletableFuture<CompletedPart> p : parts) {
            try {
                p.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | CompletionException e) {
                LOG.debug("part of s3://{}/{} failed before abort", bucket, key, io.ferry.core.Secrets.redact(e));
            }
        }
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    // NoSuchUpload: gone already, e.g. a retried abort whose first answer was lost
                    LOG.debug("multipart upload {} of s3://{}/{} was already gone", uploadId, bucket, key);
                } else {
                    LOG.warn("could not abort the multipart upload {} of s3://{}/{}: {}; the export's sweep"
                            + " tries again", uploadId, bucket, key, S3Errors.describe(e));
                }
            } catch (SdkException | UncheckedIOException e) {
                LOG.warn("could not abort the multipart upload {} of s3://{}/{}: {}; the export's sweep tries again",
                        uploadId, bucket, key, S3Errors.describe(e));
            }
        }
        releaseBuffer();
    }

    private void releaseBuffer() {
        ledger.change(-capacity);
        capacity = 0;
        if (buffer != null) {
            pool.recycle(buffer);
            buffer = null;
        }
    }

    private void awaitParts() {
        for (CompletableFuture<CompletedPart> p : parts) {
            try {
                p.join();
            } catch (CompletionException e) {
                throwIfFailed();
                throw failed("upload a part", e.getCause());
            }
        }
    }

    private void throwIfFailed() {
        Throwable t = failure.get();
        if (t instanceof PartFailure) {
            PartFailure f = (PartFailure) t;
            throw failed("upload part " + f.partNumber, f.getCause());
        }
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Exception e) {
            if (e.statusCode() == 412 && options.ifNoneMatch()) {
                throw new KeyExistsException(bucket, key, e);
            }
            throw failed(what, e);
        } catch (SdkException | UncheckedIOException e) {
            throw failed(what, e);
        }
    }

    /**
     * Runs a publishing request. When its outcome may hide a success of an earlier attempt, HEADs
     * the key and returns the ETag found if the object is this one.
     *
     * @param expectedETag the ETag this object would have, or null if unknown
     */
    private String confirmed(String what, Supplier<String> request, Supplier<String> expectedETag) {
        try {
            return request.get();
        } catch (S3Exception e) {
            boolean conflict = e.statusCode() == 412 && options.ifNoneMatch();
            if (conflict || mayHaveActed(e)) {
                String own = ownWrite(what, expectedETag, e);
                if (own != null) {
                    return own;
                }
            }
            if (conflict) {
                throw new KeyExistsException(bucket, key, e);
            }
            throw failed(what, e);
        } catch (SdkException | UncheckedIOException e) {
            String own = ownWrite(what, expectedETag, e);
            if (own != null) {
                return own;
            }
            throw failed(what, e);
        }
    }

    /**
     * Whether a failed publishing request may have been carried out by an earlier attempt: a
     * server error (the SDK retried), NoSuchUpload (the upload was completed), or a 2xx/3xx
     * reported as an error; not a plain 4xx refusal.
     */
    private static boolean mayHaveActed(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() >= 500 || e.statusCode() < 400 || "NoSuchUpload".equals(code)
                || (e.statusCode() == 404 && code == null);
    }

    /**
     * The ETag of this object if the key holds it (written by an attempt whose answer was lost),
     * else null.
     *
     * @throws FerryIoException if that cannot be told: then neither a new key nor success is safe
     */
    private String ownWrite(String what, Supplier<String> expectedETag, RuntimeException cause) {
        String where = "s3://" + bucket + "/" + key;
        try {
            OwnWrites.Remote remote = OwnWrites.head(s3, bucket, key);
            if (remote.writtenBy(options.writeId(), expectedETag.get(), where)) {
                LOG.info("{} was written by this export; the answer to an earlier attempt was lost ({})", where,
                        S3Errors.describe(cause));
                return remote.eTag();
            }
            return null;
        } catch (FerryIoException e) {
            boolean denied = e.getCause() instanceof S3Exception && ((S3Exception) e.getCause()).statusCode() == 403;
            throw new FerryIoException("cannot " + what + " of " + where + ": " + S3Errors.describe(cause)
                    + "; whether an earlier attempt wrote it is unknown (" + e.getMessage() + ")"
                    + (denied ? "; grant s3:GetObject on the export's keys so Ferry can recognise its own writes" : ""),
                    cause, !denied);
        }
    }

    private FerryIoException failed(String what, Throwable cause) {
        return new FerryIoException("cannot " + what + " of s3://" + bucket + "/" + key + ": "
                + S3Errors.describe(cause), cause, OwnWrites.retryable(cause));
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
