package io.ferry.s3.internal;

import io.ferry.s3.S3Connection;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The credentials provider a built client uses, and whether Ferry created it (then it is
 * closed with the client, e.g. an STS assume-role provider and its STS client).
 */
final class ResolvedCredentials implements AutoCloseable {
    private final AwsCredentialsProvider provider;
    private final boolean owned;

    private ResolvedCredentials(AwsCredentialsProvider provider, boolean owned) {
        this.provider = provider;
        this.owned = owned;
    }

    static ResolvedCredentials of(S3Connection connection) {
        return new ResolvedCredentials(connection.credentialsProvider().orElse(null), false);
    }

    /** The provider, or empty for the AWS SDK default chain. */
    Optional<AwsCredentialsProvider> provider() {
        return Optional.ofNullable(provider);
    }

    @Override
    public void close() throws Exception {
        if (owned && provider instanceof AutoCloseable) {
            ((AutoCloseable) provider).close();
        }
    }
}
