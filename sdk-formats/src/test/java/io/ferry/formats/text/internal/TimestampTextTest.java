package io.ferry.formats.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampTextTest {
    private static final TimestampText DEFAULT = TimestampText.of(TimestampText.DEFAULT_PATTERN,
            TimestampText.DEFAULT_ZONE, "timestampPattern");
    private static final DateTimeFormatter JDK = DateTimeFormatter.ofPattern(TimestampText.DEFAULT_PATTERN, Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1970-01-01T00:00:00Z,           1970-01-01 00:00:00.000",
        "2026-11-25T09:15:37.123999Z,    2026-11-25 09:15:37.123",
        "1969-12-31T23:59:59.999Z,       1969-12-31 23:59:59.999",
        "2000-02-29T12:00:00Z,           2000-02-29 12:00:00.000",
        "0001-01-01T00:00:00Z,           0001-01-01 00:00:00.000",
        "9999-12-31T23:59:59.999Z,       9999-12-31 23:59:59.999"
    })
    void format_default_isUtcMillis(String instant, String expected) {
        assertThat(DEFAULT.format(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void format_default_agreesWithJdkFormatterOnRandomInstants() {
        // +-12,700 years: BC years (year-of-era) and years above 9999 take the JDK path.
        Random random = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L, random.nextInt(1_000_000_000));
            assertThat(DEFAULT.format(t)).as(t.toString()).isEqualTo(JDK.format(t));
        }
    }

    @Test
    void format_otherZone_usesJdkFormatter() {
        TimestampText tokyo = TimestampText.of(TimestampText.DEFAULT_PATTERN, ZoneId.of("Asia/Tokyo"), "timestampZone");

        assertThat(tokyo.isDefault()).isFalse();
        assertThat(tokyo.format(Instant.parse("2026-11-25T20:00:00Z"))).isEqualTo("2026-11-26 05:00:00.000");
        assertThat(TimestampText.of(TimestampText.DEFAULT_PATTERN, ZoneId.of("UTC"), "z").isDefault()).isTrue();
    }
}
