package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import io.ferry.s3.internal.S3Errors;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Tells an export's own writes from anyone else's after an answer was lost. The AWS SDK retries
 * a request whose response never came, so a PutObject that landed is sent again (and a
 * conditional one then answers 412), and a CompleteMultipartUpload that landed answers 412 or
 * NoSuchUpload. Every object an export writes carries a write id in its user metadata
 * ({@link ObjectOptions#WRITE_ID_METADATA}); a HEAD that finds it proves the object is ours. The
 * ETag (MD5 of a single put, or MD5 of the part MD5s and the part count for a multipart upload,
 * when not KMS-encrypted) is a cross-check, and the only sign on a store that drops user
 * metadata. Stateless; the HEADs and deletes retry a bounded number of times on failures that
 * may pass, on top of the SDK's own retries.
 */
final class OwnWrites {
    private static final Logger LOG = LoggerFactory.getLogger(OwnWrites.class);
    static final int ATTEMPTS = 3;
    private static final long PAUSE_MILLIS = 100;

    private OwnWrites() {
    }

    /** What a HEAD found at a key: nothing, or an object with its write id (null if none) and ETag. */
    record Remote(boolean exists, String writeId, String eTag) {
        static final Remote ABSENT = new Remote(false, null, null);

        /**
         * Whether the object was written with {@code ourWriteId}: its metadata says so, or, when
         * it carries no write id at all, its ETag equals {@code expectedETag} (null: unknown).
         */
        boolean writtenBy(String ourWriteId, String expectedETag, String where) {
            if (!exists) {
                return false;
            }
            if (writeId != null) {
                boolean ours = writeId.equals(ourWriteId);
                if (ours && expectedETag != null && eTag != null && !sameETag(expectedETag, eTag)) {
                    LOG.warn("{} carries this export's write id but ETag {} where {} was expected; the store's"
                            + " ETags are not MD5 digests, or the object changed", where, eTag, expectedETag);
                }
                return ours;
            }
            return expectedETag != null && eTag != null && sameETag(expectedETag, eTag);
        }
    }

    /**
     * HEADs {@code key}: {@link Remote#ABSENT} on 404.
     *
     * @throws FerryIoException if the answer stays unknown (403, or failures after every attempt)
     */
    static Remote head(S3Client s3, String bucket, String key) {
        return withAttempts("check", bucket, key, () -> {
            try {
                HeadObjectResponse h = s3.headObject(b -> b.bucket(bucket).key(key));
                String id = h.metadata().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(ObjectOptions.WRITE_ID_METADATA))
                        .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
                return new Remote(true, id, h.eTag());
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Remote.ABSENT;
                }
                throw e;
            }
        });
    }

    /**
     * Deletes {@code key}; a delete whose answer was lost and that is repeated succeeds too.
     *
     * @throws FerryIoException if it still fails after every attempt
     */
    static void delete(S3Client s3, String bucket, String key) {
        withAttempts("delete", bucket, key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    private static <T> T withAttempts(String verb, String bucket, String key, java.util.function.Supplier<T> call) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return call.get();
            } catch (S3Exception e) {
                if (!S3Errors.retryable(e)) {
                    throw failed(verb, bucket, key, e);
                }
                last = e;
            } catch (SdkException | UncheckedIOException e) {
                last = e;
            }
            LOG.debug("cannot {} s3://{}/{} (attempt {} of {}): {}", verb, bucket, key, attempt, ATTEMPTS,
                    S3Errors.describe(last));
            pause(attempt);
        }
        throw failed(verb, bucket, key, last);
    }

    private static FerryIoException failed(String verb, String bucket, String key, RuntimeException e) {
        return S3Errors.cannot(verb, bucket, key, S3Errors.describe(e), e, retryable(e));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(PAUSE_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryIoException("interrupted while waiting to retry", e);
        }
    }

    /**
     * Whether repeating a failed request may succeed. Besides the SDK's own rule: the AWS SDK
     * throws a bare {@link UncheckedIOException} (not an SdkException, and without retrying) when
     * a response body breaks off while it parses it.
     */
    static boolean retryable(Throwable t) {
        return t instanceof UncheckedIOException || S3Errors.retryable(t);
    }

    /** Whether two ETags are equal, ignoring quotes and case. */
    static boolean sameETag(String a, String b) {
        return unquote(a).equalsIgnoreCase(unquote(b));
    }

    private static String unquote(String eTag) {
        String t = eTag.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** The ETag S3 gives a single put of these bytes without KMS: their MD5 in hex. */
    static String singleETag(byte[] data, int off, int len) {
        MessageDigest md5 = md5();
        md5.update(data, off, len);
        return HexFormat.of().formatHex(md5.digest());
    }

    /**
     * The ETag S3 gives a completed multipart upload without KMS: the MD5 of the parts' binary
     * MD5s, a dash and the part count; null when a part ETag is not an MD5.
     */
    static String multipartETag(List<String> partETags) {
        MessageDigest md5 = md5();
        for (String e : partETags) {
            String hex = unquote(e).toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{32}")) {
                return null;
            }
            md5.update(HexFormat.of().parseHex(hex));
        }
        return HexFormat.of().formatHex(md5.digest()) + "-" + partETags.size();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    /**
     * Makes a write id from the run's sync id, its writer id when set (writers of one two-phase
     * export share the sync id) and the object's number, e.g. {@code 3f2a...-e1/7} or
     * {@code 20261206T150405Z-9f3a1c2b7d04/part-3/7}.
     */
    static String writeId(io.ferry.core.template.KeyContext run, int objectNumber) {
        return run.syncId().orElseThrow() + run.writer().map(w -> "/" + w).orElse("") + "/" + objectNumber;
    }
}
