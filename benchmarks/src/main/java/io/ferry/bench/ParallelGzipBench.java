package io.ferry.bench;

import io.ferry.core.compress.internal.DeflatePool;
import io.ferry.core.compress.internal.ParallelGzipOutputStream;
import io.ferry.core.credentials.Credentials;
import io.ferry.core.record.Record;
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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Parallel gzip in the export, measured in one run against an in-process S3Mock on loopback,
 * same rows every time (the access-log rows of {@link S3ExportBench}), each round:
 * <ol>
 *   <li>(a) single-threaded: Ferry's CSV encoder into the JDK's {@code GZIPOutputStream}, one thread;</li>
 *   <li>(b) parallel encode only: the CSV encoder into Ferry's parallel gzip (the export's
 *       compression), into a file; no upload;</li>
 *   <li>(c) that file uploaded with the raw AWS SDK multipart API (10 MiB parts, 4 in flight);</li>
 *   <li>(d) the Ferry export end to end ({@code S3Export}, gzip, default threads), with the peak
 *       heap of the JVM during the export (S3Mock included).</li>
 * </ol>
 * It prints each round, then the medians and the ratios d/a and d/max(b, c), and finally the
 * export once more in a JVM of its own with {@code -Xmx256m} and its peak heap. All at the same
 * gzip level ({@code --level}, default 6, the JDK's default).
 *
 * <p>{@code --levels} instead prints the speed and size of gzip 1, 3, 6, 9 (one thread and
 * parallel) and zstd 1, 3, 9 on the same rows, encoding included, into a null stream.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am test-compile exec:java
 * -Dbench.main=io.ferry.bench.ParallelGzipBench -Dbench.args="--rows 10000000 --rounds 5"}.
 */
public final class ParallelGzipBench {
    private ParallelGzipBench() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        long rows = 3_000_000;
        int rounds = 5;
        int level = 6;
        boolean levels = false;
        String child = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--level" -> level = Integer.parseInt(args[++i]);
                case "--levels" -> levels = true;
                case "--child-endpoint" -> child = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --rows N --rounds N --level L | --levels");
            }
        }
        Record[] pool = S3ExportBench.pool();
        if (child != null) {
            long t = System.nanoTime();
            ExportResult r = export(URI.create(child), level).write("bench", S3ExportBench.SCHEMA,
                    S3ExportBench.rows(pool, rows));
            double d = seconds(t);
            System.out.printf(Locale.ROOT, "(d) in a JVM of its own, -Xmx%dm: %.2f s, %,d bytes, peak heap %.1f MB"
                    + " (sum of the heap pools' peaks)%n", Runtime.getRuntime().maxMemory() >> 20, d, r.bytes(),
                    peakHeapMb());
            return;
        }
        System.out.printf(Locale.ROOT, "%d cores, load: %s%n", Runtime.getRuntime().availableProcessors(), uptime());
        if (levels) {
            levels(pool, rows, rounds);
            return;
        }
        System.out.println("Starting S3Mock on 127.0.0.1...");
        try (EmbeddedS3 s3 = EmbeddedS3.start(S3ExportBench.BUCKET)) {
            run(s3.endpoint(), pool, rows, rounds, level);
            System.out.printf(Locale.ROOT, "load after: %s%n", uptime());
            ChildJvm.run(ParallelGzipBench.class, List.of("-Xmx256m"), List.of("--child-endpoint",
                    s3.endpoint().toString(), "--rows", Long.toString(rows), "--level", Integer.toString(level)));
        }
    }

    private static void run(URI endpoint, Record[] pool, long rows, int rounds, int level) throws Exception {
        int threads = export(endpoint, level).compressionThreads();
        System.out.printf(Locale.ROOT, "%,d rows, gzip level %d, %d compression threads; 1 warm-up round + %d%n",
                rows, level, threads, rounds);
        Path file = Files.createTempFile(Path.of("target"), "gzbench-", ".csv.gz");
        List<double[]> measured = new ArrayList<>();
        try (S3Client s3 = S3ExportBench.client(endpoint)) {
            for (int round = 0; round <= rounds; round++) {
                long t = System.nanoTime();
                long cpu = cpuNanos();
                long aBytes = encode(pool, rows, OutputStream.nullOutputStream(), out -> jdkGzip(out, level));
                double a = seconds(t);
                double aCpu = (cpuNanos() - cpu) / 1e9;

                t = System.nanoTime();
                cpu = cpuNanos();
                long bBytes;
                try (DeflatePool gz = new DeflatePool(threads, level, DeflatePool.DEFAULT_BLOCK_SIZE, "bench-gzip");
                     OutputStream f = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                    bBytes = encode(pool, rows, f, out -> new ParallelGzipOutputStream(out, gz));
                }
                double b = seconds(t);
                double bCpu = (cpuNanos() - cpu) / 1e9;

                t = System.nanoTime();
                cpu = cpuNanos();
                S3ExportBench.rawMultipart(s3, file, Files.size(file));
                double c = seconds(t);
                double cCpu = (cpuNanos() - cpu) / 1e9;

                System.gc();
                resetPeaks();
                t = System.nanoTime();
                cpu = cpuNanos();
                ExportResult r = export(endpoint, level).write("bench", S3ExportBench.SCHEMA,
                        S3ExportBench.rows(pool, rows));
                double d = seconds(t);
                double dCpu = (cpuNanos() - cpu) / 1e9;
                double heap = peakHeapMb();
                System.out.printf(Locale.ROOT, "%s a %6.2f s (CPU %.2f s, %,d B)  b %6.2f s (CPU %.2f s, %,d B)"
                        + "  c %5.2f s (CPU %.2f s)  d %6.2f s (CPU %.2f s, %,d B, %d parts, peak heap %.0f MB)"
                        + "  d/a %.2f  d/max(b,c) %.2f%n",
                        round == 0 ? "warm-up" : "round " + round, a, aCpu, aBytes, b, bCpu, bBytes, c, cCpu, d, dCpu,
                        r.bytes(), r.objects().get(0).parts(), heap, d / a, d / Math.max(b, c));
                if (round > 0) {
                    measured.add(new double[] {a, b, c, d, heap, bCpu, cCpu, dCpu});
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        double a = median(measured, 0);
        double b = median(measured, 1);
        double c = median(measured, 2);
        double d = median(measured, 3);
        System.out.printf(Locale.ROOT, "median of %d: (a) single-threaded encode + JDK gzip %.2f s, (b) parallel"
                + " encode only %.2f s, (c) raw SDK multipart %.2f s, (d) Ferry export %.2f s (peak heap %.0f MB)%n",
                measured.size(), a, b, c, d, median(measured, 4));
        System.out.printf(Locale.ROOT, "d/a = %.2f (target <= 0.6), d/max(b,c) = %.2f (target <= 1.1)%n", d / a,
                d / Math.max(b, c));
        // the process (client and store) cannot finish faster than its CPU work spread over every core
        int cores = Runtime.getRuntime().availableProcessors();
        double floor = (median(measured, 5) + median(measured, 6)) / cores;
        System.out.printf(Locale.ROOT, "CPU medians: (b) %.2f s, (c) %.2f s (SDK and store), (d) %.2f s; floor for (d)"
                + " on %d cores, ((b) + (c)) / cores = %.2f s: d/a >= %.2f, d/max(b,c) >= %.2f%n", median(measured, 5),
                median(measured, 6), median(measured, 7), cores, floor, floor / a, floor / Math.max(b, c));
    }

    /** Encodes {@code rows} as CSV through {@code compression} onto {@code out}; returns the compressed bytes. */
    private static long encode(Record[] pool, long rows, OutputStream out,
                               Function<OutputStream, OutputStream> compression) {
        Counting counting = new Counting(out);
        try (FormatWriter w = CsvFormat.csv().newWriter(S3ExportBench.SCHEMA, wrap(compression, counting))) {
            for (Record r : S3ExportBench.rows(pool, rows)) {
                w.write(r);
            }
        }
        return counting.count;
    }

    private static OutputStream wrap(Function<OutputStream, OutputStream> compression, OutputStream out) {
        return compression.apply(out);
    }

    private static OutputStream jdkGzip(OutputStream out, int level) {
        try {
            return new GZIPOutputStream(out, 16 * 1024) {
                {
                    def.setLevel(level);
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The level table: MB/s of CSV in (encoding included) and compressed size, medians of
     * {@code rounds}. The rows are drawn afresh (unique ids, random tokens): the pool of the export
     * rounds repeats every 10,000 rows, which a codec with a window of megabytes (zstd) would
     * compress to almost nothing.
     */
    private static void levels(Record[] ignored, long count, int rounds) throws IOException {
        Record[] pool = fresh(count);
        long rows = pool.length;
        long csv = encode(pool, rows, OutputStream.nullOutputStream(), out -> out);
        System.out.printf(Locale.ROOT, "%,d rows = %,d bytes of CSV; encode only (no compression) for reference:%n",
                rows, csv);
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), 4);
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"none", "0"});
        for (int l : new int[] {1, 3, 6, 9}) {
            cases.add(new String[] {"gzip", Integer.toString(l)});
            cases.add(new String[] {"gzip-parallel", Integer.toString(l)});
        }
        for (int l : new int[] {1, 3, 9}) {
            cases.add(new String[] {"zstd", Integer.toString(l)});
        }
        System.out.println("| codec | level | threads | s (median) | MB/s of CSV | size % of CSV |");
        System.out.println("|---|---|---|---|---|---|");
        for (String[] c : cases) {
            int level = Integer.parseInt(c[1]);
            double[] times = new double[rounds];
            long bytes = 0;
            for (int i = -1; i < rounds; i++) {
                DeflatePool gz = c[0].equals("gzip-parallel")
                        ? new DeflatePool(threads, level, DeflatePool.DEFAULT_BLOCK_SIZE, "bench-gzip") : null;
                long t = System.nanoTime();
                bytes = encode(pool, rows, OutputStream.nullOutputStream(), out -> switch (c[0]) {
                    case "none" -> out;
                    case "gzip" -> Compression.GZIP.wrap(out, level);
                    case "gzip-parallel" -> new ParallelGzipOutputStream(out, gz);
                    default -> Compression.ZSTD.wrap(out, level);
                });
                if (i >= 0) {
                    times[i] = seconds(t);
                }
                if (gz != null) {
                    gz.close();
                }
            }
            Arrays.sort(times);
            double s = times[rounds / 2];
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %.0f | %.1f |%n",
                    c[0].startsWith("gzip") ? "gzip" : c[0], level == 0 ? "-" : c[1],
                    c[0].equals("gzip-parallel") ? threads : 1, s, csv / 1e6 / s, 100.0 * bytes / csv);
        }
    }

    /** {@code count} rows of the export rounds' shape with unique ids, times, sizes and tokens. */
    private static Record[] fresh(long count) {
        Record[] template = S3ExportBench.pool();
        java.util.Random random = new java.util.Random(20261206);
        Record[] rows = new Record[(int) count];
        for (int i = 0; i < rows.length; i++) {
            Record t = template[i % template.length];
            rows[i] = Record.of(S3ExportBench.SCHEMA, (long) i, ((java.time.Instant) t.get(1)).plusSeconds(i),
                    t.get(2), t.get(3), (long) random.nextInt(1_000_000),
                    Long.toHexString(random.nextLong()) + Long.toHexString(i), t.get(6));
        }
        return rows;
    }

    private static S3Export export(URI endpoint, int level) {
        return S3Export.builder().bucket(S3ExportBench.BUCKET).path("ferry/{{TABLE}}-{{UUID}}.{{FORMAT}}")
                .connection(S3Connection.builder().endpoint(endpoint).pathStyle(true).region("us-east-1")
                        .credentials(Credentials.basic("bench", "bench-secret")).build())
                .format(CsvFormat.csv()).compression(Compression.GZIP).compressionLevel(level).build();
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** CPU time of this whole process (all threads, S3Mock's idle ones included). */
    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMb() {
        return ChildJvm.peakHeap()[0] / 1048576.0;
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown (" + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + ")";
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Counts the bytes passing through. */
    private static final class Counting extends OutputStream {
        private final OutputStream out;
        long count;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
