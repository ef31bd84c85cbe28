package io.ferry.samples;

import io.ferry.core.cron.CronExpression;
import io.ferry.core.cron.CronZones;
import io.ferry.core.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints the next five fire times of a few cron expressions in a few zones, including a daylight
 * saving change, and a schedule with a delay. Offline. Run with
 * {@code mvn -B -ntp -q -pl samples -am test-compile exec:java -Dsample.main=io.ferry.samples.CronSample}.
 */
public final class CronSample {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private CronSample() {
    }

    /** Prints the tables. */
    public static void main(String[] args) {
        Instant from = Instant.parse("2026-10-31T12:00:00Z");
        List<String> expressions = List.of("@hourly", "@daily", "10 0 * * *", "30 1 * * *", "0 0 1,11,21 * *",
                "0 9 * * mon-fri");
        for (String zone : List.of("UTC", "Asia/Tokyo", "America/New_York", "Europe/London")) {
            ZoneId zoneId = CronZones.parse(zone);
            System.out.println("== " + zone + ", after " + from.atZone(zoneId).format(FORMAT));
            for (String expression : expressions) {
                CronExpression cron = CronExpression.parse(expression);
                String times = cron.nextTimes(from.atZone(zoneId)).limit(5).map(CronSample::format)
                        .collect(Collectors.joining(" | "));
                System.out.printf("%-16s %s%n", expression, times);
            }
        }

        // daylight saving: hour-* jobs follow real time, fixed-hour jobs fire once per local time
        ZoneId newYork = CronZones.parse("America/New_York");
        for (String[] c : new String[][] {{"30 * * * *", "2026-11-01T00:00:00-04:00"},
            {"30 1 * * *", "2026-10-31T00:00:00-04:00"}, {"30 * * * *", "2027-03-14T00:00:00-05:00"},
            {"30 2 * * *", "2027-03-13T00:00:00-05:00"}}) {
            ZonedDateTime after = ZonedDateTime.parse(c[1]).withZoneSameInstant(newYork);
            String times = CronExpression.parse(c[0]).nextTimes(after).limit(4).map(CronSample::format)
                    .collect(Collectors.joining(" | "));
            System.out.printf("DST New York %-12s %s%n", c[0], times);
        }

        Schedule delayed = Schedule.builder().cron("10 0 * * *").zone("Asia/Tokyo").delay(Duration.ofMinutes(5)).build();
        System.out.println("== schedule " + delayed + ": next run " + delayed.nextRun(from).map(CronSample::format)
                .orElse("none"));

        try {
            CronZones.parse("PST");
        } catch (RuntimeException e) {
            System.out.println("== zone PST: " + e.getMessage());
        }
        try {
            CronExpression.parse("61 * * * *");
        } catch (RuntimeException e) {
            System.out.println("== cron 61 * * * *: " + e.getMessage());
        }
    }

    private static String format(ZonedDateTime t) {
        return t.format(FORMAT);
    }
}
