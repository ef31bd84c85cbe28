package io.ferry.formats.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 13 item 9: a record longer than maxRecordSize is a bad row with its location, and SKIP goes on after it. */
class MaxRecordSizeTest {
    private static final int MAX = 40;
    private static final String LONG = "x".repeat(3 * MAX);

    private static ParserConfig config(ParserType type, BadRowPolicy policy) {
        return ParserConfig.builder().type(type).maxRecordSize(MAX).badRows(policy)
                .column("a", ColumnType.LONG).column("b", ColumnType.STRING).column("c", ColumnType.STRING).build();
    }

    /** {@code L} in a row stands for a value three times the limit long; {@code /} for a line break. */
    private static String data(String rows) {
        return rows.replace("L", LONG).replace("/", "\n");
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** "a@line" of each record read, then "skipped=N" and each bad row's "line:column". */
    private static String readSkipping(ParserConfig config, InputStream in) {
        List<String> out = new ArrayList<>();
        try (RecordReader r = config.newReader("big.txt", in)) {
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                out.add(rec.get("a") + "@" + r.line());
            }
            out.add("skipped=" + r.skippedRows());
            out.addAll(r.badRows().stream().map(b -> b.line() + ":" + (b.column() == null ? "-" : b.column())).collect(Collectors.toList()));
        }
        return String.join(" ", out);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # type | data                                             | records and bad rows under SKIP
            CSV    | 1,a,b/2,L,c/3,d,e/                               | 1@1 3@3 skipped=1 2:b
            CSV    | 1,a,b/2,"L/L/L",c/3,d,e/                         | 1@1 3@5 skipped=1 2:b
            CSV    | 1,a,b/2,c,"L/L/"/3,d,e/4,"L                      | 1@1 3@5 skipped=2 2:c 6:-
            CSV    | 1,a,b/2,c,L,L,L,L/3,d,e/                         | 1@1 3@3 skipped=1 2:c
            CSV    | 1,L/2,a,b/                                       | 2@2 skipped=1 1:b
            TSV    | 1\ta\tb/2\tL\tc/3\td\te/                         | 1@1 3@3 skipped=1 2:b
            JSONL  | {"a":1}/{"a":2,"b":"L"}/{"a":3}/                 | 1@1 3@3 skipped=1 2:-
            JSON   | [{"a":1},{"a":2,"b":"xxxxxxxxxx","c":"xxxxxxxxxxxxxxxx"},{"a":3}] | 1@1 3@1 skipped=1 1:-
            JSON   | [{"a":1},/{"a":2,"b":"xxxxxxxxxx","c":"xxxxxxxxxxxxxxxx","b":"y"},/{"a":3}] | 1@1 3@3 skipped=1 2:b
            """)
    void read_recordLongerThanMax_skipsItAndGoesOn(ParserType type, String rows, String expected) {
        String text = data(rows).replace("\\t", "\t");
        assertThat(readSkipping(config(type, BadRowPolicy.SKIP), in(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # type | data                     | message
            CSV    | 1,a,b/2,L,c/             | big.txt, line 2, column 'b': the record is 125 characters long, more than maxRecordSize (40 characters); raise maxRecordSize (max_record_size) if such records are expected; fix the data, correct the column config, or set badRows(SKIP) to skip such rows
            CSV    | 1,a,b/2,"L/L",c/         | big.txt, line 2, column 'b': the record is 248 characters long, more than maxRecordSize (40 characters); raise maxRecordSize (max_record_size) if such records are expected; fix the data, correct the column config, or set badRows(SKIP) to skip such rows
            JSONL  | {"a":1}/{"a":2,"b":"L"}/ | big.txt, line 2: the line is 134 characters long, more than maxRecordSize (40 characters); raise maxRecordSize (max_record_size) if such records are expected; fix the data, correct the column config, or set badRows(SKIP) to skip such rows
            JSON   | [{"a":1},/{"a":2,"b":"L"}] | big.txt, line 2: a JSON value is too large (String value length (120) exceeds the maximum allowed (40, from `StreamReadConstraints.getMaxStringLength()`)), more than maxRecordSize (40 characters); raise maxRecordSize (max_record_size) if such records are expected; the rest of the file cannot be read
            """)
    void read_recordLongerThanMaxUnderFail_throwsWithLocation(ParserType type, String rows, String message) {
        ParserConfig c = config(type, BadRowPolicy.FAIL);
        assertThatThrownBy(() -> readSkipping(c, in(data(rows))))
                .isInstanceOf(FerryDataException.class)
                .hasMessage(message);
    }

    @Test
    void read_jsonColumnLongerThanMax_isBadAndReadingGoesOn() {
        ParserConfig c = ParserConfig.builder().type(ParserType.JSON).maxRecordSize(MAX).badRows(BadRowPolicy.SKIP)
                .column("a", ColumnType.LONG).column("j", ColumnType.JSON).build();
        String nested = "[" + "[1,2,3],".repeat(30) + "{\"k\":[4]}]";
        String text = "[{\"a\":1,\"j\":[1]},\n{\"a\":2,\"j\":" + nested + ",\"a\":2},\n{\"a\":3,\"j\":{}}]";
        assertThat(readSkipping(c, in(text))).isEqualTo("1@1 3@3 skipped=1 2:j");
    }

    @Test
    void read_longRecordAtTheDefaultLimit_isStreamedNotKept() {
        // 40 Mi characters of one unquoted value: past the 16 Mi default, read without keeping it
        int size = 40 * 1024 * 1024;
        ParserConfig c = ParserConfig.builder().badRows(BadRowPolicy.SKIP)
                .column("a", ColumnType.LONG).column("b", ColumnType.STRING).build();
        InputStream huge = new SequenceInputStream(in("1,"), new InputStream() {
            private int left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'y' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'y');
                left -= n;
                return n;
            }
        });
        InputStream all = new SequenceInputStream(huge, in("\n2,ok\n"));
        assertThat(readSkipping(c, all)).isEqualTo("2@2 skipped=1 1:b");
    }

    @Test
    void maxRecordSize_zero_throwsNamingTheOption() {
        assertThatThrownBy(() -> ParserConfig.builder().maxRecordSize(0))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("must be 1 or more characters, was 0");
    }

    @Test
    void toJson_maxRecordSize_roundTrips() {
        ParserConfig c = config(ParserType.CSV, BadRowPolicy.SKIP);
        assertThat(c.toJson()).contains("\"max_record_size\" : 40");
        assertThat(ParserConfig.fromJson(c.toJson())).isEqualTo(c);
        assertThat(ParserConfig.builder().column("a", ColumnType.LONG).build().maxRecordSize())
                .isEqualTo(16 * 1024 * 1024);
    }
}
