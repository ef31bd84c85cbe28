package io.ferry.formats.guess;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Record;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.ParserConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Timestamp and date guessing, one line per case: a column name and its sample values give a
 * column config, and the guessed config reads the first value as the given instant (guess, then
 * read the same sample). Dates of 8 digits follow Embulk's {@code %Y%m%d} guess where the column
 * is a date by its name or by its values; the other shapes are those Embulk's time format guess
 * finds (date orders and separators, fractions, AM/PM, zones, month names).
 */
class GuessTimestampTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # name     | values (';'-separated)                                  | column config                                  | first value read (or -)
            date       | 20150127;20150128;20151231                              | date:timestamp '%Y%m%d'                        | 2015-01-27T00:00:00Z
            c          | 20150127;19991231;20000101                              | c:timestamp '%Y%m%d'                           | 2015-01-27T00:00:00Z
            order_dt   | 18500101;20150128                                       | order_dt:timestamp '%Y%m%d'                    | 1850-01-01T00:00:00Z
            birthDay   | 19700101                                                | birthDay:timestamp '%Y%m%d'                    | 1970-01-01T00:00:00Z
            c          | 18500101;20150128                                       | c:long                                         | -
            c          | 12345678;23456789                                       | c:long                                         | -
            c          | 20150127;20150230                                       | c:long                                         | -
            id         | 20150127;20150128                                       | id:long                                        | -
            user_id    | 20150127;20150128                                       | user_id:long                                   | -
            userID     | 20150127;20150128                                       | userID:long                                    | -
            valid      | 20150127;20150128                                       | valid:timestamp '%Y%m%d'                       | 2015-01-27T00:00:00Z
            code       | 01022015;01032015                                       | code:string                                    | -
            c          | 20150127;201501281                                      | c:long                                         | -
            dt         | 20150127123456;20151231235959                           | dt:timestamp '%Y%m%d%H%M%S'                    | 2015-01-27T12:34:56Z
            c          | 20150127T123456Z;20150128T000000Z                       | c:timestamp '%Y%m%dT%H%M%S%z'                  | 2015-01-27T12:34:56Z
            c          | 2015-01-27 12:34:56.123456789 +0900;2015-01-28 00:00:00.5 +0900 | c:timestamp                            | 2015-01-27T03:34:56.123456789Z
            c          | 2015-01-27T12:34:56Z;2015-01-28T00:00:00Z               | c:timestamp                                    | 2015-01-27T12:34:56Z
            c          | 2015-01-27 12:34:56 UTC;2015-01-28 00:00:00 UTC         | c:timestamp '%Y-%m-%d %H:%M:%S %Z'             | 2015-01-27T12:34:56Z
            c          | 2015-01-27;2015-01-28                                   | c:timestamp '%Y-%m-%d'                         | 2015-01-27T00:00:00Z
            c          | 2015-1-5;2015-12-25                                     | c:timestamp '%Y-%-m-%-d'                       | 2015-01-05T00:00:00Z
            c          | 2015/01/27 12:34:56.789;2015/01/28 00:00:00.5           | c:timestamp '%Y/%m/%d %H:%M:%S.%N'             | 2015-01-27T12:34:56.789Z
            c          | 2015/01/27 12:34;2015/01/28 00:00                       | c:timestamp '%Y/%m/%d %H:%M'                   | 2015-01-27T12:34:00Z
            c          | 2015.01.27;2015.01.28                                   | c:timestamp '%Y.%m.%d'                         | 2015-01-27T00:00:00Z
            c          | 31/01/2015;28/02/2015                                   | c:timestamp '%d/%m/%Y'                         | 2015-01-31T00:00:00Z
            c          | 01/31/2015;02/28/2015                                   | c:timestamp '%m/%d/%Y'                         | 2015-01-31T00:00:00Z
            c          | 01/02/2015;03/04/2015                                   | c:timestamp '%m/%d/%Y'                         | 2015-01-02T00:00:00Z
            c          | 01/02/2015;13/04/2015                                   | c:timestamp '%d/%m/%Y'                         | 2015-02-01T00:00:00Z
            c          | 31.01.2015;28.02.2015                                   | c:timestamp '%d.%m.%Y'                         | 2015-01-31T00:00:00Z
            c          | 31-01-2015 23:59:59;28-02-2015 00:00:00                 | c:timestamp '%d-%m-%Y %H:%M:%S'                | 2015-01-31T23:59:59Z
            c          | 1/5/2015 3:04 PM;12/25/2015 11:59 AM                    | c:timestamp '%-m/%-d/%Y %-I:%M %p'             | 2015-01-05T15:04:00Z
            c          | 2015-01-27 12:34:56,789;2015-01-28 00:00:00,5           | c:timestamp '%Y-%m-%d %H:%M:%S,%N'             | 2015-01-27T12:34:56.789Z
            c          | 07/Mar/2004:16:05:50 -0800;07/Mar/2004:16:05:51 -0800   | c:timestamp '%d/%b/%Y:%H:%M:%S %z'             | 2004-03-08T00:05:50Z
            c          | `Fri, 20 Feb 2015 22:02:34 +0000;Sat, 21 Feb 2015 00:00:00 +0900` | c:timestamp '%a, %d %b %Y %H:%M:%S %z' | 2015-02-20T22:02:34Z
            c          | `Fri, 20 Feb 2015 22:02:34 GMT;Sat, 21 Feb 2015 00:00:00 GMT` | c:timestamp '%a, %d %b %Y %H:%M:%S %Z'   | 2015-02-20T22:02:34Z
            c          | 20 Feb 2015;21 Feb 2015                                 | c:timestamp '%d %b %Y'                         | 2015-02-20T00:00:00Z
            c          | Fri May 11 21:44:53 2001;Sat May 12 01:02:03 2001       | c:timestamp '%a %b %e %H:%M:%S %Y'             | 2001-05-11T21:44:53Z
            c          | 2015-01-27;tomorrow                                     | c:string                                       | -
            c          | 2015-02-30;2015-01-28                                   | c:string                                       | -
            """)
    void guess_dateAndTimeShapes_giveFormatsThatReadTheSample(String name, String values, String column,
                                                              String first) {
        StringBuilder csv = new StringBuilder("row,\"" + name + "\"\n");
        int id = 0;
        for (String v : values.split(";")) {
            csv.append(++id).append(",\"").append(v).append("\"\n");
        }
        ParserConfig p = FormatGuesser.guess("t.csv", csv.toString().getBytes(StandardCharsets.UTF_8), true).parser();
        assertThat(p.columns().get(1)).hasToString(column);
        if (!first.equals("-")) {
            List<Record> rows = GuessQuotingTest.read(p, csv.toString());
            assertThat(rows).hasSize(id);
            assertThat(rows.get(0).get(name)).isEqualTo(Instant.parse(first));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # name | JSON values (';'-separated)  | column config
            date   | 20150127;20150128            | date:timestamp '%Y%m%d'
            c      | 20150127;20150128            | c:timestamp '%Y%m%d'
            id     | 20150127;20150128            | id:long
            c      | 12345678;20150128            | c:long
            date   | "20150127";"20150128"        | date:timestamp '%Y%m%d'
            """)
    void guess_jsonDigitDates_followTheSameRules(String name, String values, String column) {
        StringBuilder jsonl = new StringBuilder();
        for (String v : values.split(";")) {
            jsonl.append("{\"").append(name).append("\":").append(v).append("}\n");
        }
        ParserConfig p = FormatGuesser.guess("t.jsonl", jsonl.toString().getBytes(StandardCharsets.UTF_8), true)
                .parser();
        ColumnConfig c = p.columns().get(0);
        assertThat(c).hasToString(column);
        List<Record> rows = GuessQuotingTest.read(p, jsonl.toString());
        assertThat(rows).hasSize(2);
        if (c.format().isPresent()) {
            assertThat(rows.get(1).get(name)).isEqualTo(Instant.parse("2015-01-28T00:00:00Z"));
        }
    }
}
