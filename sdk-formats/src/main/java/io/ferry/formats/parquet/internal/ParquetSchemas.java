package io.ferry.formats.parquet.internal;

import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Derives the two schemas a Parquet file written through parquet-avro needs from a Ferry schema:
 * the Parquet schema, which keeps every column name exactly, and the Avro schema that parquet-avro
 * writes records with, whose field names are sanitized by {@link AvroNames} (with the original
 * name as an alias, which parquet-avro's reader resolves). Fields match by position.
 */
final class ParquetSchemas {
    /** The name of the Avro record and of the Parquet message. */
    static final String RECORD_NAME = "ferry_record";

    private ParquetSchemas() {
    }

    /** The Parquet schema: one optional primitive column per Ferry column, names unchanged. */
    static MessageType parquet(Schema schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column c : schema.columns()) {
            switch (c.type()) {
                case LONG:
                    message.optional(PrimitiveTypeName.INT64).named(c.name());
                    break;
                case DOUBLE:
                    message.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                    break;
                case BOOLEAN:
                    message.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
                    break;
                case STRING:
                    message.optional(PrimitiveTypeName.BINARY)
                            .as(LogicalTypeAnnotation.stringType()).named(c.name());
                    break;
                case TIMESTAMP:
                    message.optional(PrimitiveTypeName.INT64)
                            .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(c.name());
                    break;
                case JSON:
                    message.optional(PrimitiveTypeName.BINARY)
                            .as(LogicalTypeAnnotation.jsonType()).named(c.name());
                    break;
                default:
                    throw new AssertionError(c.type());
            }
        }
        return message.named(RECORD_NAME);
    }

    /**
     * The Avro schema: a record of {@code ["null", T]} unions with default null, fields named by
     * {@link AvroNames}. JSON is a plain Avro string (Avro has no JSON logical type; the Parquet
     * column carries the JSON annotation).
     */
    static org.apache.avro.Schema avro(Schema schema) {
        List<String> names = AvroNames.sanitize(schema.names());
        List<org.apache.avro.Schema.Field> fields = new ArrayList<>(schema.size());
        org.apache.avro.Schema nullSchema = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL);
        for (int i = 0; i < schema.size(); i++) {
            Column c = schema.column(i);
            org.apache.avro.Schema union = org.apache.avro.Schema.createUnion(nullSchema, avroType(c.type()));
            org.apache.avro.Schema.Field field = new org.apache.avro.Schema.Field(
                    names.get(i), union, null, org.apache.avro.Schema.Field.NULL_DEFAULT_VALUE);
            if (!names.get(i).equals(c.name())) {
                field.addAlias(c.name());
            }
            fields.add(field);
        }
        return org.apache.avro.Schema.createRecord(RECORD_NAME, null, null, false, fields);
    }

    private static org.apache.avro.Schema avroType(ColumnType type) {
        switch (type) {
            case LONG:
                return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG);
            case DOUBLE:
                return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
            case BOOLEAN:
                return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BOOLEAN);
            case STRING:
            case JSON:
                org.apache.avro.Schema string = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
                // readers of the file get java.lang.String rather than Avro's Utf8
                GenericData.setStringType(string, GenericData.StringType.String);
                return string;
            case TIMESTAMP:
                return LogicalTypes.timestampMicros()
                        .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
            default:
                throw new AssertionError(type);
        }
    }
}
