package io.ferry.core.credentials;

import io.ferry.core.FerryConfigException;
import java.util.function.Consumer;

/**
 * How Ferry authenticates to AWS: a plain description, free of AWS SDK types; the S3 module maps
 * each kind to an AWS credentials provider. Every implementation is an immutable value with
 * equality, and its {@code toString()} prints {@code ****} instead of a secret key or a token.
 *
 * <pre>{@code
 * Credentials basic = Credentials.basic("AKIA...", secret);
 * Credentials role = Credentials.assumeRole(r -> r
 *         .roleArn("arn:aws:iam::123456789012:role/ferry-export")
 *         .externalId("tenant-42")
 *         .duration(Duration.ofHours(1)));
 * }</pre>
 *
 * <p>When nothing is set, Ferry uses {@link #defaultChain()}.
 */
public sealed interface Credentials permits BasicCredentials, SessionCredentials, AssumeRoleCredentials,
        AnonymousCredentials, ProfileCredentials, DefaultChainCredentials {

    /**
     * Long-lived access keys of an IAM user.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @return the credentials
     * @throws io.ferry.core.FerryConfigException if either value is null or blank
     */
    static BasicCredentials basic(String accessKeyId, String secretAccessKey) {
        return BasicCredentials.of(accessKeyId, secretAccessKey);
    }

    /**
     * Temporary credentials: access keys plus the session token STS issued with them.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @param sessionToken the session token
     * @return the credentials
     * @throws io.ferry.core.FerryConfigException if a value is null or blank
     */
    static SessionCredentials session(String accessKeyId, String secretAccessKey, String sessionToken) {
        return SessionCredentials.of(accessKeyId, secretAccessKey, sessionToken);
    }

    /**
     * Assume an IAM role with the defaults of {@link AssumeRoleCredentials.Builder}: session name
     * {@code ferry}, one hour, source credentials from the default chain.
     *
     * @param roleArn the ARN of the role to assume
     * @return the credentials
     * @throws io.ferry.core.FerryConfigException if the role ARN is malformed
     */
    static AssumeRoleCredentials assumeRole(String roleArn) {
        return AssumeRoleCredentials.builder().roleArn(roleArn).build();
    }

    /**
     * Assume an IAM role configured by {@code spec}, e.g.
     * {@code assumeRole(r -> r.roleArn(arn).externalId("x"))}.
     *
     * @param spec sets the options on a builder
     * @return the credentials
     * @throws io.ferry.core.FerryConfigException if a value is invalid or the role ARN is missing
     */
    static AssumeRoleCredentials assumeRole(Consumer<AssumeRoleCredentials.Builder> spec) {
        FerryConfigException.requireNonNull(spec, "assumeRole");
        AssumeRoleCredentials.Builder builder = AssumeRoleCredentials.builder();
        spec.accept(builder);
        return builder.build();
    }

    /**
     * No credentials: unsigned requests, for public buckets. Valid for imports only.
     *
     * @return the anonymous credentials
     */
    static AnonymousCredentials anonymous() {
        return AnonymousCredentials.INSTANCE;
    }

    /**
     * A named profile of the shared AWS config and credentials files ({@code ~/.aws/config},
     * {@code ~/.aws/credentials}).
     *
     * @param name the profile name
     * @return the credentials
     * @throws io.ferry.core.FerryConfigException if the name is null or blank
     */
    static ProfileCredentials profile(String name) {
        return ProfileCredentials.of(name);
    }

    /**
     * {@return the AWS SDK default chain: environment variables, system properties, web identity, the
     * shared profile files, container and instance roles} The default when nothing is set.
     */
    static DefaultChainCredentials defaultChain() {
        return DefaultChainCredentials.INSTANCE;
    }
}
