package io.ferry.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.FormatWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Rows and a writer shared by the read-back tests. */
final class ParquetTestFiles {
    static final Schema ALL_TYPES = Schema.of(
            Column.of("l", ColumnType.LONG),
            Column.of("d", ColumnType.DOUBLE),
            Column.of("b", ColumnType.BOOLEAN),
            Column.of("s", ColumnType.STRING),
            Column.of("t", ColumnType.TIMESTAMP),
            Column.of("j", ColumnType.JSON));

    /** Rows with nulls, unicode, extreme numbers and microsecond timestamps before and after 1970. */
    static final List<Object[]> ALL_TYPES_ROWS = List.of(
            new Object[] {1L, 2.5, true, "plain", Instant.parse("2024-01-02T03:04:05.123456Z"), "{\"a\":1}"},
            new Object[] {null, null, null, null, null, null},
            new Object[] {Long.MAX_VALUE, Double.MAX_VALUE, false, "日本語 ünïcödé 😀 e\u0301",
                    Instant.parse("9999-12-31T23:59:59.999999Z"), "{\"k\":[1,2,{\"n\":null}],\"u\":\"é😀\"}"},
            new Object[] {Long.MIN_VALUE, -Double.MAX_VALUE, true, "", Instant.parse("0001-01-01T00:00:00Z"), "[]"},
            new Object[] {0L, Double.MIN_VALUE, null, "line\nbreak, \"quote\"\ttab\\", Instant.EPOCH, "\"text\""},
            new Object[] {-1L, -0.0, false, " ", Instant.parse("1969-12-31T23:59:59.999999Z"), "null"},
            new Object[] {42L, Double.NaN, true, null, Instant.parse("1900-06-15T12:00:00.000001Z"), null},
            new Object[] {null, Double.POSITIVE_INFINITY, null, "x".repeat(10_000), null, "3.5"},
            new Object[] {7L, Double.NEGATIVE_INFINITY, true, "\u0000nul", Instant.parse("2038-01-19T03:14:08Z"), "true"},
            new Object[] {1L << 53, 1e-300, false, "last", Instant.parse("1970-01-01T00:00:00.000001Z"), "{}"});

    private ParquetTestFiles() {
    }

    /** Writes {@code rows} to a new file under {@code dir} and returns it. */
    static Path write(Path dir, ParquetFormat format, Schema schema, List<Object[]> rows) {
        Path file = dir.resolve("data-" + System.nanoTime() + ".parquet");
        try (OutputStream out = Files.newOutputStream(file);
                FormatWriter w = format.newWriter(schema, out)) {
            for (Object[] row : rows) {
                w.write(Record.of(schema, row));
            }
            assertThat(w.rowCount()).isEqualTo(rows.size());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }
}
