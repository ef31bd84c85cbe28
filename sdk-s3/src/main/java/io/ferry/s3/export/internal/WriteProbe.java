package io.ferry.s3.export.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.s3.internal.S3Errors;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The {@code testWrite} check: before the first row, put a tiny object under the export's prefix
 * (with the export's encryption and ACL, since bucket policies often demand them) and delete it,
 * so a missing permission fails in a second instead of after the data was read. A store that
 * refuses the request's form (checksums, headers it does not implement) is reported as a
 * configuration problem naming the option to change.
 */
final class WriteProbe {
    private static final Logger LOG = LoggerFactory.getLogger(WriteProbe.class);

    private WriteProbe() {
    }

    /**
     * The fixed folder part of a key template: everything before the first placeholder, cut
     * after the last {@code /}; empty when the template starts with a placeholder or has no folder.
     */
    static String prefixOf(String template) {
        int brace = template.indexOf('{');
        String fixed = brace < 0 ? template : template.substring(0, brace);
        return fixed.substring(0, fixed.lastIndexOf('/') + 1);
    }

    /**
     * Writes and deletes the probe; returns the probe's key if it could not be deleted (the
     * caller tries again at the end of the run, see {@link #cleanUp}), else null.
     *
     * @throws FerryIoException if the probe cannot be written (a probe that may have landed anyway
     *                          is deleted first)
     */
    static String run(S3Client s3, String bucket, String prefix, ObjectOptions options) {
        String key = prefix + ".ferry-write-test-" + UUID.randomUUID() + ".txt";
        ObjectOptions unconditional = options.withoutCondition();
        try {
            s3.putObject(b -> unconditional.apply(b.bucket(bucket).key(key)),
                    RequestBody.fromString("Ferry write test; safe to delete\n", StandardCharsets.UTF_8));
        } catch (S3Exception e) {
            if (looksIncompatible(e)) {
                throw incompatible(bucket, prefix, unconditional, e);
            }
            if (e.statusCode() >= 500) {
                // the put may have landed and only its answer been lost
                delete(s3, bucket, key);
            }
            throw new FerryIoException(message(bucket, prefix, e), e, S3Errors.retryable(e));
        } catch (SdkException | UncheckedIOException e) {
            // the put may have landed and only its answer been lost
            delete(s3, bucket, key);
            throw new FerryIoException("testWrite: cannot reach bucket '" + bucket + "': " + S3Errors.describe(e)
                    + "; check region, endpoint and network", e, OwnWrites.retryable(e));
        }
        return delete(s3, bucket, key) ? null : key;
    }

    /** Deletes a probe left by {@link #run}, once more; logs a warning naming it if that fails too. */
    static void cleanUp(S3Client s3, String bucket, String key) {
        if (!delete(s3, bucket, key)) {
            LOG.warn("testWrite could not delete its probe s3://{}/{}; grant s3:DeleteObject or delete it by hand",
                    bucket, key);
        }
    }

    private static boolean delete(S3Client s3, String bucket, String key) {
        try {
            OwnWrites.delete(s3, bucket, key);
            return true;
        } catch (FerryIoException e) {
            LOG.debug("testWrite could not delete its probe: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Whether the store refused the request's form rather than the caller: a checksum or signing
     * scheme it does not know, or a header it does not implement. S3-compatible stores answer
     * this way to the AWS SDK's flexible checksums, and some to encryption or ACL headers.
     */
    static boolean looksIncompatible(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String text = String.valueOf(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
                .toLowerCase(Locale.ROOT);
        return e.statusCode() == 501 || "NotImplemented".equals(code) || "XAmzContentSHA256Mismatch".equals(code)
                || ("InvalidArgument".equals(code) || "InvalidRequest".equals(code))
                        && (text.contains("checksum") || text.contains("trailer") || text.contains("chunked")
                                || text.contains("x-amz-content-sha256"));
    }

    private static FerryConfigException incompatible(String bucket, String prefix, ObjectOptions options,
                                                     S3Exception e) {
        String what = "testWrite: the store refused the probe object in bucket '" + bucket + "' under prefix '"
                + prefix + "' as a request it does not support (" + S3Errors.describe(e)
                + "); this looks like an S3-compatibility problem, not a missing permission: ";
        if (options.checksumAlgorithm() != null) {
            return new FerryConfigException("requestChecksums", what + "set requestChecksums(RequestChecksums"
                    + ".WHEN_REQUIRED) on the connection (with your own S3Client, also build it with"
                    + " requestChecksumCalculation(WHEN_REQUIRED) and responseChecksumValidation(WHEN_REQUIRED))", e);
        }
        if (options.hasSse() || options.hasAcl()) {
            String option = options.hasSse() ? "sse" : "acl";
            String which = options.hasSse() && options.hasAcl() ? "sse(...) or acl(...); remove them"
                    : option + "(...); remove it";
            return new FerryConfigException(option, what + "the store may not support " + which
                    + ", or check the store's documentation", e);
        }
        return new FerryConfigException("requestChecksums", what + "checksums are already WHEN_REQUIRED"
                + " (with your own S3Client, build it with requestChecksumCalculation(WHEN_REQUIRED));"
                + " check the store's documentation for the headers it supports", e);
    }

    private static String message(String bucket, String prefix, S3Exception e) {
        String where = "bucket '" + bucket + "' under prefix '" + prefix + "'";
        if (e.statusCode() == 404) {
            return "testWrite: bucket '" + bucket + "' does not exist (" + S3Errors.describe(e)
                    + "); create it or fix the bucket name and region";
        }
        if (e.statusCode() == 403) {
            return "testWrite: the credentials may not write to " + where + " (" + S3Errors.describe(e)
                    + "); grant s3:PutObject on arn:aws:s3:::" + bucket + "/" + prefix + "*"
                    + " (plus kms:GenerateDataKey for SSE-KMS), or set testWrite(false) to skip this check";
        }
        return "testWrite: cannot write a probe object to " + where + ": " + S3Errors.describe(e);
    }
}
