package io.ferry.formats.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.formats.Newline;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * White-box: the tokenizer gives the same records, errors and lines whatever its buffer size, so
 * the buffer's refills, growth for a kept record and rewinds after a bad record never show.
 */
class CsvTokenizerBufferTest {
    private static final String ALPHABET = "ab,\"\"\n\r\\ ";

    private static List<String> tokens(String text, CsvSyntax syntax, int bufferSize) throws IOException {
        List<String> out = new ArrayList<>();
        CsvTokenizer t = new CsvTokenizer(new StringReader(text), syntax, bufferSize, 1 << 20);
        for (int guard = 0; guard < 10_000; guard++) {
            try {
                if (!t.next()) {
                    return out;
                }
                StringBuilder row = new StringBuilder().append(t.recordLine()).append(':');
                for (int i = 0; i < t.count(); i++) {
                    row.append(t.quoted(i) ? "q" : "").append('[').append(t.field(i)).append(']');
                }
                out.add(row.toString());
            } catch (CsvSyntaxException e) {
                out.add(e.line() + ": bad: " + e.getMessage());
                t.skipBadRecord();
                out.add("resume at " + t.line());
            }
        }
        throw new AssertionError("no end after 10,000 records");
    }

    @Test
    void next_anyBufferSize_readsTheSame() throws IOException {
        Random r = new Random(10);
        for (int run = 0; run < Integer.getInteger("ferry.fuzz.tries", 400); run++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(r.nextBoolean() ? 40 : 400);
            for (int i = 0; i < n; i++) {
                sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            String text = sb.toString();
            boolean stray = r.nextBoolean();
            CsvSyntax syntax = new CsvSyntax(',', '"', r.nextBoolean() ? '\\' : -1, r.nextBoolean(), stray,
                    Newline.values()[r.nextInt(3)], !stray && r.nextBoolean(), r.nextBoolean() ? "#" : null,
                    r.nextBoolean() ? 1 + r.nextInt(12) : Long.MAX_VALUE);
            assertThat(tokens(text, syntax, 16)).as("%s with %s", text, syntax)
                    .isEqualTo(tokens(text, syntax, 1 << 16));
        }
    }

    @Test
    void skipBadRecord_withLimit_resumesAtTheSecondLineOfTheRecord() throws IOException {
        CsvSyntax syntax = new CsvSyntax(',', '"', '\\', true, false, Newline.LF, false, null, 6);
        assertThat(tokens("1,2\n3,\"open\n4,5\n6,7\n", syntax, 16)).containsExactly(
                "1:[1][2]",
                "2: bad: a quoted value is longer than maxQuotedSize (6 characters), probably a quote that is never"
                        + " closed; close the quote, escape the quotes inside the value, or raise maxQuotedSize"
                        + " (max_quoted_size_limit)",
                "resume at 3",
                "3:[4][5]",
                "4:[6][7]");
    }
}
