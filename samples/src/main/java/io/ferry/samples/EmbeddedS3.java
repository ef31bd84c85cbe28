package io.ferry.samples;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An Adobe S3Mock started in this JVM on 127.0.0.1 (plain HTTP, random port), keeping its files
 * under {@code target/}. For samples and benchmarks only. {@link #close()} stops it.
 */
public final class EmbeddedS3 implements AutoCloseable {
    private final S3MockApplication server;
    private final URI endpoint;

    // S3Mock deprecates in-process use to steer users to its jar or container; for a
    // self-contained sample that runs with one Maven command, in-process is the point.
    @SuppressWarnings("deprecation")
    private EmbeddedS3(S3MockApplication server) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getHttpPort());
    }

    /** Starts S3Mock with the given buckets; takes a few seconds. */
    public static EmbeddedS3 start(String... buckets) {
        Path root = Path.of("target", "embedded-s3", Long.toString(System.nanoTime())).toAbsolutePath();
        try {
            Files.createDirectories(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + root, e);
        }
        Map<String, Object> props = new HashMap<>();
        props.put(S3MockApplication.PROP_HTTPS_PORT, "0");
        props.put(S3MockApplication.PROP_HTTP_PORT, "0");
        props.put(S3MockApplication.PROP_SILENT, true);
        props.put("server.address", "127.0.0.1");
        props.put("com.adobe.testing.s3mock.max-payload-size", "64MB");
        props.put("com.adobe.testing.s3mock.store.root", root.toString());
        props.put("com.adobe.testing.s3mock.store.retainFilesOnExit", "false");
        props.put("com.adobe.testing.s3mock.store.initialBuckets", String.join(",", buckets));
        props.put("spring.main.banner-mode", "off");
        return new EmbeddedS3(S3MockApplication.start(props));
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stop();
    }
}
