package io.ferry.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import io.ferry.formats.parquet.internal.PageCodecFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files written by {@link ParquetFormat} read back by parquet-avro's own reader. That reader
 * needs Hadoop jars, so these tests run in their own Surefire execution.
 */
@Tag("parquet-avro-reader")
class ParquetAvroReadBackTest {
    @TempDir
    Path dir;

    @Test
    void allTypes_readBackByParquetAvro_sameValues() {
        Path file = ParquetTestFiles.write(dir, ParquetFormat.defaults(), ParquetTestFiles.ALL_TYPES,
                ParquetTestFiles.ALL_TYPES_ROWS);

        assertThat(values(read(file))).containsExactlyElementsOf(expected(ParquetTestFiles.ALL_TYPES_ROWS));
    }

    static Stream<Arguments> codecsAndVersions() {
        return Arrays.stream(ParquetCodec.values()).flatMap(codec -> Arrays.stream(ParquetWriterVersion.values())
                .map(version -> Arguments.of(codec, version)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("codecsAndVersions")
    void everyCodecAndVersion_readBackByParquetAvro(ParquetCodec codec, ParquetWriterVersion version) {
        List<Object[]> rows = new ArrayList<>(ParquetTestFiles.ALL_TYPES_ROWS);
        for (long i = 0; i < 1000; i++) {
            rows.add(new Object[] {i, i / 4.0, i % 3 == 0, "row " + (i % 50),
                    Instant.ofEpochSecond(1_700_000_000L + i, i * 1000), i % 7 == 0 ? null : "{\"i\":" + i + "}"});
        }
        ParquetFormat format = ParquetFormat.builder().codec(codec).writerVersion(version).build();

        Path file = ParquetTestFiles.write(dir, format, ParquetTestFiles.ALL_TYPES, rows);

        assertThat(values(read(file))).containsExactlyElementsOf(expected(rows));
    }

    @Test
    void manyRowGroups_readBackInOrder() {
        Schema schema = Schema.of(Column.of("id", ColumnType.LONG));
        List<Long> ids = LongStream.range(0, 20_000).boxed().collect(Collectors.toList());
        ParquetFormat format = ParquetFormat.builder().rowGroupSize(16 * 1024).pageSize(4 * 1024).build();

        Path file = ParquetTestFiles.write(dir, format, schema,
                ids.stream().map(id -> new Object[] {id}).collect(Collectors.toList()));

        assertThat(read(file)).extracting(r -> r.get(0)).containsExactlyElementsOf(ids);
    }

    @Test
    void columnNamesAvroCannotExpress_resolveThroughAliases() {
        Schema schema = Schema.of(Column.of("my col", ColumnType.LONG), Column.of("1st", ColumnType.STRING),
                Column.of("a-b", ColumnType.BOOLEAN), Column.of("a_b", ColumnType.DOUBLE));

        Path file = ParquetTestFiles.write(dir, ParquetFormat.defaults(), schema,
                List.<Object[]>of(new Object[] {1L, "x", true, 2.5}));
        List<GenericRecord> records = read(file);

        org.apache.avro.Schema avro = records.get(0).getSchema();
        assertThat(avro.getFields()).extracting(f -> f.name() + " " + f.aliases())
                .containsExactly("my_col [my col]", "_1st [1st]", "a_b_2 [a-b]", "a_b []");
        assertThat(values(records)).containsExactly(List.of(1L, "x", true, 2.5));
    }

    private static List<GenericRecord> read(Path file) {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        List<GenericRecord> records = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                        new LocalInputFile(file), new PlainParquetConfiguration())
                .withDataModel(model)
                .withCodecFactory(new PageCodecFactory())
                .build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return records;
    }

    private static List<List<Object>> values(List<GenericRecord> records) {
        return records.stream()
                .map(r -> IntStream.range(0, r.getSchema().getFields().size()).mapToObj(r::get)
                        .collect(Collectors.toList()))
                .collect(Collectors.toList());
    }

    private static List<List<Object>> expected(List<Object[]> rows) {
        return rows.stream().map(Arrays::asList).collect(Collectors.toList());
    }
}
