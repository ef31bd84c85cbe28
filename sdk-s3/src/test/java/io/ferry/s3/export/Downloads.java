package io.ferry.s3.export;

import io.ferry.core.testing.DuckDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/** Objects copied to local files, for readers that take a path (DuckDB). */
final class Downloads {
    private Downloads() {
    }

    /** Downloads an object to {@code dir} under its key's file name and returns the SQL literal of the file. */
    static String toFile(S3Client s3, String bucket, String key, Path dir) {
        Path file = dir.resolve(key.substring(key.lastIndexOf('/') + 1));
        try {
            Files.write(file, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DuckDb.literal(file);
    }
}
