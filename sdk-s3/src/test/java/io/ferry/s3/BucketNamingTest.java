package io.ferry.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.imports.S3Import;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class BucketNamingTest {
    private static final String RULES = "; S3 bucket names are 3 to 63 characters of a-z, 0-9, '.' and '-'"
            + " (e.g. 'sample-bucket'); other names work only with an S3-compatible store's endpoint(...) (bucket)";

    /** One line per name S3 refuses: the name, and the rule the message names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sample_bucket  | it has characters other than lower-case letters, digits, '.' and '-'",
        "Sample-Bucket  | it has characters other than lower-case letters, digits, '.' and '-'",
        "ab             | it has 2 characters",
        "a234567890123456789012345678901234567890123456789012345678901234 | it has 64 characters",
        "-bucket        | it must start and end with a letter or digit",
        "bucket.        | it must start and end with a letter or digit",
        "my..bucket     | it has two adjacent dots",
        "192.168.5.4    | it is shaped like an IP address",
    })
    void build_nameS3Refuses_throwsNamingTheRule(String name, String rule) {
        String expected = "bucket name '" + name + "' is not valid: " + rule + RULES;
        assertThatThrownBy(() -> S3Export.builder().bucket(name).path("k.csv").region("us-east-1").build())
                .isInstanceOf(FerryConfigException.class).hasMessage(expected)
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo("bucket");
        assertThatThrownBy(() -> S3Import.builder().bucket(name).region("us-east-1").build())
                .isInstanceOf(FerryConfigException.class).hasMessage(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample-bucket", "abc", "my.bucket.v2", "a1-b2",
        "a23456789012345678901234567890123456789012345678901234567890123"})
    void build_validS3Names_build(String name) {
        assertThat(S3Import.builder().bucket(name).region("us-east-1").build().bucket()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample_bucket", "Legacy_Bucket", "b"})
    void build_legacyNameWithEndpointOrEndpointClient_builds(String name) {
        assertThat(S3Import.builder().bucket(name).endpoint("http://127.0.0.1:9000").build().bucket()).isEqualTo(name);
        try (S3Client client = S3Client.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9000")).build()) {
            assertThat(S3Export.builder().bucket(name).path("k.csv").client(client).build().bucket()).isEqualTo(name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bad name", "tab\tname", "semi;colon"})
    void build_nameNoStoreTakesWithEndpoint_throws(String name) {
        assertThatThrownBy(() -> S3Import.builder().bucket(name).endpoint("http://127.0.0.1:9000").build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("bucket name '" + name + "' is not valid: with an endpoint it must be 1 to 255 characters"
                        + " of letters, digits, '.', '_' and '-' (bucket)");
    }
}
