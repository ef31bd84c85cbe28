package io.ferry.s3.imports.internal;

import io.ferry.core.FerryIoException;
import io.ferry.core.incremental.ListedObject;
import io.ferry.s3.internal.S3Errors;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists a bucket under a prefix with ListObjectsV2, page by page. A page whose answer breaks
 * (a reset or a cut XML body, which the AWS SDK does not repeat) is asked for again, up to
 * {@code attempts} times per page.
 */
public final class ObjectLister {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectLister.class);

    private ObjectLister() {
    }

    /**
     * The objects under {@code prefix}, after {@code startAfter} when not null.
     *
     * @param attempts the most ListObjectsV2 calls per page, 1 or more
     * @throws FerryIoException naming the bucket if listing fails
     */
    public static List<ListedObject> list(S3Client client, String bucket, String prefix, String startAfter,
                                          int attempts) {
        List<ListedObject> out = new ArrayList<>();
        for (S3Object o : listObjects(client, bucket, prefix, startAfter, attempts)) {
            out.add(toListed(o));
        }
        return out;
    }

    /** A listing entry as the selector sees it. */
    public static ListedObject toListed(S3Object o) {
        return ListedObject.of(o.key(), o.size() == null ? 0 : o.size(), o.lastModified(), o.storageClassAsString());
    }

    /**
     * The listing entries as S3 returned them (with their ETags), under {@code prefix}, after
     * {@code startAfter} when not null.
     *
     * @param attempts the most ListObjectsV2 calls per page, 1 or more
     * @throws FerryIoException naming the bucket if listing fails
     */
    public static List<S3Object> listObjects(S3Client client, String bucket, String prefix, String startAfter,
                                             int attempts) {
        List<S3Object> out = new ArrayList<>();
        ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
        if (startAfter != null && !startAfter.isEmpty()) {
            req.startAfter(startAfter);
        }
        String token = null;
        do {
            ListObjectsV2Response page = page(client, req.continuationToken(token).build(), attempts);
            out.addAll(page.contents());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return out;
    }

    private static ListObjectsV2Response page(S3Client client, ListObjectsV2Request request, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.listObjectsV2(request);
            } catch (SdkException e) {
                String where = "s3://" + request.bucket() + "/" + request.prefix();
                if (attempt >= attempts || !ReadRetries.isTransient(e)) {
                    throw S3Errors.cannot("list", request.bucket(), request.prefix() + (attempt > 1 ? " after "
                            + attempt + " ListObjectsV2 attempts" : ""), S3Errors.describe(e), e,
                            S3Errors.retryable(e) || ReadRetries.isTransient(e));
                }
                LOG.info("listing {} failed ({}); trying again", where, S3Errors.describe(e));
                ReadRetries.pause(attempt, "the listing of " + where);
            }
        }
    }
}
