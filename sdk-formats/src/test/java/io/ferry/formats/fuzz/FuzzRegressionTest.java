package io.ferry.formats.fuzz;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
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

    @ParameterizedTest(name = "guess {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # name    | input                                   | message starts with
            x.json    | {"p":""                                 | x.json: cannot guess the format
            x.json    | 5x[{"p":""}\\n]{"p":""                  | x.json: cannot guess the format: a guess needs more than 3 rows and at least 2 columns, the sample had 5 rows and 1 columns
            x.json    | 100000x[[]                              | x.json: cannot guess the format
            x.json    | 30000x[{"a":]                           | x.json: cannot guess the format
            """)
    void guess_fuzzReproducer_throwsFerryDataException(String name, String spec, String message) {
        byte[] bytes = input(spec);
        assertThatThrownBy(() -> FormatGuesser.guess(name, bytes, true))
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
