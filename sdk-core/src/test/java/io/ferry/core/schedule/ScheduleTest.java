package io.ferry.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @ParameterizedTest(name = "[{index}] {0} {1} delay {2} after {3}")
    @CsvSource(delimiter = '|', textBlock = """
            10 0 * * * | UTC              | PT0S  | 2015-04-17T00:10:00Z | 2015-04-18T00:10Z[UTC]
            10 0 * * * | UTC              | PT5M  | 2015-04-17T00:10:00Z | 2015-04-17T00:15Z[UTC]
            10 0 * * * | UTC              | PT5M  | 2015-04-17T00:15:00Z | 2015-04-18T00:15Z[UTC]
            @daily     | Asia/Tokyo       | PT0S  | 2026-01-01T00:00:00Z | 2026-01-02T00:00+09:00[Asia/Tokyo]
            @daily     | America/New_York | PT1H  | 2026-01-01T00:00:00Z | 2026-01-01T01:00-05:00[America/New_York]
            """)
    void nextRun_isCronTimePlusDelay(String cron, String zone, Duration delay, Instant after, String expected) {
        Schedule s = Schedule.builder().cron(cron).zone(zone).delay(delay).build();
        assertThat(s.nextRun(after)).contains(ZonedDateTime.parse(expected));
    }

    @Test
    void onDemand_hasNoNextRun_andDefaults() {
        Schedule s = Schedule.onDemand();
        assertThat(s.isOnDemand()).isTrue();
        assertThat(s.cron()).isEmpty();
        assertThat(s.nextRun(Instant.EPOCH)).isEmpty();
        assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(s.delay()).isZero();
        assertThat(s).hasToString("on demand").isEqualTo(Schedule.builder().build());
    }

    @Test
    void cron_defaultsToUtcWithoutDelay() {
        Schedule s = Schedule.cron("0 0 1 * *");
        assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(s.delay()).isZero();
        assertThat(s).hasToString("0 0 1 * * UTC");
        assertThat(s.toBuilder().delay(Duration.ofSeconds(30)).build()).hasToString("0 0 1 * * UTC delay PT30S");
    }

    @Test
    void builder_negativeDelay_throws() {
        assertThatThrownBy(() -> Schedule.builder().delay(Duration.ofSeconds(-1)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("delay must be zero or positive, was PT-1S (delay)");
    }

    @Test
    void builder_abbreviatedZone_throws() {
        assertThatThrownBy(() -> Schedule.builder().zone("PST"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("use an IANA id such as America/Los_Angeles (zone)");
    }
}
