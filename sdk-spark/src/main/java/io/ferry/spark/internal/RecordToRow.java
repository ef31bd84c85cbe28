package io.ferry.spark.internal;

import io.ferry.core.FerryDataException;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns Ferry {@link Record}s into Spark rows of a given schema: the columns are matched by name
 * (a Spark column the records lack is null), and each value is converted to the Spark column's
 * type (docs/spark.md, "Reading"). Stateless apart from the name lookup; one instance per task.
 */
public final class RecordToRow {
    private final StructField[] fields;
    private Schema lastSchema;
    private int[] index;

    public RecordToRow(StructType sparkSchema) {
        SparkTypes.checkReadable(sparkSchema);
        this.fields = sparkSchema.fields();
    }

    /** {@return the row of one record} where a bad value throws {@link FerryDataException} */
    public InternalRow convert(Record record, String source) {
        if (record.schema() != lastSchema) {
            lastSchema = record.schema();
            index = new int[fields.length];
            for (int i = 0; i < fields.length; i++) {
                index[i] = lastSchema.indexOf(fields[i].name());
            }
        }
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            int k = index[i];
            Object v = k < 0 ? null : record.get(k);
            if (v != null) {
                try {
                    values[i] = value(v, fields[i].dataType());
                } catch (RuntimeException e) {
                    throw new FerryDataException(source, 0, fields[i].name(), "cannot read '" + v + "' as "
                            + fields[i].dataType().simpleString() + ": " + e.getMessage()
                            + "; declare the column as string, or fix the data", e);
                }
            }
        }
        return new GenericInternalRow(values);
    }

    /** One Ferry value as Spark's internal value of the given type. */
    static Object value(Object v, DataType t) {
        if (t instanceof BooleanType) {
            if (v instanceof Boolean b) {
                return b;
            }
            String s = v.toString().trim();
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(s);
            }
            throw new IllegalArgumentException("not true or false");
        }
        if (t instanceof ByteType) {
            return (byte) range(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        if (t instanceof ShortType) {
            return (short) range(v, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (t instanceof IntegerType) {
            return (int) range(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (t instanceof LongType) {
            return integral(v);
        }
        if (t instanceof FloatType) {
            return (float) floating(v);
        }
        if (t instanceof DoubleType) {
            return floating(v);
        }
        if (t instanceof DecimalType d) {
            BigDecimal big = v instanceof Long l ? BigDecimal.valueOf(l)
                    : v instanceof Double x ? BigDecimal.valueOf(x) : new BigDecimal(v.toString().trim());
            Decimal dec = Decimal.apply(big);
            if (!dec.changePrecision(d.precision(), d.scale())) {
                throw new IllegalArgumentException("does not fit " + d.simpleString());
            }
            return dec;
        }
        if (t instanceof DateType) {
            if (v instanceof Instant i) {
                return (int) i.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
            }
            String s = v.toString().trim();
            return (int) LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).toEpochDay();
        }
        if (t instanceof TimestampType || t instanceof TimestampNTZType) {
            Instant i = v instanceof Instant x ? x : instant(v.toString().trim());
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000L);
        }
        if (t instanceof BinaryType) {
            return Base64.getDecoder().decode(v.toString().getBytes(StandardCharsets.US_ASCII));
        }
        if (t instanceof NullType) {
            return null;
        }
        return UTF8String.fromString(v.toString());
    }

    private static long range(Object v, long min, long max) {
        long l = integral(v);
        if (l < min || l > max) {
            throw new IllegalArgumentException("out of range " + min + ".." + max);
        }
        return l;
    }

    private static long integral(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("not a whole number");
            }
            return d.longValue();
        }
        if (v instanceof Boolean) {
            throw new IllegalArgumentException("a boolean is not a number");
        }
        return Long.parseLong(v.toString().trim());
    }

    private static double floating(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean) {
            throw new IllegalArgumentException("a boolean is not a number");
        }
        return Double.parseDouble(v.toString().trim());
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
        }
    }
}
