package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import java.nio.charset.StandardCharsets;
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
 * so a missing permission fails in a second instead of after the data was read.
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

    static void run(S3Client s3, String bucket, String prefix, ObjectOptions options) {
        String key = prefix + ".ferry-write-test-" + UUID.randomUUID() + ".txt";
        ObjectOptions unconditional = options.withoutCondition();
        try {
            s3.putObject(b -> unconditional.apply(b.bucket(bucket).key(key)),
                    RequestBody.fromString("Ferry write test; safe to delete\n", StandardCharsets.UTF_8));
        } catch (S3Exception e) {
            throw new FerryIoException(message(bucket, prefix, e), e, S3Errors.retryable(e));
        } catch (SdkException e) {
            throw new FerryIoException("testWrite: cannot reach bucket '" + bucket + "': " + S3Errors.describe(e)
                    + "; check region, endpoint and network", e, S3Errors.retryable(e));
        }
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            LOG.warn("testWrite could not delete its probe s3://{}/{} ({}); grant s3:DeleteObject or delete it by hand",
                    bucket, key, S3Errors.describe(e));
        }
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
