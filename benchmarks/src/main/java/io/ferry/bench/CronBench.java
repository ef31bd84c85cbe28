package io.ferry.bench;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.ferry.core.cron.CronExpression;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Next-fire-time computations per second: Ferry's {@link CronExpression} next to cron-utils
 * (Unix definition) on the same expressions and the same seeded random start times, in UTC and
 * in America/New_York. Run on demand:
 * {@code mvn -B -ntp -q -pl benchmarks -am test-compile exec:java -Dbench.main=io.ferry.bench.CronBench}
 * ({@code -Dbench.args="0.5"} sets the seconds measured per cell, default 0.5).
 */
public final class CronBench {
    private static final List<String> EXPRESSIONS = List.of(
            "0 * * * *", "*/5 * * * *", "10 0 * * *", "0 0 1 * *", "30 */2 1 * *", "0 0 5,*/10,25 * *",
            "0 9 * * mon-fri", "15 14 1 * *", "23 0-20/2 * * *", "0 0 1 1 *", "0 0 29 2 *", "0 12 13 * 5");
    private static final int STARTS = 1024;

    private CronBench() {
    }

    /** Runs the benchmark and prints a table. */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
        CronParser oracleParser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        System.out.printf(Locale.ROOT, "Java %s, %d cores; next() calls per second, %.1f s per cell%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), seconds);
        // warm up both libraries on every expression before measuring anything
        ZonedDateTime[] warmStarts = starts(ZoneId.of("UTC"));
        for (String expression : EXPRESSIONS) {
            CronExpression cron = CronExpression.parse(expression);
            ExecutionTime oracle = ExecutionTime.forCron(oracleParser.parse(expression));
            measure(cron::next, warmStarts, seconds / 2);
            measure(t -> oracle.nextExecution(t).orElseThrow(), warmStarts, seconds / 2);
        }
        for (String zone : List.of("UTC", "America/New_York")) {
            ZonedDateTime[] starts = starts(ZoneId.of(zone));
            System.out.printf(Locale.ROOT, "%n%-20s %16s %16s %8s   (%s)%n", "expression", "ferry ops/s", "cron-utils ops/s",
                    "ratio", zone);
            double ferryTotal = 0;
            double oracleTotal = 0;
            for (String expression : EXPRESSIONS) {
                CronExpression cron = CronExpression.parse(expression);
                ExecutionTime oracle = ExecutionTime.forCron(oracleParser.parse(expression));
                UnaryOperator<ZonedDateTime> ferry = cron::next;
                UnaryOperator<ZonedDateTime> cronUtils = t -> oracle.nextExecution(t).orElseThrow();
                measure(ferry, starts, seconds / 4);
                measure(cronUtils, starts, seconds / 4);
                double f = measure(ferry, starts, seconds);
                double o = measure(cronUtils, starts, seconds);
                ferryTotal += 1 / f;
                oracleTotal += 1 / o;
                System.out.printf(Locale.ROOT, "%-20s %,16.0f %,16.0f %7.1fx%n", expression, f, o, f / o);
            }
            double fMix = EXPRESSIONS.size() / ferryTotal;
            double oMix = EXPRESSIONS.size() / oracleTotal;
            System.out.printf(Locale.ROOT, "%-20s %,16.0f %,16.0f %7.1fx%n", "mix (harmonic mean)", fMix, oMix, fMix / oMix);
        }
    }

    private static ZonedDateTime[] starts(ZoneId zone) {
        Random random = new Random(42);
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        long span = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond() - from;
        ZonedDateTime[] out = new ZonedDateTime[STARTS];
        for (int i = 0; i < STARTS; i++) {
            out[i] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * span)).atZone(zone);
        }
        return out;
    }

    /** Calls {@code next} on the start times for about {@code seconds}; returns calls per second. */
    private static double measure(UnaryOperator<ZonedDateTime> next, ZonedDateTime[] starts, double seconds) {
        long budget = (long) (seconds * 1e9);
        long begin = System.nanoTime();
        long calls = 0;
        long sink = 0;
        while (System.nanoTime() - begin < budget) {
            for (int i = 0; i < 64; i++) {
                sink += next.apply(starts[(int) (calls & (STARTS - 1))]).getMinute();
                calls++;
            }
        }
        long elapsed = System.nanoTime() - begin;
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return calls * 1e9 / elapsed;
    }
}
