package io.ferry.bench;

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
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Encodes the same rows (8 mixed columns: long, double, string with quotes, commas and line
 * breaks, boolean, timestamp, nullable long, nullable string, nullable double) into a null stream
 * with each Ferry writer and with the raw library it is measured against, taking turns in every
 * round, and prints rows/s (median of the timed rounds), bytes written and the Ferry/raw ratios:
 * Ferry CSV vs FastCSV and commons-csv, Ferry JSONL vs jackson's {@code JsonGenerator} with
 * pre-serialized keys, Ferry Parquet vs parquet-avro with the same codec (and codec code),
 * row-group size and dictionary setting. The raw CSV and JSON programs turn timestamps into text
 * with {@code Instant.toString()}, which costs them more than Ferry's own timestamp text costs
 * Ferry; so each also runs a second time on values whose timestamps are already text (Ferry's
 * text), which leaves them only the library's own work.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am test-compile exec:java -Dbench.main=io.ferry.bench.FormatsBench}
 * with optional {@code -Dbench.args="ROWS ROUNDS GROUPS"} (default {@code 1000000 5 csv,json,parquet}).
 * Rows cycle through a pool of 10,000 distinct records so the data set does not dominate the heap.
 */
public final class FormatsBench {
    private static final int POOL = 10_000;
    private static final int WARMUP = 2;
    private static final Schema SCHEMA = Schema.of(
            Column.of("id", ColumnType.LONG), Column.of("price", ColumnType.DOUBLE),
            Column.of("name", ColumnType.STRING), Column.of("active", ColumnType.BOOLEAN),
            Column.of("created_at", ColumnType.TIMESTAMP), Column.of("qty", ColumnType.LONG),
            Column.of("note", ColumnType.STRING), Column.of("ratio", ColumnType.DOUBLE));
    private static final ParquetCodec PARQUET_CODEC = ParquetCodec.SNAPPY;

    private final int rows;
    private final Object[][] values = new Object[POOL][];
    private final Record[] records = new Record[POOL];
    private final FormatPeers peers;
    /** The same values with each timestamp already as Ferry's text, for the peers' second round. */
    private final FormatPeers peersWithTimestampText;

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
        this.peers = new FormatPeers(SCHEMA, values, rows);
        DateTimeFormatter ferryText = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        Object[][] withText = new Object[POOL][];
        for (int i = 0; i < POOL; i++) {
            withText[i] = values[i].clone();
            withText[i][4] = ferryText.format((Instant) values[i][4]);
        }
        this.peersWithTimestampText = new FormatPeers(SCHEMA, withText, rows);
    }

    /**
     * Runs the benchmark.
     *
     * @param args [rows] [rounds] [groups: a comma-separated subset of csv,json,parquet]
     */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Set<String> groups = Set.of((args.length > 2 ? args[2] : "csv,json,parquet").split(","));
        new FormatsBench(rows).run(rounds, groups);
    }

    private void run(int rounds, Set<String> groups) {
        ParquetFormat parquet = ParquetFormat.builder().codec(PARQUET_CODEC).build();
        Map<String, Consumer<OutputStream>> encoders = new LinkedHashMap<>();
        List<String[]> ratios = new ArrayList<>();
        if (groups.contains("csv")) {
            encoders.put("Ferry CSV", out -> ferry(CsvFormat.csv(), out));
            encoders.put("FastCSV", peers::fastCsv);
            encoders.put("FastCSV, timestamp text given", peersWithTimestampText::fastCsv);
            encoders.put("commons-csv CSVPrinter", peers::commonsCsv);
            ratios.add(new String[] {"Ferry CSV", "FastCSV"});
            ratios.add(new String[] {"Ferry CSV", "FastCSV, timestamp text given"});
            ratios.add(new String[] {"Ferry CSV", "commons-csv CSVPrinter"});
        }
        if (groups.contains("json")) {
            encoders.put("Ferry JSONL", out -> ferry(JsonLinesFormat.defaults(), out));
            encoders.put("jackson JsonGenerator", peers::jackson);
            encoders.put("jackson, timestamp text given", peersWithTimestampText::jackson);
            ratios.add(new String[] {"Ferry JSONL", "jackson JsonGenerator"});
            ratios.add(new String[] {"Ferry JSONL", "jackson, timestamp text given"});
        }
        if (groups.contains("parquet")) {
            String ferryName = "Ferry Parquet " + PARQUET_CODEC;
            String rawName = "parquet-avro " + PARQUET_CODEC;
            encoders.put(ferryName, out -> ferry(parquet, out));
            encoders.put(rawName, out -> peers.parquetAvro(out, CompressionCodecName.valueOf(PARQUET_CODEC.name()),
                    parquet.rowGroupSize(), true));
            ratios.add(new String[] {ferryName, rawName});
        }

        System.out.printf(Locale.ROOT, "FormatsBench: %,d rows x %d columns, %d warm-up + %d timed rounds, each"
                + " round runs every encoder in turn; Java %s, %d cores%n", rows, SCHEMA.size(), WARMUP, rounds,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Map<String, long[]> nanos = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        encoders.keySet().forEach(name -> nanos.put(name, new long[rounds]));
        for (int i = -WARMUP; i < rounds; i++) {
            for (Map.Entry<String, Consumer<OutputStream>> e : encoders.entrySet()) {
                CountingNullStream out = new CountingNullStream();
                long start = System.nanoTime();
                e.getValue().accept(out);
                long took = System.nanoTime() - start;
                bytes.put(e.getKey(), out.count);
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
            System.out.printf(Locale.ROOT, "%-30s %,12.0f rows/s (median %,7.1f ms, best %,7.1f ms, worst %,7.1f ms)"
                    + " %,12d bytes%n", e.getKey(), rate.get(e.getKey()), median / 1e6, t[0] / 1e6,
                    t[t.length - 1] / 1e6, bytes.get(e.getKey()));
        }
        for (String[] r : ratios) {
            System.out.printf(Locale.ROOT, "ratio %-22s / %-30s %.2f%n", r[0], r[1], rate.get(r[0]) / rate.get(r[1]));
        }
    }

    private void ferry(FileFormat format, OutputStream out) {
        try (FormatWriter w = format.newWriter(SCHEMA, out)) {
            for (int i = 0; i < rows; i++) {
                w.write(records[i % POOL]);
            }
        }
    }

    /** Discards what it is given and counts the bytes. */
    private static final class CountingNullStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
