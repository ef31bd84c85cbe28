package io.ferry.formats.parquet.internal;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet writer builder for Avro generic records that takes the Parquet schema as given
 * instead of deriving it from the Avro schema, so that column names Avro cannot express survive
 * in the file. Otherwise it is what {@code AvroParquetWriter.builder(..).withDataModel(
 * GenericData.get())} builds. The Hadoop {@link Configuration} named in one signature is needed
 * by javac only: with a {@link ParquetConfiguration} set, that overload is never called.
 */
final class AvroWriterBuilder extends ParquetWriter.Builder<GenericRecord, AvroWriterBuilder> {
    private final WriteSupport<GenericRecord> writeSupport;

    AvroWriterBuilder(OutputFile file, MessageType parquetSchema, org.apache.avro.Schema avroSchema) {
        super(file);
        this.writeSupport = new AvroWriteSupport<>(parquetSchema, avroSchema, GenericData.get());
    }

    @Override
    protected AvroWriterBuilder self() {
        return this;
    }

    @Override
    protected WriteSupport<GenericRecord> getWriteSupport(ParquetConfiguration conf) {
        return writeSupport;
    }

    @Override
    @Deprecated
    protected WriteSupport<GenericRecord> getWriteSupport(Configuration conf) {
        return writeSupport;
    }
}
