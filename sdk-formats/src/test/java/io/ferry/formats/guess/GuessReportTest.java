package io.ferry.formats.guess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a guess reports about how sure it was: rows seen, choices with runner-ups, rejected column types. */
class GuessReportTest {
    private static GuessResult guess(String text) {
        return FormatGuesser.guess("sample.csv", text.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void guess_referenceExample_reportsEveryChoiceWithItsRunnerUp() {
        GuessResult g = guess(FormatGuesserTest.EXAMPLE);
        assertThat(g.sampleRows()).isEqualTo(5);
        assertThat(g.choices().stream().map(GuessChoice::toString).collect(Collectors.joining("\n"))).isEqualTo("""
                delimiter: ',' (0 values quoted, 0 malformed rows, 6 of 6 rows have 4 columns) over '\t' (0 values\
                 quoted, 0 malformed rows, 6 of 6 rows have 1 column)
                quote: '"' (0 values quoted, 0 malformed rows, 6 of 6 rows have 4 columns) over ''' (0 values quoted,\
                 0 malformed rows, 6 of 6 rows have 4 columns)
                escape: '' (no doubled quotes; 0 values quoted, 0 malformed rows, 6 of 6 rows have 4 columns) over\
                 '\\' (no backslash in the sample)
                skip_header_lines: '1' (line 1 is a header: 'id' is string where the rows below are long) over '0'\
                 (line 1 read as data)""");
        assertThat(g.choice("delimiter").orElseThrow().runnerUp()).contains("\t");
        assertThat(g.choice("comment_line_marker")).isEmpty();
    }

    @Test
    void guess_columns_reportTheTypesRejectedAndTheValueThatRuledEachOut() {
        GuessResult g = guess("zip\tdate\tn\tscore\tname\n"
                + "02134\t20150127\t12345678\t1.5\tTom\n"
                + "10001\t20150128\t23456789\t2\ttrue\n");
        assertThat(g.columns().stream().map(ColumnGuess::toString).collect(Collectors.joining("\n"))).isEqualTo("""
                zip: string from 2 values; not long: '02134' (a leading zero: codes and zip codes stay text); not\
                 double: '02134' (a leading zero: codes and zip codes stay text)
                date: timestamp '%Y%m%d' from 2 values
                n: long from 2 values; not timestamp '%Y%m%d': '12345678' (not a valid date)
                score: double from 2 values; not long: '1.5' (not an integer)
                name: string from 2 values; not long: 'Tom' (not an integer); not double: 'Tom' (not a number); not\
                 boolean: 'Tom' (not true/false, yes/no or on/off); not timestamp: 'Tom' (not shaped like a date or a\
                 time); not json: 'Tom' (not a JSON object or array)""");
        ColumnGuess zip = g.columns().get(0);
        assertThat(zip.rejected().get(0).candidate()).isEqualTo("long");
        assertThat(zip.rejected().get(0).value()).isEqualTo("02134");
    }

    @Test
    void guess_dateOutsidePlausibleYears_saysWhyItStaysLong() {
        GuessResult g = guess("n,v\n18500101,a\n18500102,b\n");
        assertThat(g.columns().get(0)).hasToString("n: long from 2 values; not timestamp '%Y%m%d': '18500101' (year 1850"
                + " is outside 1900..2100 and the column is not named like a date)");
    }

    @Test
    void guess_jsonLines_reportsLayoutAndMixedKinds() {
        GuessResult g = FormatGuesser.guess("s.jsonl", ("{\"a\":1,\"b\":1.5,\"c\":true}\n"
                + "{\"a\":\"x\",\"b\":2,\"c\":{\"k\":1}}\n").getBytes(StandardCharsets.UTF_8), true);
        assertThat(g.choice("type").orElseThrow()).hasToString("type: 'jsonl' (one JSON object on every line) over"
                + " 'json' (reads the same objects, but a bad line would stop the whole file)");
        assertThat(g.columns().stream().map(ColumnGuess::toString).collect(Collectors.joining("\n"))).isEqualTo("""
                a: string from 2 values; not long: 'x' (a JSON string where '1' is a long)
                b: double from 2 values; not long: '1.5' (not an integer)
                c: json from 2 values; not boolean: '{...}' (a JSON object or array where 'true' is a boolean)""");
    }

    @Test
    void toJson_report_roundTripsAndMayBeLeftOut() {
        GuessResult g = guess("id,name\n1,'Tom'\n2,'Ann'\n");
        String json = g.toJson();
        assertThat(json).contains("\"option\" : \"quote\"", "\"chosen\" : \"'\"", "\"runner_up\" : \"\\\"\"",
                "\"rejected\" : [ ]", "\"candidate\" : \"long\"");
        assertThat(GuessResult.fromJson(json)).isEqualTo(g);
        GuessResult bare = GuessResult.fromJson("{\"decoder\": \"none\", \"sample_rows\": 2, \"parser\": "
                + g.parser().toJson() + "}");
        assertThat(bare.choices()).isEmpty();
        assertThat(bare.columns()).isEmpty();
        assertThat(bare.parser()).isEqualTo(g.parser());
        assertThat(bare.toBuilder().choices(g.choices()).columns(g.columns()).build()).isEqualTo(g);
    }

    @Test
    void fromJson_badReport_namesTheKey() {
        assertThatThrownBy(() -> GuessResult.fromJson("{\"choices\": [{\"option\": \"quote\", \"pick\": \"x\"}]}"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("unknown key 'pick' in a guess choice; the keys are option, chosen, evidence,"
                        + " runner_up and runner_up_evidence");
        assertThatThrownBy(() -> GuessResult.fromJson("{\"columns\": [1]}"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("expected JSON objects in the array");
        assertThatThrownBy(() -> GuessResult.fromJson("{\"columns\": [{\"name\": \"a\", \"chosen\": \"long\","
                + " \"rejected\": [{\"candidate\": \"x\"}]}]}"))
                .isInstanceOf(FerryConfigException.class);
    }

    @Test
    void builders_missingOrNullParts_throwConfigErrors() {
        assertThatThrownBy(() -> GuessChoice.builder().option("quote").build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("a guess choice needs option, chosen and evidence, was option=quote, chosen=null,"
                        + " evidence=null");
        assertThatThrownBy(() -> GuessChoice.builder().runnerUp("'", null))
                .isInstanceOf(FerryConfigException.class);
        assertThatThrownBy(() -> GuessChoice.builder().option(""))
                .isInstanceOf(FerryConfigException.class);
        assertThatThrownBy(() -> ColumnGuess.builder().values(-1))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("must be 0 or more, was -1");
        assertThatThrownBy(() -> GuessResult.builder().choices(java.util.Arrays.asList((GuessChoice) null)))
                .isInstanceOf(FerryConfigException.class);
        GuessChoice c = GuessChoice.builder().option("quote").chosen("'").evidence("e").runnerUp("\"", "f").build();
        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.toBuilder().runnerUp(null, null).build().runnerUpEvidence()).isEmpty();
    }
}
