package io.ferry.formats.read.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.FerryDataException;
import io.ferry.core.FerryException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.testing.Fuzz;
import io.ferry.formats.Newline;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The pipelined reader against the serial one, on random CSV: quotes, quoted line breaks, CR, LF
 * and CRLF, escapes, stray quotes, comments, header lines, byte order marks, UTF-8 and Latin-1, and
 * bad rows under SKIP and FAIL. Every record, its line, the skipped count after it, the bad-row samples and the
 * error that ends the data must be the same.
 */
class PipelinedCsvReaderTest {
    private static final String[] ATOMS = {"12", "-7", "abc", "", " x ", "1.5", "NaN?", "\"q,\"\"uo\nted\"", "a\"b",
        "\"ab\"x", "\"x\r\ny\"", "\"a\rb\"", "\\,", "a\\\nb", "\"a\\\"b\"", "é漢😀", "\"\"", "'s,q'", " \"t\" ", "#c",
        "//", "\uFEFF", "\t", ";"};
    private static final String[] BREAKS = {"\n", "\r\n", "\r"};

    /** One random case: the options, the text, and how the pipeline cuts it. */
    record Case(ParserConfig config, String text, boolean bom, int chunkBytes, int threads) {
        @Override
        public String toString() {
            return "config=" + config.toJson() + " bom=" + bom + " chunkBytes=" + chunkBytes + " threads=" + threads
                    + " text=" + Fuzz.show(text);
        }
    }

    @Test
    void read_randomCsv_sameAsSerialReader() {
        AtomicInteger pipelined = new AtomicInteger();
        AtomicInteger cases = new AtomicInteger();
        Fuzz.forAll(2, PipelinedCsvReaderTest::randomCase, c -> {
            cases.incrementAndGet();
            if (PipelinedCsvReader.supports(c.config())) {
                pipelined.incrementAndGet();
            }
            byte[] bytes = bytes(c);
            List<String> serial = trace(c.config().newReader("t.csv", new ByteArrayInputStream(bytes)));
            List<String> piped = trace(PipelinedCsvReader.open(c.config(), "t.csv", new ByteArrayInputStream(bytes),
                    c.threads(), c.chunkBytes(), 3));
            assertThat(piped).as(c.toString()).isEqualTo(serial);
        });
        assertThat(pipelined.get()).as("cases read in a pipeline").isGreaterThan(cases.get() * 3 / 4);
    }

    @Test
    void read_largeValidCsv_sameRecordsAndLinesAsSerial() {
        StringBuilder sb = new StringBuilder("id,name,v\n");
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(',').append(r.nextInt(10) == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : "n" + i)
                    .append(',').append(r.nextInt(1000) / 10.0).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        ParserConfig config = base().skipHeaderLines(1).build();
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        List<String> serial = trace(config.newReader("big.csv", new ByteArrayInputStream(bytes)));
        List<String> piped = trace(PipelinedCsvReader.open(config, "big.csv", new ByteArrayInputStream(bytes), 2,
                4096, 4));
        assertThat(serial).hasSize(20_001);
        assertThat(piped).isEqualTo(serial);
    }

    @Test
    void read_slowConsumer_readsAtMostTheChunksInFlightAhead() throws Exception {
        AtomicLong served = new AtomicLong();
        byte[] row = "1,abc,2.5\n".getBytes(StandardCharsets.US_ASCII);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return row[(int) (served.getAndIncrement() % row.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = row[(int) ((served.get() + i) % row.length)];
                }
                served.addAndGet(len);
                return len;
            }
        };
        try (RecordReader reader = PipelinedCsvReader.open(base().build(), "endless.csv", endless, 2, 1024, 4)) {
            assertThat(reader.read().get(1)).isEqualTo("abc");
            long before;
            do {
                before = served.get();
                Thread.sleep(200);
            } while (served.get() != before);
            assertThat(served.get()).isLessThanOrEqualTo(5 * 1024);
        }
    }

    @Test
    void open_utf16_usesTheSerialReader() {
        ParserConfig config = base().charset(StandardCharsets.UTF_16).build();
        try (RecordReader reader = PipelinedCsvReader.open(config, "t.csv", new ByteArrayInputStream(new byte[0]), 2)) {
            assertThat(reader).isInstanceOf(CsvRecordReader.class);
        }
    }

    private static ParserConfig.Builder base() {
        return ParserConfig.builder().column("id", ColumnType.LONG).column("name", ColumnType.STRING)
                .column("v", ColumnType.DOUBLE);
    }

    private static Case randomCase(Random r) {
        ParserConfig.Builder b = base().newline(Newline.values()[r.nextInt(3)])
                .delimiter(new char[] {',', '\t', ';'}[r.nextInt(3)])
                .trimIfNotQuoted(r.nextBoolean()).allowOptionalColumns(r.nextBoolean())
                .allowExtraColumns(r.nextBoolean()).skipHeaderLines(r.nextInt(3))
                .badRows(r.nextInt(4) == 0 ? BadRowPolicy.FAIL : BadRowPolicy.SKIP).badRowSamples(1 + r.nextInt(4));
        switch (r.nextInt(4)) {
            case 0 -> b.quote('\'');
            case 1 -> b.noQuote();
            default -> b.quote('"');
        }
        switch (r.nextInt(4)) {
            case 0 -> b.escape('\\');
            case 1 -> b.escape('"');
            default -> b.noEscape();
        }
        switch (r.nextInt(4)) {
            case 0 -> b.commentLineMarker("#");
            case 1 -> b.commentLineMarker("//");
            default -> b.commentLineMarker(null);
        }
        if (r.nextInt(5) == 0) {
            b.maxRecordSize(8 + r.nextInt(40));
        }
        if (r.nextInt(10) == 0) {
            b.nullString("abc");
        }
        if (r.nextInt(4) == 0) {
            // the UTF-8 bytes of the text read as Latin-1: other characters, the same record ends
            b.charset(StandardCharsets.ISO_8859_1);
        }
        StringBuilder text = new StringBuilder();
        int rows = r.nextInt(30);
        for (int i = 0; i < rows; i++) {
            int fields = r.nextInt(10) == 0 ? r.nextInt(5) : 3;
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    text.append(r.nextInt(15) == 0 ? ";" : ",");
                }
                text.append(r.nextInt(3) == 0 ? ATOMS[r.nextInt(ATOMS.length)] : f == 0 ? Integer.toString(i)
                        : f == 2 ? "2.5" : "n" + i);
            }
            text.append(r.nextInt(6) == 0 ? BREAKS[r.nextInt(3)] : "\n");
            if (r.nextInt(12) == 0) {
                text.append(BREAKS[r.nextInt(3)]);
            }
        }
        if (r.nextInt(8) == 0) {
            text.append("\"unclosed,").append(r.nextBoolean() ? "\nx" : "");
        }
        if (r.nextInt(5) == 0 && text.length() > 0) {
            text.setLength(text.length() - 1);
        }
        return new Case(b.build(), text.toString(), r.nextInt(8) == 0, 1 + r.nextInt(r.nextBoolean() ? 16 : 128),
                1 + r.nextInt(3));
    }

    private static byte[] bytes(Case c) {
        byte[] text = c.text().getBytes(StandardCharsets.UTF_8);
        if (!c.bom()) {
            return text;
        }
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        return withBom;
    }

    /** What a reader reports: each record with its line and the skipped count, then the end or the error. */
    private static List<String> trace(RecordReader reader) {
        List<String> out = new ArrayList<>();
        try (reader) {
            for (Record rec = reader.read(); rec != null; rec = reader.read()) {
                out.add("line " + reader.line() + " " + values(rec) + " skipped " + reader.skippedRows());
            }
            out.add("end skipped " + reader.skippedRows() + " " + reader.badRows());
        } catch (FerryDataException e) {
            out.add("error " + e.line() + " " + e.column() + " " + e.getMessage() + " skipped " + reader.skippedRows()
                    + " " + reader.badRows());
        } catch (FerryException e) {
            out.add("error " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return out;
    }

    private static String values(Record rec) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rec.size(); i++) {
            sb.append(i == 0 ? "" : "|").append(rec.get(i));
        }
        return sb.append(']').toString();
    }
}
