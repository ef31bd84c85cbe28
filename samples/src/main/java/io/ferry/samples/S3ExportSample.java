package io.ferry.samples;

import io.ferry.core.credentials.Credentials;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.embedded.s3.EmbeddedS3;
import io.ferry.formats.Compression;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.parquet.ParquetFormat;
import io.ferry.s3.S3Connection;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.ExportedObject;
import io.ferry.s3.export.S3Export;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * The main sample: exports a generated table of page views to S3, once as CSV gzip partitioned
 * by day and once as Parquet rotated every 100,000 rows, then prints the objects and a report.
 *
 * <p>With no arguments it starts an embedded S3Mock on 127.0.0.1, so it runs on any machine. With
 * {@code --bucket NAME} it writes to that bucket on real S3 (credentials and region from the AWS
 * default chain: {@code AWS_ACCESS_KEY_ID}..., {@code AWS_REGION}, {@code ~/.aws}); add
 * {@code --endpoint URL} for an S3-compatible store (path-style) and {@code --rows N} to change
 * the table size.
 *
 * <pre>
 * mvn -B -ntp -q -pl samples -am test-compile exec:java
 * mvn -B -ntp -q -pl samples -am test-compile exec:java -Dsample.args="--bucket my-bucket"
 * </pre>
 */
public final class S3ExportSample {
    static final Schema PAGE_VIEWS = Schema.of(
            Column.of("id", ColumnType.LONG),
            Column.of("at", ColumnType.TIMESTAMP),
            Column.of("path", ColumnType.STRING),
            Column.of("status", ColumnType.LONG),
            Column.of("bytes", ColumnType.LONG),
            Column.of("agent", ColumnType.STRING));

    private static final String[] PATHS = {"/", "/pricing", "/docs/export", "/docs/import", "/blog/ferry", "/login"};
    private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux x86_64)", "curl/8.5.0", "Googlebot/2.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2)"};
    private static final long[] STATUS = {200, 200, 200, 200, 304, 404, 500};
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private S3ExportSample() {
    }

    /** Runs the sample; see the class comment for the arguments. */
    public static void main(String[] args) {
        String bucket = null;
        String endpoint = null;
        int rows = 300_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bucket":
                    bucket = args[++i];
                    break;
                case "--endpoint":
                    endpoint = args[++i];
                    break;
                case "--rows":
                    rows = Integer.parseInt(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; use --bucket NAME [--endpoint URL] [--rows N]");
            }
        }
        if (bucket == null) {
            System.out.println("Starting an embedded S3Mock on 127.0.0.1 (a few seconds)...");
            try (EmbeddedS3 s3 = EmbeddedS3.start("ferry-sample")) {
                S3Connection local = S3Connection.builder().endpoint(s3.endpoint()).pathStyle(true).region("us-east-1")
                        .credentials(Credentials.basic("sample", "sample-secret")).build();
                run(local, "ferry-sample", rows);
            }
            System.out.println();
            System.out.println("The S3 above was S3Mock inside this JVM, keeping its files under target/embedded-s3: it"
                    + " deleted them when it stopped, so the bucket and objects are gone now that the sample ends."
                    + " Pass --bucket NAME to write to a real bucket.");
        } else {
            S3Connection.Builder real = S3Connection.builder();
            if (endpoint != null) {
                real.endpoint(endpoint).pathStyle(true);
            }
            run(real.build(), bucket, rows);
        }
    }

    static void run(S3Connection connection, String bucket, int rows) {
        System.out.printf(Locale.ROOT, "Exporting %,d page views to s3://%s/ (%s)%n", rows, bucket,
                connection.endpoint().map(Object::toString).orElse("AWS"));
        S3Export csv = S3Export.builder().connection(connection).bucket(bucket)
                .path("sample/csv/dt={at, '%Y-%m-%d'}/{{TABLE}}.{{FORMAT}}")
                .format(CsvFormat.csv()).compression(Compression.GZIP)
                .build();
        report("CSV gzip, one object per day", csv.write("page_views", PAGE_VIEWS, table(rows)));

        S3Export parquet = S3Export.builder().connection(connection).bucket(bucket)
                .path("sample/parquet/{{TABLE}}/{{YEAR}}{{MONTH}}{{DAY}}-{{UUID}}.parquet")
                .format(ParquetFormat.defaults()).maxRowsPerObject(100_000)
                .build();
        report("Parquet, a new object every 100,000 rows", parquet.write("page_views", PAGE_VIEWS, table(rows)));
    }

    private static void report(String title, ExportResult r) {
        System.out.println();
        System.out.println(title + ":");
        for (ExportedObject o : r.objects()) {
            System.out.printf(Locale.ROOT, "  %-72s %,9d rows %,12d bytes%s%n", o.uri(), o.rows(), o.bytes(),
                    o.parts() > 0 ? " (multipart: " + o.parts() + (o.parts() == 1 ? " part)" : " parts)") : "");
        }
        if (r.objects().stream().anyMatch(o -> o.parts() == 1)) {
            System.out.println("  (multipart: 1 part) is an object closed before the end of the export, here by rotation:"
                    + " it is uploaded in full at once and published only at commit, so it goes as a multipart upload"
                    + " of one part; the object still open at the end fits one part and goes as a single PutObject.");
        }
        double seconds = r.duration().toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "  %d objects, %,d rows, %,d bytes in %.2f s (%,.0f rows/s)%n", r.objectCount(),
                r.rows(), r.bytes(), seconds, r.rows() / Math.max(seconds, 0.001));
    }

    /** A deterministic generated table: {@code rows} page views spread over a week. */
    static Iterable<Record> table(int rows) {
        return () -> {
            Random random = new Random(7);
            return LongStream.range(0, rows).mapToObj(id -> Record.of(PAGE_VIEWS, id,
                    START.plusSeconds(id * 7L * 24 * 3600 / rows), PATHS[random.nextInt(PATHS.length)],
                    STATUS[random.nextInt(STATUS.length)], 200L + random.nextInt(50_000),
                    AGENTS[random.nextInt(AGENTS.length)])).iterator();
        };
    }
}
