package io.ferry.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.spark.testing.SparkTestSession;
import io.ferry.td.TdWriteMode;
import io.ferry.td.TdWriter;
import io.ferry.td.testing.LocalTdServer;
import io.ferry.td.testing.LocalTdServerExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code df.write().format("ferry-td")} from 4 tasks against LocalTdServer (it decodes the
 * msgpack.gz chunks): REPLACE swaps exactly the written rows in, a retried task adds its rows
 * once, a failing job leaves the table as it was and no temporary table.
 */
class TdSparkWriteTest {
    @RegisterExtension
    static final LocalTdServerExtension TD = new LocalTdServerExtension();

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final int ROWS = 2_000;
    private static final Schema OLD = Schema.of(Column.of("id", ColumnType.LONG), Column.of("name", ColumnType.STRING));

    private final SparkSession spark = SparkTestSession.get();
    private String db;

    private Dataset<Row> frame() {
        return spark.range(0, ROWS, 1, 4).selectExpr("id", "concat('n', id) as name",
                "timestamp_seconds(1700000000 + id) as time");
    }

    private String tableWithOldRows() {
        db = "spark_" + DATABASES.incrementAndGet();
        String table = "events";
        TD.server().createDatabase(db);
        TdWriter.builder().endpoint(TD.server().endpoint()).apiKey(LocalTdServer.MASTER_KEY).database(db)
                .table(table).mode(TdWriteMode.APPEND).build()
                .write(OLD, List.of(Record.of(OLD, -1L, "old"), Record.of(OLD, -2L, "old"), Record.of(OLD, -3L, "old")));
        return table;
    }

    private Map<String, String> options(String table) {
        Map<String, String> m = new HashMap<>();
        m.put("endpoint", TD.server().endpoint());
        m.put("apikey", LocalTdServer.MASTER_KEY);
        m.put("database", db);
        m.put("table", table);
        m.put("time_column", "time");
        m.put("chunk_size", "4096");
        return m;
    }

    private List<Long> ids(String table) {
        return TD.server().rows(db, table).stream().map(r -> ((Number) r.get("id")).longValue()).sorted()
                .toList();
    }

    @Test
    void overwrite_fromFourTasks_replacesTheTableWithExactlyTheWrittenRows() {
        String table = tableWithOldRows();

        frame().write().format("ferry-td").mode("overwrite").options(options(table)).save();

        assertThat(ids(table)).isEqualTo(LongStream.range(0, ROWS).boxed().toList());
        Map<String, Object> row = TD.server().rows(db, table).stream()
                .filter(r -> ((Number) r.get("id")).longValue() == 7).findFirst().orElseThrow();
        assertThat(row).containsEntry("name", "n7");
        assertThat(((Number) row.get("time")).longValue()).isEqualTo(1_700_000_007L);
        assertThat(TD.server().tables(db)).containsExactly(table);
    }

    @Test
    void append_taskFailsOnFirstAttempt_addsEveryRowOnce() {
        String table = tableWithOldRows();
        UserDefinedFunction failFirst = functions.udf((UDF1<Long, Long>) id -> {
            TaskContext t = TaskContext.get();
            if (t.partitionId() == 1 && t.attemptNumber() == 0 && id == 900) {
                throw new IllegalStateException("first attempt of partition 1 fails on purpose");
            }
            return id;
        }, DataTypes.LongType);

        frame().withColumn("id", failFirst.apply(functions.col("id"))).write().format("ferry-td").mode("append")
                .options(options(table)).save();

        List<Long> expected = new java.util.ArrayList<>(List.of(-3L, -2L, -1L));
        expected.addAll(LongStream.range(0, ROWS).boxed().toList());
        assertThat(ids(table)).isEqualTo(expected);
    }

    @Test
    void overwrite_jobFails_leavesTheTableAsItWasAndNoTemporaryTable() {
        String table = tableWithOldRows();
        UserDefinedFunction alwaysFails = functions.udf((UDF1<Long, Long>) id -> {
            if (TaskContext.get().partitionId() == 3 && id == 1900) {
                throw new IllegalStateException("partition 3 always fails");
            }
            return id;
        }, DataTypes.LongType);

        assertThatThrownBy(() -> frame().withColumn("id", alwaysFails.apply(functions.col("id"))).write()
                .format("ferry-td").mode("overwrite").options(options(table)).save())
                .hasStackTraceContaining("partition 3 always fails");

        assertThat(ids(table)).containsExactly(-3L, -2L, -1L);
        assertThat(TD.server().tables(db)).containsExactly(table);
    }
}
