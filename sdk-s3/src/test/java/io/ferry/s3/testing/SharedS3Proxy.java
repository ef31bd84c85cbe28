package io.ferry.s3.testing;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobProviderMetadata;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
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
 * <p>Where it differs from S3 (and from S3Mock) is listed in {@link #supports} and in the README.
 */
public final class SharedS3Proxy implements TestStore {
    private static volatile SharedS3Proxy instance;

    private final S3Proxy server;
    private final URI endpoint;
    private final S3Client client;

    private SharedS3Proxy(S3Proxy server) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getPort());
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
        // by metadata, not by id: a lookup by id loads every provider s3proxy lists, Azure's too
        BlobStoreContext context = ContextBuilder.newBuilder(new TransientNio2BlobProviderMetadata())
                .credentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        S3Proxy server = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .build();
        try {
            server.start();
            // start() returns before Jetty is listening
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(server.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within 30 s: " + server.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy on 127.0.0.1", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                // the JVM is exiting; nothing is left to clean up in an in-memory store
            }
            context.close();
        }, "s3proxy-stop"));
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
