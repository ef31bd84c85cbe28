package io.ferry.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deliberate differences from cron-utils 9.2.1 (Unix definition), pinned down on both sides
 * so that the list in docs/scheduling.md stays true. "rejects" means the expression does not parse.
 */
class CronUtilsDifferencesTest {
    private final CronParser oracleParser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    @ParameterizedTest(name = "[{index}] {0} in {1} after {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # Vixie: a day field starting with * (here */9) is unrestricted -> both day fields must match
            0 0 */9 * wed    | UTC              | 2036-10-05T00:00Z      | 2036-11-19T00:00Z      | 2036-10-08T00:00Z
            0 0 11 * */2     | UTC              | 2047-09-01T00:00Z      | 2048-01-11T00:00Z      | 2047-09-03T00:00Z
            # sun is 0, so sun-thu is Sunday to Thursday
            0 0 * * sun-thu  | UTC              | 2026-01-02T00:00Z      | 2026-01-04T00:00Z      | rejects
            # a step needs a range or *
            5/10 * * * *     | UTC              | 2026-01-01T00:00Z      | rejects                | 2026-01-01T00:05Z
            # a day that no allowed month has never fires: rejected when parsed
            0 0 30 2 *       | UTC              | 2026-01-01T00:00Z      | rejects                | none
            # daylight saving: a fixed-hour job whose time falls in a gap fires at the end of the gap,
            # cron-utils skips that day (overlaps and hour-* jobs agree)
            30 2 * * *       | America/New_York | 2026-03-07T12:00-05:00 | 2026-03-08T03:00-04:00 | 2026-03-09T02:30-04:00
            0 0 * * *        | America/Santiago | 2026-09-05T12:00-04:00 | 2026-09-06T01:00-03:00 | 2026-09-07T00:00-03:00
            """)
    void differences_areDeliberate(String expression, String zone, String after, String ours, String theirs) {
        ZonedDateTime from = ZonedDateTime.parse(after).withZoneSameInstant(ZoneId.of(zone));
        String oursActual = CronExpression.tryParse(expression).map(c -> c.next(from).toOffsetDateTime().toString())
                .orElse("rejects");
        String theirsActual;
        try {
            theirsActual = ExecutionTime.forCron(oracleParser.parse(expression)).nextExecution(from)
                    .map(t -> t.toOffsetDateTime().toString()).orElse("none");
        } catch (IllegalArgumentException e) {
            theirsActual = "rejects";
        }
        assertThat(oursActual).isEqualTo(ours);
        assertThat(theirsActual).isEqualTo(theirs);
    }
}
