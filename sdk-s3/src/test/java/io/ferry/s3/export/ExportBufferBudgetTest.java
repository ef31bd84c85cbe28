package io.ferry.s3.export;

import static io.ferry.s3.export.S3Fixture.export;
import static io.ferry.s3.export.S3Fixture.keys;
import static io.ferry.s3.export.S3Fixture.pendingUploads;
import static io.ferry.s3.export.S3Fixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.csv.CsvFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The export's buffer budget: bounded buffers with many open partitions, and no row lost or repeated. */
class ExportBufferBudgetTest {
    private static final Schema ROWS = Schema.of(Column.of("part", ColumnType.STRING), Column.of("id", ColumnType.LONG),
            Column.of("payload", ColumnType.STRING));

    /** {@code count} rows spread at random over {@code partitions}, each with ~{@code width} random letters. */
    private static Iterable<Record> rows(int count, int partitions, int width, double skewToFirst) {
        return () -> new Iterator<>() {
            private final Random random = new Random(7);
            private int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public Record next() {
                int p = random.nextDouble() < skewToFirst ? 0 : random.nextInt(partitions);
                char[] c = new char[width];
                for (int k = 0; k < c.length; k++) {
                    c[k] = (char) ('a' + random.nextInt(26));
                }
                return Record.of(ROWS, String.format("p%03d", p), (long) i++, new String(c));
            }
        };
    }

    /** Rows per partition as read back from every object under the bucket; fails on a row seen twice. */
    private static Map<String, Integer> readBack(String bucket, List<String> keys) {
        Map<String, Integer> perPartition = new HashMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String key : keys) {
            String[] lines = text(bucket, key).split("\n");
            for (String line : lines) {
                String[] f = line.trim().split(",");
                assertThat(key).startsWith("out/" + f[0] + "/");
                assertThat(ids.add(f[1])).as("row %s seen twice", f[1]).isTrue();
                perPartition.merge(f[0], 1, Integer::sum);
            }
        }
        return perPartition;
    }

    private static Map<String, Integer> expected(int count, int partitions, int width, double skew) {
        Map<String, Integer> m = new HashMap<>();
        for (Record r : rows(count, partitions, width, skew)) {
            m.merge(r.getString("part"), 1, Integer::sum);
        }
        return m;
    }

    @Test
    void manyPartitionsOverTheBudget_finishObjectsEarlyAndLoseNoRow() {
        String bucket = S3Fixture.S3.newBucket("budget");
        S3Export e = export(bucket).path("out/{part}/data.{{FORMAT}}").testWrite(false)
                .format(CsvFormat.builder().header(false).newline(io.ferry.formats.Newline.LF).build())
                .maxBufferedBytes(1L << 20).build();
        // ~2.6 MB over 30 partitions: ~90 KB each, more than 1 MiB together
        ExportResult r = e.write("t", ROWS, rows(24_000, 30, 100, 0));

        List<String> keys = keys(bucket);
        assertThat(keys).hasSizeGreaterThan(30).contains("out/p000/data.csv")
                .anyMatch(k -> k.endsWith("/data-1.csv"));
        assertThat(r.objects()).extracting(ExportedObject::key).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(r.rows()).isEqualTo(24_000);
        assertThat(readBack(bucket, keys)).isEqualTo(expected(24_000, 30, 100, 0));
        assertThat(pendingUploads(bucket)).isZero();
    }

    @Test
    void aLargePartitionOverTheBudget_uploadsPartsEarlyInsteadOfSplitting() {
        String bucket = S3Fixture.S3.newBucket("budget-parts");
        S3Export e = export(bucket).path("out/{part}/data.{{FORMAT}}").testWrite(false).partSize(10)
                .format(CsvFormat.builder().header(false).newline(io.ferry.formats.Newline.LF).build())
                .maxBufferedBytes(9L << 20).build();
        // ~25 MB, almost all of it in p000
        ExportResult r = e.write("t", ROWS, rows(250_000, 2, 100, 0.98));

        assertThat(keys(bucket)).containsExactly("out/p000/data.csv", "out/p001/data.csv");
        ExportedObject big = r.objects().stream().filter(o -> o.key().contains("p000")).findFirst().orElseThrow();
        assertThat(big.parts()).isGreaterThanOrEqualTo(3);
        assertThat(readBack(bucket, keys(bucket))).isEqualTo(expected(250_000, 2, 100, 0.98));
    }

    @Test
    void theDefaultBudget_keepsOneObjectPerPartition() {
        String bucket = S3Fixture.S3.newBucket("budget-default");
        S3Export e = export(bucket).path("out/{part}/data.{{FORMAT}}").testWrite(false)
                .format(CsvFormat.builder().header(false).newline(io.ferry.formats.Newline.LF).build()).build();
        e.write("t", ROWS, rows(16_000, 60, 100, 0));

        assertThat(keys(bucket)).hasSize(60).allMatch(k -> k.endsWith("/data.csv"));
        assertThat(e.maxBufferedBytes()).isGreaterThanOrEqualTo(Runtime.getRuntime().maxMemory() / 4);
    }

    @Test
    void maxBufferedBytes_belowOneMebibyte_throws() {
        assertThatThrownBy(() -> S3Export.builder().maxBufferedBytes(1000))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("maxBufferedBytes must be at least 1048576 (1 MiB), was 1000 (maxBufferedBytes)")
                .extracting(x -> ((FerryConfigException) x).option()).isEqualTo("maxBufferedBytes");
    }
}
