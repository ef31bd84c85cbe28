package io.ferry.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.incremental.IncrementalState;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.spark.testing.SparkS3;
import io.ferry.spark.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@code spark.read().format("ferry")}: the driver plans once (list, select, guess), objects are
 * bin-packed into a few input partitions, executors read them with Ferry's parser; incremental
 * reads through {@link FerrySpark#planRead}.
 */
class SparkReadTest {
    private static final String PARSER = "{\"type\":\"csv\",\"skip_header_lines\":1,\"columns\":["
            + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"},"
            + "{\"name\":\"at\",\"type\":\"timestamp\",\"format\":\"%Y-%m-%d %H:%M:%S\"}]}";

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void read_thousandSmallObjects_plannedIntoAFewPartitions() throws Exception {
        String bucket = SharedS3Mock.get().newBucket("spark-read");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = IntStream.range(0, 1000).<Future<?>>mapToObj(i -> pool.submit(() ->
                    SparkS3.put(bucket, String.format("logs/part-%04d.csv%s", i, i % 2 == 0 ? ".gz" : ""),
                            body(i * 10L, 10, i % 2 == 0)))).toList();
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, String> options = SparkS3.connection(bucket);
        options.put("path_prefix", "logs/");
        options.put("parser", PARSER);

        Dataset<Row> df = spark.read().format("ferry").options(options).load();

        // 1,000 objects of ~200 bytes, each counting 1 MB for its open cost: 127 per 128 MB partition
        assertThat(df.rdd().getNumPartitions()).isEqualTo(8);
        Row agg = df.selectExpr("count(*)", "sum(id)", "count(distinct name)", "min(at)").first();
        assertThat(agg.getLong(0)).isEqualTo(10_000L);
        assertThat(agg.getLong(1)).isEqualTo(IntStream.range(0, 10_000).asLongStream().sum());
        assertThat(agg.getLong(2)).isEqualTo(10_000L);
        assertThat(agg.getTimestamp(3).toInstant()).isEqualTo(java.time.Instant.parse("2026-12-06T00:00:00Z"));
    }

    @Test
    void read_withoutParser_guessesOnceOnTheDriver() {
        String bucket = SharedS3Mock.get().newBucket("spark-guess");
        SparkS3.put(bucket, "g/a.csv", body(0, 50, false));
        SparkS3.put(bucket, "g/b.csv", body(50, 50, false));
        Map<String, String> options = SparkS3.connection(bucket);
        options.put("path_prefix", "g/");

        Dataset<Row> df = spark.read().format("ferry").options(options).load();

        assertThat(df.schema().fieldNames()).containsExactly("id", "name", "at");
        assertThat(df.schema().apply("id").dataType().simpleString()).isEqualTo("bigint");
        assertThat(df.selectExpr("sum(id)").first().getLong(0)).isEqualTo(IntStream.range(0, 100).sum());
    }

    @Test
    void read_withUserSchema_convertsToItsTypes() {
        String bucket = SharedS3Mock.get().newBucket("spark-schema");
        SparkS3.put(bucket, "s/a.csv", body(0, 20, false));
        Map<String, String> options = SparkS3.connection(bucket);
        options.put("path_prefix", "s/");
        options.put("parser", PARSER);

        Dataset<Row> df = spark.read().format("ferry").schema("name string, id int, at date").options(options)
                .load();

        Row first = df.orderBy("id").first();
        assertThat(first.getString(0)).isEqualTo("name 0");
        assertThat(first.getInt(1)).isZero();
        assertThat(first.getDate(2).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 6));
    }

    @Test
    void planRead_incrementalOverTwoRuns_readsOnlyNewObjectsAndAdvancesTheState() {
        String bucket = SharedS3Mock.get().newBucket("spark-incr");
        SparkS3.put(bucket, "in/001.csv", body(0, 10, false));
        SparkS3.put(bucket, "in/002.csv", body(10, 10, false));
        Map<String, String> options = SparkS3.connection(bucket);
        options.put("path_prefix", "in/");
        options.put("parser", PARSER);

        PlannedRead first = FerrySpark.planRead(spark, options, null);
        assertThat(first.dataset().count()).isEqualTo(20L);
        IncrementalState state = first.nextState().orElseThrow();
        assertThat(state.lastPath()).contains("in/002.csv");

        SparkS3.put(bucket, "in/003.csv", body(20, 10, false));
        SparkS3.put(bucket, "in/004.csv", body(30, 5, false));
        PlannedRead second = FerrySpark.planRead(spark, options, state);

        assertThat(second.selection().objects()).extracting(o -> o.key()).containsExactly("in/003.csv", "in/004.csv");
        assertThat(second.dataset().selectExpr("min(id)", "max(id)", "count(*)").first().toSeq().toString())
                .isEqualTo("ArraySeq(20, 34, 15)");
        assertThat(second.nextState().orElseThrow().lastPath()).contains("in/004.csv");
        // the first DataFrame still reads its own plan
        assertThat(first.dataset().count()).isEqualTo(20L);
    }

    private static byte[] body(long from, int rows, boolean gzip) {
        StringBuilder sb = new StringBuilder("id,name,at\n");
        for (long i = from; i < from + rows; i++) {
            sb.append(i).append(",name ").append(i).append(",2026-12-06 ").append(String.format("%02d:00:00", i % 24))
                    .append('\n');
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (!gzip) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
