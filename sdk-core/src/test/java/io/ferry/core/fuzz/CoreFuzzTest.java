package io.ferry.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.cron.CronExpression;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.template.BoundKeyTemplate;
import io.ferry.core.template.KeyContext;
import io.ferry.core.template.KeyTemplate;
import io.ferry.core.testing.Fuzz;
import io.ferry.core.testing.TestReport;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Property: cron expressions, key templates and incremental state JSON throw nothing but
 * FerryException subtypes, and answer in bounded time, on random and mutated text. See
 * {@link Fuzz}; an input it finds failing is kept as a plain JUnit case beside the code it broke.
 */
class CoreFuzzTest {
    private static final int WEIGHT = 25;

    static final List<byte[]> CRON = Fuzz.utf8(List.of("0 0 * * *", "*/5 1-5 * JAN-MAR MON-FRI", "@daily", "@hourly",
            "0 0 L * *", "0 0 LW * *", "0 0 1W * *", "0 0 * * 5#3", "0 0 * * 5L", "15,45 */2 1,15 * ?",
            "0 0 29 2 *", "0 0 31 4 *", "0 0 30 2 *", "59 23 31 12 SUN", "0 9-17/2 * * 1-5", "0 0 ? * L",
            "CRON_TZ=Asia/Tokyo 0 0 * * *", "TZ=America/New_York 30 2 * * *", "0 0 1 1 * 2030",
            "* * * * * *", "0 0 0 ? * MON#5"));

    static final List<byte[]> TEMPLATES = Fuzz.utf8(List.of("path/to/file.csv", "daily_prices",
            "exports/{{TABLE}}/dt={{YEAR}}-{{MONTH}}-{{DAY}}/{{UUID}}.{{FORMAT}}",
            "{{TABLE_HYPHEN}}/{{SYNC_ID}}/{{HOUR}}{{MINUTE}}", "invoice_summary_{customer_id}.csv",
            "invoices_{ts, '%Y%m%d-%H'}", "invoices_{ epoch , \"%Y%m%d-%H%i\" }", "invoice_summary.{8}.csv",
            "invoices/{customer_id}/dump_{4}.csv", "y={ts, '%Y/%m'}", "{{TABLE}}/{amount}", "{{TABLE}}/{ts}",
            "{ts, '%Y'}/{ts, '%m'}/{customer_id}", "part_{3}", "a/{{{{x}}}}/{", "{2147483648}"));

    static final List<byte[]> STATES = Fuzz.utf8(List.of(
            IncrementalState.afterPath("logs/2024/01/a.csv.gz").toJson(),
            IncrementalState.modifiedSince(Instant.parse("2024-01-01T00:00:00Z")).toJson(),
            IncrementalState.modifiedSince(Instant.parse("2024-01-01T00:00:00.123Z"),
                    Map.of("a/b.csv", Instant.parse("2024-01-01T00:00:01Z"),
                            "a/\u00e9.csv", Instant.parse("2024-01-02T00:00:00Z"))).toJson()));

    private static final Schema SCHEMA = Schema.of(Column.of("customer_id", ColumnType.STRING),
            Column.of("ts", ColumnType.TIMESTAMP), Column.of("epoch", ColumnType.LONG),
            Column.of("amount", ColumnType.DOUBLE), Column.of("ok", ColumnType.BOOLEAN), Column.of("j", ColumnType.JSON));
    private static final KeyContext CONTEXT = KeyContext.builder().table("www_access").syncId("sync-1").uuid("u-1")
            .startedAt(Instant.parse("2026-03-04T05:06:07Z")).build();
    private static final ZonedDateTime FROM = ZonedDateTime.parse("2024-02-28T23:59:30+09:00[Asia/Tokyo]");

    @Test
    void cronExpressionParseAndSearch_throwOnlyFerryExceptions() {
        Fuzz.forAll(WEIGHT, r -> Fuzz.mutatedText(CRON, r), text -> {
            CronExpression c = CronExpression.parse(text);
            c.next(FROM);
            c.previous(FROM);
            c.nextTimes(FROM.withZoneSameInstant(ZoneId.of("America/New_York"))).limit(3).count();
            CronExpression.tryParse(c.expression());
        });
    }

    @Test
    void keyTemplateParseBindAndRender_throwOnlyFerryExceptions() {
        Fuzz.forAll(WEIGHT, r -> Fuzz.mutatedText(TEMPLATES, r), text -> {
            Random r = new Random(text.hashCode());
            KeyTemplate t = r.nextBoolean() ? KeyTemplate.parse(text) : KeyTemplate.parse(text, ZoneId.of("Asia/Kolkata"));
            BoundKeyTemplate keys = t.bind(SCHEMA, r.nextBoolean() ? "csv" : "jsonl", r.nextBoolean() ? ".gz" : "");
            Record record = Record.of(SCHEMA, r.nextBoolean() ? null : "ACME/\u0000..\u202e",
                    r.nextBoolean() ? null : Instant.ofEpochSecond(r.nextLong() % 253_402_300_799L),
                    r.nextLong(), r.nextBoolean() ? Double.NaN : r.nextDouble() * 1e300, r.nextBoolean(), "[1]");
            keys.render(keys.partitionOf(record, r.nextLong() & Long.MAX_VALUE), CONTEXT);
        });
    }

    @Test
    void incrementalStateJson_throwsOnlyFerryExceptions() {
        Fuzz.forAll(WEIGHT, r -> Fuzz.mutatedText(STATES, r), text -> {
            IncrementalState s = IncrementalState.fromJson(text);
            if (!IncrementalState.fromJson(s.toJson()).equals(s)) {
                throw new AssertionError("state does not round-trip: " + s);
            }
        });
    }

    @AfterAll
    static void report() {
        TestReport.line("CoreFuzzTest", "checked " + Fuzz.calls() + " inputs");
        assertThat(Fuzz.calls()).as("inputs the runner handed to the code under test").isPositive();
    }
}
