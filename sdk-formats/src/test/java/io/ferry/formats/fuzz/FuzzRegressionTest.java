package io.ferry.formats.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
import io.ferry.core.FerryException;
import io.ferry.core.record.ColumnType;
import io.ferry.formats.guess.FormatGuesser;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs that broke the contract (only FerryException subtypes escape), kept as plain cases: the
 * fuzzer's smallest inputs from issue 13 and what the fuzz properties found since. {@code \n} is a
 * line break, {@code Nx[...]} repeats the text in brackets N times.
 */
class FuzzRegressionTest {
    private static byte[] input(String spec) {
        String s = spec;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)x\\[([^\\]]*)]").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString().replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Issue 10 lets a guess answer any sample with one complete row, so text that starts like JSON
     * but is not JSON guesses one text column; reading the sample with that config fails only
     * with FerryException subtypes.
     */
    @ParameterizedTest(name = "guess {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # name    | input                                   | type and columns
            x.json    | {"p":""                                 | csv c0:string
            x.json    | 5x[{"p":""}\\n]{"p":""                  | json p:string
            """)
    void guess_fuzzReproducer_answersWithAConfigThatReadsTheSample(String name, String spec, String columns) {
        byte[] bytes = input(spec);
        ParserConfig p = FormatGuesser.guess(name, bytes, true).parser();
        assertThat(p.type().configName() + " " + p.columns().stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining(", "))).isEqualTo(columns);
        try {
            FormatsFuzzTest.readAll(p, name, new ByteArrayInputStream(bytes));
        } catch (FerryException allowed) {
            // the contract: a bad row is reported as a FerryException
        }
    }

    @ParameterizedTest(name = "guess {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # name    | input           | whole file | message starts with
            x.json    | {"p":""         | false      | x.json: cannot guess the format: the sample (7 bytes after decoding) holds no complete row
            x.json    | 100000x[[]      | true       | x.json: cannot guess the format: the sample (32768 bytes after decoding) holds no complete row
            x.json    | 30000x[{"a":]   | true       | x.json: cannot guess the format: the sample (32768 bytes after decoding) holds no complete row
            """)
    void guess_fuzzReproducer_throwsFerryDataException(String name, String spec, boolean complete, String message) {
        byte[] bytes = input(spec);
        assertThatThrownBy(() -> FormatGuesser.guess(name, bytes, complete))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # type | input                 | message starts with
            JSON   | 100000x[[]            | r.json, line 1: an array element is an array, not a JSON object
            JSON   | 30000x[{"a":]         | r.json, line 1: invalid JSON, the rest of the file cannot be read: Document nesting depth (1001) exceeds the maximum allowed (1000
            JSONL  | 100000x[[]            | r.json, line 1: an array element is an array, not a JSON object
            JSONL  | 30000x[{"a":]         | r.json, line 1: invalid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000
            """)
    void read_deepNesting_throwsFerryDataException(ParserType type, String spec, String message) {
        ParserConfig config = ParserConfig.builder().type(type).badRows(BadRowPolicy.FAIL)
                .column("a", ColumnType.JSON).build();
        byte[] bytes = input(spec);
        assertThatThrownBy(() -> FormatsFuzzTest.readAll(config, "r.json", new ByteArrayInputStream(bytes)))
                .isInstanceOf(FerryDataException.class)
                .hasMessageStartingWith(message);
    }

}
