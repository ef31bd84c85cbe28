package io.ferry.s3.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.sink.CollectingSink;
import io.ferry.formats.Compression;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every decoder and layout, guessed and read back from each test store. */
@ParameterizedClass(name = "{0}")
@MethodSource("io.ferry.s3.testing.TestStore#all")
class S3ImportFormatsTest extends ImportFixture {
    static final String CSV = "id,name,score\n1,\"Smith, \"\"J\"\"\",1.5\n2,\"two\nlines\",2.5\n3,c,3.5\n4,d,4.5\n";
    static final String ROWS = "[{id=1, name=Smith, \"J\", score=1.5}, {id=2, name=two\nlines, score=2.5},"
            + " {id=3, name=c, score=3.5}, {id=4, name=d, score=4.5}]";
    static String bucket;

    S3ImportFormatsTest(TestStore store) {
        super(store);
    }

    @BeforeParameterizedClassInvocation
    static void fill(TestStore store) throws IOException {
        ImportFixture s3 = new ImportFixture(store);
        bucket = s3.newBucket("formats");
        s3.put(bucket, "f/plain.csv", CSV);
        s3.put(bucket, "f/data.csv.gz", compress(Compression.GZIP, CSV));
        s3.put(bucket, "f/data.csv.bz2", compress(Compression.BZIP2, CSV));
        s3.put(bucket, "f/data.csv.zst", compress(Compression.ZSTD, CSV));
        s3.put(bucket, "f/data.csv.xz", compress(Compression.XZ, CSV));
        s3.put(bucket, "f/data.tsv", "id\tname\tscore\n1\tSmith, \"J\"\t1.5\n2\ttwo\\nlines\t2.5\n3\tc\t3.5\n4\td\t4.5\n"
                .replace("two\\nlines", "\"two\nlines\"").replace("Smith, \"J\"", "\"Smith, \"\"J\"\"\""));
        s3.put(bucket, "f/data.jsonl", "{\"id\":1,\"name\":\"Smith, \\\"J\\\"\",\"score\":1.5}\n"
                + "{\"id\":2,\"name\":\"two\\nlines\",\"score\":2.5}\n{\"id\":3,\"name\":\"c\",\"score\":3.5}\n"
                + "{\"id\":4,\"name\":\"d\",\"score\":4.5}\n");
        s3.put(bucket, "f/data.json", "[\n {\"id\":1,\"name\":\"Smith, \\\"J\\\"\",\"score\":1.5},\n"
                + " {\"id\":2,\"name\":\"two\\nlines\",\"score\":2.5},\n {\"id\":3,\"name\":\"c\",\"score\":3.5},\n"
                + " {\"id\":4,\"name\":\"d\",\"score\":4.5}\n]\n");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("part1.csv"));
            z.write("id,name,score\n1,\"Smith, \"\"J\"\"\",1.5\n2,\"two\nlines\",2.5\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("part2.csv"));
            z.write("id,name,score\n3,c,3.5\n4,d,4.5\n".getBytes(StandardCharsets.UTF_8));
        }
        s3.put(bucket, "z/data.zip", zip.toByteArray());
    }

    private static String read(S3Import imp) {
        CollectingSink sink = new CollectingSink();
        imp.run(sink);
        return sink.records().toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"f/plain.csv", "f/data.csv.gz", "f/data.csv.bz2", "f/data.csv.zst", "f/data.csv.xz", "f/data.tsv",
            "f/data.jsonl", "f/data.json"})
    void run_guessedLayoutAndCodec_readsTheSameRows(String key) {
        assertThat(read(imports(bucket).pathPrefix(key).pathMatchPattern("\\Q" + key + "\\E$").guess().build()))
                .isEqualTo(ROWS);
    }

    @Test
    void run_zipWithTwoEntries_readsEveryEntryInOrderWithItsHeader() {
        S3Import imp = imports(bucket).pathPrefix("f/data.csv.gz").guess().build();
        S3Import zip = imports(bucket).pathPrefix("z/").parser(imp.guess().parser()).build();
        assertThat(read(zip)).isEqualTo(ROWS);
    }

    @Test
    void run_manySmallObjects_deliversInKeyOrder() {
        String b = newBucket("small");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String key = String.format("s/%04d.csv", i);
            put(b, key, "k,n\n" + key + "," + i + "\n" + key + "," + (i + 1000) + "\n");
            expected.add(key);
        }
        CollectingSink sink = new CollectingSink();
        ParserConfig parser = ParserConfig.builder().skipHeaderLines(1).column("k", ColumnType.STRING)
                .column("n", ColumnType.LONG).build();
        ImportResult r = imports(b).pathPrefix("s/").maxConcurrency(8).parser(parser).build().run(sink);
        assertThat(r.objects()).extracting(ImportedObject::key).containsExactlyElementsOf(expected);
        assertThat(sink.records().stream().map(x -> x.getString("k")).distinct().collect(Collectors.toList()))
                .containsExactlyElementsOf(expected);
        assertThat(r.rows()).isEqualTo(120);
    }

    @Test
    void run_filesWrittenByDuckDb_importBackToTheSameRows(@TempDir Path dir) throws SQLException, IOException {
        String query = "SELECT i AS id, 'name ' || i || ', \"q\"' AS name, i * 1.25 AS amount, i % 2 = 0 AS flag,"
                + " TIMESTAMP '2024-01-02 03:04:05' + INTERVAL (i) HOUR AS created_at FROM range(1, 8) t(i)";
        List<String> expected = new ArrayList<>();
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", props); Statement s = c.createStatement()) {
            s.execute("COPY (" + query + ") TO '" + dir.resolve("d.csv") + "' (HEADER)");
            s.execute("COPY (" + query + ") TO '" + dir.resolve("d.json") + "' (FORMAT JSON)");
            s.execute("COPY (" + query + ") TO '" + dir.resolve("a.json") + "' (FORMAT JSON, ARRAY true)");
            try (ResultSet rs = s.executeQuery("SELECT id, name, amount::DOUBLE, flag,"
                    + " strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') FROM (" + query + ")")) {
                while (rs.next()) {
                    expected.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getDouble(3) + "|" + rs.getBoolean(4)
                            + "|" + rs.getString(5));
                }
            }
        }
        for (String file : List.of("d.csv", "d.json", "a.json")) {
            put(bucket, "duck/" + file, Files.readAllBytes(dir.resolve(file)));
            CollectingSink sink = new CollectingSink();
            imports(bucket).pathPrefix("duck/" + file).guess().build().run(sink);
            List<String> got = new ArrayList<>();
            for (Record r : sink.records()) {
                got.add(r.getLong("id") + "|" + r.getString("name") + "|" + r.getDouble("amount") + "|"
                        + r.getBoolean("flag") + "|" + r.getInstant("created_at"));
            }
            assertThat(got).as(file).isEqualTo(expected);
        }
    }
}
