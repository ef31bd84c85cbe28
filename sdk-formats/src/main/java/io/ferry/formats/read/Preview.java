package io.ferry.formats.read;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.ColumnType;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema and first rows of an import, as a preview shows them. Immutable.
 *
 * <pre>{@code
 * Preview p = imp.preview(5);
 * System.out.println(p.toTable());
 * // | id    | company | customer | created_at              |
 * // |-------|---------|----------|-------------------------|
 * // | 11200 | AA Inc. | David    | 2015-03-31 06:12:37 UTC |
 * }</pre>
 */
public final class Preview {
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendLiteral(" UTC")
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private final Schema schema;
    private final List<Record> rows;

    private Preview(Schema schema, List<Record> rows) {
        this.schema = schema;
        this.rows = List.copyOf(rows);
    }

    /**
     * A preview of {@code rows}, each bound to {@code schema}.
     *
     * @param schema the schema of the rows
     * @param rows the rows
     * @return the preview
     */
    public static Preview of(Schema schema, List<Record> rows) {
        FerryConfigException.requireNonNull(schema, "schema");
        FerryConfigException.requireNonNull(rows, "rows");
        for (Record r : rows) {
            if (!r.schema().equals(schema)) {
                throw new FerryConfigException("rows", "record " + r + " is not bound to " + schema);
            }
        }
        return new Preview(schema, rows);
    }

    /** {@return the schema} */
    public Schema schema() {
        return schema;
    }

    /** {@return the rows, in file order; an unmodifiable list} */
    public List<Record> rows() {
        return rows;
    }

    /**
     * {@return the rows as an ASCII table: a header of column names, a rule, one line per row} Numbers
     * are right-aligned, nulls are empty, timestamps are UTC.
     */
    public String toTable() {
        int n = schema.size();
        List<String[]> cells = new ArrayList<>();
        int[] widths = new int[n];
        String[] header = schema.names().toArray(new String[0]);
        cells.add(header);
        for (Record r : rows) {
            String[] line = new String[n];
            for (int i = 0; i < n; i++) {
                line[i] = render(r.get(i));
            }
            cells.add(line);
        }
        for (String[] line : cells) {
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < cells.size(); l++) {
            String[] line = cells.get(l);
            sb.append('|');
            for (int i = 0; i < n; i++) {
                ColumnType t = schema.column(i).type();
                boolean right = l > 0 && (t == ColumnType.LONG || t == ColumnType.DOUBLE);
                sb.append(' ').append(pad(line[i], widths[i], right)).append(" |");
            }
            sb.append('\n');
            if (l == 0) {
                sb.append('|');
                for (int i = 0; i < n; i++) {
                    sb.append("-".repeat(widths[i] + 2)).append('|');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String render(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Instant instant) {
            return TIME.format(instant);
        }
        return v.toString().replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }

    @Override
    public String toString() {
        return toTable();
    }
}
