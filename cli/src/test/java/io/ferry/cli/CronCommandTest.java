package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CronCommandTest {
    @ParameterizedTest(name = "{0} in {1} after {2}")
    @CsvSource(delimiter = '|', value = {
        // hourly in Tokyo (UTC+9, no daylight saving)
        "0 * * * *   | Asia/Tokyo          | 2024-03-10T01:30:00Z      | 2024-03-10T11:00:00+09:00 2024-03-10T12:00:00+09:00 2024-03-10T13:00:00+09:00",
        // 02:30 does not exist on 2024-03-10 in Los Angeles: fires at the end of the gap
        "30 2 * * *  | America/Los_Angeles | 2024-03-09T12:00:00-08:00 | 2024-03-10T03:00:00-07:00 2024-03-11T02:30:00-07:00 2024-03-12T02:30:00-07:00",
        "@monthly    | UTC                 | 2024-01-31T23:59:59Z      | 2024-02-01T00:00:00Z 2024-03-01T00:00:00Z 2024-04-01T00:00:00Z",
    })
    void next_printsIsoTimesInTheZone(String expr, String zone, String after, String expected) {
        Runs.Result r = Runs.run("cron", "next", expr.strip(), "--zone", zone.strip(), "-n", "3", "--after",
                after.strip());

        assertThat(r.code()).isZero();
        assertThat(r.out().strip().split("\n")).containsExactly(expected.strip().split(" "));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void next_json_printsOneObject() {
        Runs.Result r = Runs.run("cron", "next", "@daily", "--json", "-n", "2", "--after", "2024-01-01T00:00:00Z");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("{\"expression\":\"@daily\",\"zone\":\"UTC\",\"times\":"
                + "[\"2024-01-02T00:00:00Z\",\"2024-01-03T00:00:00Z\"]}\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "61 * * * * | UTC        | 5 | 3 | ferry: minute: 61 is outside 0-59 (field 1, \"61\") in \"61 * * * *\" (cron)",
        "0 * * * *  | JST        | 5 | 3 | ferry: time zone \"JST\" is an abbreviation, which is ambiguous and ignores daylight saving; use an IANA id such as Asia/Tokyo (zone)",
        "0 * * * *  | UTC        | 0 | 3 | ferry: -n must be from 1 to 10000, was 0 (n)",
        "0 * * * *  | UTC        | x | 2 | Invalid value for option '-n': 'x' is not an int",
    })
    void next_badInput_exitCodeAndMessage(String expr, String zone, String n, int code, String message) {
        Runs.Result r = Runs.run("cron", "next", expr.strip(), "--zone", zone.strip(), "-n", n.strip());

        assertThat(r.code()).isEqualTo(code);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(message.strip());
    }

    @Test
    void next_badAfter_namesTheOption() {
        Runs.Result r = Runs.run("cron", "next", "0 * * * *", "--after", "yesterday");

        assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err()).isEqualTo("ferry: --after must be an ISO-8601 time with an offset such as"
                + " 2024-03-10T01:30:00-08:00 or 2024-03-10T09:30:00Z, was 'yesterday' (after)\n");
    }

    @Test
    void cronWithoutSubcommand_isAUsageError() {
        Runs.Result r = Runs.run("cron");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("Missing command: ferry cron next EXPR");
    }
}
