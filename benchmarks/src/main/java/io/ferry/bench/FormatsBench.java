package io.ferry.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.FileFormat;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.json.JsonLinesFormat;
import io.ferry.formats.parquet.ParquetCodec;
import io.ferry.formats.parquet.ParquetFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Encodes the same rows (8 mixed columns: long, double, string with quotes and commas, boolean,
 * timestamp, nullable long, nullable string, nullable double) with Ferry's CSV and JSONL writers,
 * with the raw libraries under them, and with Ferry's Parquet writer, into a null stream, and
 * prints rows/s and the Ferry/raw ratios.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am test-compile exec:java -Dbench.main=io.ferry.bench.FormatsBench}
 * with optional {@code -Dbench.args="ROWS ITERATIONS"} (default 1000000 5). Rows cycle through a
 * pool of 10,000 distinct records so the data set does not dominate the heap.
 */
public final class FormatsBench {
    private static final int POOL = 10_000;
    private static final int WARMUP = 2;
    private static final Schema SCHEMA = Schema.of(
            Column.of("id", ColumnType.LONG), Column.of("price", ColumnType.DOUBLE),
            Column.of("name", ColumnType.STRING), Column.of("active", ColumnType.BOOLEAN),
            Column.of("created_at", ColumnType.TIMESTAMP), Column.of("qty", ColumnType.LONG),
            Column.of("note", ColumnType.STRING), Column.of("ratio", ColumnType.DOUBLE));

    private final int rows;
    private final Object[][] values = new Object[POOL][];
    private final Record[] records = new Record[POOL];

    private FormatsBench(int rows) {
        this.rows = rows;
        Random random = new Random(20261125);
        String[] words = {"alpha", "beta", "gamma", "delta, inc.", "say \"hi\"", "東京", "x", "line\nbreak"};
        for (int i = 0; i < POOL; i++) {
            values[i] = new Object[] {
                random.nextLong() >>> random.nextInt(64),
                random.nextInt(10_000_000) / 100.0,
                words[random.nextInt(words.length)] + " " + random.nextInt(1000),
                random.nextBoolean(),
                Instant.ofEpochMilli(1_600_000_000_000L + random.nextInt(Integer.MAX_VALUE) * 20L),
                random.nextInt(5) == 0 ? null : (long) random.nextInt(100_000),
                random.nextInt(3) == 0 ? null : "note " + words[random.nextInt(words.length)],
                random.nextInt(4) == 0 ? null : random.nextDouble()
            };
            records[i] = Record.of(SCHEMA, values[i]);
        }
    }

    /** Runs the benchmark; args: [rows] [iterations]. */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        new FormatsBench(rows).run(iterations);
    }

    private void run(int iterations) {
        Map<String, Runnable> encoders = new LinkedHashMap<>();
        encoders.put("Ferry CSV", () -> ferry(CsvFormat.csv()));
        encoders.put("raw commons-csv CSVPrinter", this::rawCsv);
        encoders.put("Ferry JSONL", () -> ferry(JsonLinesFormat.defaults()));
        encoders.put("raw jackson JsonGenerator", this::rawJson);
        encoders.put("Ferry Parquet (SNAPPY)", () -> ferry(ParquetFormat.builder().codec(ParquetCodec.SNAPPY).build()));

        System.out.printf(Locale.ROOT, "FormatsBench: %,d rows x %d columns, %d warm-up + %d timed iterations each,"
                + " Java %s%n", rows, SCHEMA.size(), WARMUP, iterations, System.getProperty("java.version"));
        Map<String, long[]> nanos = new LinkedHashMap<>();
        encoders.keySet().forEach(name -> nanos.put(name, new long[iterations]));
        for (int i = -WARMUP; i < iterations; i++) {
            for (Map.Entry<String, Runnable> e : encoders.entrySet()) {
                long start = System.nanoTime();
                e.getValue().run();
                long took = System.nanoTime() - start;
                if (i >= 0) {
                    nanos.get(e.getKey())[i] = took;
                }
            }
        }
        Map<String, Double> rate = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : nanos.entrySet()) {
            long[] t = e.getValue().clone();
            Arrays.sort(t);
            double median = t[t.length / 2];
            rate.put(e.getKey(), rows / (median / 1e9));
            System.out.printf(Locale.ROOT, "%-28s %,12.0f rows/s (median %,7.1f ms, best %,7.1f ms)%n",
                    e.getKey(), rate.get(e.getKey()), median / 1e6, t[0] / 1e6);
        }
        System.out.printf(Locale.ROOT, "ratio Ferry CSV / raw commons-csv:   %.2f%n",
                rate.get("Ferry CSV") / rate.get("raw commons-csv CSVPrinter"));
        System.out.printf(Locale.ROOT, "ratio Ferry JSONL / raw jackson:     %.2f%n",
                rate.get("Ferry JSONL") / rate.get("raw jackson JsonGenerator"));
    }

    private void ferry(FileFormat format) {
        try (FormatWriter w = format.newWriter(SCHEMA, OutputStream.nullOutputStream())) {
            for (int i = 0; i < rows; i++) {
                w.write(records[i % POOL]);
            }
        }
    }

    /** What a user would write with commons-csv alone: RFC 4180, CRLF, header, buffered UTF-8. */
    private void rawCsv() {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(SCHEMA.names().toArray(new String[0])).get();
        try (CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(
                OutputStream.nullOutputStream(), StandardCharsets.UTF_8)), format)) {
            for (int i = 0; i < rows; i++) {
                printer.printRecord(values[i % POOL]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a user would write with jackson-core alone: one compact object per line. */
    private void rawJson() {
        List<String> names = new ArrayList<>(SCHEMA.names());
        try (JsonGenerator g = new JsonFactory().createGenerator(OutputStream.nullOutputStream())) {
            for (int i = 0; i < rows; i++) {
                Object[] row = values[i % POOL];
                g.writeStartObject();
                for (int c = 0; c < row.length; c++) {
                    g.writeFieldName(names.get(c));
                    Object v = row[c];
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof Long) {
                        g.writeNumber((Long) v);
                    } else if (v instanceof Double) {
                        g.writeNumber((Double) v);
                    } else if (v instanceof Boolean) {
                        g.writeBoolean((Boolean) v);
                    } else {
                        g.writeString(v.toString());
                    }
                }
                g.writeEndObject();
                g.writeRaw("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
