package io.ferry.s3.internal;

import io.ferry.core.Secrets;
import io.ferry.s3.S3Connection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The credentials provider a built client uses, and the resources Ferry created for it (an STS
 * client for assume-role, a profile or default-chain provider), closed with the client. A
 * provider given by the caller is never closed.
 */
final class ResolvedCredentials implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResolvedCredentials.class);

    private final AwsCredentialsProvider provider;
    private final List<AutoCloseable> owned;

    private ResolvedCredentials(AwsCredentialsProvider provider, List<AutoCloseable> owned) {
        this.provider = provider;
        this.owned = owned;
    }

    /**
     * The provider for the connection: Ferry's credentials mapped to AWS, the caller's provider,
     * or the AWS default chain; wrapped so that the secrets it resolves are registered with
     * {@link io.ferry.core.Secrets}.
     */
    static ResolvedCredentials of(S3Connection connection) {
        if (connection.credentials().isPresent()) {
            AwsCredentialsMapping.Mapped m = AwsCredentialsMapping.map(connection.credentials().get(),
                    connection.region().orElse(null));
            return new ResolvedCredentials(new RegisteringCredentialsProvider(m.provider()), m.resources());
        }
        if (connection.credentialsProvider().isPresent()) {
            return new ResolvedCredentials(new RegisteringCredentialsProvider(connection.credentialsProvider().get()),
                    List.of());
        }
        // what the AWS SDK would use, created here so its credentials can be registered too
        DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
        return new ResolvedCredentials(new RegisteringCredentialsProvider(chain), List.of(chain));
    }

    /** The provider. */
    Optional<AwsCredentialsProvider> provider() {
        return Optional.ofNullable(provider);
    }

    @Override
    public void close() {
        for (AutoCloseable r : owned) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", r, Secrets.redact(e));
            }
        }
    }
}
