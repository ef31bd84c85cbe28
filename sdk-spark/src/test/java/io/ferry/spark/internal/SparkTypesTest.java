package io.ferry.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkTypesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            boolean               | BOOLEAN
            tinyint               | LONG
            smallint              | LONG
            int                   | LONG
            bigint                | LONG
            float                 | DOUBLE
            double                | DOUBLE
            decimal(38,10)        | STRING
            string                | STRING
            varchar(10)           | STRING
            char(3)               | STRING
            date                  | STRING
            timestamp             | TIMESTAMP
            timestamp_ntz         | TIMESTAMP
            binary                | STRING
            void                  | STRING
            array<int>            | JSON
            map<string,double>    | JSON
            struct<a:int,b:string> | JSON
            array<struct<d:date>> | JSON
            """)
    void toFerry_mapsEachSparkType(String ddl, ColumnType expected) {
        assertThat(SparkTypes.toFerry("c", DataType.fromDDL(ddl))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            interval day to second | column 'c' has Spark type interval day to second, which Ferry cannot write; cast it to a string, number or timestamp first (df.withColumn("c", col("c").cast("string")))
            array<interval year>   | column 'c' has Spark type interval year, which Ferry cannot write; cast it to a string, number or timestamp first (df.withColumn("c", col("c").cast("string")))
            """)
    void toFerry_unsupportedType_throwsNamingTheColumn(String ddl, String message) {
        assertThatThrownBy(() -> SparkTypes.toFerry("c", DataType.fromDDL(ddl)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            BOOLEAN   | boolean
            LONG      | bigint
            DOUBLE    | double
            STRING    | string
            TIMESTAMP | timestamp
            JSON      | string
            """)
    void toSpark_mapsEachFerryType(ColumnType type, String ddl) {
        assertThat(SparkTypes.toSpark(type)).isEqualTo(DataType.fromDDL(ddl));
    }

    @Test
    void rowToRecord_convertsFlatAndNestedValues() {
        StructType schema = StructType.fromDDL("b boolean, i int, l bigint, f float, d decimal(20,4), s string,"
                + " dt date, ts timestamp, bin binary, arr array<int>, m map<string,bigint>,"
                + " st struct<x:decimal(5,2),y:string,z:date>, n string");
        InternalRow row = new GenericInternalRow(new Object[] {
            true, 42, 1L << 40, 1.5f, Decimal.apply(new BigDecimal("1234567890123456.7891")),
            UTF8String.fromString("héllo"), (int) LocalDate.of(2026, 12, 6).toEpochDay(),
            1_733_500_000_123_456L, "ab".getBytes(StandardCharsets.UTF_8),
            new GenericArrayData(new Object[] {1, null, 3}),
            new ArrayBasedMapData(new GenericArrayData(new Object[] {UTF8String.fromString("k")}),
                    new GenericArrayData(new Object[] {7L})),
            new GenericInternalRow(new Object[] {Decimal.apply(new BigDecimal("1.25")), UTF8String.fromString("q\""),
                (int) LocalDate.of(2000, 1, 2).toEpochDay()}),
            null});

        RowToRecord conv = new RowToRecord(schema);
        Record r = conv.convert(row);

        assertThat(conv.schema().names()).containsExactly("b", "i", "l", "f", "d", "s", "dt", "ts", "bin", "arr", "m",
                "st", "n");
        assertThat(r.getBoolean("b")).isTrue();
        assertThat(r.getLong("i")).isEqualTo(42L);
        assertThat(r.getLong("l")).isEqualTo(1L << 40);
        assertThat(r.getDouble("f")).isEqualTo(1.5);
        assertThat(r.getString("d")).isEqualTo("1234567890123456.7891");
        assertThat(r.getString("s")).isEqualTo("héllo");
        assertThat(r.getString("dt")).isEqualTo("2026-12-06");
        assertThat(r.getInstant("ts")).isEqualTo(Instant.parse("2024-12-06T15:46:40.123456Z"));
        assertThat(r.getString("bin")).isEqualTo("YWI=");
        assertThat(r.getString("arr")).isEqualTo("[1,null,3]");
        assertThat(r.getString("m")).isEqualTo("{\"k\":7}");
        assertThat(r.getString("st")).isEqualTo("{\"x\":1.25,\"y\":\"q\\\"\",\"z\":\"2000-01-02\"}");
        assertThat(r.isNull("n")).isTrue();
    }

    @Test
    void recordToRow_readsBackWhatRowToRecordWrote() {
        StructType schema = StructType.fromDDL("b boolean, i int, l bigint, f float, d decimal(20,4), s string,"
                + " dt date, ts timestamp, ntz timestamp_ntz, bin binary");
        InternalRow row = new GenericInternalRow(new Object[] {
            false, -7, Long.MIN_VALUE, -0.25f, Decimal.apply(new BigDecimal("-0.0001")), UTF8String.fromString(""),
            (int) LocalDate.of(1969, 12, 31).toEpochDay(), -1L, 1_000_000L, new byte[] {0, -1, 2}});
        Record r = new RowToRecord(schema).convert(row);

        InternalRow back = new RecordToRow(schema).convert(r, "test");

        for (int i = 0; i < schema.fields().length; i++) {
            DataType t = schema.fields()[i].dataType();
            assertThat(back.get(i, t)).as(schema.fields()[i].name()).isEqualTo(row.get(i, t));
        }
    }

    @Test
    void recordToRow_matchesColumnsByNameAndFillsMissingWithNull() {
        Schema ferry = SparkTypes.toFerry(StructType.fromDDL("a bigint, b string"));
        Record r = Record.of(ferry, 5L, "2026-01-02T03:04:05Z");

        InternalRow row = new RecordToRow(StructType.fromDDL("b timestamp, c int, a smallint")).convert(r, "k.csv");

        assertThat(row.getLong(0)).isEqualTo(Instant.parse("2026-01-02T03:04:05Z").getEpochSecond() * 1_000_000L);
        assertThat(row.isNullAt(1)).isTrue();
        assertThat(row.getShort(2)).isEqualTo((short) 5);
    }

    @Test
    void recordToRow_badValue_throwsDataExceptionNamingColumnAndValue() {
        Schema ferry = SparkTypes.toFerry(StructType.fromDDL("a bigint"));
        Record r = Record.of(ferry, 1L << 40);

        assertThatThrownBy(() -> new RecordToRow(StructType.fromDDL("a int")).convert(r, "logs/a.csv"))
                .isInstanceOf(FerryDataException.class)
                .hasMessageContaining("logs/a.csv")
                .hasMessageContaining("cannot read '1099511627776' as int: out of range -2147483648..2147483647;"
                        + " declare the column as string, or fix the data");
    }

    @Test
    void recordToRow_nestedTargetType_throwsConfigException() {
        assertThatThrownBy(() -> new RecordToRow(StructType.fromDDL("a array<int>")))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("column 'a' asks for array<int>: Ferry reads nested values as JSON text; declare it as"
                        + " string and use from_json (schema)");
    }
}
