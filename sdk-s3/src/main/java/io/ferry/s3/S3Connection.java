package io.ferry.s3;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to reach S3: region, endpoint, addressing style, credentials and concurrency. Shared by
 * exports and imports. Immutable and safe to share between threads.
 *
 * <pre>{@code
 * S3Connection aws = S3Connection.builder().region("us-east-1").build();   // default credential chain
 * S3Connection minio = S3Connection.builder()
 *     .region("us-east-1")
 *     .endpoint("http://127.0.0.1:9000")
 *     .pathStyle(true)
 *     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)))
 *     .build();
 * S3Connection own = S3Connection.builder().client(myS3Client).build();    // never closed by Ferry
 * }</pre>
 *
 * <p>Credentials come from one of {@link Builder#credentials} (Ferry's model, mapped to the AWS
 * SDK as the README's credentials table shows), {@link Builder#credentialsProvider} or
 * {@link Builder#client}; with none, the AWS SDK default chain is used (environment variables,
 * {@code ~/.aws} profiles, container and instance roles).
 */
public final class S3Connection {
    /** Default number of parallel requests per export or import. */
    public static final int DEFAULT_MAX_CONCURRENCY = 4;
    /** Largest accepted {@link Builder#maxConcurrency}. */
    public static final int MAX_CONCURRENCY = 64;

    private final String region;
    private final URI endpoint;
    private final boolean pathStyle;
    private final boolean skipTlsVerification;
    private final int maxConcurrency;
    private final Credentials credentials;
    private final AwsCredentialsProvider credentialsProvider;
    private final S3Client client;
    private final List<ExecutionInterceptor> interceptors;
    private final RequestChecksums requestChecksums;

    private S3Connection(Builder b) {
        this.region = b.region;
        this.endpoint = b.endpoint;
        this.pathStyle = b.pathStyle;
        this.skipTlsVerification = b.skipTlsVerification;
        this.maxConcurrency = b.maxConcurrency;
        this.credentials = b.credentials;
        this.credentialsProvider = b.credentialsProvider;
        this.client = b.client;
        this.interceptors = List.copyOf(b.interceptors);
        this.requestChecksums = b.requestChecksums;
    }

    /** {@return a new builder with every option at its default} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this connection's options} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * {@return the signing region, if set; otherwise the AWS SDK's region chain decides ({@code AWS_REGION}, profile)}
     */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** {@return the endpoint override for S3-compatible stores, if set} */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** {@return whether path-style addressing ({@code https://host/bucket/key}) is used; default false} */
    public boolean pathStyle() {
        return pathStyle;
    }

    /** {@return whether TLS certificates are not verified; default false} */
    public boolean skipTlsVerification() {
        return skipTlsVerification;
    }

    /** {@return the number of parallel requests; default {@value #DEFAULT_MAX_CONCURRENCY}} */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** {@return Ferry credentials, if given (their {@code toString()} hides secrets)} */
    public Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** {@return the credentials provider, if one was given} */
    public Optional<AwsCredentialsProvider> credentialsProvider() {
        return Optional.ofNullable(credentialsProvider);
    }

    /** {@return the ready client, if one was given; Ferry never closes it} */
    public Optional<S3Client> client() {
        return Optional.ofNullable(client);
    }

    /** {@return interceptors added to the clients Ferry builds (not to a given client); unmodifiable} */
    public List<ExecutionInterceptor> interceptors() {
        return interceptors;
    }

    /**
     * {@return the checksum policy, if set} When unset: {@link RequestChecksums#WHEN_REQUIRED} with an
     * {@link #endpoint()} (S3-compatible stores), the AWS SDK's default
     * ({@link RequestChecksums#WHEN_SUPPORTED} unless {@code AWS_REQUEST_CHECKSUM_CALCULATION} or
     * the profile says otherwise) for Amazon S3, and the client's own setting with a
     * {@link #client()}.
     */
    public Optional<RequestChecksums> requestChecksums() {
        return Optional.ofNullable(requestChecksums);
    }

    @Override
    public String toString() {
        return "S3Connection{region=" + region + ", endpoint=" + endpoint + ", pathStyle=" + pathStyle
                + ", skipTlsVerification=" + skipTlsVerification + ", maxConcurrency=" + maxConcurrency
                + ", credentials=" + (client != null ? "client" : credentials != null ? credentials.toString()
                        : credentialsProvider != null ? credentialsProvider.getClass().getSimpleName()
                        : "default chain")
                + (requestChecksums == null ? "" : ", requestChecksums=" + requestChecksums) + "}";
    }

    /** Builds an {@link S3Connection}. Not thread-safe. */
    public static final class Builder {
        private String region;
        private URI endpoint;
        private boolean pathStyle;
        private boolean skipTlsVerification;
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        private Credentials credentials;
        private AwsCredentialsProvider credentialsProvider;
        private S3Client client;
        private final List<ExecutionInterceptor> interceptors = new ArrayList<>();
        private RequestChecksums requestChecksums;

        private Builder() {
        }

        private Builder(S3Connection c) {
            region = c.region;
            endpoint = c.endpoint;
            pathStyle = c.pathStyle;
            skipTlsVerification = c.skipTlsVerification;
            maxConcurrency = c.maxConcurrency;
            credentials = c.credentials;
            credentialsProvider = c.credentialsProvider;
            client = c.client;
            interceptors.addAll(c.interceptors);
            requestChecksums = c.requestChecksums;
        }

        /**
         * The AWS region, e.g. {@code us-east-1}; also the signing region of a custom endpoint.
         *
         * @param region the AWS region
         * @return this builder
         */
        public Builder region(String region) {
            FerryConfigException.requireNonNull(region, "region");
            if (region.isBlank()) {
                throw new FerryConfigException("region", "region must not be blank; use e.g. us-east-1");
            }
            this.region = region.trim();
            return this;
        }

        /**
         * The endpoint of an S3-compatible store, e.g. {@code http://127.0.0.1:9000}.
         *
         * @param endpoint the endpoint of an S3-compatible store
         * @return this builder
         * @throws FerryConfigException if it is not an absolute http or https URI
         */
        public Builder endpoint(String endpoint) {
            FerryConfigException.requireNonNull(endpoint, "endpoint");
            try {
                return endpoint(new URI(endpoint.trim()));
            } catch (URISyntaxException e) {
                throw new FerryConfigException("endpoint", "endpoint is not a valid URI: '" + endpoint
                        + "'; use e.g. https://s3.example.com", e);
            }
        }

        /**
         * Same as {@link #endpoint(String)}.
         *
         * @param endpoint the endpoint URI
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            FerryConfigException.requireNonNull(endpoint, "endpoint");
            String scheme = endpoint.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || endpoint.getHost() == null) {
                throw new FerryConfigException("endpoint", "endpoint must be an absolute http or https URI, was '"
                        + endpoint + "'");
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Use path-style addressing (needed by most S3-compatible stores); default false.
         *
         * @param pathStyle whether to use path-style addressing
         * @return this builder
         */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /**
         * Accept any TLS certificate (self-signed test stores). Off by default; when on, a warning
         * is logged each time a client is built, because it disables protection against
         * interception.
         *
         * @param skip whether to accept any TLS certificate
         * @return this builder
         */
        public Builder skipTlsVerification(boolean skip) {
            this.skipTlsVerification = skip;
            return this;
        }

        /**
         * Parallel requests (part uploads, downloads), 1..{@value S3Connection#MAX_CONCURRENCY};
         * default {@value S3Connection#DEFAULT_MAX_CONCURRENCY}.
         *
         * @param maxConcurrency parallel requests (part uploads, downloads), 1..{@value S3Connection#MAX_CONCURRENCY}
         * @return this builder
         */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1 || maxConcurrency > MAX_CONCURRENCY) {
                throw new FerryConfigException("maxConcurrency", "maxConcurrency must be between 1 and "
                        + MAX_CONCURRENCY + ", was " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * Ferry credentials: {@code Credentials.basic(..)}, {@code session(..)}, {@code assumeRole(..)},
         * {@code profile(..)}, {@code defaultChain()} or {@code anonymous()} (imports only).
         * Replaces a credentials provider set earlier.
         *
         * @param credentials Ferry credentials
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = FerryConfigException.requireNonNull(credentials, "credentials");
            this.credentialsProvider = null;
            return this;
        }

        /**
         * Any AWS credentials provider. Replaces credentials set earlier.
         *
         * @param provider the AWS credentials provider
         * @return this builder
         */
        public Builder credentialsProvider(AwsCredentialsProvider provider) {
            this.credentialsProvider = FerryConfigException.requireNonNull(provider, "provider");
            this.credentials = null;
            return this;
        }

        /**
         * A ready client to use as is: region, endpoint, credentials and TLS options are then
         * ignored. Ferry never closes it.
         *
         * @param client a ready client to use as is
         * @return this builder
         */
        public Builder client(S3Client client) {
            this.client = FerryConfigException.requireNonNull(client, "client");
            return this;
        }

        /**
         * Adds an interceptor to the clients Ferry builds (metrics, tracing, header checks).
         *
         * @param interceptor the interceptor to add
         * @return this builder
         */
        public Builder addInterceptor(ExecutionInterceptor interceptor) {
            interceptors.add(FerryConfigException.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * When uploads and downloads carry checksums beyond the ones an operation requires. By
         * default {@link RequestChecksums#WHEN_REQUIRED} when an {@link #endpoint(String) endpoint}
         * is set (most S3-compatible stores refuse the AWS SDK's flexible checksums), and the AWS
         * SDK's default ({@link RequestChecksums#WHEN_SUPPORTED}) for Amazon S3.
         *
         * <p>Applied to the clients Ferry builds, and to the checksums Ferry itself asks for on each
         * request (multipart uploads). A ready {@link #client(S3Client) client} keeps its own
         * {@code requestChecksumCalculation}; without this option Ferry follows that setting.
         *
         * @param requestChecksums when requests carry checksums
         * @return this builder
         */
        public Builder requestChecksums(RequestChecksums requestChecksums) {
            this.requestChecksums = FerryConfigException.requireNonNull(requestChecksums, "requestChecksums");
            return this;
        }

        /**
         * Builds the connection.
         *
         * @return the connection
         * @throws FerryConfigException if a ready client is combined with options it would ignore
         */
        public S3Connection build() {
            if (client != null && (credentials != null || credentialsProvider != null || endpoint != null || !interceptors.isEmpty())) {
                throw new FerryConfigException("client", "a ready S3Client carries its own endpoint, credentials"
                        + " and interceptors; do not set endpoint, credentials or interceptors with it");
            }
            return new S3Connection(this);
        }
    }
}
