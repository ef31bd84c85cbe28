package io.ferry.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

    @ParameterizedTest(name = "[{index}] {0} after {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # reference examples
            0 * * * *        | 2026-01-01T10:15:00Z | 2026-01-01T11:00Z 2026-01-01T12:00Z
            0 0 * * *        | 2026-01-31T23:59:59Z | 2026-02-01T00:00Z 2026-02-02T00:00Z
            0 0 1 * *        | 2026-01-01T00:00:00Z | 2026-02-01T00:00Z 2026-03-01T00:00Z
            0 0 1-10 * *     | 2026-01-09T12:00:00Z | 2026-01-10T00:00Z 2026-02-01T00:00Z 2026-02-02T00:00Z
            0 0 1,11,21 * *  | 2026-01-21T00:00:00Z | 2026-02-01T00:00Z 2026-02-11T00:00Z 2026-02-21T00:00Z 2026-03-01T00:00Z
            30 */2 1 * *     | 2026-01-31T23:00:00Z | 2026-02-01T00:30Z 2026-02-01T02:30Z 2026-02-01T04:30Z
            30 */2 1 * *     | 2026-02-01T22:30:00Z | 2026-03-01T00:30Z
            0 0 5,*/10,25 * *| 2026-01-01T00:00:00Z | 2026-01-05T00:00Z 2026-01-11T00:00Z 2026-01-21T00:00Z 2026-01-25T00:00Z 2026-01-31T00:00Z 2026-02-01T00:00Z
            0 0 */5 * *      | 2026-01-30T12:00:00Z | 2026-01-31T00:00Z 2026-02-01T00:00Z 2026-02-06T00:00Z 2026-02-11T00:00Z
            10 0 * * *       | 2026-04-17T00:10:00Z | 2026-04-18T00:10Z 2026-04-19T00:10Z
            2,*/5,8-10 3 * * * | 2026-01-01T03:06:00Z | 2026-01-01T03:08Z 2026-01-01T03:09Z 2026-01-01T03:10Z 2026-01-01T03:15Z
            # macros
            @hourly          | 2026-01-01T10:00:00Z | 2026-01-01T11:00Z
            @daily           | 2026-01-01T10:00:00Z | 2026-01-02T00:00Z
            @weekly          | 2026-01-01T10:00:00Z | 2026-01-04T00:00Z 2026-01-11T00:00Z
            @monthly         | 2026-01-01T10:00:00Z | 2026-02-01T00:00Z
            @yearly          | 2026-01-01T10:00:00Z | 2027-01-01T00:00Z
            @ANNUALLY        | 2026-01-01T10:00:00Z | 2027-01-01T00:00Z
            # names, any case, and 7 as Sunday
            0 9 * jan-mar mon-fri | 2026-03-31T10:00:00Z | 2027-01-01T09:00Z 2027-01-04T09:00Z
            0 12 * * SUN     | 2026-01-01T00:00:00Z | 2026-01-04T12:00Z 2026-01-11T12:00Z
            0 12 * * 7       | 2026-01-01T00:00:00Z | 2026-01-04T12:00Z 2026-01-11T12:00Z
            0 12 * * fri-7   | 2026-01-01T00:00:00Z | 2026-01-02T12:00Z 2026-01-03T12:00Z 2026-01-04T12:00Z 2026-01-09T12:00Z
            0 0 1 Jun,dec *  | 2026-01-01T00:00:00Z | 2026-06-01T00:00Z 2026-12-01T00:00Z 2027-06-01T00:00Z
            # leap day, month ends, year boundaries
            0 0 29 2 *       | 2026-01-01T00:00:00Z | 2028-02-29T00:00Z 2032-02-29T00:00Z
            0 0 29 2 *       | 2097-03-01T00:00:00Z | 2104-02-29T00:00Z
            0 0 31 * *       | 2026-01-31T00:00:00Z | 2026-03-31T00:00Z 2026-05-31T00:00Z 2026-07-31T00:00Z 2026-08-31T00:00Z
            0 0 30 * *       | 2028-01-30T00:00:00Z | 2028-03-30T00:00Z
            59 23 31 12 *    | 2026-12-31T23:59:00Z | 2027-12-31T23:59Z
            0 0 1 1 *        | 2026-12-31T23:59:30Z | 2027-01-01T00:00Z
            * * * * *        | 2026-12-31T23:59:00Z | 2027-01-01T00:00Z 2027-01-01T00:01Z
            * * * * *        | 2026-12-31T23:58:59.999Z | 2026-12-31T23:59Z 2027-01-01T00:00Z
            # day of month and day of week: both restricted -> either matches
            0 0 1 * mon      | 2026-02-01T00:00:00Z | 2026-02-02T00:00Z 2026-02-09T00:00Z 2026-02-16T00:00Z 2026-02-23T00:00Z 2026-03-01T00:00Z 2026-03-02T00:00Z
            0 0 13 * fri     | 2026-03-01T00:00:00Z | 2026-03-06T00:00Z 2026-03-13T00:00Z 2026-03-20T00:00Z 2026-03-27T00:00Z 2026-04-03T00:00Z 2026-04-10T00:00Z 2026-04-13T00:00Z
            # a field beginning with * is unrestricted -> both must match
            0 0 */2 * mon    | 2026-02-01T00:00:00Z | 2026-02-09T00:00Z 2026-02-23T00:00Z 2026-03-09T00:00Z
            0 0 1 * */2      | 2026-02-01T00:00:00Z | 2026-03-01T00:00Z 2026-08-01T00:00Z
            0 0 29 2 */7     | 2026-01-01T00:00:00Z | 2032-02-29T00:00Z 2060-02-29T00:00Z
            """)
    void next_returnsFireTimesInOrder(String expression, String after, String expected) {
        CronExpression cron = CronExpression.parse(expression);
        List<ZonedDateTime> actual = new ArrayList<>();
        ZonedDateTime t = ZonedDateTime.parse(after);
        for (int i = 0; i < expected.split(" ").length; i++) {
            t = cron.next(t);
            actual.add(t);
        }
        assertThat(actual).isEqualTo(times(expected));
    }

    @ParameterizedTest(name = "[{index}] {0} before {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 * * * *        | 2026-01-01T10:00:00Z | 2026-01-01T09:00Z 2026-01-01T08:00Z
            0 * * * *        | 2026-01-01T10:00:00.001Z | 2026-01-01T10:00Z 2026-01-01T09:00Z
            0 0 1 * *        | 2026-01-01T00:00:00Z | 2025-12-01T00:00Z 2025-11-01T00:00Z
            0 0 29 2 *       | 2028-02-29T00:00:00Z | 2024-02-29T00:00Z 2020-02-29T00:00Z
            0 0 29 2 *       | 2104-02-28T00:00:00Z | 2096-02-29T00:00Z
            0 0 31 * *       | 2026-08-31T00:00:00Z | 2026-07-31T00:00Z 2026-05-31T00:00Z 2026-03-31T00:00Z 2026-01-31T00:00Z
            0 0 1 * mon      | 2026-03-01T00:00:00Z | 2026-02-23T00:00Z 2026-02-16T00:00Z
            0 0 5,*/10,25 * *| 2026-02-01T00:00:00Z | 2026-01-31T00:00Z 2026-01-25T00:00Z 2026-01-21T00:00Z 2026-01-11T00:00Z 2026-01-05T00:00Z 2026-01-01T00:00Z
            59 23 31 12 *    | 2027-01-01T00:00:00Z | 2026-12-31T23:59Z
            @weekly          | 2026-01-04T00:00:00Z | 2025-12-28T00:00Z
            """)
    void previous_returnsFireTimesInReverseOrder(String expression, String before, String expected) {
        CronExpression cron = CronExpression.parse(expression);
        List<ZonedDateTime> actual = new ArrayList<>();
        ZonedDateTime t = ZonedDateTime.parse(before);
        for (int i = 0; i < expected.split(" ").length; i++) {
            t = cron.previous(t);
            actual.add(t);
        }
        assertThat(actual).isEqualTo(times(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            61 * * * *       | minute: 61 is outside 0-59 (field 1, "61") in "61 * * * *" (cron)
            1,61 * * * *     | minute: 61 is outside 0-59 (field 1, "61") in "1,61 * * * *" (cron)
            * 24 * * *       | hour: 24 is outside 0-23 (field 2, "24") in "* 24 * * *" (cron)
            0 0 0 * *        | day of month: 0 is outside 1-31 (field 3, "0") in "0 0 0 * *" (cron)
            0 0 * 13 *       | month: 13 is outside 1-12 (field 4, "13") in "0 0 * 13 *" (cron)
            0 0 * * 1-8      | day of week: 8 is outside 0-7 (field 5, "1-8") in "0 0 * * 1-8" (cron)
            0 0 * *          | expected 5 fields (minute hour day-of-month month day-of-week) separated by spaces, found 4 in "0 0 * *"; seconds and years are not supported (cron)
            0 0 0 * * *      | expected 5 fields (minute hour day-of-month month day-of-week) separated by spaces, found 6 in "0 0 0 * * *"; seconds and years are not supported (cron)
            */0 * * * *      | minute: step must be at least 1, was 0 (field 1, "*/0") in "*/0 * * * *" (cron)
            */x * * * *      | minute: step "x" is not a positive number (field 1, "*/x") in "*/x * * * *" (cron)
            5-2 * * * *      | minute: range 5-2 is reversed; write the smaller value first (field 1, "5-2") in "5-2 * * * *" (cron)
            0 0 * * sat-sun  | day of week: range sat-sun is reversed; write the smaller value first (field 5, "sat-sun") in "0 0 * * sat-sun" (cron)
            0 0 * * sunday   | day of week: "sunday" is not a valid value; use a number 0-7 or one of sun, mon, tue, wed, thu, fri, sat (field 5, "sunday") in "0 0 * * sunday" (cron)
            0 0 * foo *      | month: "foo" is not a valid value; use a number 1-12 or one of jan, feb, mar, apr, may, jun, jul, aug, sep, oct, nov, dec (field 4, "foo") in "0 0 * foo *" (cron)
            0 mon * * *      | hour: "mon" is not a valid value; use a number 0-23 (field 2, "mon") in "0 mon * * *" (cron)
            1,,2 * * * *     | minute: empty list element; separate values with single commas (field 1, "1,,2") in "1,,2 * * * *" (cron)
            *,5 * * * *      | minute: a bare * cannot be part of a list; write * alone (field 1, "*") in "*,5 * * * *" (cron)
            5/10 * * * *     | minute: a step needs a range or *: write 5-59/10 or */10 (field 1, "5/10") in "5/10 * * * *" (cron)
            /5 * * * *       | minute: a step needs a range or * before /: write */5 (field 1, "/5") in "/5 * * * *" (cron)
            1, * * * *       | minute: empty list element; separate values with single commas (field 1, "1,") in "1, * * * *" (cron)
            -5 * * * *       | minute: a range needs a value on both sides of - (field 1, "-5") in "-5 * * * *" (cron)
            @reboot          | unknown macro "@reboot"; use @hourly, @daily, @weekly, @monthly, @yearly or @annually (cron)
            0 0 30 2 *       | day of month: no day in "30" exists in month "2" (fields 3 and 4) in "0 0 30 2 *"; the expression would never fire (cron)
            0 0 31 apr,6 *   | day of month: no day in "31" exists in month "apr,6" (fields 3 and 4) in "0 0 31 apr,6 *"; the expression would never fire (cron)
            `   `            | the cron expression is empty; write five fields such as "0 0 * * *" or a macro such as @daily (cron)
            """)
    void parse_invalidExpression_throwsNamingFieldAndToken(String expression, String message) {
        assertThatThrownBy(() -> CronExpression.parse(expression))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage(message)
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo("cron");
    }

    @Test
    void parse_neverFiringDayOfMonth_isAcceptedWhenDayOfWeekIsRestricted() {
        // both day fields restricted: either matches, so Mondays in February fire
        CronExpression cron = CronExpression.parse("0 0 30 2 mon");
        assertThat(cron.next(ZonedDateTime.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(ZonedDateTime.parse("2026-02-02T00:00Z"));
    }

    @Test
    void tryParse_invalid_isEmpty_valid_isPresent() {
        assertThat(CronExpression.tryParse("61 * * * *")).isEmpty();
        assertThat(CronExpression.tryParse(null)).isEmpty();
        assertThat(CronExpression.tryParse(" 0 0 * * * ")).map(CronExpression::expression).contains("0 0 * * *");
    }

    @Test
    void nextTimes_streamsStrictlyIncreasingTimes() {
        CronExpression cron = CronExpression.parse("0 0 1,15 * *");
        List<ZonedDateTime> times = cron.nextTimes(ZonedDateTime.parse("2026-12-01T00:00:00Z"))
                .limit(4).collect(Collectors.toList());
        assertThat(times).isEqualTo(times("2026-12-15T00:00Z 2027-01-01T00:00Z 2027-01-15T00:00Z 2027-02-01T00:00Z"));
    }

    @Test
    void next_keepsZoneOfArgument() {
        ZonedDateTime after = ZonedDateTime.parse("2026-01-01T00:00:00+09:00[Asia/Tokyo]");
        assertThat(CronExpression.parse("@daily").next(after))
                .isEqualTo(ZonedDateTime.parse("2026-01-02T00:00:00+09:00[Asia/Tokyo]"));
    }

    @Test
    void equals_macroAndItsExpansion_areEqual() {
        assertThat(CronExpression.parse("@daily")).isEqualTo(CronExpression.parse("0 0 * * *"))
                .hasSameHashCodeAs(CronExpression.parse("0 0 * * *"))
                .hasToString("@daily");
        assertThat(CronExpression.parse("0 0 * * *")).isNotEqualTo(CronExpression.parse("0 */24 * * *"));
    }

    @Test
    void followsRealTime_isTrueOnlyWhenHourBeginsWithStar() {
        assertThat(CronExpression.parse("0 * * * *").followsRealTime()).isTrue();
        assertThat(CronExpression.parse("0 */2 * * *").followsRealTime()).isTrue();
        assertThat(CronExpression.parse("0 0-23 * * *").followsRealTime()).isFalse();
        assertThat(CronExpression.parse("@daily").followsRealTime()).isFalse();
    }

    private static List<ZonedDateTime> times(String list) {
        return Arrays.stream(list.split(" ")).map(s -> ZonedDateTime.parse(s).withZoneSameInstant(ZoneOffset.UTC))
                .collect(Collectors.toList());
    }
}
