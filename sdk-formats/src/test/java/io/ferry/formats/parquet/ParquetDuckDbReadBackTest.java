package io.ferry.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.testing.DuckDb;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files written by {@link ParquetFormat} read back by DuckDB, an independent Parquet engine. */
class ParquetDuckDbReadBackTest {
    private static final Schema ALL_TYPES = ParquetTestFiles.ALL_TYPES;
    private static final List<Object[]> ALL_TYPES_ROWS = ParquetTestFiles.ALL_TYPES_ROWS;

    @TempDir
    Path dir;

    @Test
    void allTypes_readBackByDuckDb_sameRowsAndTypes() {
        Path file = write(ParquetFormat.defaults(), ALL_TYPES, ALL_TYPES_ROWS);

        assertThat(describe(file)).containsExactly(
                "l BIGINT", "d DOUBLE", "b BOOLEAN", "s VARCHAR", "t TIMESTAMP WITH TIME ZONE", "j JSON");
        assertThat(readAll(file)).containsExactlyElementsOf(expected(ALL_TYPES_ROWS));
    }

    @Test
    void allTypes_parquetSchema_hasOptionalColumnsWithLogicalTypes() {
        Path file = write(ParquetFormat.defaults(), ALL_TYPES, List.of());

        List<List<Object>> columns = DuckDb.query("SELECT name, type, repetition_type, converted_type, logical_type "
                + "FROM parquet_schema(" + DuckDb.literal(file) + ") WHERE type IS NOT NULL");

        assertThat(columns).extracting(Object::toString).containsExactly(
                "[l, INT64, OPTIONAL, null, null]",
                "[d, DOUBLE, OPTIONAL, null, null]",
                "[b, BOOLEAN, OPTIONAL, null, null]",
                "[s, BYTE_ARRAY, OPTIONAL, UTF8, StringType()]",
                "[t, INT64, OPTIONAL, TIMESTAMP_MICROS, TimestampType(isAdjustedToUTC=1, unit=TimeUnit("
                        + "MILLIS=<null>, MICROS=MicroSeconds(), NANOS=<null>))]",
                "[j, BYTE_ARRAY, OPTIONAL, JSON, JsonType()]");
    }

    @Test
    void timestamp_nanoseconds_areTruncatedToMicroseconds() {
        Schema schema = Schema.of(Column.of("t", ColumnType.TIMESTAMP));
        Path file = write(ParquetFormat.defaults(), schema, List.of(
                new Object[] {Instant.parse("2024-05-06T07:08:09.123456789Z")},
                new Object[] {Instant.parse("1969-12-31T23:59:59.999999999Z")}));

        assertThat(DuckDb.query("SELECT epoch_us(t) FROM read_parquet(" + DuckDb.literal(file) + ")"))
                .containsExactly(List.of(1714979289123456L), List.of(-1L));
    }

    static Stream<Arguments> codecsAndVersions() {
        return Arrays.stream(ParquetCodec.values()).flatMap(codec -> Arrays.stream(ParquetWriterVersion.values())
                .map(version -> Arguments.of(codec, version)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("codecsAndVersions")
    void everyCodecAndVersion_readBackByDuckDb(ParquetCodec codec, ParquetWriterVersion version) {
        ParquetFormat format = ParquetFormat.builder().codec(codec).writerVersion(version).build();
        List<Object[]> rows = new ArrayList<>(ALL_TYPES_ROWS);
        for (long i = 0; i < 2000; i++) {
            rows.add(new Object[] {i, i / 4.0, i % 3 == 0, "row " + (i % 50),
                    Instant.ofEpochSecond(1_700_000_000L + i, i * 1000), i % 7 == 0 ? null : "{\"i\":" + i + "}"});
        }

        Path file = write(format, ALL_TYPES, rows);

        assertThat(readAll(file)).containsExactlyElementsOf(expected(rows));
        assertThat(DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata(" + DuckDb.literal(file) + ")"))
                .containsExactly(List.of(codec.name()));
        String encodings = DuckDb.query("SELECT string_agg(encodings, ',') FROM parquet_metadata("
                + DuckDb.literal(file) + ") WHERE path_in_schema = 's'").get(0).get(0).toString();
        // data page v2 files mark dictionary-encoded pages RLE_DICTIONARY, v1 files PLAIN_DICTIONARY
        assertThat(encodings).contains(version == ParquetWriterVersion.V2 ? "RLE_DICTIONARY" : "PLAIN_DICTIONARY");
    }

    @Test
    void smallRowGroupSize_50000Rows_writesManyRowGroupsThatReadBackInOrder() {
        ParquetFormat format = ParquetFormat.builder().rowGroupSize(64 * 1024).pageSize(8 * 1024).build();
        Schema schema = Schema.of(Column.of("id", ColumnType.LONG), Column.of("name", ColumnType.STRING));
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 50_000; i++) {
            rows.add(new Object[] {i, "name-" + i});
        }

        Path file = write(format, schema, rows);
        String source = "read_parquet(" + DuckDb.literal(file) + ")";

        assertThat(DuckDb.query("SELECT count(*), sum(id), min(id), max(id), count(DISTINCT name) FROM " + source))
                .containsExactly(List.of(50_000L, java.math.BigInteger.valueOf(1_249_975_000L), 0L, 49_999L, 50_000L));
        assertThat(DuckDb.query("SELECT count(*) FROM (SELECT id, row_number() OVER () - 1 AS n FROM "
                + source + ") WHERE id <> n")).containsExactly(List.of(0L));
        long rowGroups = (Long) DuckDb.query("SELECT count(DISTINCT row_group_id) FROM parquet_metadata("
                + DuckDb.literal(file) + ")").get(0).get(0);
        assertThat(rowGroups).isGreaterThan(5);
    }

    @Test
    void maxRowsPerRowGroup_limitsEveryRowGroup() {
        ParquetFormat format = ParquetFormat.builder().maxRowsPerRowGroup(1000).build();
        Schema schema = Schema.of(Column.of("id", ColumnType.LONG));
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 10_500; i++) {
            rows.add(new Object[] {i});
        }

        Path file = write(format, schema, rows);

        assertThat(DuckDb.query("SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata("
                + DuckDb.literal(file) + ") ORDER BY row_group_id"))
                .extracting(r -> r.get(1))
                .containsExactly(1000L, 1000L, 1000L, 1000L, 1000L, 1000L, 1000L, 1000L, 1000L, 1000L, 500L);
    }

    @Test
    void columnNamesAvroCannotExpress_areKeptInTheParquetFile() {
        Schema schema = Schema.of(
                Column.of("my col", ColumnType.LONG),
                Column.of("1st", ColumnType.STRING),
                Column.of("ünï", ColumnType.DOUBLE),
                Column.of("a-b", ColumnType.BOOLEAN),
                Column.of("a_b", ColumnType.JSON),
                Column.of("select", ColumnType.TIMESTAMP));
        Path file = write(ParquetFormat.defaults(), schema, List.<Object[]>of(
                new Object[] {1L, "x", 1.5, true, "{}", Instant.EPOCH}));

        assertThat(describe(file)).containsExactly("my col BIGINT", "1st VARCHAR", "ünï DOUBLE", "a-b BOOLEAN",
                "a_b JSON", "select TIMESTAMP WITH TIME ZONE");
        assertThat(readAll(file)).containsExactly(List.of(1L, "x", 1.5, true, "{}", Instant.EPOCH));
    }

    @Test
    void noRows_writesAValidFileWithTheSchema() {
        Path file = write(ParquetFormat.defaults(), ALL_TYPES, List.of());

        assertThat(DuckDb.query("SELECT count(*) FROM read_parquet(" + DuckDb.literal(file) + ")"))
                .containsExactly(List.of(0L));
        assertThat(describe(file)).hasSize(6);
    }

    private Path write(ParquetFormat format, Schema schema, List<Object[]> rows) {
        return ParquetTestFiles.write(dir, format, schema, rows);
    }

    private static List<String> describe(Path file) {
        return DuckDb.query("DESCRIBE SELECT * FROM read_parquet(" + DuckDb.literal(file) + ")").stream()
                .map(r -> r.get(0) + " " + r.get(1))
                .collect(Collectors.toList());
    }

    /** Every row, with DuckDB's JDBC values turned into Ferry's Java values. */
    static List<List<Object>> readAll(Path file) {
        return DuckDb.query("SELECT * FROM read_parquet(" + DuckDb.literal(file) + ")").stream()
                .map(row -> row.stream().map(ParquetDuckDbReadBackTest::toFerryValue).collect(Collectors.toList()))
                .collect(Collectors.toList());
    }

    private static Object toFerryValue(Object jdbc) {
        if (jdbc instanceof OffsetDateTime) {
            return ((OffsetDateTime) jdbc).toInstant();
        }
        if (jdbc != null && jdbc.getClass().getSimpleName().equals("JsonNode")) {
            return jdbc.toString();
        }
        return jdbc;
    }

    static List<List<Object>> expected(List<Object[]> rows) {
        return rows.stream().map(Arrays::asList).collect(Collectors.toList());
    }
}
