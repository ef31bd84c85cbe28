package io.ferry.s3;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to reach S3: region, endpoint, addressing style, credentials, concurrency, and the AWS
 * client's retries, timeouts and metrics. Shared by exports and imports. Immutable and safe to
 * share between threads.
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
 * S3Connection tuned = S3Connection.builder()
 *     .maxAttempts(5)                                    // the AWS SDK's standard retries, 5 attempts
 *     .apiCallAttemptTimeout(Duration.ofSeconds(30))     // one HTTP attempt
 *     .apiCallTimeout(Duration.ofMinutes(2))             // a call, all its attempts together
 *     .addMetricPublisher(myPublisher)                   // e.g. CloudWatch or a Micrometer bridge
 *     .build();
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
    /** Largest accepted {@link Builder#maxAttempts}. */
    public static final int MAX_ATTEMPTS = 20;

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
    private final int maxAttempts;
    private final RetryStrategy retryStrategy;
    private final Duration apiCallTimeout;
    private final Duration apiCallAttemptTimeout;
    private final List<MetricPublisher> metricPublishers;

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
        this.maxAttempts = b.maxAttempts;
        this.retryStrategy = b.retryStrategy;
        this.apiCallTimeout = b.apiCallTimeout;
        this.apiCallAttemptTimeout = b.apiCallAttemptTimeout;
        this.metricPublishers = List.copyOf(b.metricPublishers);
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

    /**
     * The attempts per request (the first included) of the AWS SDK's standard retry strategy, if
     * set; otherwise the SDK's default (3, or {@code AWS_MAX_ATTEMPTS} / the profile's
     * {@code max_attempts}) or the {@link #retryStrategy()}.
     *
     * @return the attempts per request, or empty when not set
     */
    public OptionalInt maxAttempts() {
        return maxAttempts == 0 ? OptionalInt.empty() : OptionalInt.of(maxAttempts);
    }

    /** {@return the retry strategy of the clients Ferry builds, if one was given} */
    public Optional<RetryStrategy> retryStrategy() {
        return Optional.ofNullable(retryStrategy);
    }

    /** {@return the longest time for one request, all its attempts and retry pauses together, if set; default no limit} */
    public Optional<Duration> apiCallTimeout() {
        return Optional.ofNullable(apiCallTimeout);
    }

    /** {@return the longest time for one HTTP attempt of a request, if set; default no limit} */
    public Optional<Duration> apiCallAttemptTimeout() {
        return Optional.ofNullable(apiCallAttemptTimeout);
    }

    /** {@return metric publishers added to the clients Ferry builds, in the order added; unmodifiable} */
    public List<MetricPublisher> metricPublishers() {
        return metricPublishers;
    }

    @Override
    public String toString() {
        return "S3Connection{region=" + region + ", endpoint=" + endpoint + ", pathStyle=" + pathStyle
                + ", skipTlsVerification=" + skipTlsVerification + ", maxConcurrency=" + maxConcurrency
                + ", credentials=" + (client != null ? "client" : credentials != null ? credentials.toString()
                        : credentialsProvider != null ? credentialsProvider.getClass().getSimpleName()
                        : "default chain")
                + (requestChecksums == null ? "" : ", requestChecksums=" + requestChecksums)
                + (maxAttempts == 0 ? "" : ", maxAttempts=" + maxAttempts)
                + (retryStrategy == null ? "" : ", retryStrategy=" + retryStrategy.getClass().getSimpleName()
                        + "(maxAttempts=" + retryStrategy.maxAttempts() + ")")
                + (apiCallTimeout == null ? "" : ", apiCallTimeout=" + apiCallTimeout)
                + (apiCallAttemptTimeout == null ? "" : ", apiCallAttemptTimeout=" + apiCallAttemptTimeout)
                + (metricPublishers.isEmpty() ? "" : ", metricPublishers=" + metricPublishers.stream()
                        .map(p -> p.getClass().getSimpleName()).collect(Collectors.joining(", ", "[", "]")))
                + "}";
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
        private int maxAttempts;
        private RetryStrategy retryStrategy;
        private Duration apiCallTimeout;
        private Duration apiCallAttemptTimeout;
        private final List<MetricPublisher> metricPublishers = new ArrayList<>();

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
            maxAttempts = c.maxAttempts;
            retryStrategy = c.retryStrategy;
            apiCallTimeout = c.apiCallTimeout;
            apiCallAttemptTimeout = c.apiCallAttemptTimeout;
            metricPublishers.addAll(c.metricPublishers);
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
         * Attempts per request, the first included, with the AWS SDK's standard retry strategy
         * (retries on throttling, 5xx, timeouts and broken connections, with exponential backoff
         * and jitter), 1 (no retry) to {@value S3Connection#MAX_ATTEMPTS}. Default: the SDK's (3,
         * or {@code AWS_MAX_ATTEMPTS} / the profile's {@code max_attempts}). Replaces a
         * {@link #retryStrategy} set earlier. Imports also resume broken downloads on their own
         * ({@code S3Import.Builder.readAttempts}).
         *
         * @param attempts attempts per request, 1 or more
         * @return this builder
         * @throws FerryConfigException if {@code attempts} is outside 1..{@value S3Connection#MAX_ATTEMPTS}
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > MAX_ATTEMPTS) {
                throw new FerryConfigException("maxAttempts", "maxAttempts must be between 1 and " + MAX_ATTEMPTS
                        + ", was " + attempts);
            }
            this.maxAttempts = attempts;
            this.retryStrategy = null;
            return this;
        }

        /**
         * The AWS SDK retry strategy of the clients Ferry builds, e.g.
         * {@code AwsRetryStrategy.adaptiveRetryStrategy()} or
         * {@code AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(8).build()}.
         * Replaces a {@link #maxAttempts} set earlier. Default: the SDK's standard strategy.
         *
         * @param strategy the retry strategy
         * @return this builder
         */
        public Builder retryStrategy(RetryStrategy strategy) {
            this.retryStrategy = FerryConfigException.requireNonNull(strategy, "retryStrategy");
            this.maxAttempts = 0;
            return this;
        }

        /**
         * The longest time one request may take, all attempts and retry pauses together; a request
         * still running then fails with a {@link io.ferry.core.FerryIoException}. Positive; default
         * no limit. Keep it above the time a part upload or a GetObject of a large object needs.
         *
         * @param timeout the time limit, positive
         * @return this builder
         * @throws FerryConfigException if {@code timeout} is zero or negative
         */
        public Builder apiCallTimeout(Duration timeout) {
            this.apiCallTimeout = positive(timeout, "apiCallTimeout");
            return this;
        }

        /**
         * The longest time one HTTP attempt of a request may take; a stalled attempt is then
         * abandoned and retried like a broken connection. Positive and not above
         * {@link #apiCallTimeout}; default no limit.
         *
         * @param timeout the time limit, positive
         * @return this builder
         * @throws FerryConfigException if {@code timeout} is zero or negative
         */
        public Builder apiCallAttemptTimeout(Duration timeout) {
            this.apiCallAttemptTimeout = positive(timeout, "apiCallAttemptTimeout");
            return this;
        }

        /**
         * Adds a metric publisher to the clients Ferry builds: it receives the AWS SDK's metrics of
         * every request ({@code ApiCall} collections with their {@code ApiCallAttempt} and HTTP
         * metrics). Ferry never closes it: close it when you are done with the connection.
         *
         * @param publisher the publisher
         * @return this builder
         */
        public Builder addMetricPublisher(MetricPublisher publisher) {
            metricPublishers.add(FerryConfigException.requireNonNull(publisher, "publisher"));
            return this;
        }

        private static Duration positive(Duration d, String option) {
            FerryConfigException.requireNonNull(d, option);
            if (d.isNegative() || d.isZero()) {
                throw new FerryConfigException(option, option + " must be positive, was " + d);
            }
            return d;
        }

        /**
         * Builds the connection.
         *
         * @return the connection
         * @throws FerryConfigException if a ready client is combined with options it would ignore
         *                              (naming the option), or the attempt timeout exceeds the call timeout
         */
        public S3Connection build() {
            if (client != null && (credentials != null || credentialsProvider != null || endpoint != null || !interceptors.isEmpty())) {
                throw new FerryConfigException("client", "a ready S3Client carries its own endpoint, credentials"
                        + " and interceptors; do not set endpoint, credentials or interceptors with it");
            }
            if (client != null) {
                refuseWithClient("maxAttempts", maxAttempts != 0);
                refuseWithClient("retryStrategy", retryStrategy != null);
                refuseWithClient("apiCallTimeout", apiCallTimeout != null);
                refuseWithClient("apiCallAttemptTimeout", apiCallAttemptTimeout != null);
                refuseWithClient("addMetricPublisher", !metricPublishers.isEmpty());
            }
            if (apiCallTimeout != null && apiCallAttemptTimeout != null
                    && apiCallAttemptTimeout.compareTo(apiCallTimeout) > 0) {
                throw new FerryConfigException("apiCallAttemptTimeout", "apiCallAttemptTimeout (" + apiCallAttemptTimeout
                        + ") must not exceed apiCallTimeout (" + apiCallTimeout + "): one attempt cannot take longer"
                        + " than the whole call");
            }
            return new S3Connection(this);
        }

        private static void refuseWithClient(String option, boolean set) {
            if (set) {
                throw new FerryConfigException(option, "a ready S3Client keeps its own override configuration, so "
                        + option + " would be ignored; set it on that client's ClientOverrideConfiguration, or drop"
                        + " client(...)");
            }
        }
    }
}
