package io.ferry.embedded.s3;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobProviderMetadata;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy started in this JVM on 127.0.0.1 (plain HTTP, random port) over its in-memory
 * {@code transient-nio2} store, with AWS v2/v4 authentication: a second S3 implementation,
 * independent of S3Mock, and one whose cost per request does not grow with the number of objects
 * and uploads in a bucket (S3Mock's does). Everything stored is held in this JVM's heap.
 * {@link #close()} stops it.
 *
 * <p>Clients must send checksums only where an operation requires them
 * ({@code requestChecksumCalculation(WHEN_REQUIRED)}): S3Proxy refuses the AWS SDK's default
 * {@code aws-chunked} bodies with a checksum trailer.
 */
public final class EmbeddedS3Proxy implements AutoCloseable {
    private final S3Proxy server;
    private final BlobStoreContext context;
    private final URI endpoint;

    private EmbeddedS3Proxy(S3Proxy server, BlobStoreContext context) {
        this.server = server;
        this.context = context;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getPort());
    }

    /**
     * Starts S3Proxy accepting the given access key pair, with the given buckets; takes well under
     * a second.
     *
     * @throws IllegalStateException if it does not start within 30 seconds
     */
    public static EmbeddedS3Proxy start(String accessKeyId, String secretAccessKey, String... buckets) {
        // by metadata, not by id: a lookup by id loads every provider s3proxy lists, Azure's too
        BlobStoreContext context = ContextBuilder.newBuilder(new TransientNio2BlobProviderMetadata())
                .credentials(accessKeyId, secretAccessKey)
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        S3Proxy server = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
            throw new IllegalStateException("interrupted while starting S3Proxy", e);
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("cannot start S3Proxy on 127.0.0.1", e);
        }
        for (String bucket : buckets) {
            context.getBlobStore().createContainerInLocation(null, bucket);
        }
        return new EmbeddedS3Proxy(server, context);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops the server and drops everything it stored. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping Jetty failed; the in-memory store goes with the context either way
        } finally {
            context.close();
        }
    }
}
