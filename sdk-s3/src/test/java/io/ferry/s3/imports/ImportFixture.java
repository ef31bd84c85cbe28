package io.ferry.s3.imports;

import io.ferry.formats.Compression;
import io.ferry.s3.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Helpers over one {@link TestStore} for import tests. The import tests extend it and are a
 * {@code @ParameterizedClass} over {@code TestStore#all}, so each runs against every store;
 * {@code new ImportFixture(store)} serves their static set-up.
 */
class ImportFixture {
    final TestStore store;

    ImportFixture(TestStore store) {
        this.store = store;
    }

    S3Client client() {
        return store.client();
    }

    String newBucket(String prefix) {
        return store.newBucket(prefix);
    }

    /** An import builder aimed at the store through its endpoint, with dummy basic credentials. */
    S3Import.Builder imports(String bucket) {
        return S3Import.builder().bucket(bucket).connection(store::connect);
    }

    void put(String bucket, String key, byte[] bytes) {
        client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    void put(String bucket, String key, String text) {
        put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
    }

    void putGlacier(String bucket, String key, String text) {
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
