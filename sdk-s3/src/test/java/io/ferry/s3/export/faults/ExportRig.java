package io.ferry.s3.export.faults;

import io.ferry.core.credentials.Credentials;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.testkit.FaultPlan;
import io.ferry.testkit.FaultProxy;
import io.ferry.testkit.ProxiedRequest;
import io.ferry.testkit.S3Operation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Exports through a {@link FaultProxy} in front of the shared S3Mock, checked with S3Mock's direct
 * client. Rows are {@code (part, id, payload)}; every id is written once, so reading the objects
 * back shows a lost, duplicated or extra row.
 */
final class ExportRig {
    static final SharedS3Mock S3 = SharedS3Mock.get();
    static final Schema SCHEMA = Schema.of(Column.of("part", ColumnType.STRING), Column.of("id", ColumnType.LONG),
            Column.of("payload", ColumnType.STRING));

    private ExportRig() {
    }

    /** A proxy in front of S3Mock. */
    static FaultProxy proxy(FaultPlan plan) {
        return FaultProxy.start(S3.endpoint().getPort(), plan);
    }

    /** An export through {@code proxy} the way a user points Ferry at a store: endpoint, path style, credentials. */
    static S3Export.Builder export(FaultProxy proxy, String bucket) {
        return S3Export.builder()
                .bucket(bucket)
                .endpoint(proxy.endpoint().toString())
                .pathStyle(true)
                .credentials(Credentials.basic(SharedS3Mock.ACCESS_KEY_ID, SharedS3Mock.SECRET_ACCESS_KEY));
    }

    static S3Client client() {
        return S3.client();
    }

    /** Whether the request is the testWrite probe's. */
    static boolean probe(ProxiedRequest r) {
        return r.path().contains(".ferry-write-test-");
    }

    /** Requests of operation {@code op} that are not the probe's. */
    static Predicate<ProxiedRequest> data(S3Operation op) {
        return r -> S3Operation.of(r) == op && !probe(r);
    }

    /**
     * {@code rows} rows spread over {@code partitions} values of {@code part} ({@code "0"}..), with
     * {@code payloadChars} random lowercase letters each; generated lazily.
     */
    static Iterable<Record> rows(int rows, int partitions, int payloadChars, long seed) {
        return () -> new Iterator<>() {
            private final Random random = new Random(seed);
            private int i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public Record next() {
                char[] c = new char[payloadChars];
                for (int k = 0; k < c.length; k++) {
                    c[k] = (char) ('a' + random.nextInt(26));
                }
                long id = i++;
                return Record.of(SCHEMA, String.valueOf(id % partitions), id, new String(c));
            }
        };
    }

    /** Keys under {@code prefix}, sorted. */
    static List<String> keys(String bucket, String prefix) {
        return client().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().collect(Collectors.toList());
    }

    /** Multipart uploads under {@code prefix}. */
    static List<String> uploads(String bucket, String prefix) {
        return client().listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix)).uploads().stream()
                .map(u -> u.key() + " " + u.uploadId()).collect(Collectors.toList());
    }

    static byte[] bytes(String bucket, String key) {
        return client().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    static String text(String bucket, String key) {
        return new String(bytes(bucket, key), StandardCharsets.UTF_8);
    }

    /** The ids in an exported CSV object (gzip when the key ends with .gz), header skipped. */
    static List<Long> ids(String bucket, String key) {
        byte[] data = bytes(bucket, key);
        String csv;
        if (key.endsWith(".gz")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            csv = new String(data, StandardCharsets.UTF_8);
        }
        List<Long> ids = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (line.isEmpty() || line.startsWith("part,")) {
                continue;
            }
            ids.add(Long.parseLong(line.split(",")[1].trim()));
        }
        return ids;
    }

    /** How often each id occurs over the objects. */
    static Map<Long, Integer> idCounts(String bucket, Collection<String> keys) {
        Map<Long, Integer> counts = new TreeMap<>();
        for (String k : keys) {
            for (long id : ids(bucket, k)) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Each id of 0..rows-1 once. */
    static Map<Long, Integer> once(int rows) {
        Map<Long, Integer> counts = new TreeMap<>();
        for (long i = 0; i < rows; i++) {
            counts.put(i, 1);
        }
        return counts;
    }
}
