package io.ferry.core.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class LocalCronSearchTest {

    @Test
    void dayOfWeekAndMonthLength_agreeWithJavaTime_over800Years() {
        for (LocalDate d = LocalDate.of(1600, 1, 1); d.getYear() < 2400; d = d.plusDays(1)) {
            assertThat(LocalCronSearch.dayOfWeek(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
                    .as("%s", d).isEqualTo(d.getDayOfWeek().getValue() % 7);
            if (d.getDayOfMonth() == 1) {
                assertThat(LocalCronSearch.monthLength(d.getYear(), d.getMonthValue()))
                        .isEqualTo(YearMonth.from(d).lengthOfMonth());
            }
        }
    }

    @Test
    void next_andPrevious_areInverseAroundEveryMatch() {
        CronFields f = CronParser.parse("7 3,15 */3 feb,jul mon");
        LocalDateTime t = LocalDateTime.of(2026, 1, 1, 0, 0);
        for (int i = 0; i < 200; i++) {
            LocalDateTime next = LocalCronSearch.next(f, t);
            assertThat(LocalCronSearch.matches(f, next)).isTrue();
            assertThat(LocalCronSearch.previous(f, next.plusSeconds(1))).isEqualTo(next);
            if (i > 0) {
                assertThat(LocalCronSearch.previous(f, next)).isEqualTo(t);
            }
            t = next;
        }
    }

    @Test
    void matches_rejectsTimesWithSeconds() {
        CronFields f = CronParser.parse("* * * * *");
        assertThat(LocalCronSearch.matches(f, LocalDateTime.of(2026, 1, 1, 0, 0))).isTrue();
        assertThat(LocalCronSearch.matches(f, LocalDateTime.of(2026, 1, 1, 0, 0, 1))).isFalse();
    }
}
