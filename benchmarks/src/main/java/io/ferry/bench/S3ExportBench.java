package io.ferry.bench;

import io.ferry.core.credentials.Credentials;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.embedded.s3.EmbeddedS3;
import io.ferry.formats.Compression;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.s3.S3Connection;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.S3Export;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Export throughput against an in-process S3Mock on loopback, in one run:
 * <ol>
 *   <li>(b) encode only: CSV gzip of N rows into a file (the bytes (c) uploads), timing the
 *       encoding into a null-cost sink;</li>
 *   <li>(c) the same bytes uploaded with the raw AWS SDK v2 multipart API, 10 MiB parts, 4 in
 *       parallel (Ferry's defaults);</li>
 *   <li>(a) Ferry end to end: the same N rows through {@code S3Export} (encode + upload, overlapped);</li>
 *   <li>(a) again in a separate JVM with {@code -Xmx256m}, reporting its peak heap.</li>
 * </ol>
 * It prints the ratio a / max(b, c); encoding and upload overlap, so it should stay near 1.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am test-compile exec:java -Dbench.main=io.ferry.bench.S3ExportBench
 * -Dbench.args="--mb 1024"} ({@code --mb}: target size of the CSV gzip object, default 256).
 */
public final class S3ExportBench {
    static final int POOL = 10_000;
    static final String BUCKET = "bench";
    static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
            Column.of("at", ColumnType.TIMESTAMP), Column.of("path", ColumnType.STRING),
            Column.of("status", ColumnType.LONG), Column.of("bytes", ColumnType.LONG),
            Column.of("token", ColumnType.STRING), Column.of("agent", ColumnType.STRING));

    private S3ExportBench() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        int mb = 256;
        String endpoint = null;
        long rows = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mb":
                    mb = Integer.parseInt(args[++i]);
                    break;
                case "--child-endpoint":
                    endpoint = args[++i];
                    break;
                case "--rows":
                    rows = Long.parseLong(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i] + "; use --mb N");
            }
        }
        if (endpoint != null) {
            child(URI.create(endpoint), rows);
            return;
        }
        System.out.println("Starting S3Mock on 127.0.0.1...");
        try (EmbeddedS3 s3 = EmbeddedS3.start(BUCKET)) {
            run(s3.endpoint(), (long) mb << 20);
        }
    }

    private static void run(URI endpoint, long targetBytes) throws Exception {
        Record[] pool = pool();
        Path file = Files.createTempFile(Path.of("target"), "s3bench-", ".csv.gz");
        try {
            // (b) encode only; the file write goes through a buffer and the page cache
            long t0 = System.nanoTime();
            long cpu0 = cpuNanos();
            long rows = 0;
            CountingStream counting;
            try (OutputStream fileOut = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                counting = new CountingStream(fileOut);
                try (FormatWriter w = CsvFormat.csv().newWriter(SCHEMA, Compression.GZIP.wrap(counting))) {
                    while (counting.count < targetBytes) {
                        w.write(pool[(int) (rows % POOL)]);
                        rows++;
                    }
                }
            }
            double b = seconds(t0);
            double bCpu = (cpuNanos() - cpu0) / 1e9;
            long bytes = Files.size(file);
            System.out.printf(Locale.ROOT, "rows %,d -> CSV gzip %,d bytes; %d cores%n", rows, bytes,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "(b) encode only            %7.2f s  %7.1f MB/s of gzip   CPU %6.2f s%n", b,
                    mbps(bytes, b), bCpu);

            // (c) raw SDK multipart upload of the same bytes
            double c;
            try (S3Client s3 = client(endpoint)) {
                long t1 = System.nanoTime();
                long cpu1 = cpuNanos();
                rawMultipart(s3, file, bytes);
                c = seconds(t1);
                System.out.printf(Locale.ROOT, "(c) raw AWS SDK multipart  %7.2f s  %7.1f MB/s            CPU %6.2f s"
                        + " (client and S3Mock)%n", c, mbps(bytes, c), (cpuNanos() - cpu1) / 1e9);
            }

            // (a) Ferry end to end
            long t2 = System.nanoTime();
            long cpu2 = cpuNanos();
            ExportResult r = export(endpoint).write("bench", SCHEMA, rows(pool, rows));
            double a = seconds(t2);
            System.out.printf(Locale.ROOT, "(a) Ferry end to end       %7.2f s  %7.1f MB/s            CPU %6.2f s"
                    + " (%,d bytes, %d parts)%n", a, mbps(r.bytes(), a), (cpuNanos() - cpu2) / 1e9, r.bytes(),
                    r.objects().get(0).parts());
            System.out.printf(Locale.ROOT, "ratio a / max(b, c) = %.2f%n", a / Math.max(b, c));

            // (a) in a separate JVM with a 256 MB heap
            childJvm(endpoint, rows);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static S3Export export(URI endpoint) {
        return S3Export.builder().bucket(BUCKET).path("ferry/{{TABLE}}-{{UUID}}.{{FORMAT}}")
                .connection(S3Connection.builder().endpoint(endpoint).pathStyle(true).region("us-east-1")
                        .credentials(Credentials.basic("bench", "bench-secret")).build())
                .format(CsvFormat.csv()).compression(Compression.GZIP).build();
    }

    private static void child(URI endpoint, long rows) {
        Record[] pool = pool();
        long t = System.nanoTime();
        ExportResult r = export(endpoint).write("bench", SCHEMA, rows(pool, rows));
        double a = seconds(t);
        long[] peak = ChildJvm.peakHeap();
        System.out.printf(Locale.ROOT, "(a) with -Xmx%dm           %7.2f s  %7.1f MB/s  peak heap used %.1f MB"
                        + " (sum of heap pool peaks), old generation peak %.1f MB%n",
                Runtime.getRuntime().maxMemory() >> 20, a, mbps(r.bytes(), a), peak[0] / 1048576.0, peak[1] / 1048576.0);
    }

    private static void childJvm(URI endpoint, long rows) throws IOException, InterruptedException {
        ChildJvm.run(S3ExportBench.class, List.of("-Xmx256m"),
                List.of("--child-endpoint", endpoint.toString(), "--rows", Long.toString(rows)));
    }

    static void rawMultipart(S3Client s3, Path file, long size) throws Exception {
        String key = "raw/" + file.getFileName();
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        int partSize = 10 << 20;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<CompletedPart>> parts = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            int n = 0;
            for (long off = 0; off < size; off += partSize) {
                int len = (int) Math.min(partSize, size - off);
                byte[] data = new byte[len];
                in.seek(off);
                in.readFully(data);
                int partNumber = ++n;
                while (parts.stream().filter(f -> !f.isDone()).count() >= 4) {
                    Thread.sleep(1);
                }
                parts.add(threads.submit(() -> {
                    UploadPartResponse r = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                            .partNumber(partNumber).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                            RequestBody.fromBytes(data));
                    return CompletedPart.builder().partNumber(partNumber).eTag(r.eTag())
                            .checksumCRC32(r.checksumCRC32()).build();
                }));
            }
            List<CompletedPart> done = new ArrayList<>();
            for (Future<CompletedPart> f : parts) {
                done.add(f.get());
            }
            s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done)));
        } finally {
            threads.shutdown();
        }
    }

    static S3Client client(URI endpoint) {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "x")))
                .build();
    }

    static Record[] pool() {
        Random random = new Random(20261125);
        String[] paths = {"/", "/pricing", "/docs/export", "/docs/import", "/blog/ferry?ref=news", "/login"};
        String[] agents = {"Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", "curl/8.5.0", "Googlebot/2.1",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) Safari/605.1.15"};
        Record[] pool = new Record[POOL];
        for (int i = 0; i < POOL; i++) {
            pool[i] = Record.of(SCHEMA, (long) i, Instant.ofEpochSecond(1_790_000_000L + i * 13L),
                    paths[random.nextInt(paths.length)], 200L + 100 * random.nextInt(4),
                    (long) random.nextInt(1_000_000), Long.toHexString(random.nextLong()) + Long.toHexString(i),
                    agents[random.nextInt(agents.length)]);
        }
        return pool;
    }

    static Iterable<Record> rows(Record[] pool, long rows) {
        return () -> new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public Record next() {
                if (i >= rows) {
                    throw new NoSuchElementException();
                }
                return pool[(int) (i++ % pool.length)];
            }
        };
    }

    /** CPU time of this whole process (all threads, S3Mock included). */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double mbps(long bytes, double seconds) {
        return bytes / 1048576.0 / seconds;
    }

    /** Counts the bytes passing through. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
