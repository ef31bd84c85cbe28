package io.ferry.formats.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An unclosed quote near the start of a large file costs one row under SKIP with a quoted-size limit. */
class UnclosedQuoteRecoveryTest {
    private static final int ROWS = 200_000;
    private static final int BAD_LINE = 3;

    /** Rows "i,name-i" on lines 1..ROWS; line BAD_LINE opens a quote that is never closed. */
    private static byte[] file(String newline) {
        StringBuilder sb = new StringBuilder(ROWS * 16);
        for (int i = 1; i <= ROWS; i++) {
            sb.append(i).append(',').append(i == BAD_LINE ? "\"never closed" : "name-" + i).append(newline);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ParserConfig.Builder config() {
        return ParserConfig.builder().column("id", ColumnType.LONG).column("name", ColumnType.STRING)
                .badRows(BadRowPolicy.SKIP);
    }

    private record Outcome(long rows, long sumOfIds, long lastId, long wrongNames, long skipped, List<BadRow> bad) {
    }

    private static Outcome read(ParserConfig config, byte[] bytes) {
        long rows = 0;
        long sum = 0;
        long last = 0;
        long wrong = 0;
        // a plain stream, not a byte array, so that the reader uses its streaming buffer size
        try (RecordReader r = config.newReader("big.csv", new BufferedInputStream(new ByteArrayInputStream(bytes)))) {
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                rows++;
                last = (Long) rec.get(0);
                sum += last;
                if (!rec.get(1).equals("name-" + last)) {
                    wrong++;
                }
            }
            return new Outcome(rows, sum, last, wrong, r.skippedRows(), r.badRows());
        }
    }

    @Test
    void read_unclosedQuoteUnderSkipWithLimit_losesOneRowAndResumesAtTheNextLine() {
        for (String newline : List.of("\n", "\r\n")) {
            Outcome o = read(config().csv(c -> c.maxQuotedSize(131072)).build(), file(newline));
            long all = (long) ROWS * (ROWS + 1) / 2;
            assertThat(o.rows()).as("rows with %s", newline.length()).isEqualTo(ROWS - 1);
            assertThat(o.sumOfIds()).isEqualTo(all - BAD_LINE);
            assertThat(o.lastId()).isEqualTo(ROWS);
            assertThat(o.wrongNames()).isZero();
            assertThat(o.skipped()).isEqualTo(1);
            assertThat(o.bad()).singleElement().satisfies(b -> {
                assertThat(b.source()).isEqualTo("big.csv");
                assertThat(b.line()).isEqualTo(BAD_LINE);
                assertThat(b.reason()).startsWith("a quoted value is longer than maxQuotedSize (131072 characters)");
            });
        }
    }

    @Test
    void read_embulkSection_recoversWithItsDefaultLimit() {
        ParserConfig c = ParserConfig.fromJson("{\"type\":\"csv\",\"columns\":[{\"name\":\"id\",\"type\":\"long\"},"
                + "{\"name\":\"name\",\"type\":\"string\"}]}");
        Outcome o = read(c, file("\n"));
        assertThat(o.rows()).isEqualTo(ROWS - 1);
        assertThat(o.lastId()).isEqualTo(ROWS);
        assertThat(o.skipped()).isEqualTo(1);
    }

    @Test
    void read_unclosedQuoteWithoutLimit_endsTheFileAsOneBadRow() {
        Outcome o = read(config().build(), file("\n"));
        assertThat(o.rows()).isEqualTo(BAD_LINE - 1);
        assertThat(o.skipped()).isEqualTo(1);
        assertThat(o.bad()).singleElement().satisfies(b -> assertThat(b.reason())
                .startsWith("a quoted value is not closed before the end of the data"));
    }
}
