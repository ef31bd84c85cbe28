package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import io.ferry.s3.internal.S3Errors;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Runs the requests of one object and turns their failures into Ferry's exceptions, naming the
 * object. A publishing request (PutObject, CompleteMultipartUpload) is confirmed: when it ends in
 * a way that may hide a success of an earlier attempt whose answer was lost, the key is checked
 * with {@link OwnWrites}, and an object that carries this object's write id counts as published.
 * Stateless apart from its settings; the key is passed in, as an object may move to another key.
 */
final class ObjectRequests {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectRequests.class);

    private final S3Client s3;
    private final String bucket;
    private final ObjectOptions options;

    ObjectRequests(S3Client s3, String bucket, ObjectOptions options) {
        this.s3 = s3;
        this.bucket = bucket;
        this.options = options;
    }

    /**
     * Runs a request that does not publish.
     *
     * @throws KeyExistsException if the write was conditional and the key exists
     * @throws FerryIoException   naming the object for any other failure
     */
    <T> T call(String what, String key, Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Exception e) {
            if (e.statusCode() == 412 && options.ifNoneMatch()) {
                throw new KeyExistsException(bucket, key, e);
            }
            throw failed(what, key, e);
        } catch (SdkException | UncheckedIOException e) {
            throw failed(what, key, e);
        }
    }

    /**
     * Runs a publishing request. When its outcome may hide a success of an earlier attempt, HEADs
     * the key and returns the ETag found if the object is this one.
     *
     * @param expectedETag the ETag this object would have, or null if unknown
     * @throws KeyExistsException if the write was conditional and the key holds another writer's object
     * @throws FerryIoException   naming the object for any other failure
     */
    String confirmed(String what, String key, Supplier<String> request, Supplier<String> expectedETag) {
        try {
            return request.get();
        } catch (S3Exception e) {
            boolean conflict = e.statusCode() == 412 && options.ifNoneMatch();
            if (conflict || mayHaveActed(e)) {
                String own = ownWrite(what, key, expectedETag, e);
                if (own != null) {
                    return own;
                }
            }
            if (conflict) {
                throw new KeyExistsException(bucket, key, e);
            }
            throw failed(what, key, e);
        } catch (SdkException | UncheckedIOException e) {
            String own = ownWrite(what, key, expectedETag, e);
            if (own != null) {
                return own;
            }
            throw failed(what, key, e);
        }
    }

    /**
     * Whether a failed publishing request may have been carried out by an earlier attempt: a
     * server error (the SDK retried), NoSuchUpload (the upload was completed; S3Proxy says
     * NoSuchKey), or a 2xx/3xx reported as an error; not a plain 4xx refusal.
     */
    private static boolean mayHaveActed(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() >= 500 || e.statusCode() < 400 || "NoSuchUpload".equals(code)
                || (e.statusCode() == 404 && (code == null || "NoSuchKey".equals(code)));
    }

    /**
     * The ETag of this object if the key holds it (written by an attempt whose answer was lost),
     * else null.
     *
     * @throws FerryIoException if that cannot be told: then neither a new key nor success is safe
     */
    private String ownWrite(String what, String key, Supplier<String> expectedETag, RuntimeException cause) {
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
            boolean denied = e.getCause() instanceof S3Exception s && s.statusCode() == 403;
            throw new FerryIoException("cannot " + what + " of " + where + ": " + S3Errors.describe(cause)
                    + "; whether an earlier attempt wrote it is unknown (" + e.getMessage() + ")"
                    + (denied ? "; grant s3:GetObject on the export's keys so Ferry can recognise its own writes" : ""),
                    cause, !denied);
        }
    }

    /** The exception for a failed request of the object at {@code key}. */
    FerryIoException failed(String what, String key, Throwable cause) {
        return S3Errors.cannot(what + " of", bucket, key, S3Errors.describe(cause), cause, OwnWrites.retryable(cause));
    }
}
