package io.ferry.bench;

import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.imports.ImportResult;
import io.ferry.s3.imports.S3Import;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobProviderMetadata;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Many small CSV objects (1 to 10 KB) on S3Proxy's in-memory store in this JVM, read three ways
 * in the same run, in turn each round: Ferry {@code S3Import} (objects read ahead in parallel,
 * parsed, records in key order to a sink that touches every value), a serial GetObject loop and a
 * raw parallel GetObject loop at the same concurrency (both only read the bytes; all three list
 * first), on one shared client. Two sets: one whose every GET waits {@code delayMs} in the store before answering, as
 * S3's time to first byte, and one with no delay.
 */
final class SmallObjectsImportBench {
    private static final String BUCKET = "bench";
    private static final String KEY_ID = "bench";
    private static final String SECRET = "bench-secret";

    private SmallObjectsImportBench() {
    }

    /** The store, with a fixed wait before every GET of a key under {@code delayed/}. */
    private static final class DelayingBlobStore extends ForwardingBlobStore {
        private final long delayMs;

        DelayingBlobStore(BlobStore delegate, long delayMs) {
            super(delegate);
            this.delayMs = delayMs;
        }

        @Override
        public Blob getBlob(String container, String name) {
            pause(name);
            return super.getBlob(container, name);
        }

        @Override
        public Blob getBlob(String container, String name, GetOptions options) {
            pause(name);
            return super.getBlob(container, name, options);
        }

        private void pause(String name) {
            if (name.startsWith("delayed/")) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static void run(ParserConfig parser, int objects, int delayedObjects, int delayMs, int concurrency, int rounds)
            throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder(new TransientNio2BlobProviderMetadata())
                .credentials(KEY_ID, SECRET).overrides(new Properties()).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(new DelayingBlobStore(context.getBlobStore(), delayMs))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY_ID, SECRET).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        context.getBlobStore().createContainerInLocation(null, BUCKET);
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        try (S3Client client = S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                .build()) {
            long bytes = upload(client, "delayed/", delayedObjects) + upload(client, "plain/", objects);
            System.out.printf(Locale.ROOT, "small objects on S3Proxy (in-memory, in-process): %,d delayed by %d ms"
                    + " per GET, %,d without delay, %,d bytes in all; concurrency %d%n", delayedObjects, delayMs,
                    objects, bytes, concurrency);
            // the three share one client (the AWS SDK's default 50 HTTP connections), as an application would
            S3Import.Builder ferry = S3Import.builder().bucket(BUCKET).client(client).parser(parser)
                    .maxConcurrency(concurrency);
            measure(client, ferry, "delayed/", delayedObjects, concurrency, rounds);
            measure(client, ferry, "plain/", objects, concurrency, rounds);
        } finally {
            proxy.stop();
            context.close();
        }
    }

    private static void measure(S3Client client, S3Import.Builder ferry, String prefix, int count, int concurrency,
                                int rounds) throws Exception {
        if (count == 0) {
            return;
        }
        S3Import imp = ferry.pathPrefix(prefix).build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        double[] serial = new double[rounds];
        double[] parallel = new double[rounds];
        double[] mine = new double[rounds];
        try {
            for (int round = -1; round < rounds; round++) {
                for (int k = 0; k < 3; k++) {
                    int which = (k + Math.max(round, 0)) % 3;
                    long t0 = System.nanoTime();
                    long n;
                    if (which == 0) {
                        ValueTouchingSink sink = new ValueTouchingSink();
                        ImportResult r = imp.run(sink);
                        n = r.objects().size();
                    } else {
                        n = which == 1 ? serialLoop(client, prefix) : parallelLoop(client, prefix, pool);
                    }
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (n != count) {
                        throw new IllegalStateException("read " + n + " objects of " + count);
                    }
                    if (round >= 0) {
                        (which == 0 ? mine : which == 1 ? serial : parallel)[round] = s;
                    }
                }
                if (round >= 0) {
                    System.out.printf(Locale.ROOT, "  %s round %d: Ferry %.2f s, serial loop %.2f s, parallel loop"
                            + " %.2f s%n", prefix, round + 1, mine[round], serial[round], parallel[round]);
                }
            }
        } finally {
            pool.shutdown();
        }
        double f = Medians.of(mine);
        double s = Medians.of(serial);
        double p = Medians.of(parallel);
        System.out.printf(Locale.ROOT, "  %s %,d objects, medians: Ferry %.2f s, serial GetObject loop %.2f s,"
                        + " parallel GetObject loop (%d threads) %.2f s; Ferry vs serial %.2fx, vs parallel %.2fx%n",
                prefix, count, f, s, concurrency, p, s / f, p / f);
    }

    private static List<String> keys(S3Client client, String prefix) {
        List<String> keys = new ArrayList<>();
        for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents()) {
            keys.add(o.key());
        }
        return keys;
    }

    private static long serialLoop(S3Client client, String prefix) {
        long n = 0;
        for (String key : keys(client, prefix)) {
            if (client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray().length > 0) {
                n++;
            }
        }
        return n;
    }

    private static long parallelLoop(S3Client client, String prefix, ExecutorService pool) throws Exception {
        List<Future<byte[]>> gets = new ArrayList<>();
        for (String key : keys(client, prefix)) {
            gets.add(pool.submit(() -> client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()));
        }
        long n = 0;
        for (Future<byte[]> f : gets) {
            if (f.get().length > 0) {
                n++;
            }
        }
        return n;
    }

    /** Uploads {@code count} CSV objects of 1 to 10 KB under {@code prefix}; returns their bytes. */
    private static long upload(S3Client client, String prefix, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> puts = new ArrayList<>();
        AtomicLong bytes = new AtomicLong();
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            String key = String.format(Locale.ROOT, "%s%06d.csv", prefix, i);
            int target = 1024 + random.nextInt(9 * 1024);
            StringBuilder body = new StringBuilder("id,name,score,ok,at,note\n");
            for (int row = 0; body.length() < target; row++) {
                body.append(i * 1000L + row).append(",n").append(row).append(",1.5,true,2024-01-01 00:00:0")
                        .append(row % 10).append(",note ").append(random.nextInt(1000)).append('\n');
            }
            bytes.addAndGet(body.length());
            puts.add(pool.submit(() -> client.putObject(b -> b.bucket(BUCKET).key(key),
                    RequestBody.fromString(body.toString()))));
        }
        for (Future<?> f : puts) {
            f.get();
        }
        pool.shutdown();
        return bytes.get();
    }
}
