package io.ferry.bench;

import io.ferry.core.record.Record;
import io.ferry.formats.Compression;
import io.ferry.formats.decode.DecodedInput;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import io.ferry.formats.read.internal.PipelinedCsvReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

/**
 * One large gzip CSV on local disk, read three ways in the same run, in turn each round: Ferry's
 * import pipeline (decompress and cut on one thread, parse chunks on {@code threads} others,
 * records to a sink that touches every value in file order), Ferry's serial reader (one thread),
 * and DuckDB JDBC {@code read_csv} of the same file into an aggregate over every column.
 */
final class LargeCsvImportBench {
    private LargeCsvImportBench() {
    }

    static void run(ParserConfig parser, Path dir, int mb, int rounds, int threads) throws Exception {
        Path gz = dir.resolve("big-" + mb + "mb.csv.gz");
        if (!Files.exists(gz)) {
            generate(gz, mb * 1024L * 1024L);
        }
        System.out.printf(Locale.ROOT, "large file: %d MB CSV, %.1f MB gzip, %d parsing threads, %d cores%n", mb,
                Files.size(gz) / 1048576.0, threads, Runtime.getRuntime().availableProcessors());
        double[] pipe = new double[rounds];
        double[] serial = new double[rounds];
        double[] duck = new double[rounds];
        long rows = 0;
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", props); Statement st = c.createStatement()) {
            for (int round = -1; round < rounds; round++) {
                // warm-up round -1; then each contender goes first in turn
                for (int k = 0; k < 3; k++) {
                    int which = (k + Math.max(round, 0)) % 3;
                    long t0 = System.nanoTime();
                    long n = which == 0 ? ferry(parser, gz, threads) : which == 1 ? ferry(parser, gz, 0)
                            : duckCount(st, gz);
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (round >= 0) {
                        (which == 0 ? pipe : which == 1 ? serial : duck)[round] = s;
                    }
                    rows = n;
                }
                if (round >= 0) {
                    System.out.printf(Locale.ROOT, "  round %d: pipeline %.2f s, serial %.2f s, DuckDB %.2f s%n",
                            round + 1, pipe[round], serial[round], duck[round]);
                }
            }
        }
        double p = Medians.of(pipe);
        double s = Medians.of(serial);
        double d = Medians.of(duck);
        System.out.printf(Locale.ROOT, "  %,d rows; medians: pipeline %.2f s (%,.0f rows/s), serial %.2f s"
                        + " (%,.0f rows/s), DuckDB %.2f s (%,.0f rows/s)%n", rows, p, rows / p, s, rows / s, d, rows / d);
        System.out.printf(Locale.ROOT, "  ratio pipeline/DuckDB %.2fx, serial/DuckDB %.2fx, pipeline/serial %.2fx"
                + " (rows/s)%n", d / p, d / s, s / p);
    }

    /** Reads the file with Ferry: pipelined with {@code threads} parsing threads, or serially with 0. */
    private static long ferry(ParserConfig parser, Path gz, int threads) throws IOException {
        ValueTouchingSink sink = new ValueTouchingSink();
        try (InputStream raw = Files.newInputStream(gz);
             DecodedInput input = DecodedInput.open(Decoder.GZIP, gz.getFileName().toString(), raw)) {
            input.nextPart();
            try (RecordReader reader = threads > 0
                    ? PipelinedCsvReader.open(parser, input.partName(), input.part(), threads)
                    : parser.newReader(input.partName(), input.part())) {
                for (Record r = reader.read(); r != null; r = reader.read()) {
                    sink.write(r);
                }
            }
        }
        return sink.rows;
    }

    private static long duckCount(Statement st, Path file) throws SQLException {
        String sql = "SELECT count(*), sum(id), sum(length(name)), sum(score), count_if(ok), max(\"at\"),"
                + " sum(length(note)) FROM read_csv('" + file + "', header = true, columns = {'id': 'BIGINT',"
                + " 'name': 'VARCHAR', 'score': 'DOUBLE', 'ok': 'BOOLEAN', 'at': 'TIMESTAMP', 'note': 'VARCHAR'})";
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Six columns: long, string, double, boolean, timestamp, and a note of which a tenth is quoted with commas. */
    static long generate(Path file, long targetBytes) throws IOException {
        Random random = new Random(7);
        long rows = 0;
        long written = 0;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Compression.GZIP.wrap(Files.newOutputStream(tmp));
             Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            String header = "id,name,score,ok,at,note\n";
            w.write(header);
            written += header.length();
            StringBuilder sb = new StringBuilder(256);
            while (written < targetBytes) {
                sb.setLength(0);
                long id = rows + 1;
                sb.append(id).append(",user").append(random.nextInt(1_000_000)).append(',')
                        .append(random.nextInt(100_000) / 100.0).append(',').append(random.nextBoolean())
                        .append(",2024-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10))
                        .append(' ').append(10 + random.nextInt(14)).append(":3").append(random.nextInt(10))
                        .append(":4").append(random.nextInt(10)).append(',');
                if (random.nextInt(10) == 0) {
                    sb.append("\"a note, with \"\"quotes\"\"\"");
                } else {
                    sb.append("plain note ").append(random.nextInt(1000));
                }
                sb.append('\n');
                w.append(sb);
                written += sb.length();
                rows++;
            }
        }
        Files.move(tmp, file);
        return rows;
    }
}
