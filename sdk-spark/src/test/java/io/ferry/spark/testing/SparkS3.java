package io.ferry.spark.testing;

import io.ferry.core.testing.DuckDb;
import io.ferry.s3.testing.SharedS3Mock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Helpers of the sdk-spark tests around the shared S3Mock: options, listings, downloads. */
public final class SparkS3 {
    private SparkS3() {
    }

    /** {@return the connection options of format("ferry") for the shared S3Mock and a bucket} */
    public static Map<String, String> connection(String bucket) {
        SharedS3Mock s3 = SharedS3Mock.get();
        Map<String, String> m = new HashMap<>();
        m.put("bucket", bucket);
        m.put("endpoint", s3.endpoint().toString());
        m.put("path_style", "true");
        m.put("region", "us-east-1");
        m.put("auth_method", "basic");
        m.put("access_key_id", SharedS3Mock.ACCESS_KEY_ID);
        m.put("secret_access_key", SharedS3Mock.SECRET_ACCESS_KEY);
        return m;
    }

    /** {@return the keys under a prefix, sorted} */
    public static List<String> keys(String bucket, String prefix) {
        return SharedS3Mock.get().client().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()
                .stream().map(S3Object::key).sorted().toList();
    }

    /** {@return the number of multipart uploads still open in a bucket} */
    public static int openUploads(String bucket) {
        return SharedS3Mock.get().client().listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
    }

    /** Downloads every object under a prefix into a folder; {@return the files} */
    public static List<Path> download(String bucket, String prefix, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new java.util.ArrayList<>();
        for (String key : keys(bucket, prefix)) {
            Path f = dir.resolve(key.replace('/', '_'));
            SharedS3Mock.get().client().getObject(b -> b.bucket(bucket).key(key), f);
            files.add(f);
        }
        return files;
    }

    /** {@return a DuckDB list literal of files, {@code ['a', 'b']}} */
    public static String fileList(List<Path> files) {
        return files.stream().map(DuckDb::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Puts a text object. */
    public static void put(String bucket, String key, byte[] body) {
        SharedS3Mock.get().client().putObject(b -> b.bucket(bucket).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(body));
    }
}
