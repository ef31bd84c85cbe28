package io.ferry.s3.export;

import static io.ferry.s3.export.S3Fixture.S3;
import static io.ferry.s3.export.S3Fixture.client;
import static io.ferry.s3.export.S3Fixture.export;
import static io.ferry.s3.export.S3Fixture.keys;
import static io.ferry.s3.export.S3Fixture.pendingUploads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.testing.DuckDb;
import io.ferry.formats.Compression;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.csv.CsvFormat;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gzip on several threads, compression levels and threads as options, read back by independent readers. */
class ExportCompressionTest {
    private static final Schema ROWS = Schema.of(Column.of("id", ColumnType.LONG), Column.of("part", ColumnType.STRING),
            Column.of("token", ColumnType.STRING), Column.of("at", ColumnType.TIMESTAMP));

    static Schema schema() {
        return ROWS;
    }

    static List<Record> rows(int count, int partitions, long seed) {
        Random random = new Random(seed);
        List<Record> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(Record.of(ROWS, (long) i, "p" + random.nextInt(partitions),
                    Long.toHexString(random.nextLong()) + "-" + (i % 97), Instant.ofEpochSecond(1_790_000_000L + i)));
        }
        return rows;
    }

    /** The object read through the JDK's GZIPInputStream straight from the GetObject response (a socket). */
    private static byte[] gunzipFromStore(String bucket, String key) throws IOException {
        try (InputStream body = client().getObject(b -> b.bucket(bucket).key(key));
             GZIPInputStream gz = new GZIPInputStream(new NoAvailable(body))) {
            return gz.readAllBytes();
        }
    }

    /** The CSV bytes Ferry's encoder makes of {@code rows}, uncompressed. */
    private static byte[] csv(List<Record> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FormatWriter w = CsvFormat.csv().newWriter(ROWS, out)) {
            rows.forEach(w::write);
        }
        return out.toByteArray();
    }

    @Test
    void gzipOnFourThreads_multipart_readsBackWithJdkGzipAndDuckDb(@TempDir Path dir) throws IOException {
        String bucket = S3.newBucket("gzpar");
        List<Record> rows = rows(300_000, 1, 1);
        ExportResult r = export(bucket).path("out/{{TABLE}}.{{FORMAT}}").compression(Compression.GZIP)
                .compressionThreads(4).partSize(5).build().write("events", ROWS, rows);

        ExportedObject o = r.objects().get(0);
        assertThat(o.key()).isEqualTo("out/events.csv.gz");
        assertThat(o.parts()).as("several parts, so blocks cross part boundaries").isGreaterThanOrEqualTo(2);
        assertThat(gunzipFromStore(bucket, o.key())).isEqualTo(csv(rows));
        String file = Downloads.toFile(client(), bucket, o.key(), dir);
        assertThat(DuckDb.query("SELECT count(*), sum(id)::BIGINT, count(DISTINCT token) FROM read_csv(" + file
                + ", header = true)")).containsExactly(List.of(300_000L, 299_999L * 300_000 / 2, 300_000L));
        assertThat(pendingUploads(bucket)).isZero();
    }

    @Test
    void gzipOnThreads_manyPartitionsShareThePool_everyObjectReadsBack() throws IOException {
        String bucket = S3.newBucket("gzparts");
        List<Record> rows = rows(60_000, 12, 2);
        ExportResult r = export(bucket).path("p/{part}/{{UUID}}.{{FORMAT}}").compression(Compression.GZIP)
                .compressionThreads(2).build().write("events", ROWS, rows);

        assertThat(r.objects()).hasSize(12);
        for (ExportedObject o : r.objects()) {
            String part = o.key().split("/")[1];
            List<Record> expected = rows.stream().filter(x -> x.get(1).equals(part)).toList();
            assertThat(gunzipFromStore(bucket, o.key())).as(o.key()).isEqualTo(csv(expected));
        }
        assertThat(keys(bucket)).hasSize(12);
    }

    @Test
    void oneThread_isTheJdkGzipStreamAtTheLevel() throws IOException {
        String bucket = S3.newBucket("gzone");
        List<Record> rows = rows(20_000, 1, 3);
        for (int level : new int[] {1, 9}) {
            ExportResult r = export(bucket).path("one/" + level + ".csv.gz").compression(Compression.GZIP)
                    .compressionLevel(level).compressionThreads(1).build().write("t", ROWS, rows);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(expected) {
                {
                    def.setLevel(level);
                }
            }) {
                gz.write(csv(rows));
            }
            byte[] stored = client().getObjectAsBytes(b -> b.bucket(bucket).key(r.objects().get(0).key()))
                    .asByteArray();
            assertThat(stored).as("level %d", level).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void level_changesSizeBothWays_andEveryLevelReadsBack() throws IOException {
        String bucket = S3.newBucket("gzlevel");
        List<Record> rows = rows(30_000, 1, 4);
        byte[] csv = csv(rows);
        long[] sizes = new long[10];
        for (int level : new int[] {1, 6, 9}) {
            ExportResult r = export(bucket).path("l/" + level + ".csv.gz").compression(Compression.GZIP)
                    .compressionLevel(level).compressionThreads(3).build().write("t", ROWS, rows);
            sizes[level] = r.bytes();
            assertThat(gunzipFromStore(bucket, r.objects().get(0).key())).as("level %d", level).isEqualTo(csv);
        }
        assertThat(sizes[1]).isGreaterThan(sizes[6]);
        assertThat(sizes[6]).isGreaterThanOrEqualTo(sizes[9]);
    }

    @Test
    void zstdLevel_appliesAndReadsBack() throws IOException {
        String bucket = S3.newBucket("zstdlevel");
        List<Record> rows = rows(30_000, 1, 5);
        ExportResult fast = export(bucket).path("z/1.csv.zst").compression(Compression.ZSTD).compressionLevel(1)
                .build().write("t", ROWS, rows);
        ExportResult small = export(bucket).path("z/19.csv.zst").compression(Compression.ZSTD).compressionLevel(19)
                .build().write("t", ROWS, rows);
        assertThat(fast.bytes()).isGreaterThan(small.bytes());
        try (InputStream in = Compression.ZSTD.unwrap(client().getObject(b -> b.bucket(bucket).key("z/19.csv.zst")))) {
            assertThat(in.readAllBytes()).isEqualTo(csv(rows));
        }
    }

    @Test
    void defaults_levelOfTheCodecAndThreadsFromCoresAndConcurrency() {
        S3Export gz = export("bkt").path("k.csv.gz").compression(Compression.GZIP).build();
        assertThat(gz.compressionLevel()).isEqualTo(Compression.GZIP.defaultLevel());
        assertThat(gz.compressionThreads()).isEqualTo(Math.min(Runtime.getRuntime().availableProcessors(), 4));
        assertThat(export("bkt").path("k").connection(c -> c.client(client()).maxConcurrency(1)).build()
                .compressionThreads()).isEqualTo(1);
        assertThat(export("bkt").path("k.csv.zst").compression(Compression.ZSTD).build().compressionLevel())
                .isEqualTo(3);
        assertThat(gz.toBuilder().compressionLevel(2).build().toBuilder().build().compressionLevel()).isEqualTo(2);
    }

    @Test
    void badLevelsAndThreads_throwNamingTheOption() {
        String expected = """
                GZIP 0 | compressionLevel must be between 1 and 9 for GZIP, was 0 (compressionLevel)
                GZIP 10 | compressionLevel must be between 1 and 9 for GZIP, was 10 (compressionLevel)
                ZSTD 20 | compressionLevel must be between 1 and 19 for ZSTD, was 20 (compressionLevel)
                XZ -1 | compressionLevel must be between 0 and 9 for XZ, was -1 (compressionLevel)
                NONE 6 | compressionLevel must be between 0 and 0 for NONE, was 6; set a compression first (compressionLevel)
                """;
        for (String line : expected.strip().split("\n")) {
            String[] parts = line.split(" \\| ");
            String[] setting = parts[0].split(" ");
            assertThatThrownBy(() -> export("bkt").path("k").compression(Compression.valueOf(setting[0]))
                    .compressionLevel(Integer.parseInt(setting[1])).build())
                    .as(line).isInstanceOf(FerryConfigException.class).hasMessage(parts[1]);
        }
        assertThatThrownBy(() -> export("bkt").path("k").compressionThreads(0))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("compressionThreads must be between 1 and 64, was 0 (compressionThreads)");
        assertThatThrownBy(() -> export("bkt").path("k").compressionThreads(65))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("compressionThreads must be between 1 and 64, was 65 (compressionThreads)");
    }

    /** A stream that, like a socket's, never promises bytes through {@code available()}. */
    private static final class NoAvailable extends FilterInputStream {
        NoAvailable(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
