package io.ferry.core.credentials;

import io.ferry.core.Secrets;

/**
 * Long-lived access keys of an IAM user. Immutable. {@code toString()} shows the access key id
 * (an identifier AWS itself prints in error messages) and {@code ****} for the secret key.
 * Made by {@link Credentials#basic}.
 */
public final class BasicCredentials implements Credentials {
    private final String accessKeyId;
    private final String secretAccessKey;

    private BasicCredentials(String accessKeyId, String secretAccessKey) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    static BasicCredentials of(String accessKeyId, String secretAccessKey) {
        return new BasicCredentials(CredentialChecks.require(accessKeyId, "accessKeyId"),
                CredentialChecks.requireSecret(secretAccessKey, "secretAccessKey"));
    }

    /** {@return the access key id, e.g. {@code AKIAIOSFODNN7EXAMPLE}} */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** {@return the secret access key} Never log it. */
    public String secretAccessKey() {
        return secretAccessKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicCredentials other && other.accessKeyId.equals(accessKeyId)
                && other.secretAccessKey.equals(secretAccessKey);
    }

    @Override
    public int hashCode() {
        return accessKeyId.hashCode() * 31 + secretAccessKey.hashCode();
    }

    @Override
    public String toString() {
        return "BasicCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=" + Secrets.MASK + "]";
    }
}
