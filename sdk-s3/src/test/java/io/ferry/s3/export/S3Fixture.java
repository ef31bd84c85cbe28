package io.ferry.s3.export;

import io.ferry.s3.testing.SharedS3Mock;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Small helpers over the shared S3Mock for export tests. */
final class S3Fixture {
    static final SharedS3Mock S3 = SharedS3Mock.get();

    private S3Fixture() {
    }

    static S3Client client() {
        return S3.client();
    }

    /** An export builder aimed at the shared S3Mock with dummy credentials. */
    static S3Export.Builder export(String bucket) {
        return S3Export.builder()
                .bucket(bucket)
                .connection(c -> c.client(S3.client()));
    }

    static List<String> keys(String bucket) {
        return client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key).sorted().collect(Collectors.toList());
    }

    static String text(String bucket, String key) {
        return client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    static int pendingUploads(String bucket) {
        return client().listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
    }
}
