package io.ferry.formats.read.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.formats.read.InvalidStringEscapes;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** White-box: the rewriting of invalid escapes, one line per case (the text as written in a JSON file). */
class InvalidEscapeReaderTest {
    private static String rewrite(String text, InvalidStringEscapes policy) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader r = InvalidEscapeReader.of(new StringReader(text), policy)) {
            char[] buf = new char[3];
            for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
                out.append(buf, 0, n);
            }
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # policy   | text             | rewritten
            SKIP       | a\\qb            | ab
            UNESCAPE   | a\\qb            | aqb
            SERIALIZE  | a\\qb            | a\\\\qb
            PASSTHROUGH| a\\qb            | a\\qb
            SKIP       | \\u12G4          | 12G4
            UNESCAPE   | \\u12G4          | u12G4
            SERIALIZE  | \\u12G4          | \\\\u12G4
            SKIP       | \\u00e9\\n\\"\\/ | \\u00e9\\n\\"\\/
            SKIP       | \\\\q             | \\\\q
            SKIP       | \\u1\\q          | 1
            UNESCAPE   | \\u1\\u0041      | u1\\u0041
            SKIP       | ab\\             | ab\\
            SKIP       | \\u12            | 12
            SKIP       | 'l1\\q\nl2'      | 'l1\nl2'
            """)
    void read_invalidEscape_rewrittenAsThePolicySays(InvalidStringEscapes policy, String text, String rewritten)
            throws IOException {
        assertThat(rewrite(text, policy)).isEqualTo(rewritten);
    }

    @ParameterizedTest
    @CsvSource({"SKIP, ''", "UNESCAPE, q"})
    void read_longRunOfInvalidEscapes_doesNotRecurse(InvalidStringEscapes policy, String each) throws IOException {
        String text = "\\q".repeat(200_000);
        assertThat(rewrite(text, policy)).isEqualTo(each.repeat(200_000));
    }
}
