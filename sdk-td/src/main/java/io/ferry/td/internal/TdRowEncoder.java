package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.msgpack.core.MessagePacker;

/**
 * Turns records of one schema into Treasure Data rows: msgpack maps holding every column plus
 * the integer {@code time} (unix seconds) that Treasure Data partitions by. Immutable.
 *
 * <p>Where {@code time} comes from, first match wins:
 * <ol>
 *   <li>a column named {@code time} (LONG seconds, or TIMESTAMP) is used as is;</li>
 *   <li>else the {@code timeColumn} (LONG seconds, or TIMESTAMP) is copied into {@code time};</li>
 *   <li>else the fixed {@code timeValue};</li>
 *   <li>else the upload time.</li>
 * </ol>
 * A {@code time} column together with a {@code timeColumn} or {@code timeValue} is a
 * configuration error, as is a named column that is missing or of another type.
 *
 * <p>Values: LONG as a msgpack integer, DOUBLE as a float, STRING as a string, BOOLEAN as a
 * msgpack boolean, TIMESTAMP as a {@code yyyy-MM-dd HH:mm:ss.SSS} string in UTC, JSON as its
 * text, null as nil.
 */
public final class TdRowEncoder {
    /** The name of Treasure Data's partitioning column. */
    public static final String TIME = "time";

    private static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Schema schema;
    private final String[] keys;
    private final ColumnType[] types;
    /** The column giving {@code time}, or -1 for the fixed time. */
    private final int timeIndex;
    /** Whether the time column is the schema's own {@code time} column (written once, as seconds). */
    private final boolean timeIsOwnColumn;
    private final long fixedTime;
    private final String source;

    private TdRowEncoder(Schema schema, int timeIndex, boolean timeIsOwnColumn, long fixedTime, String source) {
        this.schema = schema;
        this.keys = schema.names().toArray(new String[0]);
        this.types = schema.columns().stream().map(Column::type).toArray(ColumnType[]::new);
        this.timeIndex = timeIndex;
        this.timeIsOwnColumn = timeIsOwnColumn;
        this.fixedTime = fixedTime;
        this.source = source;
    }

    /**
     * Applies the time rules to a schema.
     *
     * @param schema     the records' schema
     * @param timeColumn the column to copy into {@code time}, or null
     * @param timeValue  the fixed {@code time} in unix seconds, or null
     * @param uploadTime the {@code time} when neither is given and there is no {@code time} column
     * @param source     how data errors name the destination, e.g. {@code td:db.table}
     * @throws FerryConfigException if the rules cannot be met for this schema
     */
    public static TdRowEncoder of(Schema schema, String timeColumn, Long timeValue, Instant uploadTime, String source) {
        FerryConfigException.requireNonNull(schema, "schema");
        FerryConfigException.requireNonNull(uploadTime, "uploadTime");
        FerryConfigException.requireNonNull(source, "source");
        int own = schema.indexOf(TIME);
        if (own >= 0) {
            if (timeColumn != null && !timeColumn.equals(TIME)) {
                throw new FerryConfigException("timeColumn", "the records already have a 'time' column, which"
                        + " Treasure Data uses as the row time; remove timeColumn(\"" + timeColumn
                        + "\") or rename the 'time' column");
            }
            if (timeValue != null) {
                throw new FerryConfigException("timeValue", "the records already have a 'time' column, which"
                        + " Treasure Data uses as the row time; remove timeValue(" + timeValue
                        + ") or rename the 'time' column");
            }
            requireTimeType(schema.column(own), timeColumn == null ? TIME : "timeColumn");
            return new TdRowEncoder(schema, own, true, 0, source);
        }
        if (timeColumn != null) {
            int i = schema.indexOf(timeColumn);
            if (i < 0) {
                throw new FerryConfigException("timeColumn", "there is no column '" + timeColumn
                        + "' to use as the row time; the columns are " + schema.names());
            }
            requireTimeType(schema.column(i), "timeColumn");
            return new TdRowEncoder(schema, i, false, 0, source);
        }
        long fixed = timeValue != null ? timeValue : uploadTime.getEpochSecond();
        return new TdRowEncoder(schema, -1, false, fixed, source);
    }

    private static void requireTimeType(Column c, String option) {
        if (c.type() != ColumnType.LONG && c.type() != ColumnType.TIMESTAMP) {
            throw new FerryConfigException(option, "column '" + c.name() + "' is " + c.type()
                    + ", but the row time must be LONG (unix seconds) or TIMESTAMP; convert it, or name another"
                    + " column with timeColumn(...) after renaming this one");
        }
    }

    /** The schema this encoder accepts. */
    public Schema schema() {
        return schema;
    }

    /**
     * Packs one record as a msgpack map.
     *
     * @param number the 1-based number of the record in this write, for error messages
     * @throws FerryDataException if the record has another schema or a null time
     */
    public void encode(Record record, long number, MessagePacker packer) throws IOException {
        if (record.schema() != schema && !record.schema().equals(schema)) {
            throw new FerryDataException(source, number, null, "the record's schema " + record.schema()
                    + " differs from the schema given at open, " + schema);
        }
        long time = timeOf(record, number);
        packer.packMapHeader(keys.length + (timeIsOwnColumn ? 0 : 1));
        packer.packString(TIME);
        packer.packLong(time);
        for (int i = 0; i < keys.length; i++) {
            if (timeIsOwnColumn && i == timeIndex) {
                continue;
            }
            packer.packString(keys[i]);
            packValue(types[i], record.get(i), packer);
        }
    }

    private long timeOf(Record record, long number) {
        if (timeIndex < 0) {
            return fixedTime;
        }
        Object v = record.get(timeIndex);
        if (v == null) {
            throw new FerryDataException(source, number, keys[timeIndex],
                    "the row time is null; every Treasure Data row needs a time: fill the column,"
                            + " or filter such rows out");
        }
        return v instanceof Instant i ? i.getEpochSecond() : (Long) v;
    }

    private static void packValue(ColumnType type, Object v, MessagePacker packer) throws IOException {
        if (v == null) {
            packer.packNil();
            return;
        }
        switch (type) {
            case LONG:
                packer.packLong((Long) v);
                break;
            case DOUBLE:
                packer.packDouble((Double) v);
                break;
            case BOOLEAN:
                packer.packBoolean((Boolean) v);
                break;
            case TIMESTAMP:
                packer.packString(formatTimestamp((Instant) v));
                break;
            case STRING:
            case JSON:
                packer.packString((String) v);
                break;
            default:
                throw new IllegalStateException("unknown column type " + type);
        }
    }

    /** A TIMESTAMP value as Treasure Data's connector writes it: {@code yyyy-MM-dd HH:mm:ss.SSS}, UTC. */
    public static String formatTimestamp(Instant instant) {
        return TIMESTAMP_FORMAT.format(instant);
    }
}
