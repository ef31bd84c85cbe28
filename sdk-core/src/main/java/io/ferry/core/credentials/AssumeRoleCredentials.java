package io.ferry.core.credentials;

import io.ferry.core.FerryConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Credentials obtained by assuming an IAM role through STS, starting from other (source)
 * credentials. The S3 module refreshes them before they expire. Immutable and thread-safe.
 *
 * <pre>{@code
 * AssumeRoleCredentials role = AssumeRoleCredentials.builder()
 *         .roleArn("arn:aws:iam::123456789012:role/ferry-export")
 *         .externalId("tenant-42")
 *         .duration(Duration.ofHours(2))
 *         .sourceCredentials(Credentials.profile("ci"))
 *         .build();
 * }</pre>
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>allowed</th></tr>
 *   <tr><td>roleArn</td><td>required</td><td>{@code arn:<partition>:iam::<12 digits>:role/<path/name>}</td></tr>
 *   <tr><td>externalId</td><td>none</td><td>2..1224 characters of {@code A-Z a-z 0-9 _ + = , . @ : / -}</td></tr>
 *   <tr><td>roleSessionName</td><td>{@value #DEFAULT_SESSION_NAME}</td><td>2..64 characters of {@code A-Z a-z 0-9 _ + = , . @ -}</td></tr>
 *   <tr><td>duration</td><td>3600 s</td><td>900..43200 s, whole seconds (the role's maximum session duration applies too)</td></tr>
 *   <tr><td>sourceCredentials</td><td>{@link Credentials#defaultChain()}</td><td>any except anonymous</td></tr>
 *   <tr><td>stsRegion</td><td>the client's region</td><td>a region name such as {@code eu-west-1}</td></tr>
 *   <tr><td>stsEndpoint</td><td>the regional STS endpoint</td><td>an absolute http or https URI</td></tr>
 * </table>
 *
 * <p>The session name is the fixed {@value #DEFAULT_SESSION_NAME} by default so that equal
 * settings give equal values; set one per application to tell sessions apart in CloudTrail.
 * {@code toString()} shows every option; secrets of the source credentials print as {@code ****}.
 */
public final class AssumeRoleCredentials implements Credentials {
    /** The role session name used when none is set. */
    public static final String DEFAULT_SESSION_NAME = "ferry";
    /** The session duration used when none is set: one hour. */
    public static final Duration DEFAULT_DURATION = Duration.ofHours(1);
    /** The shortest session STS grants: 15 minutes. */
    public static final Duration MIN_DURATION = Duration.ofSeconds(900);
    /** The longest session STS grants: 12 hours. */
    public static final Duration MAX_DURATION = Duration.ofSeconds(43200);

    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:role/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+");

    private final String roleArn;
    private final String externalId;
    private final String roleSessionName;
    private final Duration duration;
    private final Credentials sourceCredentials;
    private final String stsRegion;
    private final URI stsEndpoint;

    private AssumeRoleCredentials(Builder b) {
        this.roleArn = b.roleArn;
        this.externalId = b.externalId;
        this.roleSessionName = b.roleSessionName;
        this.duration = b.duration;
        this.sourceCredentials = b.sourceCredentials;
        this.stsRegion = b.stsRegion;
        this.stsEndpoint = b.stsEndpoint;
    }

    /** {@return a builder with the defaults and no role ARN} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this value's settings} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.roleArn = roleArn;
        b.externalId = externalId;
        b.roleSessionName = roleSessionName;
        b.duration = duration;
        b.sourceCredentials = sourceCredentials;
        b.stsRegion = stsRegion;
        b.stsEndpoint = stsEndpoint;
        return b;
    }

    /** {@return the ARN of the role to assume} */
    public String roleArn() {
        return roleArn;
    }

    /** {@return the external id the role's trust policy requires, if any} */
    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    /** {@return the role session name; {@value #DEFAULT_SESSION_NAME} unless set} */
    public String roleSessionName() {
        return roleSessionName;
    }

    /** {@return how long each assumed session lasts; one hour unless set} */
    public Duration duration() {
        return duration;
    }

    /** {@return the credentials that call STS; {@link Credentials#defaultChain()} unless set} */
    public Credentials sourceCredentials() {
        return sourceCredentials;
    }

    /** {@return the region of the STS endpoint, if set} */
    public Optional<String> stsRegion() {
        return Optional.ofNullable(stsRegion);
    }

    /** {@return an STS endpoint override, if set} */
    public Optional<URI> stsEndpoint() {
        return Optional.ofNullable(stsEndpoint);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AssumeRoleCredentials a)) {
            return false;
        }
        return a.roleArn.equals(roleArn) && Objects.equals(a.externalId, externalId)
                && a.roleSessionName.equals(roleSessionName) && a.duration.equals(duration)
                && a.sourceCredentials.equals(sourceCredentials) && Objects.equals(a.stsRegion, stsRegion)
                && Objects.equals(a.stsEndpoint, stsEndpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roleArn, externalId, roleSessionName, duration, sourceCredentials, stsRegion, stsEndpoint);
    }

    @Override
    public String toString() {
        return "AssumeRoleCredentials[roleArn=" + roleArn + ", externalId=" + externalId
                + ", roleSessionName=" + roleSessionName + ", duration=" + duration.toSeconds() + "s"
                + ", sourceCredentials=" + sourceCredentials + ", stsRegion=" + stsRegion
                + ", stsEndpoint=" + stsEndpoint + "]";
    }

    /**
     * Builds {@link AssumeRoleCredentials}. Setters reject null and invalid values at once with a
     * {@link FerryConfigException} naming the option; {@link #build()} requires the role ARN.
     * Not thread-safe.
     */
    public static final class Builder {
        private String roleArn;
        private String externalId;
        private String roleSessionName = DEFAULT_SESSION_NAME;
        private Duration duration = DEFAULT_DURATION;
        private Credentials sourceCredentials = Credentials.defaultChain();
        private String stsRegion;
        private URI stsEndpoint;

        private Builder() {
        }

        /**
         * The role to assume, e.g. {@code arn:aws:iam::123456789012:role/ferry-export}. Required.
         *
         * @param roleArn the role to assume
         * @return this builder
         */
        public Builder roleArn(String roleArn) {
            FerryConfigException.requireNonNull(roleArn, "roleArn");
            if (!ROLE_ARN.matcher(roleArn).matches()) {
                throw new FerryConfigException("roleArn", "roleArn must look like "
                        + "arn:aws:iam::123456789012:role/NAME (a partition such as aws or aws-cn, a 12-digit "
                        + "account id, then role/ and the role's path and name), was '" + roleArn + "'");
            }
            this.roleArn = roleArn;
            return this;
        }

        /**
         * The external id required by the role's trust policy (not a secret).
         *
         * @param externalId the external id required by the role's trust policy (not a secret)
         * @return this builder
         */
        public Builder externalId(String externalId) {
            FerryConfigException.requireNonNull(externalId, "externalId");
            if (!EXTERNAL_ID.matcher(externalId).matches()) {
                throw new FerryConfigException("externalId", "externalId must be 2 to 1224 characters of "
                        + "letters, digits and _+=,.@:/-, was '" + externalId + "'");
            }
            this.externalId = externalId;
            return this;
        }

        /**
         * The role session name shown in CloudTrail; default {@value AssumeRoleCredentials#DEFAULT_SESSION_NAME}.
         *
         * @param roleSessionName the role session name shown in CloudTrail
         * @return this builder
         */
        public Builder roleSessionName(String roleSessionName) {
            FerryConfigException.requireNonNull(roleSessionName, "roleSessionName");
            if (!SESSION_NAME.matcher(roleSessionName).matches()) {
                throw new FerryConfigException("roleSessionName", "roleSessionName must be 2 to 64 characters "
                        + "of letters, digits and _+=,.@-, was '" + roleSessionName + "'");
            }
            this.roleSessionName = roleSessionName;
            return this;
        }

        /**
         * How long each session lasts: 900 to 43200 seconds, whole seconds; default 3600 s.
         *
         * @param duration how long each session lasts
         * @return this builder
         */
        public Builder duration(Duration duration) {
            FerryConfigException.requireNonNull(duration, "duration");
            if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0
                    || duration.getNano() != 0) {
                throw new FerryConfigException("duration", "duration must be whole seconds between 900 s "
                        + "(15 minutes) and 43200 s (12 hours), was " + describe(duration));
            }
            this.duration = duration;
            return this;
        }

        /**
         * Same as {@link #duration(Duration)} in seconds.
         *
         * @param seconds the session duration in seconds
         * @return this builder
         */
        public Builder durationSeconds(long seconds) {
            return duration(Duration.ofSeconds(seconds));
        }

        /**
         * The credentials used to call STS; default {@link Credentials#defaultChain()}; not anonymous.
         *
         * @param sourceCredentials the credentials used to call STS
         * @return this builder
         */
        public Builder sourceCredentials(Credentials sourceCredentials) {
            FerryConfigException.requireNonNull(sourceCredentials, "sourceCredentials");
            if (sourceCredentials instanceof AnonymousCredentials) {
                throw new FerryConfigException("sourceCredentials", "anonymous credentials cannot call STS to "
                        + "assume a role; use basic, session, profile or default chain credentials");
            }
            this.sourceCredentials = sourceCredentials;
            return this;
        }

        /**
         * The region whose STS endpoint is called, e.g. {@code eu-west-1}.
         *
         * @param stsRegion the region whose STS endpoint is called
         * @return this builder
         */
        public Builder stsRegion(String stsRegion) {
            FerryConfigException.requireNonNull(stsRegion, "stsRegion");
            if (!REGION.matcher(stsRegion).matches()) {
                throw new FerryConfigException("stsRegion", "stsRegion must be a region name such as "
                        + "us-east-1, was '" + stsRegion + "'");
            }
            this.stsRegion = stsRegion;
            return this;
        }

        /**
         * An STS endpoint override, e.g. a VPC endpoint or a local test server.
         *
         * @param stsEndpoint an STS endpoint override
         * @return this builder
         */
        public Builder stsEndpoint(URI stsEndpoint) {
            FerryConfigException.requireNonNull(stsEndpoint, "stsEndpoint");
            String scheme = stsEndpoint.getScheme();
            if (!stsEndpoint.isAbsolute() || stsEndpoint.getHost() == null
                    || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new FerryConfigException("stsEndpoint", "stsEndpoint must be an absolute http or https "
                        + "URI such as https://sts.eu-west-1.amazonaws.com, was '" + stsEndpoint + "'");
            }
            this.stsEndpoint = stsEndpoint;
            return this;
        }

        /**
         * {@return the credentials}
         *
         * @throws FerryConfigException (option {@code roleArn}) if no role ARN was set
         */
        public AssumeRoleCredentials build() {
            if (roleArn == null) {
                throw new FerryConfigException("roleArn", "roleArn is required: give the ARN of the role to "
                        + "assume, e.g. arn:aws:iam::123456789012:role/ferry-export");
            }
            return new AssumeRoleCredentials(this);
        }

        private static String describe(Duration d) {
            return d.getNano() == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
        }
    }
}
