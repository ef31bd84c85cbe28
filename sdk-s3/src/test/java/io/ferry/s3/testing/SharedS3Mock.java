package io.ferry.s3.testing;

import io.ferry.embedded.s3.EmbeddedS3;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * One Adobe S3Mock per test JVM ({@link EmbeddedS3}), started on first use on 127.0.0.1 (random
 * ports), with its files under {@code target/s3mock}, and stopped when the JVM exits. Starting costs
 * 5-7 s, so every test class shares it and uses its own bucket ({@link #newBucket}).
 *
 * <pre>{@code
 * SharedS3Mock s3 = SharedS3Mock.get();
 * String bucket = s3.newBucket("export");
 * S3Client client = s3.client();
 * }</pre>
 */
public final class SharedS3Mock implements TestStore {
    /** KMS key id that S3Mock accepts (bare ids only: S3Mock rejects full key ARNs). */
    public static final String VALID_KMS_KEY_ID = "7b3f0f2c-5c7e-4d5b-9a3b-0a1b2c3d4e5f";
    /** Access key id of the dummy credentials S3Mock accepts. */
    public static final String ACCESS_KEY_ID = TestStore.ACCESS_KEY_ID;
    /** Secret of the dummy credentials. */
    public static final String SECRET_ACCESS_KEY = TestStore.SECRET_ACCESS_KEY;

    private static final String KMS_KEY_REF =
            "arn:aws:kms:us-east-1:111122223333:key/" + VALID_KMS_KEY_ID;
    private static volatile SharedS3Mock instance;

    private final EmbeddedS3 server;
    private final URI endpoint;
    private final S3Client client;

    private SharedS3Mock(EmbeddedS3 server) {
        this.server = server;
        this.endpoint = server.endpoint();
        this.client = clientBuilder().build();
    }

    /** The shared instance, started on first call. Thread-safe. */
    public static SharedS3Mock get() {
        SharedS3Mock s = instance;
        if (s == null) {
            synchronized (SharedS3Mock.class) {
                s = instance;
                if (s == null) {
                    s = start();
                    instance = s;
                }
            }
        }
        return s;
    }

    private static SharedS3Mock start() {
        EmbeddedS3 server = EmbeddedS3.builder().storeParent(Path.of("target", "s3mock")).validKmsKeys(KMS_KEY_REF)
                .start();
        SharedS3Mock s = new SharedS3Mock(server);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3mock-stop"));
        return s;
    }

    @Override
    public String name() {
        return "s3mock";
    }

    /** S3Mock does everything {@link TestStore.Feature} lists. */
    @Override
    public boolean supports(Feature feature) {
        return true;
    }

    @Override
    public String toString() {
        return name();
    }

    /** The plain-HTTP endpoint, {@code http://127.0.0.1:PORT}. */
    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The HTTPS endpoint with S3Mock's self-signed certificate, {@code https://127.0.0.1:PORT}. */
    public URI httpsEndpoint() {
        return server.httpsEndpoint();
    }

    /** A client for assertions (path style, dummy credentials). Shared; do not close. */
    @Override
    public S3Client client() {
        return client;
    }

    /** A client builder preset for this server, e.g. to add an {@link ExecutionInterceptor}. */
    @Override
    public S3ClientBuilder clientBuilder() {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)));
    }
}
