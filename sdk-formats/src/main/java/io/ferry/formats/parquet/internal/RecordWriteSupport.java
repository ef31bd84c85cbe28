package io.ferry.formats.parquet.internal;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Hands Ferry records to Parquet's {@link RecordConsumer} column by column, with no Avro record in
 * between (parquet-avro's path resolves a union and looks up a converter per value; this one
 * switches on the column type). The file is the one parquet-avro writes: the same Parquet schema
 * and the same footer entries ({@code parquet.avro.schema} with the sanitized names and aliases,
 * writer model {@code avro}), so parquet-avro's reader reads it as before.
 *
 * <p>Timestamps are converted by {@link #stage(Record)} before {@code ParquetWriter.write}, so that
 * a timestamp Parquet cannot hold fails before any value of the record reached the consumer.
 * The Hadoop {@link Configuration} named in one signature is needed by javac only. Single-threaded.
 */
final class RecordWriteSupport extends WriteSupport<Record> {
    /** The footer key parquet-avro keeps the Avro schema under, and reads it back from. */
    static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";

    private final MessageType parquetSchema;
    private final Map<String, String> extraMetaData;
    private final ColumnType[] types;
    private final String[] names;
    private final long[] micros;
    private RecordConsumer consumer;

    RecordWriteSupport(Schema schema) {
        this.parquetSchema = ParquetSchemas.parquet(schema);
        this.extraMetaData = Map.of(AVRO_SCHEMA_KEY, ParquetSchemas.avro(schema).toString());
        this.types = schema.columns().stream().map(Column::type).toArray(ColumnType[]::new);
        this.names = schema.names().toArray(new String[0]);
        this.micros = new long[types.length];
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(parquetSchema, extraMetaData);
    }

    @Override
    @Deprecated
    public WriteContext init(Configuration configuration) {
        return new WriteContext(parquetSchema, extraMetaData);
    }

    /** {@code avro}: the model parquet-avro names, whose footer this support writes. */
    @Override
    public String getName() {
        return "avro";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    /**
     * Converts the record's timestamps for the next {@link #write(Record)}.
     *
     * @return -1, or the index of the first timestamp column whose value Parquet cannot hold
     */
    int stage(Record record) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == ColumnType.TIMESTAMP) {
                Object v = record.get(i);
                if (v != null) {
                    try {
                        micros[i] = ParquetRecordWriter.micros((Instant) v);
                    } catch (ArithmeticException e) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** Writes a record {@link #stage(Record) staged} just before. */
    @Override
    public void write(Record record) {
        RecordConsumer c = consumer;
        c.startMessage();
        for (int i = 0; i < types.length; i++) {
            Object v = record.get(i);
            if (v == null) {
                continue; // an optional column: absent is null
            }
            c.startField(names[i], i);
            switch (types[i]) {
                case LONG:
                    c.addLong((Long) v);
                    break;
                case DOUBLE:
                    c.addDouble((Double) v);
                    break;
                case BOOLEAN:
                    c.addBoolean((Boolean) v);
                    break;
                case TIMESTAMP:
                    c.addLong(micros[i]);
                    break;
                default: // STRING, JSON
                    c.addBinary(Binary.fromString((String) v));
            }
            c.endField(names[i], i);
        }
        c.endMessage();
    }
}
