package io.ferry.formats.guess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryDataException;
import io.ferry.formats.Compression;
import io.ferry.formats.Newline;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.ParserType;
import io.ferry.core.record.Record;
import io.ferry.formats.read.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatGuesserTest {
    static final String EXAMPLE = "id,company,customer,created_at\r\n"
            + "11200,AA Inc.,David,2015-03-31 06:12:37\r\n"
            + "20313,BB Imc.,Tom,2015-04-01 01:00:07\r\n"
            + "32132,CC Inc.,Fernando,2015-04-01 10:33:41\r\n"
            + "40133,DD Inc.,Cesar,2015-04-02 05:12:32\r\n"
            + "93133,EE Inc.,Jake,2015-04-02 14:11:13\r\n";

    private static GuessResult guess(String text) {
        return FormatGuesser.guess("sample.csv", text.getBytes(StandardCharsets.UTF_8), true);
    }

    private static String columns(ParserConfig p) {
        return p.columns().stream().map(ColumnConfig::toString).collect(Collectors.joining(", "));
    }

    @Test
    void guess_referenceExample_givesLoadYmlColumnsWithIsoTimestamp() {
        ParserConfig p = guess(EXAMPLE).parser();
        assertThat(columns(p)).isEqualTo("id:long, company:string, customer:string, created_at:timestamp");
        assertThat(p.type()).isEqualTo(ParserType.CSV);
        assertThat(p.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(p.newline()).isEqualTo(Newline.CRLF);
        assertThat(p.delimiter()).isEqualTo(',');
        assertThat(p.quote()).contains('"');
        assertThat(p.escape()).isEmpty();
        assertThat(p.skipHeaderLines()).isEqualTo(1);
    }

    @Test
    void guess_tsvWithLeadingZerosAndEpochColumns_keepsCodesAndReadsTimes() {
        String text = "code\tzip\ttime\tupdated_at\tscore\tok\n"
                + "007\t02134\t1427782357\t1427782357000\t1.5\ttrue\n"
                + "010\t10001\t1427782358\t1427782358000\t2\tfalse\n"
                + "100\t94105\t1427782359\t1427782359000\t-3e2\tTRUE\n"
                + "101\t60601\t1427782360\t1427782360000\t4.25\tFalse\n";
        ParserConfig p = guess(text).parser();
        assertThat(p.type()).isEqualTo(ParserType.TSV);
        assertThat(p.newline()).isEqualTo(Newline.LF);
        assertThat(columns(p)).isEqualTo("code:string, zip:string, time:timestamp '%s', updated_at:timestamp '%Q',"
                + " score:double, ok:boolean");
    }

    @Test
    void guess_quotedNewlinesSemicolonsNullsAndComments_findsOptions() {
        String text = "# exported by a tool\n"
                + "name;note;n\n"
                + "\"a\";\"x;\ny\";1\n"
                + "\"b\";\\N;2\n"
                + "# a comment\n"
                + "\"c\";\"say \"\"hi\"\"\";3\n"
                + "\"d\";\\N;4\n";
        ParserConfig p = guess(text).parser();
        assertThat(p.delimiter()).isEqualTo(';');
        assertThat(p.commentLineMarker()).contains("#");
        assertThat(p.nullString()).contains("\\N");
        assertThat(p.escape()).contains('"');
        assertThat(p.skipHeaderLines()).isEqualTo(2);
        assertThat(columns(p)).isEqualTo("name:string, note:string, n:long");
    }

    @Test
    void guess_noHeader_namesColumnsByPosition() {
        ParserConfig p = guess("1,a\n2,b\n3,c\n4,d\n").parser();
        assertThat(columns(p)).isEqualTo("c0:long, c1:string");
        assertThat(p.skipHeaderLines()).isZero();
    }

    @Test
    void guess_jsonLines_infersColumns() {
        String text = "{\"id\":1,\"name\":\"a\",\"at\":\"2015-03-31T06:12:37Z\",\"tags\":[1]}\n"
                + "{\"id\":2,\"name\":\"b\",\"at\":\"2015-03-31T06:12:38Z\",\"score\":1.5}\n"
                + "{\"id\":3,\"name\":null,\"at\":\"2015-03-31T06:12:39Z\"}\n"
                + "{\"id\":4,\"name\":\"d\",\"at\":\"2015-03-31T06:12:40Z\"}\n";
        ParserConfig p = guess(text).parser();
        assertThat(p.type()).isEqualTo(ParserType.JSONL);
        assertThat(columns(p)).isEqualTo("id:long, name:string, at:timestamp, tags:json, score:double");
    }

    @Test
    void guess_jsonArray_isJson() {
        String rows = Arrays.stream(new int[] {1, 2, 3, 4})
                .mapToObj(i -> "  {\"id\": " + i + ", \"ok\": true}").collect(Collectors.joining(",\n"));
        ParserConfig p = guess("[\n" + rows + "\n]\n").parser();
        assertThat(p.type()).isEqualTo(ParserType.JSON);
        assertThat(columns(p)).isEqualTo("id:long, ok:boolean");
    }

    @Test
    void guess_gzipCutMidStreamAndMidQuote_usesCompleteRows() throws IOException {
        StringBuilder sb = new StringBuilder("id,text\n");
        for (int i = 0; i < 5000; i++) {
            sb.append(i).append(",\"line ").append(i).append("\nsecond, part\"\n");
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = Compression.GZIP.wrap(gz)) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        for (int cut : List.of(2000, 5001, 9000)) {
            byte[] prefix = Arrays.copyOf(gz.toByteArray(), cut);
            GuessResult g = FormatGuesser.guess("big.csv.gz", prefix, false);
            assertThat(g.decoder()).isEqualTo(Decoder.GZIP);
            assertThat(columns(g.parser())).isEqualTo("id:long, text:string");
        }
    }

    @Test
    void guess_utf16WithBom_detectsCharset() {
        byte[] bytes = ("\uFEFF" + EXAMPLE).getBytes(StandardCharsets.UTF_16LE);
        GuessResult g = FormatGuesser.guess("u16.csv", bytes, true);
        assertThat(g.parser().charset()).isEqualTo(StandardCharsets.UTF_16);
        assertThat(g.parser().columns()).hasSize(4);
    }

    @Test
    void guess_legacyBytes_fallsBackToWindows1252() {
        byte[] bytes = EXAMPLE.replace("David", "Andr\u00e9 ").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(FormatGuesser.guess("l.csv", bytes, true).parser().charset().name()).isEqualTo("windows-1252");
    }

    /** Issue 10: Embulk guesses one column and a single row; Ferry does too, and says how much it saw. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # sample (\\n: line break)          | columns                                      | header lines | data rows
            a,b\\n1,2\\n3,4\\n5,6\\n           | a:long, b:long                               | 1 | 3
            a\\n1\\n2\\n3\\n4\\n5\\n           | a:long                                       | 1 | 5
            hello\\n                          | c0:string                                    | 0 | 1
            1,2015-01-27,abc                 | c0:long, c1:timestamp '%Y-%m-%d', c2:string  | 0 | 1
            id,name\\n1,Tom\\n                 | id:long, name:string                         | 1 | 1
            id,name\\n                        | c0:string, c1:string                         | 0 | 1
            """)
    void guess_smallSamples_guessFromOneRowAndOneColumn(String sample, String columns, int headerLines, int rows) {
        GuessResult g = guess(sample.replace("\\n", "\n"));
        assertThat(columns(g.parser())).isEqualTo(columns);
        assertThat(g.parser().skipHeaderLines()).isEqualTo(headerLines);
        assertThat(g.sampleRows()).isEqualTo(rows);
    }

    @Test
    void guess_oneJsonObject_isJsonLines() {
        GuessResult g = guess("{\"id\":1,\"at\":\"2015-01-27\"}");
        assertThat(g.parser().type()).isEqualTo(ParserType.JSONL);
        assertThat(columns(g.parser())).isEqualTo("id:long, at:timestamp '%Y-%m-%d'");
        assertThat(g.sampleRows()).isEqualTo(1);
    }

    @Test
    void guess_noCompleteRow_failsSayingWhatToDo() {
        assertThatThrownBy(() -> guess(""))
                .isInstanceOf(FerryDataException.class)
                .hasMessage("sample.csv: cannot guess the format: the sample (0 bytes after decoding) holds no complete"
                        + " row; guess from a larger part of the file, or give the parser config explicitly instead"
                        + " (parser(...))");
        assertThatThrownBy(() -> FormatGuesser.guess("cut.csv", "id,name".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(FerryDataException.class)
                .hasMessageContaining("the sample (7 bytes after decoding) holds no complete row");
    }

    /** Issue 13 item 7: a JSON column of empty strings made the timestamp guess index past the end. */
    @Test
    void guess_jsonColumnOfEmptyStrings_isString() {
        String text = "{\"a\":1,\"b\":\"\"}\n".repeat(5);
        ParserConfig p = FormatGuesser.guess("x.json", text.getBytes(StandardCharsets.UTF_8), true).parser();
        assertThat(columns(p)).isEqualTo("a:long, b:string");
    }

    /** Issue 13 item 16: ISO-8601 text with and without a fraction, T or space, Z, an offset or none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # sample rows (';'-separated)                                                   | a later row                | its instant
            2024-01-01T00:00:00.157Z;2024-01-01T00:00:01.2Z;2024-01-01T00:00:02.999999Z;2024-01-01T00:00:03.5Z | 2024-01-01T00:21:04Z | 2024-01-01T00:21:04Z
            2024-01-01T00:00:00Z;2024-01-01T00:00:01Z;2024-01-01T00:00:02Z;2024-01-01T00:00:03Z                | 2024-01-01T00:21:04.157Z | 2024-01-01T00:21:04.157Z
            2024-01-01T09:00:00.157+09:00;2024-01-01T09:00:01+09:00;2024-01-01T09:00:02+0900;2024-01-01T09:00:03+09 | 2024-01-01T00:21:04-05:00 | 2024-01-01T05:21:04Z
            2024-01-01 00:00:00.157;2024-01-01 00:00:01.157000;2024-01-01 00:00:02.5;2024-01-01 00:00:03.000001 | 2024-01-01 00:21:04 | 2024-01-01T00:21:04Z
            2024-01-01 00:00:00;2024-01-01 00:00:01;2024-01-01 00:00:02;2024-01-01 00:00:03                    | 2024-01-01T00:21:04.5+01:00 | 2023-12-31T23:21:04.500Z
            2024-01-01 00:00:00+00:00;2024-01-01 00:00:01.1+00:00;2024-01-01 00:00:02+00:00;2024-01-01 00:00:03+00:00 | 2024-01-01 00:21:04 | 2024-01-01T00:21:04Z
            """)
    void guess_isoTimestamps_readEveryIsoFormLater(String sample, String later, String instant) {
        StringBuilder csv = new StringBuilder("id,at\n");
        StringBuilder jsonl = new StringBuilder();
        int id = 0;
        for (String v : sample.split(";")) {
            csv.append(++id).append(',').append(v).append('\n');
            jsonl.append("{\"id\":").append(id).append(",\"at\":\"").append(v).append("\"}\n");
        }
        for (String text : List.of(csv.toString(), jsonl.toString())) {
            ParserConfig p = guess(text).parser();
            assertThat(columns(p)).isEqualTo("id:long, at:timestamp");
            String data = text.startsWith("{") ? text + "{\"id\":9,\"at\":\"" + later + "\"}\n" : text + "9," + later + "\n";
            List<Record> rows = read(p, data);
            assertThat(rows).hasSize(id + 1);
            assertThat(rows.get(id).get("at")).isEqualTo(Instant.parse(instant));
        }
    }

    private static List<Record> read(ParserConfig p, String data) {
        List<Record> out = new ArrayList<>();
        try (RecordReader r = p.newReader("later.csv", new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)))) {
            for (Record rec = r.read(); rec != null; rec = r.read()) {
                out.add(rec);
            }
        }
        return out;
    }

    @Test
    void toJson_guess_roundTrips() {
        GuessResult g = guess(EXAMPLE);
        assertThat(GuessResult.fromJson(g.toJson())).isEqualTo(g);
        assertThat(g.toJson()).contains("\"decoder\" : \"none\"");
    }
}
