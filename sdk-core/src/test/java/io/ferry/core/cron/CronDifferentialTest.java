package io.ferry.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that previous and next agree with each other, and compares next fire times with cron-utils (Unix definition), an independent implementation,
 * on seeded random expressions and instants in zones without daylight saving, where the
 * deliberate differences (Vixie's DST rule) cannot show.
 */
class CronDifferentialTest {
    private static final int EXPRESSIONS = 1500;
    private static final int INSTANTS_PER_EXPRESSION = 2;
    private static final long FROM = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2060-01-01T00:00:00Z").getEpochSecond();

    private final CronParser oracleParser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"UTC", "Asia/Tokyo"})
    void next_randomExpressionsAndInstants_agreeWithCronUtils(String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        Random random = new Random(20261125L + zone.hashCode());
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int e = 0; e < EXPRESSIONS; e++) {
            String expression = RandomCron.expression(random);
            Optional<CronExpression> parsed = CronExpression.tryParse(expression);
            if (parsed.isEmpty()) {
                // a day of month that no allowed month has: rejected here, never fires in cron-utils
                continue;
            }
            CronExpression cron = parsed.get();
            ExecutionTime oracle;
            try {
                oracle = ExecutionTime.forCron(oracleParser.parse(expression));
            } catch (IllegalArgumentException ex) {
                mismatches.add(expression + ": cron-utils rejects it: " + ex.getMessage());
                continue;
            }
            for (int i = 0; i < INSTANTS_PER_EXPRESSION; i++) {
                long second = FROM + (long) (random.nextDouble() * (TO - FROM));
                ZonedDateTime after = Instant.ofEpochSecond(second).atZone(zoneId);
                if (random.nextBoolean()) {
                    after = after.withSecond(0);
                }
                ZonedDateTime ours = cron.next(after);
                Optional<ZonedDateTime> theirs = oracle.nextExecution(after);
                compared++;
                ZonedDateTime previous = cron.previous(after);
                if (!previous.isBefore(after) || cron.next(previous).isBefore(after)
                        || cron.previous(ours).isAfter(after)) {
                    mismatches.add(expression + " around " + after + ": previous " + previous + " and next " + ours
                            + " are not consistent");
                }
                if (theirs.isEmpty() || !theirs.get().toInstant().equals(ours.toInstant())) {
                    mismatches.add(expression + " after " + after + ": ours " + ours + ", cron-utils " + theirs);
                }
            }
        }
        assertThat(compared).as("comparisons made").isGreaterThan(EXPRESSIONS * INSTANTS_PER_EXPRESSION * 9 / 10);
        assertThat(mismatches).as("%d mismatches of %d", mismatches.size(), compared).isEmpty();
    }
}
