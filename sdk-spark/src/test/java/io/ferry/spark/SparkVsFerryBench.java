package io.ferry.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.core.testing.TestReport;
import io.ferry.formats.Compression;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.export.S3Export;
import io.ferry.s3.export.S3ExportConfig;
import io.ferry.s3.imports.S3Import;
import io.ferry.s3.testing.SharedS3Mock;
import io.ferry.spark.testing.SparkS3;
import io.ferry.spark.testing.SparkTestSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On demand (docs/benchmarks.md, "Spark"): the same rows as CSV gz written by Spark local[2]
 * through {@code format("ferry")} and by one Ferry export, then read back by Spark through
 * {@code format("ferry")} and by one Ferry import, against the shared S3Mock. Prints the median of
 * the timed rounds after one warm-up round and the ratios.
 *
 * <pre>
 * mvn -B -ntp -pl sdk-spark -am test -Dtest=SparkVsFerryBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dferry.spark.bench=true -Dferry.test.console=WARN [-Dferry.spark.bench.rows=10000000 -Dferry.spark.bench.rounds=5]
 * </pre>
 */
@EnabledIfSystemProperty(named = "ferry.spark.bench", matches = "true")
class SparkVsFerryBench {
    private static final String SUITE = "spark-bench";
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
            Column.of("name", ColumnType.STRING), Column.of("amount", ColumnType.DOUBLE),
            Column.of("at", ColumnType.TIMESTAMP));
    private static final String PARSER = "{\"type\":\"csv\",\"skip_header_lines\":1,\"columns\":["
            + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"},"
            + "{\"name\":\"amount\",\"type\":\"double\"},"
            + "{\"name\":\"at\",\"type\":\"timestamp\",\"format\":\"%Y-%m-%d %H:%M:%S.%L\"}]}";

    @Test
    void sparkLocal2VersusOneFerryExportAndImport() {
        long rows = Long.getLong("ferry.spark.bench.rows", 10_000_000L);
        int rounds = Integer.getInteger("ferry.spark.bench.rounds", 5);
        SparkSession spark = SparkTestSession.get();
        String bucket = SharedS3Mock.get().newBucket("bench");
        Map<String, String> options = SparkS3.connection(bucket);
        options.put("format", "csv");
        options.put("compression", "gz");
        S3Export ferry = S3ExportConfig.fromTdResult("{\"type\":\"s3_v2\",\"bucket\":\"" + bucket
                + "\",\"path\":\"ferry/out.csv.gz\",\"format\":\"csv\",\"compression\":\"gz\",\"auth_method\":\"basic\","
                + "\"access_key_id\":\"" + SharedS3Mock.ACCESS_KEY_ID + "\",\"secret_access_key\":\""
                + SharedS3Mock.SECRET_ACCESS_KEY + "\",\"endpoint\":\"" + SharedS3Mock.get().endpoint() + "\"}")
                .pathStyle(true).region("us-east-1").compression(Compression.GZIP).build();

        List<Long> sparkWrite = new ArrayList<>();
        List<Long> ferryWrite = new ArrayList<>();
        List<Long> sparkRead = new ArrayList<>();
        List<Long> ferryRead = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            String prefix = "spark" + round + "/";
            options.put("path", prefix + "{{WRITER}}.csv.gz");
            long t0 = System.nanoTime();
            spark.range(0, rows, 1, 2).selectExpr("id", "concat('name ', id) as name", "id * 0.5 as amount",
                    "timestamp_millis(1700000000000 + id) as at")
                    .write().format("ferry").mode("append").options(options).save();
            long t1 = System.nanoTime();
            assertThat(ferry.write("t", SCHEMA, () -> generate(rows)).rows()).isEqualTo(rows);
            long t2 = System.nanoTime();

            Map<String, String> read = SparkS3.connection(bucket);
            read.put("path_prefix", prefix);
            read.put("parser", PARSER);
            assertThat(spark.read().format("ferry").options(read).load().count()).isEqualTo(rows);
            long t3 = System.nanoTime();
            AtomicLong counted = new AtomicLong();
            S3Import.builder().connection(SharedS3Mock.get()::connect).bucket(bucket).pathPrefix(prefix)
                    .parser(ParserConfig.fromJson(PARSER)).build().run(counter(counted));
            assertThat(counted.get()).isEqualTo(rows);
            long t4 = System.nanoTime();
            if (round > 0) {
                sparkWrite.add(t1 - t0);
                ferryWrite.add(t2 - t1);
                sparkRead.add(t3 - t2);
                ferryRead.add(t4 - t3);
            }
            TestReport.line(SUITE, String.format("round %d: write spark %.1f s, ferry %.1f s; read spark %.1f s,"
                    + " ferry %.1f s", round, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9));
        }
        report("write", rows, median(sparkWrite), median(ferryWrite));
        report("read", rows, median(sparkRead), median(ferryRead));
    }

    private static void report(String what, long rows, long spark, long ferry) {
        TestReport.line(SUITE, String.format("%s %,d rows CSV gz, median: Spark local[2] %.1f s (%.2f M rows/s),"
                + " one Ferry %s %.1f s (%.2f M rows/s); Spark/Ferry throughput ratio %.2f", what, rows, spark / 1e9,
                rows / (spark / 1e9) / 1e6, what.equals("write") ? "export" : "import", ferry / 1e9,
                rows / (ferry / 1e9) / 1e6, (double) ferry / spark));
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static Iterator<Record> generate(long rows) {
        return new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public Record next() {
                long id = i++;
                return Record.of(SCHEMA, id, "name " + id, id * 0.5, Instant.ofEpochMilli(1_700_000_000_000L + id));
            }
        };
    }

    private static RecordSink counter(AtomicLong counted) {
        return new RecordSink() {
            @Override
            public void open(Schema schema) {
            }

            @Override
            public void write(Record record) {
                counted.incrementAndGet();
            }

            @Override
            public void commit() {
            }

            @Override
            public void abort() {
            }
        };
    }
}
