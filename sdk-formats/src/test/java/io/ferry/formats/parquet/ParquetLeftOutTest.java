package io.ferry.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.Compression;
import io.ferry.formats.FileFormat;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.formats.guess.FormatGuesser;
import io.ferry.formats.guess.GuessResult;
import io.ferry.formats.json.JsonLinesFormat;
import io.ferry.formats.read.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An application that leaves Parquet out (the README's "What you download"): Surefire's
 * {@code without-parquet} execution runs these tests with parquet-avro and everything it brings
 * (the other parquet jars, avro, aircompressor, jts-core) removed from the class path.
 * {@link ParquetFormat} fails with a clear configuration error; the other formats, compression,
 * reading and guessing work as usual.
 */
@Tag("without-parquet")
class ParquetLeftOutTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("name", ColumnType.STRING));
    private static final String MESSAGE = "Parquet output needs parquet-avro and its dependencies on the class path, "
            + "but org.apache.parquet.avro.AvroParquetWriter is not there; remove the exclusion of "
            + "org.apache.parquet:parquet-avro from your io.ferry dependency, or choose another format "
            + "(CSV, TSV or JSON Lines) (format)";

    @Test
    void testClasspath_hasNoParquetOrAvroClasses() {
        ClassLoader loader = getClass().getClassLoader();

        for (String name : List.of("org.apache.parquet.avro.AvroParquetWriter", "org.apache.parquet.hadoop.ParquetWriter",
                "org.apache.parquet.column.ParquetProperties", "org.apache.avro.Schema",
                "io.airlift.compress.snappy.SnappyCompressor")) {
            assertThatThrownBy(() -> Class.forName(name, false, loader)).as(name)
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void builderBuild_withoutParquet_throwsConfigExceptionNamingTheMissingClass() {
        ParquetFormat.Builder builder = ParquetFormat.builder().codec(ParquetCodec.ZSTD);

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(FerryConfigException.class, e -> assertThat(e.option()).isEqualTo("format"))
                .hasMessage(MESSAGE);
    }

    @Test
    void defaults_withoutParquet_throwsTheSameConfigException() {
        assertThatThrownBy(ParquetFormat::defaults).isInstanceOf(FerryConfigException.class).hasMessage(MESSAGE);
    }

    @Test
    void csvWithGzip_andJsonLines_writeAsUsual() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        write(CsvFormat.csv(), Compression.GZIP, gz);
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        write(JsonLinesFormat.defaults(), Compression.NONE, jsonl);

        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("id,name\r\n1,one\r\n2,\r\n");
        }
        assertThat(jsonl.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"id\": 1, \"name\": \"one\"}\r\n{\"id\": 2, \"name\": null}\r\n");
    }

    @Test
    void guessAndRead_csv_workAsUsual() {
        byte[] csv = "id,name\n1,one\n2,two\n3,three\n4,four\n".getBytes(StandardCharsets.UTF_8);

        GuessResult guess = FormatGuesser.guess("people.csv", csv, true);
        List<List<Object>> rows = new ArrayList<>();
        try (RecordReader reader = guess.parser().newReader("people.csv", new ByteArrayInputStream(csv))) {
            for (Record r = reader.read(); r != null; r = reader.read()) {
                rows.add(List.of(r.get("id"), r.get("name")));
            }
        }

        assertThat(rows).containsExactly(List.of(1L, "one"), List.of(2L, "two"), List.of(3L, "three"),
                List.of(4L, "four"));
    }

    private static void write(FileFormat format, Compression compression, ByteArrayOutputStream sink) {
        try (FormatWriter w = format.newWriter(SCHEMA, compression.wrap(sink))) {
            w.write(Record.of(SCHEMA, 1L, "one"));
            w.write(Record.of(SCHEMA, 2L, null));
        }
    }
}
