package io.ferry.td.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @ParameterizedTest(name = "attempt {0}, jitter {1} -> {2} ms")
    @CsvSource({
            "1, 0.0,   250",
            "1, 0.999, 499",
            "2, 0.0,   500",
            "3, 0.0,   1000",
            "4, 0.0,   1500",
            "40, 0.0,  1500",
    })
    void delayAfter_doublesUpToTheMax_withJitterBetweenHalfAndFull(int attempt, double jitter, long expectedMillis) {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(3), () -> jitter);

        assertThat(p.delayAfter(attempt, Optional.empty())).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest(name = "Retry-After {0} -> {1} s")
    @CsvSource(delimiter = '|', value = {
            "2                             | 2",
            "0                             | 0",
            "3600                          | 600",
            "Wed, 25 Nov 2026 10:00:30 GMT | 30",
            "Wed, 25 Nov 2026 09:00:00 GMT | 0",
    })
    void delayAfter_honoursRetryAfter_cappedAtTenMinutes(String header, long expectedSeconds) {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(3), () -> 0.5);

        Optional<Duration> retryAfter = RetryPolicy.parseRetryAfter(header, NOW);

        assertThat(p.delayAfter(1, retryAfter)).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }

    @ParameterizedTest
    @CsvSource({"soon", "-5", "''"})
    void parseRetryAfter_unreadable_isEmpty(String header) {
        assertThat(RetryPolicy.parseRetryAfter(header, NOW)).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0} retryable: {1}")
    @CsvSource({"500, true", "502, true", "503, true", "504, true", "429, true", "408, true",
            "400, false", "401, false", "403, false", "404, false", "409, false"})
    void isRetryableStatus_5xx429And408Only(int status, boolean retryable) {
        assertThat(RetryPolicy.isRetryableStatus(status)).isEqualTo(retryable);
    }

    @ParameterizedTest
    @CsvSource({"1, 3, true", "2, 3, true", "3, 3, false", "1, 1, false"})
    void allowsAnotherAttempt_boundedByMaxAttempts(int failed, int max, boolean allowed) {
        RetryPolicy p = RetryPolicy.of(max, Duration.ofMillis(1), Duration.ofMillis(2));

        assertThat(p.allowsAnotherAttempt(failed)).isEqualTo(allowed);
    }
}
