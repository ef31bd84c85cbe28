package io.ferry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.credentials.Credentials;
import io.ferry.core.testing.CapturingLoggerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scan that SecretScanExtension runs around every test, checked on lines that leak on purpose. */
class SecretScanTest {
    private static final Logger LOG = LoggerFactory.getLogger("io.ferry.core.SecretScanTest");
    private static final String SECRET = "scanTestSecretKey0123456789abcdefghij";

    @Test
    void logLineWithARegisteredSecret_isRecordedRedacted() {
        Credentials.basic("AKIASCANTEST", SECRET);
        int mark = SecretScan.mark();

        LOG.warn("leaking {} on purpose", SECRET);
        LOG.debug("clean line about s3://bucket/key");

        assertThat(SecretScan.since(mark)).singleElement().satisfies(hit -> assertThat(hit)
                .isEqualTo("log io.ferry.core.SecretScanTest: WARN io.ferry.core.SecretScanTest - leaking **** on purpose")
                .doesNotContain(SECRET));
        SecretScan.forget(mark);
        assertThat(SecretScan.since(mark)).isEmpty();
    }

    @Test
    void exceptionLoggedWithASecretInItsCause_isRecorded() {
        Credentials.basic("AKIASCANTEST", SECRET);
        int mark = SecretScan.mark();

        LOG.debug("closing failed", new IllegalStateException("wraps", new RuntimeException("key " + SECRET)));

        assertThat(SecretScan.since(mark)).hasSize(1);
        SecretScan.forget(mark);
    }

    @Test
    void warnLines_goToTheTestLogFileNotTheConsole() throws Exception {
        long mark = CapturingLoggerFactory.mark();
        LOG.warn("an expected fault, marker {}", mark);

        assertThat(CapturingLoggerFactory.linesSince(mark))
                .containsExactly("WARN io.ferry.core.SecretScanTest - an expected fault, marker " + mark);
        Path file = Path.of(System.getProperty("ferry.test.log", "target/ferry-test.log"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("an expected fault, marker " + mark);
    }

    @Test
    void failingTestsException_withASecret_isDetected() {
        Credentials.basic("AKIASCANTEST", SECRET);
        assertThat(SecretScan.holdsSecret(new RuntimeException("x", new RuntimeException(SECRET)))).isTrue();
        assertThat(SecretScan.holdsSecret(new RuntimeException("nothing here"))).isFalse();
    }
}
