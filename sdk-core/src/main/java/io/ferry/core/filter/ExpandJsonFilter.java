package io.ferry.core.filter;

import io.ferry.core.FerryConfigException;
import io.ferry.core.filter.internal.ColumnChecks;
import io.ferry.core.filter.internal.JsonConversion;
import io.ferry.core.filter.internal.JsonExtractor;
import io.ferry.core.filter.internal.JsonValue;
import io.ferry.core.filter.internal.FilterPlan;
import io.ferry.core.record.Column;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Takes typed columns out of a JSON or STRING column holding JSON text, by JSON pointer. The new
 * columns are appended in the order given; the source column is removed unless
 * {@link #keepSource()} is used. Each record's JSON is read in one streaming pass, without a tree.
 * A null source gives null columns; malformed JSON or a value that does not fit its column is a
 * {@link io.ferry.core.FerryDataException} naming the column (conversion rules on
 * {@link JsonField}). Configuration errors (option {@code expandJson}): a missing source column,
 * one that is neither JSON nor STRING, a new column whose name is taken. Immutable and
 * thread-safe; made by {@link Filters#expandJson}.
 *
 * <pre>{@code
 * Filters.expandJson("payload", List.of(
 *         JsonField.of("/user/id", "user_id", ColumnType.LONG),
 *         JsonField.of("/user/tags", "tags", ColumnType.JSON)));
 * }</pre>
 */
public final class ExpandJsonFilter extends PlannedFilter {
    private static final String OPTION = "expandJson";

    private final String column;
    private final List<JsonField> fields;
    private final boolean keepSource;
    private final JsonExtractor extractor;

    private ExpandJsonFilter(String column, List<JsonField> fields, boolean keepSource) {
        this.column = column;
        this.fields = fields;
        this.keepSource = keepSource;
        Set<String> pointers = new LinkedHashSet<>();
        fields.forEach(f -> pointers.add(f.pointer()));
        this.extractor = new JsonExtractor(pointers);
    }

    static ExpandJsonFilter of(String column, List<JsonField> fields) {
        FerryConfigException.requireNonNull(column, "column");
        FerryConfigException.requireNonNull(fields, "fields");
        if (fields.isEmpty()) {
            throw new FerryConfigException(OPTION, "give at least one JsonField to take out of '" + column + "'");
        }
        Set<String> names = new HashSet<>();
        for (JsonField f : fields) {
            if (!names.add(FerryConfigException.requireNonNull(f, "field").column().name())) {
                throw new FerryConfigException(OPTION, "column '" + f.column().name() + "' is named twice");
            }
        }
        return new ExpandJsonFilter(column, List.copyOf(fields), false);
    }

    /** {@return a copy that keeps the source column (by default it is removed)} */
    public ExpandJsonFilter keepSource() {
        return new ExpandJsonFilter(column, fields, true);
    }

    /** {@return the JSON column read} */
    public String column() {
        return column;
    }

    /** {@return the columns taken out, in output order} */
    public List<JsonField> fields() {
        return fields;
    }

    /** {@return whether the source column stays in the output} */
    public boolean keepsSource() {
        return keepSource;
    }

    @Override
    FilterPlan plan(Schema input) {
        int source = ColumnChecks.require(input, column, OPTION, "expand");
        ColumnType type = input.column(source).type();
        if (type != ColumnType.JSON && type != ColumnType.STRING) {
            throw new FerryConfigException(OPTION, "column '" + column + "' is " + type
                    + "; only a JSON or STRING column can be expanded");
        }
        List<Column> columns = new ArrayList<>(input.columns());
        if (!keepSource) {
            columns.remove(source);
        }
        Schema kept = Schema.of(columns);
        for (JsonField f : fields) {
            ColumnChecks.requireAbsent(kept, f.column().name(), OPTION);
            columns.add(f.column());
        }
        return new Plan(source, kept.size(), Schema.of(columns));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpandJsonFilter other && other.column.equals(column)
                && other.fields.equals(fields) && other.keepSource == keepSource;
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, fields, keepSource);
    }

    @Override
    public String toString() {
        return "expandJson[" + column + " -> " + fields + (keepSource ? ", keepSource" : "") + "]";
    }

    private final class Plan extends FilterPlan {
        private final int source;
        private final int firstField;

        Plan(int source, int firstField, Schema output) {
            super(output);
            this.source = source;
            this.firstField = firstField;
        }

        @Override
        public Record apply(Record record) {
            Object[] values = new Object[output().size()];
            int k = 0;
            for (int i = 0; i < record.size(); i++) {
                if (keepSource || i != source) {
                    values[k++] = record.get(i);
                }
            }
            String json = (String) record.get(source);
            if (json != null) {
                Map<String, JsonValue> found = extractor.extract(json, OPTION, column);
                for (int f = 0; f < fields.size(); f++) {
                    JsonField field = fields.get(f);
                    values[firstField + f] = JsonConversion.convert(found.get(field.pointer()),
                            field.column().type(), OPTION, field.column().name());
                }
            }
            return Record.of(output(), values);
        }
    }
}
