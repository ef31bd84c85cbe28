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
                + "maxRowsPerRowGroup=1000, pageSize=65536}");
        assertThat(changed.codec()).isEqualTo(ParquetCodec.GZIP);
        assertThat(changed).isNotEqualTo(f).isEqualTo(f.toBuilder().codec(ParquetCodec.GZIP).build());
        assertThat(changed.rowGroupSize()).isEqualTo(f.rowGroupSize());
        assertThat(changed.pageSize()).isEqualTo(f.pageSize());
        assertThat(changed.maxRowsPerRowGroup()).isEqualTo(f.maxRowsPerRowGroup());
        assertThat(changed.writerVersion()).isEqualTo(f.writerVersion());
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
                                + "or raise rowGroupSize (pageSize)"));
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

    @Test
    void newWriter_nullArguments_throw() {
        Schema schema = Schema.of(Column.of("a", ColumnType.LONG));

        assertThatThrownBy(() -> ParquetFormat.defaults().newWriter(null, new ByteArrayOutputStream()))
                .isInstanceOf(FerryConfigException.class).hasMessage("schema must not be null (schema)");
        assertThatThrownBy(() -> ParquetFormat.defaults().newWriter(schema, null))
                .isInstanceOf(FerryConfigException.class).hasMessage("out must not be null (out)");
    }
}
