package io.ferry.bench;

import io.ferry.core.record.ColumnType;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.ParserConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Import benchmark, in two parts, each contender measured in the same run, in turn, median of
 * {@code --rounds} timed rounds after one warm-up round.
 *
 * <ol>
 *   <li>One large gzip CSV on local disk ({@code --mb} MB of CSV before compression, default
 *       200): Ferry's import pipeline vs Ferry's serial reader vs DuckDB JDBC {@code read_csv}
 *       ({@link LargeCsvImportBench}).</li>
 *   <li>Small CSV objects of 1 to 10 KB on S3Proxy's in-memory store in this JVM:
 *       {@code --delayed-objects} (default 1,000) whose every GET waits {@code --delay-ms}
 *       (default 15) in the store, and {@code --objects} (default 10,000) with no delay: Ferry
 *       {@code S3Import} vs a serial and a parallel GetObject loop at {@code --concurrency}
 *       (default 16) ({@link SmallObjectsImportBench}).</li>
 * </ol>
 *
 * <pre>
 * mvn -B -ntp -q -pl benchmarks -am test-compile exec:java -Dbench.main=io.ferry.bench.S3ImportBench \
 *     -Dbench.args="--mb 200 --objects 10000 --delayed-objects 1000 --delay-ms 15 --rounds 5"
 * </pre>
 *
 * <p>{@code --threads N} sets the pipeline's parsing threads (default: the cores); 0 for a part
 * skips it ({@code --mb 0}, {@code --objects 0 --delayed-objects 0}).
 */
public final class S3ImportBench {
    static final ParserConfig PARSER = ParserConfig.builder().skipHeaderLines(1)
            .column("id", ColumnType.LONG).column("name", ColumnType.STRING).column("score", ColumnType.DOUBLE)
            .column("ok", ColumnType.BOOLEAN).column(ColumnConfig.timestamp("at", "%Y-%m-%d %H:%M:%S"))
            .column("note", ColumnType.STRING).build();

    private S3ImportBench() {
    }

    /** Runs both parts; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        int mb = 200;
        int objects = 10_000;
        int delayedObjects = 1_000;
        int delayMs = 15;
        int rounds = 5;
        int concurrency = 16;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--mb" -> mb = v;
                case "--objects" -> objects = v;
                case "--delayed-objects" -> delayedObjects = v;
                case "--delay-ms" -> delayMs = v;
                case "--rounds" -> rounds = v;
                case "--concurrency" -> concurrency = v;
                case "--threads" -> threads = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "s3import-bench").toAbsolutePath());
        if (mb > 0) {
            LargeCsvImportBench.run(PARSER, dir, mb, rounds, threads);
        }
        if (objects > 0 || delayedObjects > 0) {
            SmallObjectsImportBench.run(PARSER, objects, delayedObjects, delayMs, concurrency, rounds);
        }
    }
}
