package io.ferry.s3.internal;

import io.ferry.core.Secrets;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Passes credentials through from another provider and registers their secret key and session
 * token with {@link Secrets}, so that credentials Ferry only sees at request time (the default
 * chain, a profile, an assumed role, the caller's own provider) are masked in messages too.
 * Thread-safe when the delegate is.
 */
final class RegisteringCredentialsProvider implements AwsCredentialsProvider {
    private final AwsCredentialsProvider delegate;

    RegisteringCredentialsProvider(AwsCredentialsProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentials c = delegate.resolveCredentials();
        if (c != null) {
            Secrets.register(c.secretAccessKey());
            if (c instanceof AwsSessionCredentials session) {
                Secrets.register(session.sessionToken());
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "Registering(" + delegate + ")";
    }
}
