package io.ferry.s3.imports;

import io.ferry.core.credentials.Credentials;
import io.ferry.formats.Compression;
import io.ferry.s3.testing.SharedS3Mock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** Helpers over the shared S3Mock for import tests. */
final class ImportFixture {
    static final SharedS3Mock S3 = SharedS3Mock.get();

    private ImportFixture() {
    }

    static S3Client client() {
        return S3.client();
    }

    /** An import builder aimed at the shared S3Mock through its endpoint, with dummy basic credentials. */
    static S3Import.Builder imports(String bucket) {
        return S3Import.builder()
                .bucket(bucket)
                .endpoint(S3.endpoint().toString())
                .pathStyle(true)
                .region("us-east-1")
                .credentials(Credentials.basic(SharedS3Mock.ACCESS_KEY_ID, SharedS3Mock.SECRET_ACCESS_KEY));
    }

    static void put(String bucket, String key, byte[] bytes) {
        client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    static void put(String bucket, String key, String text) {
        put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
    }

    static void putGlacier(String bucket, String key, String text) {
        client().putObject(b -> b.bucket(bucket).key(key).storageClass(StorageClass.GLACIER),
                RequestBody.fromString(text));
    }

    static byte[] compress(Compression c, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.wrap(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
