package io.ferry.s3.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ferry.core.FerryConfigException;
import io.ferry.core.credentials.Credentials;
import io.ferry.s3.imports.S3Import;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No region anywhere: the AWS SDK's region chain (system property, environment, profile file,
 * instance metadata) finds none, and Ferry says how to set one instead of leaking the SDK's
 * SdkClientException. The profile files point at an empty folder and instance metadata is off, so
 * nothing outside the JVM is asked.
 */
class MissingRegionTest {
    private static final String[] PROPERTIES = {"aws.region", "aws.configFile", "aws.sharedCredentialsFile",
        "aws.disableEc2Metadata"};
    private final Map<String, String> saved = new HashMap<>();

    @TempDir
    Path empty;

    @BeforeEach
    void noRegionAnywhere() {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "the environment sets a region");
        for (String p : PROPERTIES) {
            saved.put(p, System.getProperty(p));
        }
        System.clearProperty("aws.region");
        System.setProperty("aws.configFile", empty.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", empty.resolve("credentials").toString());
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void guess_noRegion_throwsConfigErrorSayingHowToSetOne() {
        S3Import imp = S3Import.builder().bucket("region-test").pathPrefix("in/")
                .credentials(Credentials.basic("AKIAREGIONTEST", "regionTestSecret0123456789")).build();

        assertThatThrownBy(imp::guess)
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("no AWS region for the S3 client: set region(...) on the builder (e.g."
                        + " region(\"us-east-1\")), or the AWS_REGION environment variable, or region in the AWS"
                        + " config profile (region)")
                .satisfies(e -> assertThat(((FerryConfigException) e).option()).isEqualTo("region"));
    }
}
