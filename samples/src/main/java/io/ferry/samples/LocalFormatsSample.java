package io.ferry.samples;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.RecordSource;
import io.ferry.core.record.RecordSources;
import io.ferry.core.record.Schema;
import io.ferry.formats.Compression;
import io.ferry.formats.FileFormat;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.json.JsonLinesFormat;
import io.ferry.formats.parquet.ParquetFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a small generated table in every format Ferry has (CSV, TSV, JSON Lines, a
 * gzip-compressed CSV and Parquet) to a local folder, then lists the files with their sizes and
 * shows the first lines of the text ones. Offline; no AWS account needed.
 *
 * <p>Run from the repository root: {@code mvn -B -ntp -q -pl samples -am test-compile exec:java}.
 * The folder is {@code target/ferry-sample-output}, or the first argument
 * ({@code -Dsample.args=/tmp/out}).
 */
public final class LocalFormatsSample {
    private static final int SHOWN_LINES = 4;
    private static final Schema ORDERS = Schema.of(
            Column.of("id", ColumnType.LONG),
            Column.of("customer", ColumnType.STRING),
            Column.of("amount", ColumnType.DOUBLE),
            Column.of("paid", ColumnType.BOOLEAN),
            Column.of("created_at", ColumnType.TIMESTAMP),
            Column.of("attributes", ColumnType.JSON),
            Column.of("note", ColumnType.STRING));

    private LocalFormatsSample() {
    }

    /** Entry point; args[0] is the output folder. */
    public static void main(String[] args) {
        Path dir = Paths.get(args.length > 0 ? args[0] : "target/ferry-sample-output");
        Map<String, FileFormat> files = new LinkedHashMap<>();
        files.put("orders." + CsvFormat.csv().extension(), CsvFormat.csv());
        files.put("orders." + CsvFormat.tsv().extension(), CsvFormat.tsv());
        files.put("orders." + JsonLinesFormat.defaults().extension(), JsonLinesFormat.defaults());
        files.put("orders.csv" + Compression.GZIP.suffix(), CsvFormat.csv());
        files.put("orders." + ParquetFormat.defaults().extension(), ParquetFormat.defaults());

        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, FileFormat> e : files.entrySet()) {
                write(dir.resolve(e.getKey()), e.getValue(), orders(12));
            }
            System.out.println("Ferry wrote " + files.size() + " files to " + dir.toAbsolutePath() + ":");
            for (Map.Entry<String, FileFormat> e : files.entrySet()) {
                show(dir.resolve(e.getKey()), e.getValue() instanceof ParquetFormat);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small table with the values that make text formats interesting: commas, quotes, newlines, nulls. */
    static RecordSource orders(int count) {
        String[] customers = {"ACME, Inc.", "Bob's \"Best\" Bikes", "Café Zoë", "東京商事", ""};
        List<Object[]> rows = new ArrayList<>();
        Instant start = Instant.parse("2026-11-25T08:00:00Z");
        for (int i = 1; i <= count; i++) {
            rows.add(new Object[] {
                (long) i,
                customers[i % customers.length],
                i % 4 == 0 ? null : i * 12.5,
                i % 3 == 0,
                start.plusSeconds(i * 3_601L).plusMillis(i * 7L),
                i % 5 == 0 ? null : "{\"items\": " + i + ", \"tags\": [\"t" + i + "\"]}",
                i % 6 == 0 ? "two\nlines" : i % 2 == 0 ? null : "tab\there"
            });
        }
        return RecordSources.fromArrays(ORDERS, rows);
    }

    private static void write(Path file, FileFormat format, RecordSource source) throws IOException {
        Compression compression = Compression.fromFileName(file.toString()).orElse(Compression.NONE);
        try (FormatWriter w = format.newWriter(source.schema(), compression.wrap(Files.newOutputStream(file)))) {
            for (Record r : source) {
                w.write(r);
            }
        }
    }

    private static void show(Path file, boolean binary) throws IOException {
        System.out.printf(Locale.ROOT, "%n%-20s %,6d bytes%n", file.getFileName(), Files.size(file));
        if (binary) {
            System.out.println("  (binary; read it with DuckDB: SELECT * FROM '" + file.toAbsolutePath() + "')");
            return;
        }
        Compression compression = Compression.fromFileName(file.toString()).orElse(Compression.NONE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                compression.unwrap(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            for (int i = 0; i < SHOWN_LINES && (line = in.readLine()) != null; i++) {
                System.out.println("  " + line);
            }
        }
    }
}
