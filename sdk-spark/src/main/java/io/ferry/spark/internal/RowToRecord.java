package io.ferry.spark.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Turns Spark's {@link InternalRow}s into Ferry {@link Record}s by the mapping of
 * {@link SparkTypes}. One instance per task (not thread-safe: it reuses a JSON buffer).
 */
public final class RowToRecord {
    private static final JsonFactory JSON = new JsonFactory();

    private final StructType sparkSchema;
    private final Schema schema;
    private final DataType[] types;

    public RowToRecord(StructType sparkSchema) {
        this.sparkSchema = sparkSchema;
        this.schema = SparkTypes.toFerry(sparkSchema);
        this.types = new DataType[sparkSchema.fields().length];
        for (int i = 0; i < types.length; i++) {
            types[i] = sparkSchema.fields()[i].dataType();
        }
    }

    /** {@return the Ferry schema the rows are written as} */
    public Schema schema() {
        return schema;
    }

    /** {@return the record of one row} */
    public Record convert(InternalRow row) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (row.isNullAt(i)) {
                continue;
            }
            DataType t = types[i];
            if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
                values[i] = json(row, i, t);
            } else {
                values[i] = leaf(row, i, t);
            }
        }
        return Record.of(schema, values);
    }

    /** A flat value as the Java value of its Ferry column type. */
    static Object leaf(SpecializedGetters g, int i, DataType t) {
        if (t instanceof BooleanType) {
            return g.getBoolean(i);
        }
        if (t instanceof ByteType) {
            return (long) g.getByte(i);
        }
        if (t instanceof ShortType) {
            return (long) g.getShort(i);
        }
        if (t instanceof IntegerType) {
            return (long) g.getInt(i);
        }
        if (t instanceof LongType) {
            return g.getLong(i);
        }
        if (t instanceof FloatType) {
            return (double) g.getFloat(i);
        }
        if (t instanceof DoubleType) {
            return g.getDouble(i);
        }
        if (t instanceof DecimalType d) {
            return g.getDecimal(i, d.precision(), d.scale()).toJavaBigDecimal().toPlainString();
        }
        if (t instanceof DateType) {
            return LocalDate.ofEpochDay(g.getInt(i)).toString();
        }
        if (t instanceof TimestampType || t instanceof TimestampNTZType) {
            return micros(g.getLong(i));
        }
        if (t instanceof BinaryType) {
            return Base64.getEncoder().encodeToString(g.getBinary(i));
        }
        if (t instanceof NullType) {
            return null;
        }
        // StringType (any collation), VarcharType and CharType are UTF8String inside rows
        return g.getUTF8String(i).toString();
    }

    static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private String json(SpecializedGetters g, int i, DataType t) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            writeValue(gen, g, i, t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new FerryDataException("spark row", 0, sparkSchema.fields()[i].name(),
                    "cannot write the nested value as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator gen, SpecializedGetters g, int i, DataType t) throws IOException {
        if (g.isNullAt(i)) {
            gen.writeNull();
        } else if (t instanceof ArrayType a) {
            ArrayData arr = g.getArray(i);
            gen.writeStartArray();
            for (int k = 0; k < arr.numElements(); k++) {
                writeValue(gen, arr, k, a.elementType());
            }
            gen.writeEndArray();
        } else if (t instanceof MapType m) {
            MapData map = g.getMap(i);
            ArrayData keys = map.keyArray();
            ArrayData values = map.valueArray();
            gen.writeStartObject();
            for (int k = 0; k < map.numElements(); k++) {
                gen.writeFieldName(String.valueOf(leafOrJson(keys, k, m.keyType())));
                writeValue(gen, values, k, m.valueType());
            }
            gen.writeEndObject();
        } else if (t instanceof StructType s) {
            StructField[] fields = s.fields();
            InternalRow struct = g.getStruct(i, fields.length);
            gen.writeStartObject();
            for (int k = 0; k < fields.length; k++) {
                gen.writeFieldName(fields[k].name());
                writeValue(gen, struct, k, fields[k].dataType());
            }
            gen.writeEndObject();
        } else if (t instanceof DecimalType d) {
            gen.writeNumber(g.getDecimal(i, d.precision(), d.scale()).toJavaBigDecimal());
        } else {
            Object v = leaf(g, i, t);
            if (v instanceof Boolean b) {
                gen.writeBoolean(b);
            } else if (v instanceof Long l) {
                gen.writeNumber(l);
            } else if (v instanceof Double d) {
                gen.writeNumber(d);
            } else if (v == null) {
                gen.writeNull();
            } else {
                gen.writeString(v.toString());
            }
        }
    }

    private static Object leafOrJson(SpecializedGetters g, int i, DataType t) throws IOException {
        if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
            StringWriter out = new StringWriter();
            try (JsonGenerator gen = JSON.createGenerator(out)) {
                writeValue(gen, g, i, t);
            }
            return out.toString();
        }
        return leaf(g, i, t);
    }
}
