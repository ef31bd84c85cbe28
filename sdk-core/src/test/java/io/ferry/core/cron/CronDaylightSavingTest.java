package io.ferry.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vixie cron's daylight saving rule, case by case and over every transition of several zones. */
class CronDaylightSavingTest {

    @ParameterizedTest(name = "[{index}] {0} {1} {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # New York 2026: 02:00 EST -> 03:00 EDT on March 8, 02:00 EDT -> 01:00 EST on November 1
            30 2 * * *   | America/New_York | next     | 2026-03-07T12:00-05:00 | 2026-03-08T03:00-04:00 2026-03-09T02:30-04:00
            0 2 * * *    | America/New_York | next     | 2026-03-07T12:00-05:00 | 2026-03-08T03:00-04:00 2026-03-09T02:00-04:00
            0,30 2 * * * | America/New_York | next     | 2026-03-08T00:00-05:00 | 2026-03-08T03:00-04:00 2026-03-09T02:00-04:00
            0,30 2,3 * * * | America/New_York | next   | 2026-03-08T00:00-05:00 | 2026-03-08T03:00-04:00 2026-03-08T03:30-04:00 2026-03-09T02:00-04:00
            30 1 * * *   | America/New_York | next     | 2026-10-31T12:00-04:00 | 2026-11-01T01:30-04:00 2026-11-02T01:30-05:00
            0,30 1 * * * | America/New_York | next     | 2026-11-01T00:00-04:00 | 2026-11-01T01:00-04:00 2026-11-01T01:30-04:00 2026-11-02T01:00-05:00
            30 1 * * *   | America/New_York | next     | 2026-11-01T01:10-05:00 | 2026-11-02T01:30-05:00
            30 * * * *   | America/New_York | next     | 2026-03-08T00:00-05:00 | 2026-03-08T00:30-05:00 2026-03-08T01:30-05:00 2026-03-08T03:30-04:00
            30 * * * *   | America/New_York | next     | 2026-11-01T00:00-04:00 | 2026-11-01T00:30-04:00 2026-11-01T01:30-04:00 2026-11-01T01:30-05:00 2026-11-01T02:30-05:00
            0 * * * *    | America/New_York | next     | 2026-11-01T01:59-04:00 | 2026-11-01T01:00-05:00 2026-11-01T02:00-05:00
            30 1 * * *   | America/New_York | previous | 2026-11-01T01:45-05:00 | 2026-11-01T01:30-04:00 2026-10-31T01:30-04:00
            30 2 * * *   | America/New_York | previous | 2026-03-08T03:00:01-04:00 | 2026-03-08T03:00-04:00 2026-03-07T02:30-05:00
            30 2 * * *   | America/New_York | previous | 2026-03-08T03:00-04:00 | 2026-03-07T02:30-05:00
            30 * * * *   | America/New_York | previous | 2026-11-01T01:00-05:00 | 2026-11-01T01:30-04:00 2026-11-01T00:30-04:00
            30 * * * *   | America/New_York | previous | 2026-11-01T02:00-05:00 | 2026-11-01T01:30-05:00 2026-11-01T01:30-04:00
            # London 2026: 01:00 GMT -> 02:00 BST on March 29, 02:00 BST -> 01:00 GMT on October 25
            30 1 * * *   | Europe/London    | next     | 2026-03-28T12:00Z      | 2026-03-29T02:00+01:00 2026-03-30T01:30+01:00
            30 1 * * *   | Europe/London    | next     | 2026-10-24T12:00+01:00 | 2026-10-25T01:30+01:00 2026-10-26T01:30Z
            15 * * * *   | Europe/London    | next     | 2026-03-29T00:00Z      | 2026-03-29T00:15Z 2026-03-29T02:15+01:00
            15 * * * *   | Europe/London    | next     | 2026-10-25T00:00+01:00 | 2026-10-25T00:15+01:00 2026-10-25T01:15+01:00 2026-10-25T01:15Z 2026-10-25T02:15Z
            30 1 * * *   | Europe/London    | previous | 2026-03-30T00:00+01:00 | 2026-03-29T02:00+01:00 2026-03-28T01:30Z
            15 * * * *   | Europe/London    | previous | 2026-10-25T02:00Z      | 2026-10-25T01:15Z 2026-10-25T01:15+01:00 2026-10-25T00:15+01:00
            # Santiago 2026: 24:00 -04 -> 01:00 -03 on September 6 (the gap is at midnight)
            0 0 * * *    | America/Santiago | next     | 2026-09-05T12:00-04:00 | 2026-09-06T01:00-03:00 2026-09-07T00:00-03:00
            """)
    void fireTimes_aroundTransitions_followVixieRule(String expression, String zone, String direction, String from,
            String expected) {
        CronExpression cron = CronExpression.parse(expression);
        ZoneId zoneId = ZoneId.of(zone);
        ZonedDateTime t = ZonedDateTime.parse(from).withZoneSameInstant(zoneId);
        List<ZonedDateTime> actual = new ArrayList<>();
        for (int i = 0; i < expected.split(" ").length; i++) {
            t = direction.equals("next") ? cron.next(t) : cron.previous(t);
            actual.add(t);
        }
        assertThat(actual).isEqualTo(Arrays.stream(expected.split(" "))
                .map(s -> ZonedDateTime.parse(s).withZoneSameInstant(zoneId)).collect(Collectors.toList()));
    }

    private static final List<String> ZONES = List.of("America/New_York", "Europe/London", "America/Santiago",
            "Africa/Cairo", "Australia/Lord_Howe");

    /** Expressions with an independent predicate on local time, used as the oracle. */
    private static final Map<String, Predicate<LocalDateTime>> EXPRESSIONS = Map.of(
            "0 0 * * *", t -> t.getHour() == 0 && t.getMinute() == 0,
            "30 2 * * *", t -> t.getHour() == 2 && t.getMinute() == 30,
            "0 1 * * *", t -> t.getHour() == 1 && t.getMinute() == 0,
            "0 23 * * *", t -> t.getHour() == 23 && t.getMinute() == 0,
            "15 0,1,2,3 * * *", t -> t.getHour() <= 3 && t.getMinute() == 15,
            "* 2 * * *", t -> t.getHour() == 2,
            "0 * * * *", t -> t.getMinute() == 0,
            "*/20 * * * *", t -> t.getMinute() % 20 == 0,
            "45 */3 * * *", t -> t.getHour() % 3 == 0 && t.getMinute() == 45);

    static Stream<Arguments> transitions() {
        List<Arguments> all = new ArrayList<>();
        for (String zone : ZONES) {
            ZoneRules rules = ZoneId.of(zone).getRules();
            ZoneOffsetTransition tr = rules.nextTransition(Instant.parse("2021-01-01T00:00:00Z"));
            while (tr != null && tr.getInstant().isBefore(Instant.parse("2029-01-01T00:00:00Z"))) {
                all.add(Arguments.of(zone, tr.getInstant()));
                tr = rules.nextTransition(tr.getInstant());
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("transitions")
    void everyTransition_fireTimesMatchOracle_strictlyIncreasing_noSkippedDay(String zone, Instant transition) {
        ZoneId zoneId = ZoneId.of(zone);
        ZoneRules rules = zoneId.getRules();
        Instant start = transition.minus(Duration.ofDays(2));
        Instant end = transition.plus(Duration.ofDays(2));
        EXPRESSIONS.forEach((expression, predicate) -> {
            CronExpression cron = CronExpression.parse(expression);
            List<Instant> actual = new ArrayList<>();
            ZonedDateTime t = start.atZone(zoneId);
            while (true) {
                ZonedDateTime next = cron.next(t);
                assertThat(next).as("%s after %s", expression, t).isNotNull().isAfter(t);
                if (!next.toInstant().isBefore(end)) {
                    break;
                }
                if (!actual.isEmpty()) {
                    assertThat(cron.previous(next)).as("%s previous(%s)", expression, next).isEqualTo(t);
                }
                actual.add(next.toInstant());
                t = next;
            }
            List<Instant> expected = cron.followsRealTime()
                    ? realTimeOracle(rules, predicate, start, end)
                    : fixedHourOracle(rules, predicate, start, end);
            assertThat(actual).as("%s in %s around %s", expression, zone, transition).isEqualTo(expected);
            if (expression.startsWith("0 0 ") || expression.startsWith("30 2 ") || expression.startsWith("0 1 ")
                    || expression.startsWith("0 23 ")) {
                assertOncePerDay(actual, zoneId, start, end, expression);
            }
        });
    }

    @ParameterizedTest(name = "[{index}] seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void randomExpressions_aroundRandomTransitions_matchOracle(long seed) {
        Random random = new Random(seed);
        List<String> zones = List.of("America/New_York", "Europe/London", "America/Santiago", "Africa/Cairo",
                "Australia/Lord_Howe", "Pacific/Chatham", "America/Havana", "Asia/Tehran");
        for (int i = 0; i < 60; i++) {
            String expression = RandomCron.expression(random);
            if (random.nextBoolean()) {
                // favour hours around the usual transition times
                String[] f = expression.split(" ");
                f[1] = random.nextBoolean() ? "0-3" : Integer.toString(random.nextInt(4)) + "," + (22 + random.nextInt(2));
                expression = String.join(" ", f);
            }
            CronExpression cron = CronExpression.parse(expression);
            NaiveCron naive = new NaiveCron(expression);
            ZoneId zone = ZoneId.of(zones.get(random.nextInt(zones.size())));
            ZoneRules rules = zone.getRules();
            Instant year = Instant.parse("2015-01-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(365 * 12)));
            ZoneOffsetTransition tr = rules.nextTransition(year);
            if (tr == null) {
                // Tehran dropped daylight saving in 2022
                tr = rules.previousTransition(year);
            }
            Instant start = tr.getInstant().minus(Duration.ofHours(30));
            Instant end = tr.getInstant().plus(Duration.ofHours(30));
            List<Instant> expected = cron.followsRealTime()
                    ? realTimeOracle(rules, naive::matches, start, end)
                    : fixedHourOracle(rules, naive::matches, start, end);
            List<Instant> actual = new ArrayList<>();
            ZonedDateTime t = start.atZone(zone);
            while (true) {
                ZonedDateTime next = cron.next(t);
                if (!next.toInstant().isBefore(end)) {
                    break;
                }
                actual.add(next.toInstant());
                t = next;
            }
            assertThat(actual).as("%s in %s around %s", expression, zone, tr).isEqualTo(expected);
            List<Instant> backwards = new ArrayList<>();
            t = end.atZone(zone);
            while (true) {
                ZonedDateTime previous = cron.previous(t);
                if (!previous.toInstant().isAfter(start)) {
                    break;
                }
                backwards.add(0, previous.toInstant());
                t = previous;
            }
            assertThat(backwards).as("previous: %s in %s around %s", expression, zone, tr).isEqualTo(expected);
        }
    }

    /** Real time: every instant whose local wall time matches. */
    private static List<Instant> realTimeOracle(ZoneRules rules, Predicate<LocalDateTime> p, Instant start, Instant end) {
        List<Instant> out = new ArrayList<>();
        for (Instant i = start.plusSeconds(60); i.isBefore(end); i = i.plusSeconds(60)) {
            if (p.test(LocalDateTime.ofInstant(i, rules.getOffset(i)))) {
                out.add(i);
            }
        }
        return out;
    }

    /** Fixed hour: every matching local time once; gap -> end of gap, overlap -> first occurrence. */
    private static List<Instant> fixedHourOracle(ZoneRules rules, Predicate<LocalDateTime> p, Instant start, Instant end) {
        TreeSet<Instant> out = new TreeSet<>();
        LocalDateTime last = LocalDateTime.ofInstant(end, ZoneOffset.UTC).plusDays(1);
        for (LocalDateTime l = LocalDateTime.ofInstant(start, ZoneOffset.UTC).minusDays(1); l.isBefore(last);
                l = l.plusMinutes(1)) {
            if (p.test(l)) {
                List<ZoneOffset> valid = rules.getValidOffsets(l);
                Instant fire = valid.isEmpty() ? rules.getTransition(l).getInstant() : l.toInstant(valid.get(0));
                if (fire.isAfter(start) && fire.isBefore(end)) {
                    out.add(fire);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void assertOncePerDay(List<Instant> fires, ZoneId zone, Instant start, Instant end, String expression) {
        TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
        LocalDate first = start.atZone(zone).toLocalDate().plusDays(1);
        LocalDate last = end.atZone(zone).toLocalDate().minusDays(1);
        for (LocalDate d = first; d.isBefore(last); d = d.plusDays(1)) {
            perDay.put(d, 0);
        }
        for (Instant fire : fires) {
            perDay.computeIfPresent(fire.atZone(zone).toLocalDate(), (d, n) -> n + 1);
        }
        assertThat(perDay.values()).as("fires per local day of %s: %s", expression, perDay).containsOnly(1);
    }
}
