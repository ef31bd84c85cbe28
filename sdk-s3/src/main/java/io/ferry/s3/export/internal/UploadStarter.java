package io.ferry.s3.export.internal;

import io.ferry.s3.internal.S3Errors;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts the multipart upload of one object, and makes sure it is this key's only upload of this
 * run: when the answer to CreateMultipartUpload was lost, the SDK sent it again and the store
 * started a second upload whose id never reached us. Only then (the SDK's metrics say the request
 * was sent more than once, or say nothing) are the key's uploads listed: strays (same key,
 * initiated since just before the call, less the sweep's clock skew) are aborted at once, before
 * any part is uploaded, and so is ours, which is then started afresh: on some stores (S3Mock
 * 5.2.0) aborting one upload of a key breaks every other upload of that key. When the check
 * itself fails, the end-of-run {@link UploadSweep} is the fallback. Skipping the listing after a
 * single attempt matters where the store lists slowly: S3Mock reads every upload of the bucket for
 * each listing, which made an export of thousands of small objects quadratic. Stateless.
 */
final class UploadStarter {
    private static final Logger LOG = LoggerFactory.getLogger(UploadStarter.class);

    private UploadStarter() {
    }

    /**
     * The id of a new multipart upload of {@code key}, with any strays of a retried request aborted.
     *
     * @throws KeyExistsException              if the write was conditional and the key exists
     * @throws io.ferry.core.FerryIoException naming the object if the upload cannot start
     */
    static String start(S3Client s3, ObjectRequests requests, String bucket, String key, ObjectOptions options) {
        for (int round = 1; ; round++) {
            Instant notBefore = Instant.now().minus(UploadSweep.CLOCK_SKEW);
            AttemptCounter attempts = new AttemptCounter();
            String id = requests.call("start the multipart upload", key, () -> s3.createMultipartUpload(
                    b -> options.apply(b.bucket(bucket).key(key))
                            .overrideConfiguration(o -> o.addMetricPublisher(attempts))).uploadId());
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
}
