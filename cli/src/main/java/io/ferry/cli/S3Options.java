package io.ferry.cli;

import io.ferry.core.credentials.Credentials;
import io.ferry.s3.S3ClientOptionsBuilder;
import picocli.CommandLine.Option;

/**
 * How to reach S3 from the command line. Credentials never come from arguments: the AWS default
 * chain reads {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN},
 * {@code AWS_PROFILE}, {@code ~/.aws} and instance roles; {@code --profile} names a profile.
 * Options given here override the same settings of a config file.
 */
final class S3Options {
    @Option(names = "--endpoint", paramLabel = "URL",
            description = "An S3-compatible endpoint, e.g. http://127.0.0.1:9000 (MinIO, S3Mock, ...).")
    String endpoint;

    @Option(names = "--path-style", description = "Path-style addressing (http://host/bucket/key), which most"
            + " S3-compatible stores need.")
    boolean pathStyle;

    @Option(names = "--region", paramLabel = "REGION", description = "The AWS region; default: AWS_REGION or the"
            + " profile's region (us-east-1 with --endpoint).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Credentials from this profile of ~/.aws;"
            + " default: the AWS default chain (environment, AWS_PROFILE, ~/.aws, instance role).")
    String profile;

    @Option(names = "--no-sign-request", description = "Anonymous access, for public buckets.")
    boolean anonymous;

    /** Sets on {@code b} the options given on the command line, leaving the others as they are. */
    <B extends S3ClientOptionsBuilder<B>> B applyTo(B b) {
        if (endpoint != null) {
            b.endpoint(endpoint);
        }
        if (pathStyle) {
            b.pathStyle(true);
        }
        if (region != null) {
            b.region(region);
        }
        if (profile != null && anonymous) {
            throw new io.ferry.core.FerryConfigException("profile", "--profile and --no-sign-request exclude each"
                    + " other; give one");
        }
        if (profile != null) {
            b.credentials(Credentials.profile(profile));
        }
        if (anonymous) {
            b.credentials(Credentials.anonymous());
        }
        return b;
    }
}
