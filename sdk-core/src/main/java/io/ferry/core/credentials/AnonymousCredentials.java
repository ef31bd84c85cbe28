package io.ferry.core.credentials;

/**
 * No credentials: requests are sent unsigned, which only works on public buckets. Valid for
 * imports; an export given anonymous credentials is a configuration error. A singleton, made by
 * {@link Credentials#anonymous()}.
 */
public final class AnonymousCredentials implements Credentials {
    static final AnonymousCredentials INSTANCE = new AnonymousCredentials();

    private AnonymousCredentials() {
    }

    @Override
    public String toString() {
        return "AnonymousCredentials";
    }
}
