package io.ferry.s3.export;

import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.s3.testing.TestStore;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Base of the export tests that run against every {@link TestStore}: the subclass is a
 * {@code @ParameterizedClass} over {@code TestStore#all} and passes the store up.
 *
 * <p>On S3Mock, exports use a ready client with the AWS SDK's default checksums (CRC32 on every
 * upload); on the other stores they connect as a user would (endpoint, path style, basic
 * credentials), so Ferry builds the client with its defaults for an endpoint.
 */
abstract class ExportStoreTest {
    final TestStore store;

    ExportStoreTest(TestStore store) {
        this.store = store;
    }

    S3Client client() {
        return store.client();
    }

    String newBucket(String prefix) {
        return store.newBucket(prefix);
    }

    S3Export.Builder export(String bucket) {
        S3Export.Builder b = S3Export.builder().bucket(bucket);
        return store instanceof SharedS3Mock ? b.connection(c -> c.client(store.client())) : b.connection(store::connect);
    }

    List<String> keys(String bucket) {
        return client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key).sorted().collect(Collectors.toList());
    }

    String text(String bucket, String key) {
        return client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    /** Keys of the multipart uploads in progress. */
    List<String> pendingUploads(String bucket) {
        return client().listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                .map(MultipartUpload::key).sorted().collect(Collectors.toList());
    }
}
