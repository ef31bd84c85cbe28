package io.ferry.formats.parquet.internal;

import io.ferry.core.record.Record;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * A Parquet writer builder for Ferry records through {@link RecordWriteSupport}. The Hadoop
 * {@link Configuration} named in one signature is needed by javac only: with a
 * {@link ParquetConfiguration} set, that overload is never called.
 */
final class RecordWriterBuilder extends ParquetWriter.Builder<Record, RecordWriterBuilder> {
    private final RecordWriteSupport writeSupport;

    RecordWriterBuilder(OutputFile file, RecordWriteSupport writeSupport) {
        super(file);
        this.writeSupport = writeSupport;
    }

    @Override
    protected RecordWriterBuilder self() {
        return this;
    }

    @Override
    protected WriteSupport<Record> getWriteSupport(ParquetConfiguration conf) {
        return writeSupport;
    }

    @Override
    @Deprecated
    protected WriteSupport<Record> getWriteSupport(Configuration conf) {
        return writeSupport;
    }
}
