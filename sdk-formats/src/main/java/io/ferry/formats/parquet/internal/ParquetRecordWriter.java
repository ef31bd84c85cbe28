package io.ferry.formats.parquet.internal;

import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.parquet.ParquetFormat;
import io.ferry.formats.parquet.ParquetWriterVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * The {@link FormatWriter} of {@link ParquetFormat}: converts each record to an Avro generic
 * record (reused from row to row) and hands it to parquet-avro, which buffers the current row
 * group and writes it to the stream when it is full. Single-threaded.
 */
public final class ParquetRecordWriter implements FormatWriter {
    private static final String SOURCE = "parquet";

    private final Schema schema;
    private final StreamOutputFile file;
    private final ColumnType[] types;
    private final ParquetWriter<GenericRecord> writer;
    private final GenericData.Record row;
    private long rowCount;
    private boolean closed;

    private ParquetRecordWriter(Schema schema, StreamOutputFile file, ParquetWriter<GenericRecord> writer,
            org.apache.avro.Schema avro) {
        this.schema = schema;
        this.file = file;
        this.types = schema.columns().stream().map(Column::type).toArray(ColumnType[]::new);
        this.writer = writer;
        this.row = new GenericData.Record(avro);
    }

    /**
     * Starts a Parquet file on {@code out}. The header, like everything else, passes through a
     * 64 KiB buffer, so the stream sees the first bytes when a row group is written or on close.
     *
     * @throws FerryIoException if the stream fails
     */
    public static ParquetRecordWriter open(ParquetFormat format, Schema schema, OutputStream out) {
        org.apache.avro.Schema avro = ParquetSchemas.avro(schema);
        StreamOutputFile file = new StreamOutputFile(out);
        try {
            ParquetWriter<GenericRecord> writer = new AvroWriterBuilder(file, ParquetSchemas.parquet(schema), avro)
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(new PageCodecFactory())
                    .withCompressionCodec(PageCodec.of(format.codec()).parquetName())
                    .withWriterVersion(format.writerVersion() == ParquetWriterVersion.V2
                            ? WriterVersion.PARQUET_2_0 : WriterVersion.PARQUET_1_0)
                    .withRowGroupSize(format.rowGroupSize())
                    .withRowGroupRowCountLimit(format.maxRowsPerRowGroup())
                    .withPageSize(format.pageSize())
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .build();
            return new ParquetRecordWriter(schema, file, writer, avro);
        } catch (IOException e) {
            closeQuietly(file, e);
            throw new FerryIoException("cannot start the Parquet file: " + e.getMessage(), e);
        }
    }

    /**
     * Adds one record to the current row group; writes the row group when it is full.
     *
     * @throws FerryDataException if the record has another schema or a timestamp out of range
     * @throws FerryIoException if the stream fails
     * @throws IllegalStateException if the writer is closed
     */
    @Override
    public void write(Record record) {
        if (closed) {
            throw new IllegalStateException("the Parquet writer is closed; open a new one to write more records");
        }
        if (record.schema() != schema && !record.schema().equals(schema)) {
            throw new FerryDataException(SOURCE, rowCount + 1, null, "the record's schema "
                    + record.schema() + " differs from the writer's schema " + schema
                    + "; build records with the schema the writer was opened with");
        }
        for (int i = 0; i < types.length; i++) {
            Object value = record.get(i);
            row.put(i, types[i] == ColumnType.TIMESTAMP && value != null
                    ? timestamp((Instant) value, i) : value);
        }
        try {
            writer.write(row);
        } catch (IOException e) {
            throw new FerryIoException("cannot write Parquet row " + (rowCount + 1) + ": " + e.getMessage(), e);
        }
        rowCount++;
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    /**
     * Writes the last row group and the footer, and closes the stream. Safe twice. When that
     * fails the stream is closed all the same, without the unwritten rest of the file.
     *
     * @throws FerryIoException if the stream fails
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            // Parquet leaves the stream open when it fails; the writer owns it, so close it here
            closeQuietly(file, e);
            throw new FerryIoException("cannot finish the Parquet file: " + e.getMessage(), e);
        }
    }

    private long timestamp(Instant t, int column) {
        try {
            return micros(t);
        } catch (ArithmeticException e) {
            throw new FerryDataException(SOURCE, rowCount + 1, schema.column(column).name(), "timestamp " + t
                    + " does not fit Parquet's microsecond timestamps (years -290308 to 294247)", e);
        }
    }

    /**
     * Microseconds since 1970-01-01T00:00:00Z, finer digits dropped toward the past (floor).
     *
     * @throws ArithmeticException if the instant is outside the range a long can hold
     */
    static long micros(Instant t) {
        long seconds = t.getEpochSecond();
        long micros = t.getNano() / 1_000L;
        // before 1970 step one second toward zero first, so that the earliest instants that
        // fit (down to Long.MIN_VALUE microseconds) do not overflow on the way
        if (seconds < 0 && micros > 0) {
            return Math.addExact(Math.multiplyExact(seconds + 1, 1_000_000L), micros - 1_000_000L);
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micros);
    }

    private static void closeQuietly(StreamOutputFile file, IOException failure) {
        try {
            file.stream().close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
