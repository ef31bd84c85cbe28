package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import io.ferry.s3.export.PreparedObject;
import io.ferry.s3.internal.S3Errors;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

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
 *
 * <p>This class keeps the object's state; the part buffer ({@link PartBuffer}), the parts in
 * flight ({@link PartUploads}), the upload start with its stray check ({@link UploadStarter}) and
 * the requests with their confirmation ({@link ObjectRequests}) live beside it.
 */
public final class MultipartObjectOutput extends OutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartObjectOutput.class);

    private enum State { OPEN, CLOSED, SEALED, PUBLISHED, ABORTED }

    private final S3Client s3;
    private final String bucket;
    private String key;
    private final ObjectOptions options;
    private final long basePartSize;
    private final PartListener listener;
    private final PartBuffer buffer;
    private final ObjectRequests requests;
    private final PartUploads parts;
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
        this.listener = listener;
        this.buffer = new PartBuffer(pool, ledger);
        this.requests = new ObjectRequests(s3, bucket, options);
        this.parts = new PartUploads(s3, bucket, options, pool, requests);
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
        return buffer.filled();
    }

    /** Bytes this object's part buffer holds room for (its capacity, not its fill). */
    public long bufferedBytes() {
        return buffer.capacity();
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
        return parts.count();
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
        parts.throwIfFailed(key);
        while (len > 0) {
            long limit = PartSizes.sizeOfPart(parts.count() + 1, basePartSize);
            if (buffer.filled() == limit) {
                // dispatch lazily: a full buffer may still turn out to be the only (single put) part
                dispatch();
                continue;
            }
            int n = buffer.append(b, off, len, limit);
            bytes += n;
            off += n;
            len -= n;
        }
    }

    private void dispatch() {
        if (uploadId == null) {
            multipartStarted = true;
            uploadId = UploadStarter.start(s3, requests, bucket, key, options);
        }
        PartBuffer.Taken taken = buffer.take();
        int partNumber = parts.submit(key, uploadId, taken.data(), taken.size());
        listener.partQueued(partNumber, taken.size());
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
        if (state != State.OPEN || buffer.filled() < PartSizes.MIN_PART_SIZE) {
            throw new IllegalStateException("s3://" + bucket + "/" + key + " holds " + buffer.filled()
                    + " bytes, less than a part");
        }
        parts.throwIfFailed(key);
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
            parts.throwIfFailed(key);
            if (buffer.filled() > 0 || uploadId == null) {
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
            if (buffer.filled() > 0 || uploadId == null) {
                dispatch();
            }
            parts.await(key);
            state = State.SEALED;
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    /**
     * Stages the object for a two-phase export: {@link #seal()}s it (so even a small object is a
     * multipart upload) and describes the upload. The object stays invisible; the upload is left
     * for {@code S3Export.publish} or {@code S3Export.abort}.
     *
     * @param rows the rows written to the object
     * @throws FerryIoException naming the object if a part failed (the upload is then aborted)
     */
    public PreparedObject stage(long rows) {
        seal();
        if (state != State.SEALED) {
            throw new IllegalStateException("s3://" + bucket + "/" + key + " is " + state.name().toLowerCase());
        }
        return PreparedObject.builder().key(key).uploadId(uploadId).writeId(options.writeId()).rows(rows)
                .bytes(bytes).parts(parts.prepared()).build();
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
                List<CompletedPart> done = parts.completed();
                publishAttempted = true;
                eTag = requests.confirmed("complete the multipart upload", key, () -> s3.completeMultipartUpload(
                        b -> options.apply(b.bucket(bucket).key(key).uploadId(uploadId)
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
        PartBuffer.Taken held = buffer.peek();
        byte[] data = held.data();
        int size = held.size();
        publishAttempted = true;
        String eTag = requests.confirmed("put the object", key, () -> s3.putObject(
                b -> options.apply(b.bucket(bucket).key(key).contentLength((long) size)),
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, size), size,
                        "application/octet-stream")).eTag(),
                () -> options.kms() ? null : OwnWrites.singleETag(data, 0, size));
        buffer.release();
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
        parts.settle(key);
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
        buffer.release();
    }
}
