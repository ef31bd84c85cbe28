package io.ferry.core.credentials;

import io.ferry.core.Secrets;
import java.util.Objects;

/**
 * Temporary credentials: access keys plus the session token STS issued with them. Immutable.
 * {@code toString()} shows the access key id and {@code ****} for the secret key and the token.
 * Made by {@link Credentials#session}.
 */
public final class SessionCredentials implements Credentials {
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;

    private SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.sessionToken = sessionToken;
    }

    static SessionCredentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new SessionCredentials(CredentialChecks.require(accessKeyId, "accessKeyId"),
                CredentialChecks.requireSecret(secretAccessKey, "secretAccessKey"),
                CredentialChecks.requireSecret(sessionToken, "sessionToken"));
    }

    /** {@return the temporary access key id, usually starting with {@code ASIA}} */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** {@return the secret access key} Never log it. */
    public String secretAccessKey() {
        return secretAccessKey;
    }

    /** {@return the session token} Never log it. */
    public String sessionToken() {
        return sessionToken;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SessionCredentials s)) {
            return false;
        }
        return s.accessKeyId.equals(accessKeyId) && s.secretAccessKey.equals(secretAccessKey)
                && s.sessionToken.equals(sessionToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, secretAccessKey, sessionToken);
    }

    @Override
    public String toString() {
        return "SessionCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=" + Secrets.MASK
                + ", sessionToken=" + Secrets.MASK + "]";
    }
}
