package io.ferry.formats.parquet.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.FormatWriter;
import io.ferry.formats.internal.AbstractFormatWriter;
import io.ferry.formats.parquet.ParquetBloomFilter;
import io.ferry.formats.parquet.ParquetFormat;
import io.ferry.formats.parquet.ParquetWriterVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * The {@link FormatWriter} of {@link ParquetFormat}: hands each record to Parquet through
 * {@link RecordWriteSupport}, which buffers the current row group and writes it to the stream
 * when it is full. Single-threaded.
 */
public final class ParquetRecordWriter extends AbstractFormatWriter {
    private static final String SOURCE = "parquet";

    private final StreamOutputFile file;
    private final RecordWriteSupport support;
    private final ParquetWriter<Record> writer;

    private ParquetRecordWriter(Schema schema, StreamOutputFile file, RecordWriteSupport support,
            ParquetWriter<Record> writer) {
        super(schema, "the Parquet writer is closed; open a new one to write more records");
        this.file = file;
        this.support = support;
        this.writer = writer;
    }

    /**
     * Starts a Parquet file on {@code out}. The header, like everything else, passes through a
     * 64 KiB buffer, so the stream sees the first bytes when a row group is written or on close.
     *
     * @throws FerryConfigException if a column named in the format's options is not in the schema,
     *                              or a Bloom filter is asked for a BOOLEAN column
     * @throws FerryIoException if the stream fails
     */
    public static ParquetRecordWriter open(ParquetFormat format, Schema schema, OutputStream out) {
        checkColumns(format, schema);
        RecordWriteSupport support = new RecordWriteSupport(schema);
        StreamOutputFile file = new StreamOutputFile(out);
        try {
            RecordWriterBuilder builder = new RecordWriterBuilder(file, support)
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(new PageCodecFactory(format.codecLevel().orElse(PageCodec.DEFAULT_LEVEL)))
                    .withCompressionCodec(PageCodec.of(format.codec()).parquetName())
                    .withWriterVersion(format.writerVersion() == ParquetWriterVersion.V2
                            ? WriterVersion.PARQUET_2_0 : WriterVersion.PARQUET_1_0)
                    .withRowGroupSize(format.rowGroupSize())
                    .withRowGroupRowCountLimit(format.maxRowsPerRowGroup())
                    .withPageSize(format.pageSize())
                    .withDictionaryEncoding(format.dictionary())
                    .withDictionaryPageSize(format.dictionaryPageSize())
                    .withWriteMode(ParquetFileWriter.Mode.CREATE);
            for (Map.Entry<String, Boolean> e : format.dictionaryByColumn().entrySet()) {
                builder.withDictionaryEncoding(e.getKey(), e.getValue());
            }
            for (ParquetBloomFilter f : format.bloomFilters()) {
                builder.withBloomFilterEnabled(f.column(), true)
                        .withBloomFilterFPP(f.column(), f.falsePositiveProbability());
                f.expectedDistinctValues().ifPresent(ndv -> builder.withBloomFilterNDV(f.column(), ndv));
            }
            return new ParquetRecordWriter(schema, file, support, builder.build());
        } catch (IOException e) {
            closeQuietly(file, e);
            throw new FerryIoException("cannot start the Parquet file: " + e.getMessage(), e);
        }
    }

    private static void checkColumns(ParquetFormat format, Schema schema) {
        for (String column : format.dictionaryByColumn().keySet()) {
            if (!schema.names().contains(column)) {
                throw new FerryConfigException("dictionary", "column '" + column + "' of the dictionary setting is not"
                        + " in the schema " + schema.names() + "; name a column of the schema");
            }
        }
        for (ParquetBloomFilter f : format.bloomFilters()) {
            int index = schema.names().indexOf(f.column());
            if (index < 0) {
                throw new FerryConfigException("bloomFilter", "column '" + f.column() + "' of the Bloom filter is not"
                        + " in the schema " + schema.names() + "; name a column of the schema");
            }
            if (schema.column(index).type() == ColumnType.BOOLEAN) {
                throw new FerryConfigException("bloomFilter", "column '" + f.column() + "' is BOOLEAN, and Parquet"
                        + " writes no Bloom filter for booleans; remove the filter of this column");
            }
        }
    }

    /** Names the source {@code parquet} and asks for records of the writer's schema. */
    @Override
    protected FerryDataException wrongSchema(Schema actual) {
        return new FerryDataException(SOURCE, rowCount() + 1, null, "the record's schema "
                + actual + " differs from the writer's schema " + schema()
                + "; build records with the schema the writer was opened with");
    }

    /**
     * Adds one record to the current row group; writes the row group when it is full.
     *
     * @throws FerryDataException if a timestamp is out of range
     * @throws FerryIoException if the stream fails
     */
    @Override
    protected void encode(Record record) {
        int badTimestamp = support.stage(record);
        if (badTimestamp >= 0) {
            throw timestampOutOfRange(record.getInstant(badTimestamp), badTimestamp);
        }
        try {
            writer.write(record);
        } catch (IOException e) {
            throw new FerryIoException("cannot write Parquet row " + (rowCount() + 1) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the last row group and the footer, and closes the stream. When that
     * fails the stream is closed all the same, without the unwritten rest of the file.
     *
     * @throws FerryIoException if the stream fails
     */
    @Override
    protected void finish() {
        try {
            writer.close();
        } catch (IOException e) {
            // Parquet leaves the stream open when it fails; the writer owns it, so close it here
            closeQuietly(file, e);
            throw new FerryIoException("cannot finish the Parquet file: " + e.getMessage(), e);
        }
    }

    private FerryDataException timestampOutOfRange(Instant t, int column) {
        return new FerryDataException(SOURCE, rowCount() + 1, schema().column(column).name(), "timestamp " + t
                + " does not fit Parquet's microsecond timestamps (years -290308 to 294247)");
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
