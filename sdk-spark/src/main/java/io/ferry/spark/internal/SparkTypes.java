package io.ferry.spark.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Schema;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;

/**
 * The mapping between Spark SQL types and Ferry's {@link ColumnType}s, in both directions (the
 * table in docs/spark.md). Pure: no Spark session, no I/O.
 */
public final class SparkTypes {
    private SparkTypes() {
    }

    /**
     * The Ferry schema a Spark schema is written as.
     *
     * @throws FerryConfigException naming the column whose Spark type Ferry cannot write
     */
    public static Schema toFerry(StructType spark) {
        List<Column> columns = new ArrayList<>();
        for (StructField f : spark.fields()) {
            columns.add(Column.of(f.name(), toFerry(f.name(), f.dataType())));
        }
        return Schema.of(columns);
    }

    /** The Ferry column type a Spark type is written as. */
    public static ColumnType toFerry(String column, DataType t) {
        if (t instanceof BooleanType) {
            return ColumnType.BOOLEAN;
        }
        if (t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType) {
            return ColumnType.LONG;
        }
        if (t instanceof FloatType || t instanceof DoubleType) {
            return ColumnType.DOUBLE;
        }
        if (t instanceof DecimalType || t instanceof StringType || t instanceof VarcharType || t instanceof CharType
                || t instanceof DateType || t instanceof BinaryType || t instanceof NullType) {
            // decimals keep every digit as text; dates as yyyy-MM-dd; binary as base64
            return ColumnType.STRING;
        }
        if (t instanceof TimestampType || t instanceof TimestampNTZType) {
            return ColumnType.TIMESTAMP;
        }
        if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
            checkNested(column, t);
            return ColumnType.JSON;
        }
        throw new FerryConfigException("schema", "column '" + column + "' has Spark type " + t.simpleString()
                + ", which Ferry cannot write; cast it to a string, number or timestamp first"
                + " (df.withColumn(\"" + column + "\", col(\"" + column + "\").cast(\"string\")))");
    }

    private static void checkNested(String column, DataType t) {
        if (t instanceof ArrayType a) {
            checkNested(column, a.elementType());
        } else if (t instanceof MapType m) {
            checkNested(column, m.keyType());
            checkNested(column, m.valueType());
        } else if (t instanceof StructType s) {
            for (StructField f : s.fields()) {
                checkNested(column + "." + f.name(), f.dataType());
            }
        } else {
            toFerry(column, t);
        }
    }

    /** The Spark schema a Ferry schema is read as when the reader gives none. */
    public static StructType toSpark(Schema ferry) {
        StructField[] fields = new StructField[ferry.size()];
        for (int i = 0; i < fields.length; i++) {
            Column c = ferry.column(i);
            fields[i] = new StructField(c.name(), toSpark(c.type()), true, Metadata.empty());
        }
        return new StructType(fields);
    }

    /** The Spark type a Ferry column type is read as by default. */
    public static DataType toSpark(ColumnType type) {
        switch (type) {
            case BOOLEAN:
                return DataTypes.BooleanType;
            case LONG:
                return DataTypes.LongType;
            case DOUBLE:
                return DataTypes.DoubleType;
            case TIMESTAMP:
                return DataTypes.TimestampType;
            case STRING:
            case JSON:
            default:
                return DataTypes.StringType;
        }
    }

    /**
     * Checks that every column of a schema given to a read can be filled from Ferry's values.
     *
     * @throws FerryConfigException naming the column
     */
    public static void checkReadable(StructType spark) {
        for (StructField f : spark.fields()) {
            DataType t = f.dataType();
            if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
                throw new FerryConfigException("schema", "column '" + f.name() + "' asks for " + t.simpleString()
                        + ": Ferry reads nested values as JSON text; declare it as string and use from_json");
            }
            boolean known = t instanceof BooleanType || t instanceof ByteType || t instanceof ShortType
                    || t instanceof IntegerType || t instanceof LongType || t instanceof FloatType
                    || t instanceof DoubleType || t instanceof DecimalType || t instanceof StringType
                    || t instanceof VarcharType || t instanceof CharType || t instanceof DateType
                    || t instanceof TimestampType || t instanceof TimestampNTZType || t instanceof BinaryType
                    || t instanceof NullType;
            if (!known) {
                throw new FerryConfigException("schema", "column '" + f.name() + "' asks for Spark type "
                        + t.simpleString() + ", which Ferry cannot read into; use string, a number type, boolean,"
                        + " decimal, date, timestamp or binary");
            }
        }
    }
}
