package io.ferry.core.credentials;

/**
 * The AWS SDK default credentials chain: environment variables, Java system properties, web
 * identity token, the shared profile files, container and instance roles, tried in that order.
 * What Ferry uses when no credentials are set. A singleton, made by {@link Credentials#defaultChain()}.
 */
public final class DefaultChainCredentials implements Credentials {
    static final DefaultChainCredentials INSTANCE = new DefaultChainCredentials();

    private DefaultChainCredentials() {
    }

    @Override
    public String toString() {
        return "DefaultChainCredentials";
    }
}
