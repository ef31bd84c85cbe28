package io.ferry.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import io.ferry.formats.parquet.internal.PageCodecFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.values.bloomfilter.BloomFilter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The encoding options of {@link ParquetFormat} (dictionary, codec level, Bloom filters) as
 * parquet-java's own file reader sees them in the footer, and the rows as DuckDB reads them back.
 * parquet-java's reader needs Hadoop jars, so this runs in the parquet-avro-reader execution.
 */
@Tag("parquet-avro-reader")
class ParquetOptionsReadBackTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG),
            Column.of("name", ColumnType.STRING), Column.of("price", ColumnType.DOUBLE),
            Column.of("flag", ColumnType.BOOLEAN), Column.of("at", ColumnType.TIMESTAMP));

    @TempDir
    Path dir;

    private static List<Object[]> rows(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            rows.add(new Object[] {i % 1000, i % 11 == 0 ? null : "name " + (i % 97), (i % 13) / 4.0, i % 2 == 0,
                    Instant.ofEpochSecond(1_700_000_000L + i % 500)});
        }
        return rows;
    }

    @Test
    void dictionaryOn_everyColumnChunkHasADictionaryPage() {
        Path file = ParquetTestFiles.write(dir, ParquetFormat.defaults(), SCHEMA, rows(5000));

        assertThat(dictionaryPages(file)).containsExactly(
                Map.entry("id", true), Map.entry("name", true), Map.entry("price", true),
                Map.entry("flag", false), Map.entry("at", true)); // booleans are never dictionary-encoded
    }

    @Test
    void dictionaryOff_noColumnChunkHasADictionaryPage_rowsReadBackEqual() {
        List<Object[]> rows = rows(5000);
        Path file = ParquetTestFiles.write(dir, ParquetFormat.builder().dictionary(false).build(), SCHEMA, rows);

        assertThat(dictionaryPages(file)).containsOnlyKeys("id", "name", "price", "flag", "at")
                .doesNotContainValue(true);
        assertThat(ParquetDuckDbReadBackTest.readAll(file))
                .containsExactlyElementsOf(ParquetDuckDbReadBackTest.expected(rows));
    }

    @Test
    void dictionaryPerColumn_overridesTheDefaultForThatColumnOnly() {
        ParquetFormat format = ParquetFormat.builder().dictionary(false).dictionary("name", true).build();

        Path file = ParquetTestFiles.write(dir, format, SCHEMA, rows(5000));

        assertThat(dictionaryPages(file)).containsExactly(
                Map.entry("id", false), Map.entry("name", true), Map.entry("price", false),
                Map.entry("flag", false), Map.entry("at", false));
    }

    @Test
    void bloomFilters_writtenForTheChosenColumnsOnly_andFindTheirValues() throws IOException {
        ParquetFormat format = ParquetFormat.builder()
                .bloomFilter("id", b -> b.expectedDistinctValues(1000).falsePositiveProbability(0.01))
                .bloomFilter("name")
                .dictionary("id", false).dictionary("name", false)
                .build();
        List<Object[]> rows = rows(5000);

        Path file = ParquetTestFiles.write(dir, format, SCHEMA, rows);

        try (ParquetFileReader reader = open(file)) {
            BlockMetaData block = reader.getFooter().getBlocks().get(0);
            Map<String, BloomFilter> filters = new LinkedHashMap<>();
            for (ColumnChunkMetaData c : block.getColumns()) {
                filters.put(c.getPath().toDotString(), reader.readBloomFilter(c));
            }
            assertThat(filters.keySet()).containsExactly("id", "name", "price", "flag", "at");
            assertThat(filters.get("price")).isNull();
            assertThat(filters.get("flag")).isNull();
            assertThat(filters.get("at")).isNull();
            BloomFilter ids = filters.get("id");
            BloomFilter names = filters.get("name");
            assertThat(ids).isNotNull();
            assertThat(names).isNotNull();
            for (long id = 0; id < 1000; id++) {
                assertThat(ids.findHash(ids.hash(id))).as("id %d", id).isTrue();
            }
            assertThat(names.findHash(names.hash(Binary.fromString("name 42")))).isTrue();
            long falsePositives = 0;
            for (long id = 1_000_000; id < 1_010_000; id++) {
                falsePositives += ids.findHash(ids.hash(id)) ? 1 : 0;
            }
            assertThat(falsePositives).as("false positives among 10,000 absent ids").isLessThan(300);
            // sized from 1,000 expected values rather than Parquet's largest size, 1 MiB
            assertThat(ids.getBitsetSize()).isLessThan(names.getBitsetSize()).isLessThanOrEqualTo(16 * 1024);
        }
        assertThat(ParquetDuckDbReadBackTest.readAll(file))
                .containsExactlyElementsOf(ParquetDuckDbReadBackTest.expected(rows));
    }

    @Test
    void bloomFilter_onAColumnChunkThatIsAllDictionary_isLeftOutByParquet() throws IOException {
        ParquetFormat format = ParquetFormat.builder().bloomFilter("name").bloomFilter("id").dictionary("id", false)
                .build();

        Path file = ParquetTestFiles.write(dir, format, SCHEMA, rows(5000));

        try (ParquetFileReader reader = open(file)) {
            List<ColumnChunkMetaData> columns = reader.getFooter().getBlocks().get(0).getColumns();
            assertThat(columns.get(1).hasDictionaryPage()).isTrue();
            assertThat(reader.readBloomFilter(columns.get(1))).as("name: its dictionary lists every value").isNull();
            assertThat(reader.readBloomFilter(columns.get(0))).as("id: plain-encoded").isNotNull();
        }
    }

    @ParameterizedTest(name = "{0} level {1} smaller than level {2}")
    @CsvSource({"GZIP, 9, 1", "ZSTD, 19, 1"})
    void codecLevel_higherLevelWritesSmallerPages_sameCodecInTheFooter(ParquetCodec codec, int high, int low) {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            rows.add(new Object[] {i * 7919 % 100_003, "text " + Long.toString(i * 2654435761L % 1_000_003, 36)
                    + " repeated words repeated words " + (i % 31), i / 3.0, i % 3 == 0, Instant.ofEpochSecond(i)});
        }
        ParquetFormat base = ParquetFormat.builder().codec(codec).dictionary(false).build();

        Path highFile = ParquetTestFiles.write(dir, base.toBuilder().codecLevel(high).build(), SCHEMA, rows);
        Path lowFile = ParquetTestFiles.write(dir, base.toBuilder().codecLevel(low).build(), SCHEMA, rows);

        assertThat(codecs(highFile)).containsOnly(CompressionCodecName.valueOf(codec.name()));
        assertThat(codecs(lowFile)).containsOnly(CompressionCodecName.valueOf(codec.name()));
        assertThat(compressedSize(highFile)).isLessThan(compressedSize(lowFile));
        assertThat(ParquetDuckDbReadBackTest.readAll(highFile))
                .containsExactlyElementsOf(ParquetDuckDbReadBackTest.expected(rows));
    }

    private static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration())
                        .withCodecFactory(new PageCodecFactory()).build());
    }

    /** Column path to whether its first row group's chunk has a dictionary page. */
    private static Map<String, Boolean> dictionaryPages(Path file) {
        try (ParquetFileReader reader = open(file)) {
            Map<String, Boolean> pages = new LinkedHashMap<>();
            for (ColumnChunkMetaData c : reader.getFooter().getBlocks().get(0).getColumns()) {
                pages.put(c.getPath().toDotString(), c.hasDictionaryPage());
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CompressionCodecName> codecs(Path file) {
        try (ParquetFileReader reader = open(file)) {
            List<CompressionCodecName> codecs = new ArrayList<>();
            for (BlockMetaData b : reader.getFooter().getBlocks()) {
                b.getColumns().forEach(c -> codecs.add(c.getCodec()));
            }
            return codecs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long compressedSize(Path file) {
        try (ParquetFileReader reader = open(file)) {
            return reader.getFooter().getBlocks().stream().mapToLong(BlockMetaData::getCompressedSize).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
