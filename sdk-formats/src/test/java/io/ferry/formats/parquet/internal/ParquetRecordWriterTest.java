package io.ferry.formats.parquet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.parquet.ParquetCodec;
import io.ferry.formats.parquet.ParquetFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParquetRecordWriterTest {
    private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.LONG), Column.of("t", ColumnType.TIMESTAMP));
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            1970-01-01T00:00:00Z,                  0
            1970-01-01T00:00:00.000001Z,           1
            1970-01-01T00:00:00.000000999Z,        0
            1969-12-31T23:59:59.999999Z,          -1
            1969-12-31T23:59:59.999999999Z,       -1
            1969-12-31T23:59:59.000000001Z,       -1000000
            2024-05-06T07:08:09.123456789Z,        1714979289123456
            -290308-12-21T19:59:05.224192Z,       -9223372036854775808
            +294247-01-10T04:00:54.775807Z,        9223372036854775807
            """)
    void micros_dropsFinerDigitsTowardThePast(String instant, long micros) {
        assertThat(ParquetRecordWriter.micros(Instant.parse(instant))).isEqualTo(micros);
    }

    @Test
    void micros_beyondTheLongRange_throws() {
        Instant min = Instant.EPOCH.plus(Long.MIN_VALUE, ChronoUnit.MICROS);
        Instant max = Instant.EPOCH.plus(Long.MAX_VALUE, ChronoUnit.MICROS);

        assertThatThrownBy(() -> ParquetRecordWriter.micros(min.minusNanos(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> ParquetRecordWriter.micros(max.plusNanos(1000))).isInstanceOf(ArithmeticException.class);
        assertThat(ParquetRecordWriter.micros(max.plusNanos(999))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void write_timestampOutsideParquetRange_throwsNamingRowAndColumn() {
        RecordingStream out = new RecordingStream(Long.MAX_VALUE);
        try (ParquetRecordWriter w = ParquetRecordWriter.open(ParquetFormat.defaults(), SCHEMA, out)) {
            w.write(Record.of(SCHEMA, 1L, Instant.EPOCH));

            assertThatThrownBy(() -> w.write(Record.of(SCHEMA, 2L, Instant.MAX)))
                    .isInstanceOf(FerryDataException.class)
                    .hasMessage("parquet, line 2, column 't': timestamp +1000000000-12-31T23:59:59.999999999Z "
                            + "does not fit Parquet's microsecond timestamps (years -290308 to 294247)");
            assertThat(w.rowCount()).isEqualTo(1);
        }
    }

    @Test
    void close_writesHeaderRowsAndFooterAndClosesTheStreamOnce() {
        RecordingStream out = new RecordingStream(Long.MAX_VALUE);
        ParquetRecordWriter w = ParquetRecordWriter.open(ParquetFormat.defaults(), SCHEMA, out);
        w.write(Record.of(SCHEMA, 1L, null));
        w.write(Record.of(SCHEMA, null, Instant.EPOCH));

        assertThat(w.rowCount()).isEqualTo(2);
        assertThat(out.closes).isZero();

        w.close();
        w.close();

        byte[] file = out.toByteArray();
        assertThat(Arrays.copyOfRange(file, 0, 4)).isEqualTo(MAGIC);
        assertThat(Arrays.copyOfRange(file, file.length - 4, file.length)).isEqualTo(MAGIC);
        assertThat(out.closes).isEqualTo(1);
        assertThat(w.rowCount()).isEqualTo(2);
    }

    @Test
    void write_afterClose_throws() {
        ParquetRecordWriter w = ParquetRecordWriter.open(ParquetFormat.defaults(), SCHEMA, new RecordingStream(Long.MAX_VALUE));
        w.close();

        assertThatThrownBy(() -> w.write(Record.of(SCHEMA, 1L, null)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the Parquet writer is closed; open a new one to write more records (write)");
    }

    @Test
    void write_recordOfAnotherSchema_throwsNamingBothSchemas() {
        Schema other = Schema.of(Column.of("id", ColumnType.STRING));
        try (ParquetRecordWriter w = ParquetRecordWriter.open(ParquetFormat.defaults(), SCHEMA, new RecordingStream(Long.MAX_VALUE))) {
            assertThatThrownBy(() -> w.write(Record.of(other, "x")))
                    .isInstanceOf(FerryDataException.class)
                    .hasMessage("parquet, line 1: the record's schema [id:string] differs from the writer's schema "
                            + "[id:long, t:timestamp]; build records with the schema the writer was opened with");
        }
    }

    @Test
    void write_recordOfAnEqualSchemaInstance_isAccepted() {
        Schema copy = Schema.of(Column.of("id", ColumnType.LONG), Column.of("t", ColumnType.TIMESTAMP));
        try (ParquetRecordWriter w = ParquetRecordWriter.open(ParquetFormat.defaults(), SCHEMA, new RecordingStream(Long.MAX_VALUE))) {
            w.write(Record.of(copy, 5L, null));

            assertThat(w.rowCount()).isEqualTo(1);
        }
    }

    @Test
    void close_streamFails_throwsIoExceptionAndClosesTheStreamOnce() {
        RecordingStream out = new RecordingStream(4);
        ParquetRecordWriter w = ParquetRecordWriter.open(ParquetFormat.defaults(), SCHEMA, out);
        w.write(Record.of(SCHEMA, 1L, Instant.EPOCH));

        assertThatThrownBy(w::close)
                .isInstanceOf(FerryIoException.class)
                .hasMessage("cannot finish the Parquet file: disk full after 4 bytes")
                .satisfies(e -> assertThat(((FerryIoException) e).retryable()).isFalse());
        assertThat(out.closes).isEqualTo(1);
        w.close();
        assertThat(out.closes).isEqualTo(1);
    }

    @Test
    void write_streamFailsWhileAFullRowGroupIsWritten_throwsIoExceptionNamingTheRow() {
        Schema schema = Schema.of(Column.of("s", ColumnType.STRING));
        ParquetFormat format = ParquetFormat.builder().maxRowsPerRowGroup(100).codec(ParquetCodec.UNCOMPRESSED).build();
        RecordingStream out = new RecordingStream(4);
        ParquetRecordWriter w = ParquetRecordWriter.open(format, schema, out);
        for (int i = 1; i < 100; i++) {
            w.write(Record.of(schema, i + "x".repeat(1000)));
        }

        assertThatThrownBy(() -> w.write(Record.of(schema, "y".repeat(1000))))
                .isInstanceOf(FerryIoException.class)
                .hasMessage("cannot write Parquet row 100: disk full after 4 bytes");
        assertThat(w.rowCount()).isEqualTo(99);
    }

    /** Keeps what it is given up to a limit, then fails like a full disk; counts close calls. */
    private static final class RecordingStream extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long limit;
        int closes;

        RecordingStream(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (bytes.size() + (long) len > limit) {
                throw new IOException("disk full after " + limit + " bytes");
            }
            bytes.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void close() {
            closes++;
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
