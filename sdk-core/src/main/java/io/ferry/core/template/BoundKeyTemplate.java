package io.ferry.core.template;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.template.internal.KeyValueEncoder;
import io.ferry.core.template.internal.KeyVariable;
import io.ferry.core.template.internal.Segment;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link KeyTemplate} checked against a schema and a file format: finds the partition of each
 * record and renders object keys. Immutable and thread-safe.
 *
 * <pre>{@code
 * BoundKeyTemplate keys = KeyTemplate.parse("invoice_summary_{customer_id}").bind(schema, "csv", "");
 * String key = keys.render(keys.partitionOf(record, 0), context); // invoice_summary_ACME.csv
 * }</pre>
 */
public final class BoundKeyTemplate {
    private final KeyTemplate template;
    private final List<Segment> segments;
    private final Schema schema;
    private final String format;
    private final boolean appendExtension;
    private final List<Segment> partitions;
    private final int[] columnIndexes;

    BoundKeyTemplate(KeyTemplate template, List<Segment> segments, Schema schema, String format,
                     boolean appendExtension) {
        this.template = template;
        this.segments = segments;
        this.schema = schema;
        this.format = format;
        this.appendExtension = appendExtension;
        List<Segment> parts = new ArrayList<>();
        for (Segment s : segments) {
            if (s instanceof Segment.ColumnPartition || s instanceof Segment.BucketPartition) {
                parts.add(s);
            }
        }
        this.partitions = List.copyOf(parts);
        this.columnIndexes = new int[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            columnIndexes[i] = parts.get(i) instanceof Segment.ColumnPartition c ? schema.indexOf(c.column()) : -1;
        }
    }

    /** {@return the template this was bound from} */
    public KeyTemplate keyTemplate() {
        return template;
    }

    /** {@return the schema the template was bound to} */
    public Schema schema() {
        return schema;
    }

    /** {@return what {@code {{FORMAT}}} renders: extension plus compression suffix, e.g. {@code csv.gz}} */
    public String format() {
        return format;
    }

    /** {@return whether rendering appends {@code .} + {@link #format()} because the template has no extension} */
    public boolean appendsExtension() {
        return appendExtension;
    }

    /**
     * {@return the partition a record belongs to; {@link PartitionKey#NONE} when the template has no
     * partition placeholder}
     *
     * @param record   a record of the bound schema
     * @param rowIndex the record's 0-based position in the export; with {@code {N}}, row i goes
     *                 to object {@code i % N}
     * @throws FerryConfigException if the record has another schema or rowIndex is negative
     * @throws FerryDataException       if a LONG epoch-seconds value is outside the supported range
     */
    public PartitionKey partitionOf(Record record, long rowIndex) {
        FerryConfigException.requireNonNull(record, "record");
        if (partitions.isEmpty()) {
            return PartitionKey.NONE;
        }
        if (rowIndex < 0) {
            throw new FerryConfigException("rowIndex", "rowIndex must be 0 or more, was " + rowIndex);
        }
        if (record.schema() != schema && !record.schema().equals(schema)) {
            throw new FerryConfigException("record", "the record's schema " + record.schema()
                    + " is not the schema the key template was bound to: " + schema);
        }
        List<String> values = new ArrayList<>(partitions.size());
        for (int i = 0; i < partitions.size(); i++) {
            Segment s = partitions.get(i);
            if (s instanceof Segment.BucketPartition b) {
                values.add(Long.toString(rowIndex % b.count()));
            } else if (s instanceof Segment.ColumnPartition c) {
                values.add(KeyValueEncoder.encode(columnValue(c, record, columnIndexes[i], rowIndex)));
            }
        }
        return PartitionKey.of(values);
    }

    private String columnValue(Segment.ColumnPartition p, Record record, int index, long rowIndex) {
        Object value = record.get(index);
        if (value == null) {
            return null;
        }
        if (p.format() == null) {
            return value.toString();
        }
        Instant instant;
        if (schema.column(index).type() == ColumnType.TIMESTAMP) {
            instant = (Instant) value;
        } else {
            try {
                instant = Instant.ofEpochSecond((Long) value);
            } catch (DateTimeException e) {
                throw new FerryDataException("record", rowIndex + 1, p.column(), "epoch seconds " + value
                        + " are outside the range of dates for placeholder " + p.placeholder(), e);
            }
        }
        return p.format().format(ZonedDateTime.ofInstant(instant, template.partitionZone()));
    }

    /**
     * Renders the object key of a partition.
     *
     * @param partition a key from {@link #partitionOf} of this template
     * @param context   the run values; those the template uses must be set
     * @return the full object key, with the extension appended when the template has none
     * @throws FerryConfigException if the partition does not come from this template
     * @throws FerryConfigException     naming the context value ({@code table}, {@code syncId},
     *                                  {@code uuid}, {@code writer}, {@code startedAt}) the template needs but is unset
     */
    public String render(PartitionKey partition, KeyContext context) {
        FerryConfigException.requireNonNull(partition, "partition");
        FerryConfigException.requireNonNull(context, "context");
        if (partition.values().size() != partitions.size()) {
            throw new FerryConfigException("partition", "partition " + partition + " does not belong to key template '"
                    + template.template() + "', which has " + partitions.size() + " partition placeholders");
        }
        StringBuilder key = new StringBuilder(template.template().length() + 32);
        int next = 0;
        for (Segment s : segments) {
            if (s instanceof Segment.Literal l) {
                key.append(l.text());
            } else if (s instanceof Segment.Variable v) {
                key.append(variable(v.variable(), context));
            } else {
                key.append(partition.values().get(next++));
            }
        }
        if (appendExtension) {
            key.append('.').append(format);
        }
        return key.toString();
    }

    private String variable(KeyVariable v, KeyContext context) {
        switch (v) {
            case TABLE:
                return KeyValueEncoder.encode(require(context.table().orElse(null), "table", v));
            case TABLE_HYPHEN:
                return KeyValueEncoder.encode(require(context.table().orElse(null), "table", v).replace('_', '-'));
            case SYNC_ID:
                return KeyValueEncoder.encode(require(context.syncId().orElse(null), "syncId", v));
            case UUID:
                return KeyValueEncoder.encode(require(context.uuid().orElse(null), "uuid", v));
            case WRITER:
                return KeyValueEncoder.encode(require(context.writer().orElse(null), "writer", v));
            case FORMAT:
                return format;
            default:
                ZonedDateTime t = require(context.startedAt().orElse(null), "startedAt", v).atZone(ZoneOffset.UTC);
                return time(v, t);
        }
    }

    private static String time(KeyVariable v, ZonedDateTime t) {
        switch (v) {
            case YEAR:
                return String.format(Locale.ROOT, "%04d", t.getYear());
            case MONTH:
                return String.format(Locale.ROOT, "%02d", t.getMonthValue());
            case DAY:
                return String.format(Locale.ROOT, "%02d", t.getDayOfMonth());
            case HOUR:
                return String.format(Locale.ROOT, "%02d", t.getHour());
            default:
                return String.format(Locale.ROOT, "%02d", t.getMinute());
        }
    }

    private <T> T require(T value, String name, KeyVariable v) {
        if (value == null) {
            throw new FerryConfigException(name, "key template '" + template.template() + "' uses "
                    + v.placeholder() + " but the key context has no " + name);
        }
        return value;
    }

    @Override
    public String toString() {
        return "BoundKeyTemplate[" + template.template() + ", format=" + format + "]";
    }
}
