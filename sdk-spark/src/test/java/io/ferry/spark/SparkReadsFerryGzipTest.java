package io.ferry.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.Compression;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.spark.testing.SparkTestSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's own CSV reader (Hadoop's gzip codec) reads what a Ferry export wrote as {@code .csv.gz},
 * one gzip member or several concatenated (RFC 1952; a parallel gzip writes several).
 */
class SparkReadsFerryGzipTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
            Column.of("name", ColumnType.STRING));
    private static final SharedS3Mock S3 = SharedS3Mock.get();

    @TempDir
    Path dir;

    @Test
    void sparkCsvReader_readsFerryCsvGz_rowForRow() throws IOException {
        Path file = export("part", 0, 50_000);

        Dataset<Row> df = read(file);

        assertThat(df.count()).isEqualTo(50_000L);
        Row sums = df.selectExpr("sum(cast(id as bigint))", "count(distinct name)", "max(length(name))").first();
        assertThat(sums.getLong(0)).isEqualTo(LongStream.range(0, 50_000).sum());
        assertThat(sums.getLong(1)).isEqualTo(50_000L);
        assertThat(df.filter("id = '12345'").first().getString(1)).isEqualTo(name(12345));
    }

    @Test
    void sparkCsvReader_readsConcatenatedGzipMembers() throws IOException {
        Path first = export("a", 0, 20_000);
        Path second = exportWithoutHeader("b", 20_000, 30_000);
        Path both = dir.resolve("both.csv.gz");
        try (OutputStream out = Files.newOutputStream(both)) {
            Files.copy(first, out);
            Files.copy(second, out);
        }

        Dataset<Row> df = read(both);

        assertThat(df.count()).isEqualTo(30_000L);
        assertThat(df.selectExpr("sum(cast(id as bigint))").first().getLong(0))
                .isEqualTo(LongStream.range(0, 30_000).sum());
    }

    private Dataset<Row> read(Path file) {
        SparkSession spark = SparkTestSession.get();
        // Spark's CSV reader escapes quotes with a backslash unless told RFC 4180's doubled quote
        return spark.read().option("header", "true").option("escape", "\"").csv(file.toString());
    }

    private Path export(String name, long from, long to) throws IOException {
        return write(name, from, to, CsvFormat.csv());
    }

    private Path exportWithoutHeader(String name, long from, long to) throws IOException {
        return write(name, from, to, CsvFormat.csv().toBuilder().header(false).build());
    }

    private Path write(String name, long from, long to, CsvFormat format) throws IOException {
        String bucket = S3.newBucket("spark-gz");
        S3Export export = S3Export.builder().connection(S3::connect).bucket(bucket).path(name + ".csv.gz")
                .format(format).compression(Compression.GZIP).build();
        List<Record> rows = LongStream.range(from, to).mapToObj(i -> Record.of(SCHEMA, i, name(i))).toList();
        ExportResult result = export.write("t", SCHEMA, rows);
        assertThat(result.rows()).isEqualTo(to - from);
        Path file = dir.resolve(name + ".csv.gz");
        S3.client().getObject(b -> b.bucket(bucket).key(name + ".csv.gz"), file);
        return file;
    }

    private static String name(long i) {
        return "name \"" + i + "\", with a comma";
    }
}
