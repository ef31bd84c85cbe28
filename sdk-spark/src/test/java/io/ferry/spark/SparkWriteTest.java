package io.ferry.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.testing.DuckDb;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.spark.testing.SparkS3;
import io.ferry.spark.testing.SparkTestSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code df.write().format("ferry")} from several tasks, read back by DuckDB as an independent
 * reader; task retries and a failing job leave exactly the right objects and no upload.
 */
class SparkWriteTest {
    private static final int ROWS = 3_000;
    private static final String[] COUNTRIES = {"jp", "us", "de"};

    @TempDir
    Path dir;

    private final SparkSession spark = SparkTestSession.get();

    /** Four partitions of every kind of column the mapping knows. */
    private Dataset<Row> frame() {
        return spark.range(0, ROWS, 1, 4).selectExpr("id",
                "concat('n', id, ' \"q\", x') as name",
                "cast(id * 1.25 as decimal(12,2)) as amount",
                "date_add(date'2026-01-01', cast(id % 365 as int)) as day",
                "timestamp_seconds(1700000000 + id) as ts",
                "array(cast(id % 3 as int), cast(id % 5 as int)) as tags",
                "element_at(array('jp', 'us', 'de'), cast(id % 3 as int) + 1) as country");
    }

    private static List<String> expected(long id) {
        return List.of(Long.toString(id), "n" + id + " \"q\", x",
                BigDecimal.valueOf(id).multiply(new BigDecimal("1.25")).setScale(2).toPlainString(),
                LocalDate.of(2026, 1, 1).plusDays(id % 365).toString(), Long.toString(1_700_000_000L + id),
                "[" + id % 3 + "," + id % 5 + "]", COUNTRIES[(int) (id % 3)]);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            csv     | gz   | read_csv(%s, header = true, all_varchar = true)
            jsonl   | none | read_json(%s, format = 'newline_delimited')
            parquet | none | read_parquet(%s)
            """)
    void write_fromFourTasks_duckDbReadsEveryRow(String format, String compression, String reader) throws IOException {
        String bucket = SharedS3Mock.get().newBucket("spark-" + format);
        Map<String, String> options = SparkS3.connection(bucket);
        options.put("path", "out/{{TABLE}}/{{WRITER}}.{{FORMAT}}");
        options.put("table", "events");
        options.put("format", format);
        options.put("compression", compression);

        frame().write().format("ferry").mode("append").options(options).save();

        List<String> keys = SparkS3.keys(bucket, "");
        assertThat(keys).hasSize(4).allMatch(k -> k.startsWith("out/events/")
                && k.endsWith("." + format + (compression.equals("gz") ? ".gz" : "")));
        assertThat(SparkS3.openUploads(bucket)).isZero();
        List<Path> files = SparkS3.download(bucket, "out/", dir);
        List<List<Object>> rows = DuckDb.query("SELECT CAST(id AS BIGINT), name, CAST(amount AS VARCHAR),"
                + " CAST(day AS VARCHAR), CAST(epoch(CAST(ts AS TIMESTAMP)) AS BIGINT),"
                + " replace(CAST(tags AS VARCHAR), ' ', ''), country FROM "
                + reader.formatted(SparkS3.fileList(files)) + " ORDER BY 1");
        assertThat(rows).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            List<String> got = new ArrayList<>();
            rows.get(i).forEach(v -> got.add(String.valueOf(v)));
            assertThat(got).as("row %d", i).isEqualTo(expected(i));
        }
    }

    @Test
    void write_partitionedKeys_eachTaskWritesItsOwnObjectPerValue() throws IOException {
        String bucket = SharedS3Mock.get().newBucket("spark-part");
        Map<String, String> options = SparkS3.connection(bucket);
        options.put("path", "by/country={country}/{{WRITER}}.csv");

        frame().select("id", "country").write().format("ferry").mode("append").options(options).save();

        List<String> keys = SparkS3.keys(bucket, "by/");
        // 4 tasks, each with rows of all 3 countries
        assertThat(keys).hasSize(12);
        for (String country : COUNTRIES) {
            List<String> mine = keys.stream().filter(k -> k.startsWith("by/country=" + country + "/")).toList();
            assertThat(mine).hasSize(4);
            long rows = spark.read().option("header", "true").csv(SparkS3.download(bucket, "by/country="
                    + country + "/", dir.resolve(country)).stream().map(Path::toString).toArray(String[]::new))
                    .filter("id % 3 = " + List.of(COUNTRIES).indexOf(country)).count();
            assertThat(rows).isEqualTo(ROWS / 3);
        }
        assertThat(SparkS3.openUploads(bucket)).isZero();
    }

    @Test
    void write_taskFailsOnFirstAttempt_retryPublishesExactlyOneObjectPerPartition() {
        String bucket = SharedS3Mock.get().newBucket("spark-retry");
        Map<String, String> options = SparkS3.connection(bucket);
        options.put("path", "r/{{WRITER}}.csv");
        options.put("manifest", "_SUCCESS.json");
        UserDefinedFunction failFirst = functions.udf((UDF1<Long, Long>) id -> {
            TaskContext t = TaskContext.get();
            if (t.partitionId() == 1 && t.attemptNumber() == 0 && id % 750 == 700) {
                throw new IllegalStateException("first attempt of partition 1 fails on purpose");
            }
            return id;
        }, DataTypes.LongType);

        frame().select(failFirst.apply(functions.col("id")).as("id")).write().format("ferry").mode("append")
                .options(options).save();

        List<String> keys = new ArrayList<>(SparkS3.keys(bucket, "r/"));
        assertThat(keys.remove("r/_SUCCESS.json")).as("manifest written").isTrue();
        assertThat(keys).hasSize(4);
        String manifest = SharedS3Mock.get().client().getObjectAsBytes(b -> b.bucket(bucket).key("r/_SUCCESS.json"))
                .asUtf8String();
        assertThat(keys).allMatch(manifest::contains);
        assertThat(keys.stream().map(k -> k.substring(2, 7)).distinct()).containsExactly("00000", "00001", "00002",
                "00003");
        assertThat(SparkS3.openUploads(bucket)).isZero();
        assertThat(spark.read().option("header", "true").csv(pathsOf(bucket, "r/")).count()).isEqualTo(ROWS);
    }

    @Test
    void write_jobFails_leavesNoObjectAndNoUpload() {
        String bucket = SharedS3Mock.get().newBucket("spark-fail");
        Map<String, String> options = SparkS3.connection(bucket);
        options.put("path", "f/{{WRITER}}.csv");
        UserDefinedFunction alwaysFails = functions.udf((UDF1<Long, Long>) id -> {
            if (TaskContext.get().partitionId() == 2 && id % 750 == 300) {
                throw new IllegalStateException("partition 2 always fails");
            }
            return id;
        }, DataTypes.LongType);

        assertThatThrownBy(() -> frame().select(alwaysFails.apply(functions.col("id")).as("id")).write()
                .format("ferry").mode("append").options(options).save())
                .hasStackTraceContaining("partition 2 always fails");

        assertThat(SparkS3.keys(bucket, "")).isEmpty();
        assertThat(SparkS3.openUploads(bucket)).isZero();
    }

    @Test
    void write_unknownOption_throwsConfigExceptionNamingIt() {
        Map<String, String> options = SparkS3.connection("any");
        options.put("path", "x/{{WRITER}}.csv");
        options.put("compresion", "gz");

        assertThatThrownBy(() -> frame().write().format("ferry").mode("append").options(options).save())
                .isInstanceOf(FerryConfigException.class)
                .hasMessageStartingWith("unknown option 'compresion' for format(\"ferry\") writes; the options are [");
    }

    @Test
    void write_pathWithoutWriterOrUuid_throwsBeforeAnyTaskStarts() {
        String bucket = SharedS3Mock.get().newBucket("spark-nowriter");
        Map<String, String> options = SparkS3.connection(bucket);
        options.put("path", "same/data.csv");

        assertThatThrownBy(() -> frame().write().format("ferry").mode("append").options(options).save())
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("path 'same/data.csv' has neither {{WRITER}} nor {{UUID}}, so every Spark task would"
                        + " write the same keys; add one, e.g. 'same/part-{{WRITER}}.{{FORMAT}}' (path)");
        assertThat(SparkS3.openUploads(bucket)).isZero();
    }

    private String[] pathsOf(String bucket, String prefix) {
        try {
            return SparkS3.download(bucket, prefix, dir.resolve(bucket)).stream().map(Path::toString)
                    .filter(f -> f.endsWith(".csv")).toArray(String[]::new);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
