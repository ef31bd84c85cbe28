package io.ferry.s3.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.AnonymousCredentials;
import io.ferry.core.credentials.AssumeRoleCredentials;
import io.ferry.core.credentials.BasicCredentials;
import io.ferry.core.credentials.Credentials;
import io.ferry.core.credentials.DefaultChainCredentials;
import io.ferry.core.credentials.ProfileCredentials;
import io.ferry.core.credentials.SessionCredentials;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Maps Ferry's {@link Credentials} to an AWS SDK provider. Providers that hold resources (the
 * STS client of an assume-role, a default chain) are returned with them, to be closed with the
 * S3 client.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>Ferry</th><th>AWS SDK v2</th></tr>
 *   <tr><td>basic</td><td>StaticCredentialsProvider of AwsBasicCredentials</td></tr>
 *   <tr><td>session</td><td>StaticCredentialsProvider of AwsSessionCredentials</td></tr>
 *   <tr><td>assumeRole</td><td>StsAssumeRoleCredentialsProvider (refreshes before expiry) over an
 *       StsClient signed with the source credentials</td></tr>
 *   <tr><td>anonymous</td><td>AnonymousCredentialsProvider</td></tr>
 *   <tr><td>profile</td><td>ProfileCredentialsProvider</td></tr>
 *   <tr><td>defaultChain</td><td>DefaultCredentialsProvider</td></tr>
 * </table>
 */
public final class AwsCredentialsMapping {
    private AwsCredentialsMapping() {
    }

    /** A provider and the resources to close with it. */
    public static final class Mapped {
        private final AwsCredentialsProvider provider;
        private final List<AutoCloseable> resources;

        Mapped(AwsCredentialsProvider provider, List<AutoCloseable> resources) {
            this.provider = provider;
            this.resources = List.copyOf(resources);
        }

        /** The provider. */
        public AwsCredentialsProvider provider() {
            return provider;
        }

        /** What to close when the provider is no longer used, in order. */
        public List<AutoCloseable> resources() {
            return resources;
        }
    }

    /**
     * Maps credentials to a provider.
     *
     * @param fallbackRegion the region for STS when the assume-role sets none; may be null (then
     *                       the AWS region chain, else us-east-1)
     */
    public static Mapped map(Credentials credentials, String fallbackRegion) {
        List<AutoCloseable> resources = new ArrayList<>();
        AwsCredentialsProvider p = map(credentials, fallbackRegion, resources);
        return new Mapped(p, resources);
    }

    private static AwsCredentialsProvider map(Credentials c, String fallbackRegion, List<AutoCloseable> resources) {
        // one branch per permitted subtype of the sealed Credentials (a pattern switch needs Java 21)
        if (c instanceof BasicCredentials b) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(b.accessKeyId(), b.secretAccessKey()));
        }
        if (c instanceof SessionCredentials s) {
            return StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(s.accessKeyId(), s.secretAccessKey(), s.sessionToken()));
        }
        if (c instanceof AssumeRoleCredentials role) {
            return assumeRole(role, fallbackRegion, resources);
        }
        if (c instanceof AnonymousCredentials) {
            return AnonymousCredentialsProvider.create();
        }
        if (c instanceof ProfileCredentials profile) {
            ProfileCredentialsProvider p = ProfileCredentialsProvider.create(profile.profileName());
            resources.add(p);
            return p;
        }
        if (c instanceof DefaultChainCredentials) {
            DefaultCredentialsProvider p = DefaultCredentialsProvider.builder().build();
            resources.add(p);
            return p;
        }
        // unreachable while Credentials stays sealed; a new subtype must get a branch above
        throw new FerryConfigException("credentials", "unknown credentials kind " + c.getClass().getName()
                + "; use one of the Credentials factories");
    }

    private static AwsCredentialsProvider assumeRole(AssumeRoleCredentials role, String fallbackRegion,
                                                     List<AutoCloseable> resources) {
        AwsCredentialsProvider source = map(role.sourceCredentials(), fallbackRegion, resources);
        StsClientBuilder sts = StsClient.builder().credentialsProvider(source);
        String region = role.stsRegion().orElse(fallbackRegion);
        if (region != null) {
            sts.region(Region.of(region));
        } else if (role.stsEndpoint().isPresent()) {
            sts.region(Region.US_EAST_1);
        }
        role.stsEndpoint().ifPresent(sts::endpointOverride);
        StsClient client;
        try {
            client = sts.build();
        } catch (SdkClientException e) {
            throw Regions.missing(e, "STS (assumeRole)");
        }
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(client)
                .refreshRequest(r -> {
                    r.roleArn(role.roleArn())
                            .roleSessionName(role.roleSessionName())
                            .durationSeconds((int) role.duration().getSeconds());
                    role.externalId().ifPresent(r::externalId);
                })
                .build();
        // close the provider before the STS client it uses
        resources.add(0, client);
        resources.add(0, provider);
        return provider;
    }
}
