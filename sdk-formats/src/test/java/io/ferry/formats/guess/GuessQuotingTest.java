package io.ferry.formats.guess;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Record;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quote and escape detection, end to end: guess a sample, then read the same sample with the
 * guessed config and get the values without their quotes and escape characters. The cases follow
 * Embulk's documented CSV guess (quote {@code "} or {@code '}, escape {@code \} or {@code "}).
 */
class GuessQuotingTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                // name, sample, quote ("" none), escape ("" none), the values of column 'note'
                Arguments.of("single quotes with double quotes inside",
                        "id,name,note\n1,'Tom','said \"hi\"'\n2,'Ann','a \"quoted\" word'\n3,'Bo','x'\n",
                        "'", "", List.of("said \"hi\"", "a \"quoted\" word", "x")),
                Arguments.of("single quotes around delimiters and double quotes",
                        "id,note\n1,'a, \"b\"'\n2,'c'\n",
                        "'", "", List.of("a, \"b\"", "c")),
                Arguments.of("backslash-escaped double quotes",
                        "id,name,note\n1,\"Tom\",\"said \\\"hi\\\"\"\n2,\"Ann\",\"a \\\"quoted\\\" word, really\"\n",
                        "\"", "\\", List.of("said \"hi\"", "a \"quoted\" word, really")),
                Arguments.of("one backslash-escaped quote among many rows",
                        "id,note\n" + "1,\"plain\"\n".repeat(30) + "2,\"a \\\"b\\\" c\"\n",
                        "\"", "\\", listOf("plain", 30, "a \"b\" c")),
                Arguments.of("doubled double quotes",
                        "id,note\n1,\"said \"\"hi\"\"\"\n2,\"plain\"\n",
                        "\"", "\"", List.of("said \"hi\"", "plain")),
                Arguments.of("single quotes with backslash-escaped single quotes",
                        "id,note\n1,'it\\'s'\n2,'x'\n",
                        "'", "\\", List.of("it's", "x")),
                Arguments.of("backslash before delimiters, MySQL style",
                        "id,note\n1,a\\,b\n2,c\n3,d\\,e\\,f\n",
                        "\"", "\\", List.of("a,b", "c", "d,e,f")),
                Arguments.of("backslashes in Windows paths stay",
                        "id,note\n1,C:\\temp\\a.txt\n2,D:\\x\n",
                        "\"", "", List.of("C:\\temp\\a.txt", "D:\\x")),
                Arguments.of("RFC 4180 quotes",
                        "id,note\n1,\"a,b\"\n2,\"line\nbreak\"\n3,plain\n",
                        "\"", "", List.of("a,b", "line\nbreak", "plain")),
                Arguments.of("apostrophes inside unquoted values",
                        "id,note\n1,O'Brien\n2,it's\n3,rock 'n' roll\n",
                        "\"", "", List.of("O'Brien", "it's", "rock 'n' roll")));
    }

    private static List<String> listOf(String repeated, int times, String last) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.add(repeated);
        }
        out.add(last);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void guess_thenRead_givesValuesWithoutQuotesOrEscapes(String name, String sample, String quote, String escape,
                                                           List<String> notes) {
        GuessResult g = FormatGuesser.guess("q.csv", sample.getBytes(StandardCharsets.UTF_8), true);
        ParserConfig p = g.parser();
        assertThat(p.quote().map(String::valueOf).orElse("")).as("quote").isEqualTo(quote);
        assertThat(p.escape().map(String::valueOf).orElse("")).as("escape").isEqualTo(escape);
        assertThat(g.choice("quote").orElseThrow().chosen()).isEqualTo(quote);
        assertThat(g.choice("escape").orElseThrow().chosen()).isEqualTo(escape);
        List<String> read = new ArrayList<>();
        for (Record r : read(p, sample)) {
            read.add((String) r.get("note"));
        }
        assertThat(read).isEqualTo(notes);
    }

    @Test
    void guess_singleQuotedSample_reportsDoubleQuoteAsRunnerUp() {
        GuessResult g = FormatGuesser.guess("q.csv",
                "id,name\n1,'Tom'\n2,'Ann'\n".getBytes(StandardCharsets.UTF_8), true);
        assertThat(g.choice("quote").orElseThrow()).hasToString("quote: ''' (2 values quoted, 0 malformed rows,"
                + " 3 of 3 rows have 2 columns) over '\"' (0 values quoted, 0 malformed rows, 3 of 3 rows have 2 columns)");
    }

    @Test
    void guess_backslashEscapes_reportsWhatReadingWithoutThemBroke() {
        GuessResult g = FormatGuesser.guess("q.csv",
                "id,note\n1,\"a \\\"b\\\"\"\n2,\"c\"\n".getBytes(StandardCharsets.UTF_8), true);
        assertThat(g.choice("escape").orElseThrow()).hasToString("escape: '\\' (backslash-escaped quotes; 2 values quoted,"
                + " 0 malformed rows, 3 of 3 rows have 2 columns) over '' (1 value quoted, 1 malformed row, 2 of 3 rows have 2 columns)");
    }

    static List<Record> read(ParserConfig p, String data) {
        List<Record> out = new ArrayList<>();
        try (RecordReader r = p.newReader("q.csv", new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)))) {
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                out.add(rec);
            }
        }
        return out;
    }
}
