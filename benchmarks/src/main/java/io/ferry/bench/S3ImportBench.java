package io.ferry.bench;

import io.ferry.core.credentials.Credentials;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.embedded.s3.EmbeddedS3;
import io.ferry.formats.Compression;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.imports.ImportResult;
import io.ferry.s3.imports.S3Import;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Import benchmark on an embedded S3Mock, in two parts.
 *
 * <ol>
 *   <li>One large gzip CSV (default 500 MB of CSV before compression): Ferry {@code S3Import}
 *       from S3Mock versus DuckDB JDBC {@code read_csv} on the same file downloaded first (its
 *       download is not timed). Rows/s and the ratio.</li>
 *   <li>Many small CSV objects (default 10,000): Ferry with 16 parallel downloads versus a serial
 *       GetObject loop that only reads the bytes. Wall time and the ratio.</li>
 * </ol>
 *
 * <pre>
 * mvn -B -ntp -q -pl benchmarks -am test-compile exec:java -Dbench.main=io.ferry.bench.S3ImportBench \
 *     -Dbench.args="--mb 500 --objects 10000"
 * </pre>
 */
public final class S3ImportBench {
    private static final String BUCKET = "bench";
    private static final ParserConfig PARSER = ParserConfig.builder().skipHeaderLines(1)
            .column("id", ColumnType.LONG).column("name", ColumnType.STRING).column("score", ColumnType.DOUBLE)
            .column("ok", ColumnType.BOOLEAN).column(ColumnConfig.timestamp("at", "%Y-%m-%d %H:%M:%S"))
            .column("note", ColumnType.STRING).build();

    private S3ImportBench() {
    }

    /** Counts records and touches every value, like a sink that does real work would. */
    private static final class CountingSink implements RecordSink {
        long rows;
        long hash;

        @Override
        public void open(Schema schema) {
            // nothing to prepare
        }

        @Override
        public void write(Record record) {
            rows++;
            for (int i = 0; i < record.size(); i++) {
                Object v = record.get(i);
                hash += v == null ? 1 : v.hashCode();
            }
        }

        @Override
        public void commit() {
            // nothing to publish
        }

        @Override
        public void abort() {
            // nothing to undo
        }
    }

    /** Runs both parts; {@code --mb N} and {@code --objects N} scale them, 0 skips one. */
    public static void main(String[] args) throws Exception {
        int mb = 500;
        int objects = 10_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--mb")) {
                mb = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--objects")) {
                objects = Integer.parseInt(args[i + 1]);
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "s3import-bench").toAbsolutePath());
        try (EmbeddedS3 s3 = EmbeddedS3.start(BUCKET);
             S3Client client = S3Client.builder().region(Region.US_EAST_1).endpointOverride(s3.endpoint())
                     .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("bench", "bench-secret"))).build()) {
            S3Import.Builder base = S3Import.builder().bucket(BUCKET).endpoint(s3.endpoint().toString())
                    .pathStyle(true).credentials(Credentials.basic("bench", "bench-secret")).parser(PARSER);
            if (mb > 0) {
                largeFile(client, base, dir, mb);
            }
            if (objects > 0) {
                smallObjects(client, base, objects);
            }
        }
    }

    private static void largeFile(S3Client client, S3Import.Builder base, Path dir, int mb) throws Exception {
        Path gz = dir.resolve("big.csv.gz");
        long rows = generate(gz, mb * 1024L * 1024L);
        long gzBytes = Files.size(gz);
        uploadMultipart(client, "big/big.csv.gz", gz);
        System.out.printf(Locale.ROOT, "large file: %,d rows, %d MB CSV, %.1f MB gzip%n", rows, mb, gzBytes / 1048576.0);

        S3Import imp = base.pathPrefix("big/").build();
        double ferry = 0;
        for (int round = 0; round < 2; round++) {
            CountingSink sink = new CountingSink();
            long t0 = System.nanoTime();
            ImportResult r = imp.run(sink);
            double s = (System.nanoTime() - t0) / 1e9;
            ferry = r.rows() / s;
            System.out.printf(Locale.ROOT, "  Ferry S3Import (round %d): %,d rows in %.2f s = %,.0f rows/s%n",
                    round + 1, r.rows(), s, ferry);
        }
        Path local = dir.resolve("downloaded.csv.gz");
        try (InputStream in = client.getObject(b -> b.bucket(BUCKET).key("big/big.csv.gz"))) {
            Files.copy(in, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        double duck = 0;
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", props); Statement st = c.createStatement()) {
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                long n = duckCount(st, local);
                double s = (System.nanoTime() - t0) / 1e9;
                duck = n / s;
                System.out.printf(Locale.ROOT, "  DuckDB read_csv local (round %d): %,d rows in %.2f s = %,.0f rows/s%n",
                        round + 1, n, s, duck);
            }
        }
        System.out.printf(Locale.ROOT, "  ratio Ferry/DuckDB: %.2f%n", ferry / duck);
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

    private static void smallObjects(S3Client client, S3Import.Builder base, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> puts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String key = String.format(Locale.ROOT, "small/%06d.csv", i);
            String body = "id,name,score,ok,at,note\n" + i + ",n" + i + ",1.5,true,2024-01-01 00:00:00,x\n"
                    + (i + 1) + ",m" + i + ",2.5,false,2024-01-01 00:00:01,y\n";
            puts.add(pool.submit(() -> client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body))));
        }
        for (Future<?> f : puts) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "small objects: %,d uploaded in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);

        long t1 = System.nanoTime();
        long bytes = 0;
        for (software.amazon.awssdk.services.s3.model.S3Object o
                : client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("small/")).contents()) {
            bytes += client.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key())).asByteArray().length;
        }
        double serial = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "  serial GetObject loop (bytes only): %.2f s (%,d bytes)%n", serial, bytes);

        CountingSink sink = new CountingSink();
        long t2 = System.nanoTime();
        ImportResult r = base.pathPrefix("small/").maxConcurrency(16).build().run(sink);
        double ferry = (System.nanoTime() - t2) / 1e9;
        System.out.printf(Locale.ROOT, "  Ferry S3Import, 16 parallel downloads, parsed: %.2f s (%,d objects, %,d rows)%n",
                ferry, r.objects().size(), r.rows());
        System.out.printf(Locale.ROOT, "  ratio serial/Ferry: %.2fx%n", serial / ferry);
    }

    private static long generate(Path file, long targetBytes) throws IOException {
        Random random = new Random(7);
        long rows = 0;
        long written = 0;
        try (OutputStream out = Compression.GZIP.wrap(Files.newOutputStream(file));
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
        return rows;
    }

    private static void uploadMultipart(S3Client client, String key, Path file) throws IOException {
        String id = client.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        byte[] buf = new byte[32 * 1024 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int part = 1;
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                int number = part++;
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                String etag = client.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(number),
                        RequestBody.fromBytes(chunk)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
        }
        client.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(parts)));
    }
}
