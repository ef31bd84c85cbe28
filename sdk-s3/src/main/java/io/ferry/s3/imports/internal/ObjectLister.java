package io.ferry.s3.imports.internal;

import io.ferry.core.FerryIoException;
import io.ferry.core.incremental.ListedObject;
import io.ferry.s3.export.internal.S3Errors;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Lists a bucket under a prefix with ListObjectsV2, page by page. */
public final class ObjectLister {
    private ObjectLister() {
    }

    /**
     * The objects under {@code prefix}, after {@code startAfter} when not null.
     *
     * @throws FerryIoException naming the bucket if listing fails
     */
    public static List<ListedObject> list(S3Client client, String bucket, String prefix, String startAfter) {
        List<ListedObject> out = new ArrayList<>();
        ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
        if (startAfter != null && !startAfter.isEmpty()) {
            req.startAfter(startAfter);
        }
        try {
            for (S3Object o : client.listObjectsV2Paginator(req.build()).contents()) {
                out.add(ListedObject.of(o.key(), o.size() == null ? 0 : o.size(), o.lastModified(),
                        o.storageClassAsString()));
            }
        } catch (SdkException e) {
            throw new FerryIoException("cannot list s3://" + bucket + "/" + prefix + ": " + S3Errors.describe(e), e,
                    S3Errors.retryable(e));
        }
        return out;
    }
}
