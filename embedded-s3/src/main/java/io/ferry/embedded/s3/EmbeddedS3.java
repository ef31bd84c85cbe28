package io.ferry.embedded.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Adobe S3Mock started in this JVM on 127.0.0.1 (plain HTTP and HTTPS, random ports), keeping
 * its files in a fresh folder under {@code target/}. For Ferry's tests, samples and benchmarks:
 * no AWS account and no network. {@link #close()} stops it.
 *
 * <pre>{@code
 * try (EmbeddedS3 s3 = EmbeddedS3.start("my-bucket")) {
 *     URI endpoint = s3.endpoint();   // http://127.0.0.1:PORT, path-style, any credentials
 * }
 * }</pre>
 *
 * <p>Both Tomcat connectors are bound to 127.0.0.1 by {@link LoopbackConnectors}, a Spring Boot
 * auto-configuration in this jar (S3Mock's plain-HTTP connector would otherwise listen on all
 * interfaces).
 */
public final class EmbeddedS3 implements AutoCloseable {
    private final S3MockApplication server;
    private final URI endpoint;
    private final URI httpsEndpoint;

    // S3Mock deprecates in-process use to steer users to its jar or container; for tests and
    // samples that run with one Maven command, in-process is the point.
    @SuppressWarnings("deprecation")
    private EmbeddedS3(S3MockApplication server) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getHttpPort());
        this.httpsEndpoint = URI.create("https://127.0.0.1:" + server.getPort());
    }

    /** Starts S3Mock with the given buckets; takes a few seconds. */
    public static EmbeddedS3 start(String... buckets) {
        return builder().buckets(buckets).start();
    }

    /** Options for {@link Builder#start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** {@code https://127.0.0.1:PORT}, served with S3Mock's self-signed certificate. */
    public URI httpsEndpoint() {
        return httpsEndpoint;
    }

    /** Stops the server; its files are deleted. */
    @Override
    public void close() {
        server.stop();
    }

    /** How to start an {@link EmbeddedS3}. Not thread-safe. */
    public static final class Builder {
        private final List<String> buckets = new ArrayList<>();
        private final List<String> kmsKeys = new ArrayList<>();
        private Path parent = Path.of("target", "embedded-s3");

        private Builder() {
        }

        /** Buckets that exist from the start. */
        public Builder buckets(String... names) {
            buckets.addAll(List.of(names));
            return this;
        }

        /** KMS key ARNs that SSE-KMS requests may name (S3Mock accepts the bare key id of each). */
        public Builder validKmsKeys(String... keyArns) {
            kmsKeys.addAll(List.of(keyArns));
            return this;
        }

        /** The folder under which the store's own folder is made; default {@code target/embedded-s3}. */
        public Builder storeParent(Path folder) {
            this.parent = folder;
            return this;
        }

        /** Starts the server. */
        public EmbeddedS3 start() {
            Path root = parent.resolve(Long.toString(System.nanoTime())).toAbsolutePath();
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + root, e);
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
            if (!kmsKeys.isEmpty()) {
                props.put("com.adobe.testing.s3mock.store.validKmsKeys", String.join(",", kmsKeys));
            }
            props.put("spring.main.banner-mode", "off");
            return new EmbeddedS3(S3MockApplication.start(props));
        }
    }
}
