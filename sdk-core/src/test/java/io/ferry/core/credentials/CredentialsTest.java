package io.ferry.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN0123456789";
    private static final String ROLE = "arn:aws:iam::123456789012:role/ferry-export";

    @Test
    void basic_toString_masksSecretAndShowsKeyId() {
        BasicCredentials c = Credentials.basic(KEY_ID, SECRET);

        assertThat(c.toString())
                .isEqualTo("BasicCredentials[accessKeyId=" + KEY_ID + ", secretAccessKey=****]")
                .doesNotContain(SECRET);
        assertThat(c.accessKeyId()).isEqualTo(KEY_ID);
        assertThat(c.secretAccessKey()).isEqualTo(SECRET);
    }

    @Test
    void session_toString_masksSecretAndToken() {
        SessionCredentials c = Credentials.session(KEY_ID, SECRET, TOKEN);

        assertThat(c.toString())
                .isEqualTo("SessionCredentials[accessKeyId=" + KEY_ID + ", secretAccessKey=****, sessionToken=****]")
                .doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(c.sessionToken()).isEqualTo(TOKEN);
    }

    @Test
    void assumeRole_toString_masksSecretsOfSourceCredentials() {
        AssumeRoleCredentials c = Credentials.assumeRole(r -> r.roleArn(ROLE)
                .sourceCredentials(Credentials.session(KEY_ID, SECRET, TOKEN)));

        assertThat(c.toString()).contains(ROLE, KEY_ID, "****").doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void equalsAndHashCode_compareValues() {
        assertThat(Credentials.basic(KEY_ID, SECRET)).isEqualTo(Credentials.basic(KEY_ID, SECRET))
                .hasSameHashCodeAs(Credentials.basic(KEY_ID, SECRET))
                .isNotEqualTo(Credentials.basic(KEY_ID, SECRET + "x"));
        assertThat(Credentials.session(KEY_ID, SECRET, TOKEN)).isEqualTo(Credentials.session(KEY_ID, SECRET, TOKEN))
                .hasSameHashCodeAs(Credentials.session(KEY_ID, SECRET, TOKEN))
                .isNotEqualTo(Credentials.session(KEY_ID, SECRET, TOKEN + "x"));
        assertThat(Credentials.profile("prod")).isEqualTo(Credentials.profile("prod"))
                .isNotEqualTo(Credentials.profile("dev"));
        assertThat(Credentials.assumeRole(ROLE)).isEqualTo(Credentials.assumeRole(ROLE))
                .hasSameHashCodeAs(Credentials.assumeRole(ROLE))
                .isNotEqualTo(Credentials.assumeRole(r -> r.roleArn(ROLE).externalId("x1")));
        assertThat(Credentials.anonymous()).isSameAs(Credentials.anonymous()).hasToString("AnonymousCredentials");
        assertThat(Credentials.defaultChain()).isSameAs(Credentials.defaultChain())
                .hasToString("DefaultChainCredentials");
        assertThat(Credentials.profile("prod").profileName()).isEqualTo("prod");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            accessKeyId     | NULL    | s  | accessKeyId must not be null (accessKeyId)
            accessKeyId     | '  '    | s  | accessKeyId must not be blank (accessKeyId)
            secretAccessKey | id      | '' | secretAccessKey must not be blank (secretAccessKey)
            """)
    void basic_missingValue_throwsNamingIt(String option, String id, String secret, String message) {
        assertThatThrownBy(() -> Credentials.basic(id, secret))
                .isInstanceOf(FerryConfigException.class).hasMessage(message)
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo(option);
    }

    @Test
    void session_blankToken_throwsNamingIt() {
        assertThatThrownBy(() -> Credentials.session(KEY_ID, SECRET, " "))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("sessionToken must not be blank (sessionToken)");
    }

    @Test
    void assumeRole_defaults() {
        AssumeRoleCredentials c = Credentials.assumeRole(ROLE);

        assertThat(c.roleArn()).isEqualTo(ROLE);
        assertThat(c.externalId()).isEmpty();
        assertThat(c.roleSessionName()).isEqualTo("ferry");
        assertThat(c.duration()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(c.sourceCredentials()).isEqualTo(Credentials.defaultChain());
        assertThat(c.stsRegion()).isEmpty();
        assertThat(c.stsEndpoint()).isEmpty();
    }

    @Test
    void assumeRole_builder_setsEveryOptionAndRoundTripsThroughToBuilder() {
        AssumeRoleCredentials c = Credentials.assumeRole(r -> r
                .roleArn("arn:aws-cn:iam::123456789012:role/team/etl/ferry")
                .externalId("tenant-42")
                .roleSessionName("nightly-export")
                .durationSeconds(7200)
                .sourceCredentials(Credentials.profile("ci"))
                .stsRegion("eu-west-1")
                .stsEndpoint(URI.create("http://127.0.0.1:4566")));

        assertThat(c.roleArn()).isEqualTo("arn:aws-cn:iam::123456789012:role/team/etl/ferry");
        assertThat(c.externalId()).contains("tenant-42");
        assertThat(c.roleSessionName()).isEqualTo("nightly-export");
        assertThat(c.duration()).isEqualTo(Duration.ofHours(2));
        assertThat(c.sourceCredentials()).isEqualTo(Credentials.profile("ci"));
        assertThat(c.stsRegion()).contains("eu-west-1");
        assertThat(c.stsEndpoint()).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.toBuilder().duration(Duration.ofMinutes(15)).build().duration()).hasSeconds(900);
        assertThat(c).hasToString("AssumeRoleCredentials[roleArn=arn:aws-cn:iam::123456789012:role/team/etl/ferry, "
                + "externalId=tenant-42, roleSessionName=nightly-export, duration=7200s, "
                + "sourceCredentials=ProfileCredentials[profileName=ci], stsRegion=eu-west-1, "
                + "stsEndpoint=http://127.0.0.1:4566]");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"arn:aws:iam::123456789012:user/ferry", "arn:aws:iam::12345:role/ferry",
            "arn:aws:s3:::bucket", "ferry-export", "arn:aws:iam::123456789012:role/", ""})
    void assumeRole_malformedArn_throwsWithShape(String arn) {
        assertThatThrownBy(() -> Credentials.assumeRole(arn))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("roleArn must look like arn:aws:iam::123456789012:role/NAME (a partition such as aws "
                        + "or aws-cn, a 12-digit account id, then role/ and the role's path and name), was '"
                        + arn + "' (roleArn)");
    }

    @ParameterizedTest(name = "{0} s")
    @CsvSource(textBlock = """
            899,   899 s
            43201, 43201 s
            0,     0 s
            -900,  -900 s
            """)
    void assumeRole_durationOutOfRange_throwsNamingDurationAndRange(long seconds, String shown) {
        assertThatThrownBy(() -> Credentials.assumeRole(r -> r.roleArn(ROLE).durationSeconds(seconds)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("duration must be whole seconds between 900 s (15 minutes) and 43200 s (12 hours), was "
                        + shown + " (duration)");
    }

    @ParameterizedTest(name = "{0} s")
    @ValueSource(longs = {900, 3600, 43200})
    void assumeRole_durationAtLimits_isAccepted(long seconds) {
        assertThat(Credentials.assumeRole(r -> r.roleArn(ROLE).durationSeconds(seconds)).duration())
                .hasSeconds(seconds);
    }

    @Test
    void assumeRole_fractionalDuration_throws() {
        assertThatThrownBy(() -> AssumeRoleCredentials.builder().duration(Duration.ofMillis(1_000_500)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageEndingWith("was 1000500 ms (duration)");
    }

    @Test
    void assumeRole_anonymousSource_throws() {
        assertThatThrownBy(() -> AssumeRoleCredentials.builder().sourceCredentials(Credentials.anonymous()))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("anonymous credentials cannot call STS to assume a role; use basic, session, profile "
                        + "or default chain credentials (sourceCredentials)");
    }

    @Test
    void assumeRole_withoutArn_throwsAtBuild() {
        assertThatThrownBy(() -> Credentials.assumeRole(r -> r.externalId("abc")))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("roleArn is required: give the ARN of the role to assume, "
                        + "e.g. arn:aws:iam::123456789012:role/ferry-export (roleArn)");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            externalId      | x            | externalId must be 2 to 1224 characters of letters, digits and _+=,.@:/-, was 'x' (externalId)
            externalId      | a b          | externalId must be 2 to 1224 characters of letters, digits and _+=,.@:/-, was 'a b' (externalId)
            roleSessionName | my session   | roleSessionName must be 2 to 64 characters of letters, digits and _+=,.@-, was 'my session' (roleSessionName)
            stsRegion       | EU-WEST-1    | stsRegion must be a region name such as us-east-1, was 'EU-WEST-1' (stsRegion)
            stsEndpoint     | sts.local    | stsEndpoint must be an absolute http or https URI such as https://sts.eu-west-1.amazonaws.com, was 'sts.local' (stsEndpoint)
            stsEndpoint     | ftp://h/x    | stsEndpoint must be an absolute http or https URI such as https://sts.eu-west-1.amazonaws.com, was 'ftp://h/x' (stsEndpoint)
            """)
    void assumeRole_invalidOption_throwsNamingIt(String option, String value, String message) {
        AssumeRoleCredentials.Builder b = AssumeRoleCredentials.builder();

        assertThatThrownBy(() -> {
            switch (option) {
                case "externalId" -> b.externalId(value);
                case "roleSessionName" -> b.roleSessionName(value);
                case "stsRegion" -> b.stsRegion(value);
                default -> b.stsEndpoint(URI.create(value));
            }
        }).isInstanceOf(FerryConfigException.class).hasMessage(message)
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo(option);
    }
}
