package io.ferry.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.testing.DuckDb;
import io.ferry.formats.FormatWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Surefire runs this module's tests with hadoop-common (provided scope, for javac only) removed
 * from the classpath, as an application using Ferry would have it. These tests pin that down.
 */
class ParquetWithoutHadoopTest {

    @Test
    void testClasspath_hasNoHadoopClasses() {
        ClassLoader loader = getClass().getClassLoader();

        for (String hadoopClass : List.of("org.apache.hadoop.conf.Configuration", "org.apache.hadoop.fs.Path",
                "org.apache.hadoop.io.compress.CompressionCodec")) {
            assertThatThrownBy(() -> Class.forName(hadoopClass, false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(ParquetCodec.class)
    void everyCodec_writesAReadableFileWithoutHadoop(ParquetCodec codec, @TempDir Path dir) throws IOException {
        Schema schema = Schema.of(Column.of("id", ColumnType.LONG), Column.of("name", ColumnType.STRING));
        Path file = dir.resolve("no-hadoop.parquet");

        try (OutputStream out = Files.newOutputStream(file);
                FormatWriter w = ParquetFormat.builder().codec(codec).build().newWriter(schema, out)) {
            w.write(Record.of(schema, 1L, "one"));
            w.write(Record.of(schema, 2L, null));
        }

        assertThat(DuckDb.query("SELECT id, name FROM read_parquet(" + DuckDb.literal(file) + ")"))
                .containsExactly(List.of(1L, "one"), Arrays.asList(2L, null));
    }
}
