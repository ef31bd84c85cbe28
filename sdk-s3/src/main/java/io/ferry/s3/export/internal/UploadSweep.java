package io.ferry.s3.export.internal;

import io.ferry.s3.internal.S3Errors;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Aborts the multipart uploads a run left behind without knowing their ids: when the answer to a
 * CreateMultipartUpload is lost, the AWS SDK sends it again and S3 starts a second upload, and
 * the first id never reaches Ferry. At the end of a run that started uploads, the sweep lists the
 * uploads under the template's fixed prefix and aborts each one whose key this run started an
 * upload for, whose id is not one this run completed, and that was initiated after the run
 * started (less {@link #CLOCK_SKEW}). Never throws: a failed sweep is logged.
 */
final class UploadSweep {
    private static final Logger LOG = LoggerFactory.getLogger(UploadSweep.class);
    /** How far the store's clock may be behind ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private UploadSweep() {
    }

    /**
     * Sweeps {@code bucket} under {@code prefix}; returns how many uploads were aborted.
     *
     * @param keys      keys this run sent CreateMultipartUpload for
     * @param completed upload ids this run completed (never aborted)
     * @param runStart  when the run started, by the local clock
     */
    static int run(S3Client s3, String bucket, String prefix, Set<String> keys, Set<String> completed,
                   Instant runStart) {
        if (keys.isEmpty()) {
            return 0;
        }
        Instant notBefore = runStart.minus(CLOCK_SKEW);
        for (int attempt = 1; ; attempt++) {
            try {
                int aborted = 0;
                for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix))
                        .uploads()) {
                    if (keys.contains(u.key()) && !completed.contains(u.uploadId())
                            && (u.initiated() == null || !u.initiated().isBefore(notBefore))) {
                        abort(s3, bucket, u.key(), u.uploadId());
                        aborted++;
                    }
                }
                if (aborted > 0) {
                    LOG.info("aborted {} multipart upload(s) this export left under s3://{}/{}", aborted, bucket,
                            prefix);
                }
                return aborted;
            } catch (SdkException | UncheckedIOException e) {
                if (attempt >= OwnWrites.ATTEMPTS) {
                    LOG.warn("could not sweep the multipart uploads of this export under s3://{}/{}: {}; a bucket"
                            + " lifecycle rule for incomplete uploads removes any left", bucket, prefix,
                            S3Errors.describe(e));
                    return -1;
                }
                LOG.debug("sweep of s3://{}/{} failed (attempt {}): {}", bucket, prefix, attempt,
                        S3Errors.describe(e));
            } catch (RuntimeException e) {
                LOG.warn("could not sweep the multipart uploads of this export under s3://{}/{}", bucket, prefix, e);
                return -1;
            }
        }
    }

    /**
     * Aborts the uploads a two-phase export left under {@code prefix}: every upload initiated at
     * or after {@code notBefore} whose id is not in {@code keep} (an upload whose initiation time
     * the store does not give is left alone). Returns how many were aborted.
     *
     * @throws io.ferry.core.FerryIoException if the uploads cannot be listed or one cannot be aborted
     */
    static int sweepExport(S3Client s3, String bucket, String prefix, Set<String> keep, Instant notBefore) {
        int aborted = 0;
        try {
            for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix))
                    .uploads()) {
                if (!keep.contains(u.uploadId()) && u.initiated() != null && !u.initiated().isBefore(notBefore)) {
                    abort(s3, bucket, u.key(), u.uploadId());
                    aborted++;
                }
            }
        } catch (SdkException | UncheckedIOException e) {
            throw S3Errors.cannot("sweep the multipart uploads under", bucket, prefix, e);
        }
        if (aborted > 0) {
            LOG.info("aborted {} multipart upload(s) of the export under s3://{}/{}", aborted, bucket, prefix);
        }
        return aborted;
    }

    /** Ids of uploads of exactly {@code key}, other than {@code ours}, initiated at or after {@code notBefore}. */
    static List<String> strays(S3Client s3, String bucket, String key, String ours, Instant notBefore) {
        List<String> strays = new ArrayList<>();
        for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(key)).uploads()) {
            if (u.key().equals(key) && !u.uploadId().equals(ours)
                    && (u.initiated() == null || !u.initiated().isBefore(notBefore))) {
                strays.add(u.uploadId());
            }
        }
        return strays;
    }

    /**
     * Aborts an upload as {@link #abort} does, trying {@link OwnWrites#ATTEMPTS} times (on top of the
     * SDK's retries) while the failure may pass.
     */
    static void abortWithAttempts(S3Client s3, String bucket, String key, String uploadId) {
        for (int attempt = 1; ; attempt++) {
            try {
                abort(s3, bucket, key, uploadId);
                return;
            } catch (SdkException | UncheckedIOException e) {
                if (attempt >= OwnWrites.ATTEMPTS || !OwnWrites.retryable(e)) {
                    throw e;
                }
                LOG.debug("abort of upload {} of s3://{}/{} failed (attempt {}): {}", uploadId, bucket, key, attempt,
                        S3Errors.describe(e));
            }
        }
    }

    /** Aborts an upload; one that is gone already (NoSuchUpload) counts as aborted. */
    static void abort(S3Client s3, String bucket, String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
    }
}
