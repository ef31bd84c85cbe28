package io.ferry.bench;

import io.ferry.core.credentials.Credentials;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.embedded.s3.EmbeddedS3;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.ExportWriter;
import io.ferry.s3.export.PreparedExport;
import io.ferry.s3.export.S3Export;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The coordinator's cost in a two-phase export: {@code --uploads} writers (default 1,000) each
 * prepare one small object against an in-process S3Mock on loopback, then one {@code publish}
 * completes all of them (sweep listing, CompleteMultipartUpload per upload, manifest), at
 * {@code --concurrency} parallel requests (default 4, Ferry's default; e.g. 16 or 64). One warm-up
 * round with a tenth of the uploads, then {@code --rounds} timed rounds (default 5); prints each
 * round and the median publish time per upload.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am test-compile exec:java
 * -Dbench.main=io.ferry.bench.TwoPhasePublishBench -Dbench.args="--uploads 1000 --concurrency 16"}.
 */
public final class TwoPhasePublishBench {
    private static final String BUCKET = "bench";
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("name", ColumnType.STRING));

    private TwoPhasePublishBench() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        int uploads = 1000;
        int rounds = 5;
        int concurrency = 4;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--uploads":
                    uploads = Integer.parseInt(args[++i]);
                    break;
                case "--rounds":
                    rounds = Integer.parseInt(args[++i]);
                    break;
                case "--concurrency":
                    concurrency = Integer.parseInt(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; use --uploads N --rounds R --concurrency C");
            }
        }
        System.out.println("Starting S3Mock on 127.0.0.1...");
        try (EmbeddedS3 s3 = EmbeddedS3.start(BUCKET)) {
            round(s3.endpoint(), Math.max(1, uploads / 10), concurrency, "warm-up");
            double[] perUpload = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                perUpload[r] = round(s3.endpoint(), uploads, concurrency, "round " + (r + 1));
            }
            Arrays.sort(perUpload);
            System.out.printf(Locale.ROOT, "median publish: %.2f ms per upload (%d uploads, concurrency %d, %d cores)%n",
                    perUpload[rounds / 2], uploads, concurrency, Runtime.getRuntime().availableProcessors());
        }
    }

    /** Prepares {@code uploads} writers, publishes them; returns the publish time per upload in ms. */
    private static double round(URI endpoint, int uploads, int concurrency, String name) throws Exception {
        S3Export export = S3Export.builder().bucket(BUCKET).path("tp/{{SYNC_ID}}/part-{{WRITER}}.csv")
                .endpoint(endpoint.toString()).pathStyle(true).region("us-east-1")
                .credentials(Credentials.basic("bench", "bench-secret")).maxConcurrency(concurrency)
                .testWrite(false).manifest("_SUCCESS.json").build();
        long t0 = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        List<Future<PreparedExport>> futures = new ArrayList<>();
        for (int w = 0; w < uploads; w++) {
            String id = "w" + w;
            futures.add(workers.submit(() -> {
                try (ExportWriter writer = export.open("t", SCHEMA, id)) {
                    writer.write(Record.of(SCHEMA, 1L, id));
                    return writer.prepare();
                }
            }));
        }
        List<PreparedExport> prepared = new ArrayList<>();
        for (Future<PreparedExport> f : futures) {
            prepared.add(f.get());
        }
        workers.shutdown();
        double prepare = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        ExportResult r = export.publish(prepared);
        double publish = (System.nanoTime() - t1) / 1e9;
        if (r.objectCount() != uploads) {
            throw new IllegalStateException("published " + r.objectCount() + " of " + uploads);
        }
        double perUpload = publish * 1000 / uploads;
        System.out.printf(Locale.ROOT, "%-8s %5d uploads: prepare %6.2f s (8 writer threads), publish %6.2f s"
                + " = %.2f ms per upload%n", name, uploads, prepare, publish, perUpload);
        return perUpload;
    }
}
