package io.ferry.formats.guess;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Record;
import io.ferry.core.testing.Fuzz;
import io.ferry.formats.read.ParserConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: a table written in any common CSV dialect (delimiter {@code , TAB | ;}, quote
 * {@code "} or {@code '}, quotes escaped by doubling or by {@code \}) with text that holds
 * delimiters, both quotes, backslashes and line breaks, guesses a config that reads the same
 * text back, value for value. Complements {@code FormatsFuzzTest}, which mutates bytes and checks
 * that the guess and its config throw only FerryException subtypes.
 */
class GuessRoundTripFuzzTest {
    private static final String ALPHABET = "ab ,;|\t'\"\\\n";

    /** A generated table and its text in one dialect. */
    record Table(char delimiter, char quote, boolean backslash, List<List<String>> rows, String text) {
        @Override
        public String toString() {
            return "delimiter=" + Fuzz.show(String.valueOf(delimiter)) + " quote=" + quote + " backslash=" + backslash
                    + "\n" + Fuzz.show(text);
        }
    }

    static Table table(Random r) {
        char delimiter = ",\t|;".charAt(r.nextInt(4));
        char quote = r.nextBoolean() ? '"' : '\'';
        boolean backslash = r.nextBoolean();
        int columns = 1 + r.nextInt(3);
        List<List<String>> rows = new ArrayList<>();
        boolean backslashes = false;
        boolean quotes = false;
        for (int i = 1 + r.nextInt(8); i > 0; i--) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                StringBuilder v = new StringBuilder("s");
                for (int k = r.nextInt(8); k > 0; k--) {
                    v.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
                backslashes |= v.indexOf("\\") >= 0;
                quotes |= v.indexOf(String.valueOf(quote)) >= 0;
                row.add(v.toString());
            }
            rows.add(row);
        }
        if (backslash && backslashes && !quotes) {
            // only \\ and no \" would be as much a literal double backslash: show the dialect once
            rows.get(0).set(0, rows.get(0).get(0) + quote);
        }
        StringBuilder text = new StringBuilder("id");
        for (int c = 0; c < columns; c++) {
            text.append(delimiter).append("s").append(c);
        }
        text.append('\n');
        for (int i = 0; i < rows.size(); i++) {
            text.append(i + 1);
            for (String v : rows.get(i)) {
                text.append(delimiter).append(quoted(v, quote, backslash));
            }
            text.append('\n');
        }
        return new Table(delimiter, quote, backslash, rows, text.toString());
    }

    private static String quoted(String v, char quote, boolean backslash) {
        StringBuilder sb = new StringBuilder().append(quote);
        for (char c : v.toCharArray()) {
            if (c == quote) {
                sb.append(backslash ? '\\' : quote);
            } else if (c == '\\' && backslash) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append(quote).toString();
    }

    @Test
    void guess_anyCommonDialect_readsTheSampleBackValueForValue() {
        Fuzz.forAll(1, GuessRoundTripFuzzTest::table, t -> {
            GuessResult g = FormatGuesser.guess("t.csv", t.text().getBytes(StandardCharsets.UTF_8), true);
            ParserConfig p = g.parser();
            assertThat(p.delimiter()).as("delimiter").isEqualTo(t.delimiter());
            List<Record> read = GuessQuotingTest.read(p, t.text());
            assertThat(read).as("rows").hasSize(t.rows().size());
            for (int i = 0; i < read.size(); i++) {
                assertThat(read.get(i).get("id")).isEqualTo((long) i + 1);
                for (int c = 0; c < t.rows().get(i).size(); c++) {
                    assertThat(read.get(i).get("s" + c)).as("row %d column s%d", i, c).isEqualTo(t.rows().get(i).get(c));
                }
            }
        });
    }
}
