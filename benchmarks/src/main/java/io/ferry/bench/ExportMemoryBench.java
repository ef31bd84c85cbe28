package io.ferry.bench;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.embedded.s3.EmbeddedS3;
import io.ferry.embedded.s3.EmbeddedS3Proxy;
import io.ferry.formats.Newline;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.S3Export;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Export memory under a 256 MB heap, each case in its own JVM ({@code -Xmx256m}) against an
 * in-process S3 store in this one: many open partitions (1,000 partitions of plain CSV, 200 MB and
 * 2 GB in total by default) and one long streamed object (10 GB by default). Prints the peak heap
 * of each case, which must not grow with the data.
 *
 * <p>The store: S3Mock (files on disk) for the streamed object; S3Proxy's in-memory store for the
 * partitioned cases, which under the buffer budget finish tens of thousands of small objects early:
 * S3Mock rewrites its bucket's key index and reads every open upload's metadata on each request, so
 * its cost per request grows with the objects already written and it slows such a run to a crawl.
 * {@code --store s3mock} or {@code --store s3proxy} sets the store for every case.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl benchmarks -am test-compile exec:java -Dbench.main=io.ferry.bench.ExportMemoryBench
 * -Dbench.args="--partitioned-mb 200,2048 --streamed-mb 10240"}.
 */
public final class ExportMemoryBench {
    private static final String BUCKET = "memory";
    private static final String S3MOCK = "s3mock";
    private static final String S3PROXY = "s3proxy";
    private static final String ACCESS_KEY = "bench";
    private static final String SECRET_KEY = "bench-secret";
    private static final int ROW_BYTES = 200;
    private static final Schema SCHEMA = Schema.of(Column.of("part", ColumnType.STRING), Column.of("id", ColumnType.LONG),
            Column.of("payload", ColumnType.STRING));

    private ExportMemoryBench() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        List<Long> partitioned = List.of(200L, 2048L);
        long streamed = 10240;
        int partitions = 1000;
        String store = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--partitioned-mb":
                    partitioned = new ArrayList<>();
                    for (String mb : args[++i].split(",")) {
                        partitioned.add(Long.parseLong(mb.trim()));
                    }
                    break;
                case "--streamed-mb":
                    streamed = Long.parseLong(args[++i]);
                    break;
                case "--partitions":
                    partitions = Integer.parseInt(args[++i]);
                    break;
                case "--store":
                    store = args[++i];
                    if (!store.equals(S3MOCK) && !store.equals(S3PROXY)) {
                        throw new IllegalArgumentException("--store is s3mock or s3proxy, was " + store);
                    }
                    break;
                case "--child":
                    child(URI.create(args[i + 1]), args[i + 2], Integer.parseInt(args[i + 3]),
                            Long.parseLong(args[i + 4]));
                    return;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; use --partitioned-mb A,B --streamed-mb N --partitions P --store s3mock|s3proxy");
            }
        }
        if (streamed > 0) {
            runCase(store == null ? S3MOCK : store, 1, streamed);
        }
        for (long mb : partitioned) {
            runCase(store == null ? S3PROXY : store, partitions, mb);
        }
    }

    private static void runCase(String store, int partitions, long megabytes) throws Exception {
        System.out.println("Starting " + store + " on 127.0.0.1...");
        if (store.equals(S3MOCK)) {
            try (EmbeddedS3 s3 = EmbeddedS3.start(BUCKET)) {
                ChildJvm.run(ExportMemoryBench.class, List.of("-Xmx256m"), List.of("--child", s3.endpoint().toString(),
                        store, Integer.toString(partitions), Long.toString(megabytes)));
            }
        } else {
            try (EmbeddedS3Proxy s3 = EmbeddedS3Proxy.start(ACCESS_KEY, SECRET_KEY, BUCKET)) {
                ChildJvm.run(ExportMemoryBench.class, List.of("-Xmx256m"), List.of("--child", s3.endpoint().toString(),
                        store, Integer.toString(partitions), Long.toString(megabytes)));
            }
        }
    }

    private static void child(URI endpoint, String store, int partitions, long megabytes) {
        long rows = (megabytes << 20) / ROW_BYTES;
        S3Export export = S3Export.builder().bucket(BUCKET)
                .path(partitions > 1 ? "mem-" + megabytes + "/{part}/data.{{FORMAT}}" : "mem-" + megabytes + "/{{UUID}}.csv")
                .format(CsvFormat.builder().header(false).newline(Newline.LF).build())
                .client(client(endpoint, store))
                .build();
        ChildJvm.sampleLiveHeap(2000);
        long t = System.nanoTime();
        AtomicLong written = new AtomicLong();
        Thread reporter = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.printf(Locale.ROOT, "  %,d partitions, %,d MB: %.0f s, %,d rows written, peak live heap so far"
                        + " %.1f MB%n", partitions, megabytes, (System.nanoTime() - t) / 1e9, written.get(),
                        ChildJvm.peakLiveHeap() / 1048576.0);
            }
        }, "progress");
        reporter.setDaemon(true);
        reporter.start();
        ExportResult r = export.write("memory", SCHEMA, counted(rows(rows, partitions), written));
        double seconds = (System.nanoTime() - t) / 1e9;
        long[] peak = ChildJvm.peakHeap();
        System.out.printf(Locale.ROOT, "%s, -Xmx%dm, %,d partitions, %,d MB: %,d rows, %,d objects, %,d bytes in %.1f s;"
                        + " maxBufferedBytes %,d; peak live heap %.1f MB (full collection every 2 s); pool peaks: old"
                        + " generation %.1f MB, sum of heap pools %.1f MB%n", store, Runtime.getRuntime().maxMemory() >> 20,
                partitions, megabytes, r.rows(), r.objects().size(), r.bytes(), seconds, export.maxBufferedBytes(),
                ChildJvm.peakLiveHeap() / 1048576.0, peak[1] / 1048576.0, peak[0] / 1048576.0);
    }

    /**
     * A client whose socket waits up to 15 minutes for an answer: S3Mock takes minutes to complete
     * a 10 GB upload (S3 itself keeps such a connection alive while it works).
     */
    private static S3Client client(URI endpoint, String store) {
        S3ClientBuilder b = S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder().socketTimeout(Duration.ofMinutes(15)));
        if (store.equals(S3PROXY)) {
            // S3Proxy refuses the SDK's default flexible checksums; Ferry follows the client's setting
            b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return b.build();
    }

    private static Iterable<Record> counted(Iterable<Record> rows, AtomicLong count) {
        return () -> {
            Iterator<Record> it = rows.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Record next() {
                    count.incrementAndGet();
                    return it.next();
                }
            };
        };
    }

    /** Rows of about {@link #ROW_BYTES} bytes of CSV, spread at random over the partitions. */
    private static Iterable<Record> rows(long count, int partitions) {
        String[] parts = new String[partitions];
        for (int p = 0; p < partitions; p++) {
            parts[p] = String.format(Locale.ROOT, "p%04d", p);
        }
        Random random = new Random(11);
        String[] payloads = new String[1024];
        for (int i = 0; i < payloads.length; i++) {
            char[] c = new char[ROW_BYTES - 20];
            for (int k = 0; k < c.length; k++) {
                c[k] = (char) ('a' + random.nextInt(26));
            }
            payloads[i] = new String(c);
        }
        return () -> new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public Record next() {
                if (i >= count) {
                    throw new NoSuchElementException();
                }
                long id = i++;
                return Record.of(SCHEMA, parts[random.nextInt(partitions)], id, payloads[(int) (id & 1023)]);
            }
        };
    }
}
