package io.ferry.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParquetFormatTest {

    @Test
    void defaults_areSnappyV1With128MiBRowGroupsAnd1MiBPages() {
        ParquetFormat f = ParquetFormat.defaults();

        assertThat(f.codec()).isEqualTo(ParquetCodec.SNAPPY);
        assertThat(f.writerVersion()).isEqualTo(ParquetWriterVersion.V1);
        assertThat(f.rowGroupSize()).isEqualTo(128L * 1024 * 1024);
        assertThat(f.pageSize()).isEqualTo(1024 * 1024);
        assertThat(f.maxRowsPerRowGroup()).isEqualTo(Integer.MAX_VALUE);
        assertThat(f.dictionary()).isTrue();
        assertThat(f.dictionaryByColumn()).isEmpty();
        assertThat(f.dictionaryPageSize()).isEqualTo(1024 * 1024);
        assertThat(f.bloomFilters()).isEmpty();
        assertThat(f.codecLevel()).isEmpty();
        assertThat(f).isEqualTo(ParquetFormat.builder().build());
    }

    @Test
    void fileFacts_parquetExtensionContentTypeAndNoFileCompression() {
        ParquetFormat f = ParquetFormat.defaults();

        assertThat(f.extension()).isEqualTo("parquet");
        assertThat(f.contentType()).isEqualTo("application/vnd.apache.parquet");
        assertThat(f.supportsFileCompression()).isFalse();
    }

    @Test
    void toBuilder_keepsEverySettingAndChangesOnlyWhatIsSet() {
        ParquetFormat f = ParquetFormat.builder().codec(ParquetCodec.ZSTD).writerVersion(ParquetWriterVersion.V2)
                .rowGroupSize(8L * 1024 * 1024).maxRowsPerRowGroup(1000).pageSize(64 * 1024).build();

        ParquetFormat copy = f.toBuilder().build();
        ParquetFormat changed = f.toBuilder().codec(ParquetCodec.GZIP).build();

        assertThat(copy).isEqualTo(f).hasSameHashCodeAs(f).hasToString(f.toString());
        assertThat(f.toString()).isEqualTo("ParquetFormat{codec=ZSTD, writerVersion=V2, rowGroupSize=8388608, "
                + "maxRowsPerRowGroup=1000, pageSize=65536, dictionary=true, dictionaryPageSize=1048576}");
        assertThat(changed.codec()).isEqualTo(ParquetCodec.GZIP);
        assertThat(changed).isNotEqualTo(f).isEqualTo(f.toBuilder().codec(ParquetCodec.GZIP).build());
        assertThat(changed.rowGroupSize()).isEqualTo(f.rowGroupSize());
        assertThat(changed.pageSize()).isEqualTo(f.pageSize());
        assertThat(changed.maxRowsPerRowGroup()).isEqualTo(f.maxRowsPerRowGroup());
        assertThat(changed.writerVersion()).isEqualTo(f.writerVersion());
    }

    @Test
    void toBuilder_keepsEncodingOptions() {
        ParquetFormat f = ParquetFormat.builder().codec(ParquetCodec.ZSTD).codecLevel(9).dictionary(false)
                .dictionary("name", true).dictionaryPageSize(64 * 1024)
                .bloomFilter("id", b -> b.expectedDistinctValues(5000).falsePositiveProbability(0.001))
                .bloomFilter("name").build();

        ParquetFormat copy = f.toBuilder().build();

        assertThat(copy).isEqualTo(f).hasSameHashCodeAs(f).hasToString(f.toString());
        assertThat(f.toString()).isEqualTo("ParquetFormat{codec=ZSTD, codecLevel=9, writerVersion=V1, "
                + "rowGroupSize=134217728, maxRowsPerRowGroup=2147483647, pageSize=1048576, dictionary=false, "
                + "dictionaryByColumn={name=true}, dictionaryPageSize=65536, bloomFilters=["
                + "ParquetBloomFilter{column=id, expectedDistinctValues=5000, falsePositiveProbability=0.001}, "
                + "ParquetBloomFilter{column=name, falsePositiveProbability=0.01}]}");
        assertThat(f.codecLevel()).hasValue(9);
        assertThat(f.bloomFilters().get(0).expectedDistinctValues()).hasValue(5000);
        assertThat(f.bloomFilters().get(1).expectedDistinctValues()).isEmpty();
        assertThat(f.toBuilder().dictionary(true).build()).isNotEqualTo(f);
    }

    @Test
    void codecLevel_defaultsOfGzipAndZstd_emptyForCodecsWithoutLevels() {
        assertThat(ParquetFormat.builder().codec(ParquetCodec.GZIP).build().codecLevel()).hasValue(6);
        assertThat(ParquetFormat.builder().codec(ParquetCodec.ZSTD).build().codecLevel()).hasValue(3);
        assertThat(ParquetFormat.builder().codec(ParquetCodec.GZIP).codecLevel(1).build().codecLevel()).hasValue(1);
        assertThat(ParquetFormat.builder().codec(ParquetCodec.ZSTD).codecLevel(22).build().codecLevel()).hasValue(22);
        assertThat(ParquetFormat.builder().codec(ParquetCodec.LZ4_RAW).build().codecLevel()).isEmpty();
    }

    @Test
    void bloomFilter_sameColumnTwice_theLaterReplacesTheEarlier() {
        ParquetFormat f = ParquetFormat.builder().bloomFilter("id", b -> b.expectedDistinctValues(10))
                .bloomFilter("x").bloomFilter("id").build();

        assertThat(f.bloomFilters()).containsExactly(ParquetBloomFilter.of("id"), ParquetBloomFilter.of("x"));
    }

    @Test
    void build_smallestSizesAndOneRowPerGroup_areAccepted() {
        ParquetFormat f = ParquetFormat.builder().rowGroupSize(1024).pageSize(1024).maxRowsPerRowGroup(1).build();

        assertThat(f.rowGroupSize()).isEqualTo(1024);
        assertThat(f.pageSize()).isEqualTo(1024);
        assertThat(f.maxRowsPerRowGroup()).isEqualTo(1);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("rowGroupSize", (Consumer<ParquetFormat.Builder>) b -> b.rowGroupSize(1023),
                        "rowGroupSize must be at least 1024 bytes (1 KiB), was 1023; give the size in bytes, "
                                + "e.g. 134217728 for 128 MiB (rowGroupSize)"),
                Arguments.of("rowGroupSize", (Consumer<ParquetFormat.Builder>) b -> b.rowGroupSize(-1),
                        "rowGroupSize must be at least 1024 bytes (1 KiB), was -1; give the size in bytes, "
                                + "e.g. 134217728 for 128 MiB (rowGroupSize)"),
                Arguments.of("pageSize", (Consumer<ParquetFormat.Builder>) b -> b.pageSize(0),
                        "pageSize must be at least 1024 bytes (1 KiB), was 0; give the size in bytes, "
                                + "e.g. 1048576 for 1 MiB (pageSize)"),
                Arguments.of("maxRowsPerRowGroup", (Consumer<ParquetFormat.Builder>) b -> b.maxRowsPerRowGroup(0),
                        "maxRowsPerRowGroup must be at least 1, was 0; use Integer.MAX_VALUE for no limit "
                                + "(maxRowsPerRowGroup)"),
                Arguments.of("maxRowsPerRowGroup", (Consumer<ParquetFormat.Builder>) b -> b.maxRowsPerRowGroup(-7),
                        "maxRowsPerRowGroup must be at least 1, was -7; use Integer.MAX_VALUE for no limit "
                                + "(maxRowsPerRowGroup)"),
                Arguments.of("pageSize", (Consumer<ParquetFormat.Builder>) b -> b.rowGroupSize(4096).pageSize(8192).build(),
                        "pageSize (8192 bytes) must not exceed rowGroupSize (4096 bytes); lower pageSize "
                                + "or raise rowGroupSize (pageSize)"),
                Arguments.of("codecLevel", (Consumer<ParquetFormat.Builder>) b -> b.codecLevel(0),
                        "codecLevel must be between 1 and 22 (ZSTD) or 1 and 9 (GZIP), was 0 (codecLevel)"),
                Arguments.of("codecLevel", (Consumer<ParquetFormat.Builder>) b -> b.codecLevel(23),
                        "codecLevel must be between 1 and 22 (ZSTD) or 1 and 9 (GZIP), was 23 (codecLevel)"),
                Arguments.of("codecLevel", (Consumer<ParquetFormat.Builder>) b -> b.codec(ParquetCodec.GZIP)
                        .codecLevel(10).build(), "codecLevel of GZIP must be between 1 and 9, was 10 (codecLevel)"),
                Arguments.of("codecLevel", (Consumer<ParquetFormat.Builder>) b -> b.codecLevel(5).build(),
                        "codec SNAPPY has no levels, but codecLevel was set to 5; use GZIP or ZSTD, or leave "
                                + "codecLevel unset (codecLevel)"),
                Arguments.of("dictionaryPageSize", (Consumer<ParquetFormat.Builder>) b -> b.dictionaryPageSize(1000),
                        "dictionaryPageSize must be at least 1024 bytes (1 KiB), was 1000; give the size in bytes, "
                                + "e.g. 1048576 for 1 MiB (dictionaryPageSize)"),
                Arguments.of("dictionary", (Consumer<ParquetFormat.Builder>) b -> b.dictionary("", false),
                        "the column name must not be empty (dictionary)"),
                Arguments.of("bloomFilter", (Consumer<ParquetFormat.Builder>) b -> b.bloomFilter(""),
                        "the column of a Bloom filter must not be empty; give a column name of the schema (bloomFilter)"),
                Arguments.of("bloomFilter", (Consumer<ParquetFormat.Builder>) b -> b.bloomFilter("id",
                        f -> f.expectedDistinctValues(0)),
                        "expectedDistinctValues of the Bloom filter of column 'id' must be at least 1, was 0 (bloomFilter)"),
                Arguments.of("bloomFilter", (Consumer<ParquetFormat.Builder>) b -> b.bloomFilter("id",
                        f -> f.falsePositiveProbability(1.0)),
                        "falsePositiveProbability of the Bloom filter of column 'id' must be strictly between 0 and 1,"
                                + " was 1.0; for example 0.01 (bloomFilter)"),
                Arguments.of("bloomFilter", (Consumer<ParquetFormat.Builder>) b -> b.bloomFilter("id",
                        f -> f.falsePositiveProbability(Double.NaN)),
                        "falsePositiveProbability of the Bloom filter of column 'id' must be strictly between 0 and 1,"
                                + " was NaN; for example 0.01 (bloomFilter)"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invalidSettings")
    void builder_impossibleValue_throwsNamingOption(String option, Consumer<ParquetFormat.Builder> setting,
            String message) {
        assertThatThrownBy(() -> setting.accept(ParquetFormat.builder()))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage(message)
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo(option);
    }

    @Test
    void builder_nullCodecOrVersion_throws() {
        assertThatThrownBy(() -> ParquetFormat.builder().codec(null))
                .isInstanceOf(FerryConfigException.class).hasMessage("codec must not be null (codec)");
        assertThatThrownBy(() -> ParquetFormat.builder().writerVersion(null))
                .isInstanceOf(FerryConfigException.class).hasMessage("writerVersion must not be null (writerVersion)");
    }

    static Stream<Arguments> columnsNotFitForTheSchema() {
        return Stream.of(
                Arguments.of("bloomFilter", ParquetFormat.builder().bloomFilter("missing").build(),
                        "column 'missing' of the Bloom filter is not in the schema [a, flag]; name a column of the "
                                + "schema (bloomFilter)"),
                Arguments.of("bloomFilter", ParquetFormat.builder().bloomFilter("flag").build(),
                        "column 'flag' is BOOLEAN, and Parquet writes no Bloom filter for booleans; remove the filter "
                                + "of this column (bloomFilter)"),
                Arguments.of("dictionary", ParquetFormat.builder().dictionary("A", false).build(),
                        "column 'A' of the dictionary setting is not in the schema [a, flag]; name a column of the "
                                + "schema (dictionary)"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("columnsNotFitForTheSchema")
    void newWriter_optionNamesAColumnNotFitForTheSchema_throwsNamingOption(String option, ParquetFormat format,
            String message) {
        Schema schema = Schema.of(Column.of("a", ColumnType.LONG), Column.of("flag", ColumnType.BOOLEAN));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> format.newWriter(schema, out))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage(message)
                .extracting(e -> ((FerryConfigException) e).option()).isEqualTo(option);
        assertThat(out.size()).isZero();
    }

    @Test
    void newWriter_nullArguments_throw() {
        Schema schema = Schema.of(Column.of("a", ColumnType.LONG));

        assertThatThrownBy(() -> ParquetFormat.defaults().newWriter(null, new ByteArrayOutputStream()))
                .isInstanceOf(FerryConfigException.class).hasMessage("schema must not be null (schema)");
        assertThatThrownBy(() -> ParquetFormat.defaults().newWriter(schema, null))
                .isInstanceOf(FerryConfigException.class).hasMessage("out must not be null (out)");
    }
}
