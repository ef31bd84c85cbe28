package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.testing.DuckDb;
import io.ferry.formats.Compression;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.parquet.ParquetFormat;
import io.ferry.s3.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;

/** Black-box export tests against each test store (S3Mock and S3Proxy, in-process). */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ferry.s3.testing.TestStore#all")
class S3ExportWriteTest extends ExportStoreTest {
    private static final Schema CODES = Schema.of(Column.of("code", ColumnType.LONG), Column.of("cnt", ColumnType.LONG));
    private static final Schema WIDE = Schema.of(Column.of("id", ColumnType.LONG), Column.of("payload", ColumnType.STRING),
            Column.of("at", ColumnType.TIMESTAMP));

    @TempDir
    Path tmp;

    S3ExportWriteTest(TestStore store) {
        super(store);
    }

    private static List<Record> codes() {
        return List.of(Record.of(CODES, 200L, 4981L), Record.of(CODES, 302L, null), Record.of(CODES, 404L, 17L),
                Record.of(CODES, 500L, 2L));
    }

    /** Rows of ~100 random (incompressible-ish) characters each, generated lazily. */
    private static Iterable<Record> wideRows(int count, int failAt) {
        return () -> new Iterator<>() {
            private final Random random = new Random(42);
            private int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public Record next() {
                if (i == failAt) {
                    throw new IllegalStateException("source broke at row " + i);
                }
                char[] c = new char[100];
                for (int k = 0; k < c.length; k++) {
                    c[k] = (char) ('a' + random.nextInt(26));
                }
                return Record.of(WIDE, (long) i, new String(c), Instant.ofEpochSecond(1_700_000_000L + i++));
            }
        };
    }

    @Test
    void write_smallTable_singlePutWithTdStyleCsv() {
        String bucket = newBucket("single");
        ExportResult r = export(bucket).path("/path/to/target.csv").build().write("codes", CODES, codes());

        assertThat(r.objects()).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo("path/to/target.csv");
            assertThat(o.parts()).isZero();
            assertThat(o.rows()).isEqualTo(4);
            assertThat(o.eTag()).isNotBlank();
        });
        assertThat(text(bucket, "path/to/target.csv")).isEqualTo("code,cnt\r\n200,4981\r\n302,\r\n404,17\r\n500,2\r\n");
        assertThat(client().headObject(b -> b.bucket(bucket).key("path/to/target.csv")).contentType())
                .isEqualTo("text/csv");
        assertThat(keys(bucket)).containsExactly("path/to/target.csv");
    }

    @Test
    void write_16MbWith5MbParts_multipartWithAtLeastThreeParts() {
        String bucket = newBucket("multi");
        List<Long> partsSeen = new ArrayList<>();
        ExportResult r = export(bucket).path("big/{{TABLE}}.csv").partSize(5)
                .listener(new ExportListener() {
                    @Override
                    public void progress(ExportProgress p) {
                        partsSeen.add(p.parts());
                    }
                })
                .build().write("wide", WIDE, wideRows(130_000, -1));

        ExportedObject o = r.objects().get(0);
        assertThat(o.bytes()).isGreaterThan(15L << 20);
        assertThat(o.parts()).isGreaterThanOrEqualTo(3);
        assertThat(partsSeen).contains(1L, 2L, 3L);
        byte[] body = client().getObjectAsBytes(b -> b.bucket(bucket).key("big/wide.csv")).asByteArray();
        assertThat((long) body.length).isEqualTo(o.bytes());
        long lines = IntStream.range(0, body.length).filter(i -> body[i] == '\n').count();
        assertThat(lines).isEqualTo(130_001);
        assertThat(pendingUploads(bucket)).isEmpty();
    }

    @Test
    void write_sourceFailsAfterPartsStarted_abortsEverythingAndRethrows() {
        String bucket = newBucket("abort");
        S3Export export = export(bucket).path("out/{{TABLE}}/{{UUID}}.csv").partSize(5).build();

        assertThatThrownBy(() -> export.write("wide", WIDE, wideRows(200_000, 90_000)))
                .isInstanceOf(IllegalStateException.class).hasMessage("source broke at row 90000");
        assertThat(pendingUploads(bucket)).isEmpty();
        assertThat(keys(bucket)).isEmpty();
    }

    @Test
    void open_closeWithoutCommit_abortsRotatedAndOpenObjects() {
        String bucket = newBucket("nocommit");
        S3Export export = export(bucket).path("out/{{UUID}}.csv").partSize(5).maxRowsPerObject(50_000).build();
        try (ExportWriter w = export.open("wide", WIDE)) {
            for (Record r : wideRows(120_000, -1)) {
                w.write(r);
            }
            assertThat(w.rowCount()).isEqualTo(120_000);
        }
        assertThat(pendingUploads(bucket)).isEmpty();
        assertThat(keys(bucket)).isEmpty();
    }

    @Test
    void write_maxRowsPerObject_rotatesIntoObjectsWithAllRows() {
        String bucket = newBucket("rotate");
        ExportResult r = export(bucket).path("out/{{UUID}}").maxRowsPerObject(3).build()
                .write("t", CODES, List.of(codes().get(0), codes().get(1), codes().get(2), codes().get(3),
                        codes().get(0), codes().get(1), codes().get(2)));

        assertThat(r.objects()).extracting(ExportedObject::rows).containsExactly(3L, 3L, 1L);
        assertThat(r.rows()).isEqualTo(7);
        assertThat(keys(bucket)).hasSize(3).allMatch(k -> k.matches("out/[0-9a-f-]{36}\\.csv"));
    }

    @Test
    void build_rotationWithoutUuidOrPartition_throws() {
        assertThatThrownBy(() -> export("b").path("out/data.csv").maxRowsPerObject(10).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining("path must contain {{UUID}} or a partition")
                .hasMessageEndingWith("(path)");
    }

    @Test
    void write_createNewOnExistingKey_addsSuffixBeforeExtension() {
        String bucket = newBucket("createnew");
        client().putObject(b -> b.bucket(bucket).key("daily/prices.csv.gz"), RequestBody.fromString("old"));
        S3Export export = export(bucket).path("daily/prices").compression(Compression.GZIP).build();

        ExportResult first = export.write("t", CODES, codes());
        ExportResult second = export.write("t", CODES, codes());

        assertThat(first.objects().get(0).key()).isEqualTo("daily/prices-1.csv.gz");
        assertThat(second.objects().get(0).key()).isEqualTo("daily/prices-2.csv.gz");
        assertThat(text(bucket, "daily/prices.csv.gz")).isEqualTo("old");
        assertThat(keys(bucket)).containsExactly("daily/prices-1.csv.gz", "daily/prices-2.csv.gz", "daily/prices.csv.gz");
    }

    @Test
    void write_replaceOnExistingKey_overwrites() {
        String bucket = newBucket("replace");
        client().putObject(b -> b.bucket(bucket).key("data.csv"), RequestBody.fromString("old"));

        export(bucket).path("data.csv").writeStrategy(WriteStrategy.REPLACE).build().write("t", CODES, codes());

        assertThat(keys(bucket)).containsExactly("data.csv");
        assertThat(text(bucket, "data.csv")).startsWith("code,cnt\r\n200,4981");
    }

    @Test
    void open_bucketMissing_testWriteFailsNamingBucketPrefixAndPermission() {
        S3Export export = export("no-such-bucket-ferry").path("exports/{{TABLE}}/{{UUID}}.csv").build();

        assertThatThrownBy(() -> export.open("t", CODES))
                .isInstanceOf(FerryIoException.class)
                .hasMessageStartingWith("testWrite: bucket 'no-such-bucket-ferry' does not exist (NoSuchBucket (HTTP 404)");
    }

    @Test
    void open_testWrite_leavesNoProbeBehind() {
        String bucket = newBucket("probe");
        export(bucket).path("exports/{{TABLE}}/{{UUID}}.csv").build().open("t", CODES).close();
        assertThat(keys(bucket)).isEmpty();
    }

    @Test
    void write_emptyTableWithWriteEmptyObjects_writesHeaderOnly() {
        String bucket = newBucket("empty");
        ExportResult on = export(bucket).path("on.csv").writeEmptyObjects(true).build().write("t", CODES, List.of());
        ExportResult off = export(bucket).path("off.csv").build().write("t", CODES, List.of());

        assertThat(on.objects()).extracting(ExportedObject::key).containsExactly("on.csv");
        assertThat(off.objects()).isEmpty();
        assertThat(text(bucket, "on.csv")).isEqualTo("code,cnt\r\n");
        assertThat(keys(bucket)).containsExactly("on.csv");
    }

    @Test
    void write_spreadOverEight_keepsEveryRowOnce() {
        String bucket = newBucket("spread");
        List<Record> rows = LongStreamRows.of(1000);
        ExportResult r = export(bucket).path("dump/part_{8}.csv").build().write("t", CODES, rows);

        assertThat(keys(bucket)).containsExactly(IntStream.range(0, 8).mapToObj(i -> "dump/part_" + i + ".csv")
                .toArray(String[]::new));
        assertThat(r.rows()).isEqualTo(1000);
        List<Long> seen = new ArrayList<>();
        for (String key : keys(bucket)) {
            String[] lines = text(bucket, key).split("\r\n");
            assertThat(lines[0]).isEqualTo("code,cnt");
            for (int i = 1; i < lines.length; i++) {
                seen.add(Long.parseLong(lines[i].split(",")[0]));
            }
        }
        assertThat(seen).hasSize(1000).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStreamRows.ids(1000));
    }

    @Test
    void write_csvGzip_readBackByDuckDb() {
        String bucket = newBucket("csvgz");
        ExportResult r = export(bucket).path("x/{{TABLE}}.{{FORMAT}}").compression(Compression.GZIP).build()
                .write("wide", WIDE, wideRows(5000, -1));

        String key = r.objects().get(0).key();
        assertThat(key).isEqualTo("x/wide.csv.gz");
        assertThat(client().headObject(b -> b.bucket(bucket).key(key)).contentType()).isEqualTo("application/gzip");
        String file = Downloads.toFile(client(), bucket, key, tmp);
        assertThat(DuckDb.query("SELECT count(*), sum(id), min(length(payload)) FROM read_csv(" + file + ", header=true)"))
                .containsExactly(List.of(5000L, java.math.BigInteger.valueOf(4999L * 5000 / 2), 100L));
    }

    @Test
    void write_parquet_readBackByDuckDb() {
        String bucket = newBucket("parquet");
        ExportResult r = export(bucket).path("p/{{TABLE}}").format(ParquetFormat.defaults()).build()
                .write("wide", WIDE, wideRows(5000, -1));

        String key = r.objects().get(0).key();
        assertThat(key).isEqualTo("p/wide.parquet");
        String file = Downloads.toFile(client(), bucket, key, tmp);
        assertThat(DuckDb.query("SELECT count(*), max(id), min(\"at\") FROM read_parquet(" + file + ")").get(0))
                .startsWith(5000L, 4999L);
    }

    @Test
    void build_parquetWithGzip_throws() {
        assertThatThrownBy(() -> export("b").path("p").format(ParquetFormat.defaults())
                .compression(Compression.GZIP).build())
                .isInstanceOf(FerryConfigException.class)
                .hasMessageEndingWith("(compression)");
    }

    @Test
    void write_listener_seesStartsAndPublishedObjects() {
        String bucket = newBucket("listen");
        List<String> events = new ArrayList<>();
        AtomicLong lastRows = new AtomicLong();
        export(bucket).path("l/{code}.csv").listener(new ExportListener() {
            @Override
            public void objectStarted(String b, String key) {
                events.add("start " + key);
            }

            @Override
            public void objectWritten(ExportedObject o) {
                events.add("done " + o.key() + " " + o.rows());
                lastRows.set(o.rows());
            }
        }).build().write("t", CODES, codes().subList(0, 2));

        assertThat(events).containsExactly("start l/200.csv", "start l/302.csv", "done l/200.csv 1", "done l/302.csv 1");
        assertThat(lastRows.get()).isEqualTo(1);
    }

    @Test
    void commit_onePartitionFailsToPublish_deletesTheOthersAndAbortsAll() {
        assumeTrue(store.supports(TestStore.Feature.CONDITIONAL_WRITES), "the store ignores If-None-Match");
        String bucket = newBucket("rollback");
        Schema schema = Schema.of(Column.of("part", ColumnType.STRING), Column.of("payload", ColumnType.STRING));
        S3Export export = export(bucket).path("r/{part}.csv").partSize(5).build();
        String wide = "y".repeat(100);
        ExportWriter w = export.open("t", schema);
        for (int i = 0; i < 60_000; i++) {
            w.write(Record.of(schema, "big", wide));
        }
        for (String small : List.of("a", "b", "c", "d", "e")) {
            w.write(Record.of(schema, small, "z"));
        }
        // someone else creates the big object's key after the export checked it: the conditional
        // CompleteMultipartUpload answers 412 and the whole export rolls back
        client().putObject(b -> b.bucket(bucket).key("r/big.csv"), RequestBody.fromString("theirs"));

        assertThatThrownBy(w::commit).isInstanceOf(FerryIoException.class)
                .hasMessageContaining("s3://" + bucket + "/r/big.csv was created by another writer");
        w.close();
        assertThat(keys(bucket)).noneMatch(k -> k.matches("r/[a-e]\\.csv"));
        assertThat(pendingUploads(bucket)).isEmpty();
    }

    /** Rows (id, id*2) for ids 0..n-1. */
    static final class LongStreamRows {
        private LongStreamRows() {
        }

        static List<Record> of(int n) {
            return ids(n).stream().map(i -> Record.of(CODES, i, i * 2)).collect(Collectors.toList());
        }

        static List<Long> ids(int n) {
            return java.util.stream.LongStream.range(0, n).boxed().collect(Collectors.toList());
        }
    }
}
