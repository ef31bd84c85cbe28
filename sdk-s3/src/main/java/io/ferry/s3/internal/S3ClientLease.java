package io.ferry.s3.internal;

import io.ferry.core.Secrets;
import io.ferry.s3.RequestChecksums;
import io.ferry.s3.S3Connection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * An {@link S3Client} for one export or import: either the caller's own client (never closed
 * here) or one built from an {@link S3Connection} (closed with the lease, together with its
 * HTTP client and any credentials provider Ferry created). {@link #close()} is idempotent.
 */
public final class S3ClientLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3ClientLease.class);

    private final S3Client client;
    private final boolean owned;
    private final AutoCloseable[] resources;
    private boolean closed;

    private S3ClientLease(S3Client client, boolean owned, AutoCloseable... resources) {
        this.client = client;
        this.owned = owned;
        this.resources = resources;
    }

    /** Opens a lease on the connection's client, building one when none was given. */
    public static S3ClientLease open(S3Connection connection) {
        if (connection.client().isPresent()) {
            return new S3ClientLease(connection.client().get(), false);
        }
        ResolvedCredentials credentials = ResolvedCredentials.of(connection);
        SdkHttpClient http = httpClient(connection);
        S3ClientBuilder b = S3Client.builder()
                .httpClient(http)
                .forcePathStyle(connection.pathStyle())
                .overrideConfiguration(overrides(connection));
        connection.region().map(Region::of).ifPresent(b::region);
        if (connection.region().isEmpty() && connection.endpoint().isPresent()) {
            // S3-compatible stores ignore the region but SigV4 needs one: sign for us-east-1.
            b.region(Region.US_EAST_1);
        }
        connection.endpoint().ifPresent(b::endpointOverride);
        credentials.provider().ifPresent(b::credentialsProvider);
        if (connection.requestChecksums().isPresent() || connection.endpoint().isPresent()) {
            // unset for Amazon S3, where the AWS SDK's default (or AWS_REQUEST_CHECKSUM_CALCULATION) decides
            boolean required = requestChecksums(connection) == RequestChecksums.WHEN_REQUIRED;
            b.requestChecksumCalculation(required
                            ? RequestChecksumCalculation.WHEN_REQUIRED : RequestChecksumCalculation.WHEN_SUPPORTED)
                    .responseChecksumValidation(required
                            ? ResponseChecksumValidation.WHEN_REQUIRED : ResponseChecksumValidation.WHEN_SUPPORTED);
        }
        S3Client client;
        try {
            client = b.build();
        } catch (SdkClientException e) {
            http.close();
            credentials.close();
            throw Regions.missing(e, "S3");
        }
        return new S3ClientLease(client, true, http, credentials);
    }

    /** Interceptors, retries, timeouts and metric publishers of the clients Ferry builds. */
    static ClientOverrideConfiguration overrides(S3Connection connection) {
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder()
                .executionInterceptors(connection.interceptors())
                // the user's publishers: the AWS SDK does not close them with the client, nor does Ferry
                .metricPublishers(connection.metricPublishers());
        connection.retryStrategy().ifPresent(o::retryStrategy);
        connection.maxAttempts().ifPresent(n -> o.retryStrategy(r -> r.maxAttempts(n)));
        connection.apiCallTimeout().ifPresent(o::apiCallTimeout);
        connection.apiCallAttemptTimeout().ifPresent(o::apiCallAttemptTimeout);
        return o.build();
    }

    /**
     * The checksum policy for the connection's requests, including the checksums Ferry asks for
     * itself (multipart uploads): the connection's {@code requestChecksums}; else a ready
     * client's own {@code requestChecksumCalculation}; else WHEN_REQUIRED with an endpoint
     * override and WHEN_SUPPORTED for Amazon S3.
     */
    public static RequestChecksums requestChecksums(S3Connection connection) {
        if (connection.requestChecksums().isPresent()) {
            return connection.requestChecksums().get();
        }
        if (connection.client().isPresent()) {
            RequestChecksumCalculation own =
                    connection.client().get().serviceClientConfiguration().requestChecksumCalculation();
            return own == RequestChecksumCalculation.WHEN_REQUIRED
                    ? RequestChecksums.WHEN_REQUIRED : RequestChecksums.WHEN_SUPPORTED;
        }
        return connection.endpoint().isPresent() ? RequestChecksums.WHEN_REQUIRED : RequestChecksums.WHEN_SUPPORTED;
    }

    static SdkHttpClient httpClient(S3Connection connection) {
        Apache5HttpClient.Builder http = Apache5HttpClient.builder()
                // parts in flight plus the writer's own small requests (head, complete, probe)
                .maxConnections(connection.maxConcurrency() + 4)
                .connectionAcquisitionTimeout(Duration.ofMinutes(2));
        if (connection.skipTlsVerification()) {
            LOG.warn("TLS certificate verification is OFF for {} (skipTlsVerification): use this only with a"
                    + " test store you trust", connection.endpoint().map(Object::toString).orElse("S3"));
            return http.buildWithDefaults(AttributeMap.builder()
                    .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE)
                    .build());
        }
        return http.build();
    }

    /** The client to use. */
    public S3Client client() {
        return client;
    }

    /** Closes the client if Ferry built it; a client given by the caller stays open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!owned) {
            return;
        }
        client.close();
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", r, Secrets.redact(e));
            }
        }
    }
}
