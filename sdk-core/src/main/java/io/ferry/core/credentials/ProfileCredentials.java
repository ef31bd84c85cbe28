package io.ferry.core.credentials;

/**
 * A named profile of the shared AWS files ({@code ~/.aws/config} and {@code ~/.aws/credentials},
 * or the files named by {@code AWS_CONFIG_FILE} / {@code AWS_SHARED_CREDENTIALS_FILE}). Immutable.
 * Made by {@link Credentials#profile}.
 */
public final class ProfileCredentials implements Credentials {
    private final String profileName;

    private ProfileCredentials(String profileName) {
        this.profileName = profileName;
    }

    static ProfileCredentials of(String profileName) {
        return new ProfileCredentials(CredentialChecks.require(profileName, "profileName"));
    }

    /** {@return the profile's name, e.g. {@code default} or {@code prod}} */
    public String profileName() {
        return profileName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileCredentials other && other.profileName.equals(profileName);
    }

    @Override
    public int hashCode() {
        return profileName.hashCode();
    }

    @Override
    public String toString() {
        return "ProfileCredentials[profileName=" + profileName + "]";
    }
}
