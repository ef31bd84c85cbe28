package io.ferry.s3;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.Credentials;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 connection setters that every Ferry S3 builder offers ({@code S3Export.Builder},
 * {@code S3Import.Builder}): each one edits an {@link S3Connection.Builder} held inside and returns
 * the concrete builder, so calls chain in any order.
 *
 * <pre>{@code
 * S3Export.builder()
 *     .region("us-east-1")
 *     .connection(c -> c.endpoint("http://127.0.0.1:9000").pathStyle(true))
 *     .bucket("my-bucket").path("out/{{UUID}}.csv")
 *     .build();
 * }</pre>
 *
 * <p>Setters reject bad values at once, as {@link S3Connection.Builder}'s do. Not thread-safe.
 *
 * @param <B> the concrete builder type, returned by every setter
 */
public abstract class S3ClientOptionsBuilder<B extends S3ClientOptionsBuilder<B>> {
    private final Class<B> selfType;
    private S3Connection.Builder connection;

    /**
     * A builder with every connection option at its default.
     *
     * @param selfType the concrete builder class, which must be the class of this object
     */
    protected S3ClientOptionsBuilder(Class<B> selfType) {
        this(selfType, S3Connection.builder());
    }

    /**
     * A builder starting from {@code connection}'s options.
     *
     * @param selfType   the concrete builder class, which must be the class of this object
     * @param connection the options to start from; not null
     */
    protected S3ClientOptionsBuilder(Class<B> selfType, S3Connection connection) {
        this(selfType, FerryConfigException.requireNonNull(connection, "connection").toBuilder());
    }

    private S3ClientOptionsBuilder(Class<B> selfType, S3Connection.Builder connection) {
        this.selfType = FerryConfigException.requireNonNull(selfType, "selfType");
        this.connection = connection;
    }

    /**
     * Replaces all connection options with {@code connection}'s.
     *
     * @param connection the connection whose options are copied
     * @return this builder
     */
    public B connection(S3Connection connection) {
        this.connection = FerryConfigException.requireNonNull(connection, "connection").toBuilder();
        return self();
    }

    /**
     * Edits the connection options, e.g. {@code .connection(c -> c.endpoint(url).pathStyle(true))}.
     *
     * @param edit changes the connection options
     * @return this builder
     */
    public B connection(Consumer<S3Connection.Builder> edit) {
        FerryConfigException.requireNonNull(edit, "connection").accept(connection);
        return self();
    }

    /**
     * See {@link S3Connection.Builder#region}.
     *
     * @param region the AWS region
     * @return this builder
     */
    public B region(String region) {
        connection.region(region);
        return self();
    }

    /**
     * See {@link S3Connection.Builder#endpoint(String)}.
     *
     * @param endpoint the endpoint URL
     * @return this builder
     */
    public B endpoint(String endpoint) {
        connection.endpoint(endpoint);
        return self();
    }

    /**
     * See {@link S3Connection.Builder#pathStyle}.
     *
     * @param pathStyle whether to use path-style addressing
     * @return this builder
     */
    public B pathStyle(boolean pathStyle) {
        connection.pathStyle(pathStyle);
        return self();
    }

    /**
     * See {@link S3Connection.Builder#credentials}; {@code Credentials.anonymous()} reads public
     * buckets, so imports accept it and exports reject it at {@code build()}.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public B credentials(Credentials credentials) {
        connection.credentials(credentials);
        return self();
    }

    /**
     * See {@link S3Connection.Builder#credentialsProvider}.
     *
     * @param provider the AWS credentials provider
     * @return this builder
     */
    public B credentialsProvider(AwsCredentialsProvider provider) {
        connection.credentialsProvider(provider);
        return self();
    }

    /**
     * See {@link S3Connection.Builder#client}; Ferry never closes it.
     *
     * @param client the S3 client to use
     * @return this builder
     */
    public B client(S3Client client) {
        connection.client(client);
        return self();
    }

    /**
     * See {@link S3Connection.Builder#maxConcurrency}: parallel part uploads per export, parallel
     * downloads per import.
     *
     * @param maxConcurrency the number of parallel requests
     * @return this builder
     */
    public B maxConcurrency(int maxConcurrency) {
        connection.maxConcurrency(maxConcurrency);
        return self();
    }

    /**
     * See {@link S3Connection.Builder#requestChecksums}: {@code WHEN_REQUIRED} (the default with an
     * endpoint) for stores that refuse the AWS SDK's flexible checksums.
     *
     * @param requestChecksums when requests carry checksums
     * @return this builder
     */
    public B requestChecksums(RequestChecksums requestChecksums) {
        connection.requestChecksums(requestChecksums);
        return self();
    }

    /**
     * Builds the connection from the options set so far.
     *
     * @return the connection
     * @throws io.ferry.core.FerryConfigException if a ready client is combined with options it would ignore
     */
    protected final S3Connection buildConnection() {
        return connection.build();
    }

    private B self() {
        return selfType.cast(this);
    }
}
