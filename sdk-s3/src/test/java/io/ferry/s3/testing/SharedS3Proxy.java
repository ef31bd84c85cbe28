package io.ferry.s3.testing;

import io.ferry.embedded.s3.EmbeddedS3Proxy;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * One S3Proxy per test JVM: a second, independent S3 implementation (jclouds underneath), started
 * on first use on 127.0.0.1 (plain HTTP, random port) over S3Proxy's in-memory
 * {@code transient-nio2} store, with AWS v2/v4 authentication and the {@link TestStore} dummy
 * credentials, and stopped when the JVM exits. Starting takes well under a second.
 *
 * <pre>{@code
 * SharedS3Proxy s3 = SharedS3Proxy.get();
 * String bucket = s3.newBucket("export");
 * }</pre>
 *
 * <p>Where it differs from S3 (and from S3Mock) is listed in {@link #supports} and in docs/s3-compatibility.md.
 */
public final class SharedS3Proxy implements TestStore {
    private static volatile SharedS3Proxy instance;

    private final EmbeddedS3Proxy server;
    private final URI endpoint;
    private final S3Client client;

    private SharedS3Proxy(EmbeddedS3Proxy server) {
        this.server = server;
        this.endpoint = server.endpoint();
        this.client = clientBuilder().build();
    }

    /** The shared instance, started on first call. Thread-safe. */
    public static SharedS3Proxy get() {
        SharedS3Proxy s = instance;
        if (s == null) {
            synchronized (SharedS3Proxy.class) {
                s = instance;
                if (s == null) {
                    s = start();
                    instance = s;
                }
            }
        }
        return s;
    }

    private static SharedS3Proxy start() {
        EmbeddedS3Proxy server = EmbeddedS3Proxy.start(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3proxy-stop"));
        return new SharedS3Proxy(server);
    }

    @Override
    public String name() {
        return "s3proxy";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /**
     * None of {@link TestStore.Feature}: S3Proxy ignores {@code If-None-Match}, refuses flexible
     * checksums, encryption and ACL headers, lists GLACIER objects as DEEP_ARCHIVE, gives
     * LastModified to the second, and lists multipart uploads with the listing's time as their
     * initiation time and without paging options.
     */
    @Override
    public boolean supports(Feature feature) {
        return false;
    }

    /**
     * A client builder preset for this server. Checksums are sent and checked only where an
     * operation requires them: S3Proxy refuses the AWS SDK's default {@code aws-chunked} bodies
     * with a checksum trailer and the {@code x-amz-checksum-crc32} header.
     */
    @Override
    public S3ClientBuilder clientBuilder() {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)));
    }

    /** A client for setup and assertions. Shared; do not close. */
    @Override
    public S3Client client() {
        return client;
    }
}
