package io.ferry.s3.export;

import static io.ferry.s3.export.S3Fixture.S3;
import static io.ferry.s3.export.S3Fixture.client;
import static io.ferry.s3.export.S3Fixture.pendingUploads;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Record;
import io.ferry.formats.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Encoding, compression and upload overlap: with every UploadPart held back (a stalled network),
 * the writer's thread goes on encoding and compressing while upload slots remain, and the export
 * completes once the network moves again.
 */
class ExportOverlapTest {
    /** Holds every UploadPart before it is sent until {@link #release()}; counts them. */
    private static final class StalledParts implements ExecutionInterceptor {
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger waiting = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (!"UploadPart".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                return;
            }
            waiting.incrementAndGet();
            try {
                if (!open.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the parts");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sent.incrementAndGet();
        }

        void release() {
            open.countDown();
        }
    }

    /** Rows with three random longs in hex: about 2 bytes of gzip for every 3 of CSV, so a few parts fill fast. */
    private static List<Record> rows(int count) {
        java.util.Random random = new java.util.Random(9);
        List<Record> rows = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(Record.of(ExportCompressionTest.schema(), (long) i, "p",
                    Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                            + Long.toHexString(random.nextLong()), java.time.Instant.ofEpochSecond(1_790_000_000L + i)));
        }
        return rows;
    }

    @Test
    void uploadsStalled_writeKeepsReturningWhileSlotsRemain_thenCommitPublishesEveryRow() throws IOException {
        String bucket = S3.newBucket("overlap");
        StalledParts stalled = new StalledParts();
        List<Record> rows = rows(400_000);
        try (S3Client own = S3.clientBuilder().overrideConfiguration(o -> o.addExecutionInterceptor(stalled)).build()) {
            S3Export export = S3Export.builder().bucket(bucket).path("o/{{TABLE}}.csv.gz")
                    .connection(c -> c.client(own).maxConcurrency(4)).partSize(5)
                    .compression(Compression.GZIP).compressionThreads(2).build();
            try (ExportWriter w = export.open("events", ExportCompressionTest.schema())) {
                for (Record r : rows) {
                    w.write(r);
                }
                // every row encoded and compressed, parts queued, and not one byte has reached the store yet
                assertThat(stalled.waiting.get()).as("parts held back").isGreaterThanOrEqualTo(2);
                assertThat(stalled.sent.get()).isZero();
                stalled.release();
                ExportResult r = w.commit();
                assertThat(r.objects().get(0).parts()).isGreaterThanOrEqualTo(stalled.waiting.get());
            }
        } finally {
            stalled.release();
        }
        try (InputStream in = new GZIPInputStream(client().getObject(b -> b.bucket(bucket).key("o/events.csv.gz")))) {
            long lines = 0;
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
            assertThat(lines).isEqualTo(rows.size() + 1);
        }
        assertThat(pendingUploads(bucket)).isZero();
    }
}
