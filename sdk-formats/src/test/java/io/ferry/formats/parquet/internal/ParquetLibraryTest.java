package io.ferry.formats.parquet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With Parquet on the class path (the usual case). {@code ParquetLeftOutTest} runs without it in
 * a Surefire execution of its own; here a class loader that cannot see the application's jars
 * stands in for the missing libraries.
 */
class ParquetLibraryTest {

    @Test
    void requirePresent_withParquetOnTheClassPath_returns() {
        assertThatCode(ParquetLibrary::requirePresent).doesNotThrowAnyException();
        assertThat(ParquetLibrary.firstMissing(ParquetLibrary.REQUIRED_CLASSES, getClass().getClassLoader())).isEmpty();
    }

    @Test
    void firstMissing_loaderWithoutTheJars_namesTheFirstRequiredClass() {
        ClassLoader jdkOnly = ClassLoader.getPlatformClassLoader();

        assertThat(ParquetLibrary.firstMissing(ParquetLibrary.REQUIRED_CLASSES, jdkOnly))
                .contains("org.apache.parquet.avro.AvroParquetWriter");
        assertThat(ParquetLibrary.firstMissing(List.of("java.lang.String", "org.apache.avro.generic.GenericData"), jdkOnly))
                .contains("org.apache.avro.generic.GenericData");
    }

    @Test
    void missing_saysWhatIsMissingAndHowToGetItBack() {
        assertThat(ParquetLibrary.missing("org.apache.avro.generic.GenericData"))
                .hasMessage("Parquet output needs parquet-avro and its dependencies on the class path, but "
                        + "org.apache.avro.generic.GenericData is not there; remove the exclusion of "
                        + "org.apache.parquet:parquet-avro from your io.ferry dependency, or choose another format "
                        + "(CSV, TSV or JSON Lines) (format)")
                .extracting(e -> e.option()).isEqualTo("format");
    }
}
