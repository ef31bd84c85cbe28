package io.ferry.s3.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotationTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "maxRows={0} maxBytes={1} interval={2}s rows={3} bytes={4} age={5}s -> {6}")
    @CsvSource({
        "0,   0,   0,  1000000, 999999999, 99999, false",
        "10,  0,   0,  9,       0,         0,     false",
        "10,  0,   0,  10,      0,         0,     true",
        "0,   100, 0,  1,       99,        0,     false",
        "0,   100, 0,  1,       100,       0,     true",
        "0,   0,   60, 1,       0,         59,    false",
        "0,   0,   60, 1,       0,         60,    true",
        "10,  100, 60, 0,       1000,      1000,  false",
    })
    void shouldRotate_table(long maxRows, long maxBytes, long intervalSeconds, long rows, long bytes,
                            long ageSeconds, boolean expected) {
        Rotation r = Rotation.of(maxRows, maxBytes, intervalSeconds == 0 ? null : Duration.ofSeconds(intervalSeconds));
        assertThat(r.shouldRotate(rows, bytes, T0, T0.plusSeconds(ageSeconds))).isEqualTo(expected);
    }

    @Test
    void of_allOff_isNone() {
        assertThat(Rotation.of(0, 0, null).enabled()).isFalse();
        assertThat(Rotation.of(1, 0, null).enabled()).isTrue();
    }
}
