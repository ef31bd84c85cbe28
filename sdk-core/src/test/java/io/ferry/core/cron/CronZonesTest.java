package io.ferry.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronZonesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Tokyo", "America/Los_Angeles", "Europe/London", "Etc/GMT-9"})
    void parse_ianaRegion_returnsZone(String id) {
        assertThat(CronZones.parse(id)).isEqualTo(ZoneId.of(id));
    }

    @Test
    void parse_utcInAnyCase_returnsUtc() {
        assertThat(CronZones.parse("utc")).isEqualTo(ZoneId.of("UTC")).isEqualTo(CronZones.DEFAULT);
        assertThat(CronZones.check(ZoneOffset.UTC)).isEqualTo(ZoneId.of("UTC"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            PST        | time zone "PST" is an abbreviation, which is ambiguous and ignores daylight saving; use an IANA id such as America/Los_Angeles (zone)
            cst        | time zone "cst" is an abbreviation, which is ambiguous and ignores daylight saving; use an IANA id such as America/Chicago or Asia/Shanghai (zone)
            EST        | time zone "EST" is an abbreviation, which is ambiguous and ignores daylight saving; use an IANA id such as America/New_York (zone)
            +09:00     | time zone "+09:00" is not an IANA region id; use a region such as Asia/Tokyo or America/Los_Angeles, or UTC (Etc/GMT-9 for a fixed UTC+9) (zone)
            EST5EDT    | time zone "EST5EDT" is not an IANA region id; use a region such as Asia/Tokyo or America/Los_Angeles, or UTC (Etc/GMT-9 for a fixed UTC+9) (zone)
            asia/tokyo | unknown time zone "asia/tokyo"; did you mean Asia/Tokyo? (zone)
            Mars/Olympus | unknown time zone "Mars/Olympus"; see ZoneId.getAvailableZoneIds() for the list (zone)
            """)
    void parse_notAnIanaRegion_throwsWithSuggestion(String id, String message) {
        assertThatThrownBy(() -> CronZones.parse(id))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage(message);
    }

    @Test
    void check_abbreviationZoneId_throws() {
        assertThatThrownBy(() -> CronZones.check(ZoneId.of("EST", ZoneId.SHORT_IDS)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("is not an IANA region id");
    }
}
