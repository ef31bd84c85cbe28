package io.ferry.core.record;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.FerryIoException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/** A forward-only {@link RecordSource} over a JDBC result set; see {@link RecordSources#fromResultSet}. */
final class ResultSetSource implements RecordSource {
    private final ResultSet rs;
    private final Schema schema;
    private final int[] sqlTypes;
    private boolean iterated;

    ResultSetSource(ResultSet rs) {
        this.rs = rs;
        try {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<Column> columns = new ArrayList<>(n);
            sqlTypes = new int[n];
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 1; i <= n; i++) {
                sqlTypes[i - 1] = md.getColumnType(i);
                String label = md.getColumnLabel(i);
                Integer first = seen.putIfAbsent(label, i);
                if (first != null) {
                    // Schema would reject it too, but only a query-level message tells how to fix it.
                    throw new FerryConfigException("resultSet", "columns " + first + " and " + i
                            + " of the result set are both labelled '" + label
                            + "'; give them distinct aliases in the query (SELECT a.id AS a_id, b.id AS b_id ...)");
                }
                columns.add(Column.of(label, typeOf(md, i)));
            }
            schema = Schema.of(columns);
        } catch (SQLException e) {
            throw new FerryIoException("cannot read the result set's metadata: " + e.getMessage(), e);
        }
    }

    static ColumnType typeOf(ResultSetMetaData md, int i) throws SQLException {
        int type = md.getColumnType(i);
        switch (type) {
            case Types.BOOLEAN:
            case Types.BIT:
                return ColumnType.BOOLEAN;
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                return ColumnType.LONG;
            case Types.DECIMAL:
            case Types.NUMERIC:
                return md.getScale(i) == 0 && md.getPrecision(i) > 0 && md.getPrecision(i) <= 18
                        ? ColumnType.LONG : ColumnType.STRING;
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return ColumnType.DOUBLE;
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return ColumnType.TIMESTAMP;
            default:
                String name = md.getColumnTypeName(i);
                if (name != null) {
                    String n = name.toUpperCase(Locale.ROOT);
                    if (n.equals("JSON") || n.equals("JSONB")) {
                        return ColumnType.JSON;
                    }
                }
                return ColumnType.STRING;
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Iterator<Record> iterator() {
        if (iterated) {
            throw new FerryConfigException("iterator", "a result set can be iterated only once; run the query again"
                    + " for a second pass");
        }
        iterated = true;
        return new Iterator<>() {
            private Boolean hasNext;
            private long number;

            @Override
            public boolean hasNext() {
                if (hasNext == null) {
                    try {
                        hasNext = rs.next();
                    } catch (SQLException e) {
                        throw new FerryIoException("cannot read row " + (number + 1) + " of the result set: "
                                + e.getMessage(), e);
                    }
                }
                return hasNext;
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                hasNext = null;
                number++;
                Object[] values = new Object[schema.size()];
                for (int i = 0; i < values.length; i++) {
                    try {
                        values[i] = read(i);
                    } catch (SQLException e) {
                        throw new FerryDataException("result set", number, schema.column(i).name(),
                                "cannot read the value: " + e.getMessage(), e);
                    }
                }
                return Record.create(schema, values, "result set", number);
            }
        };
    }

    private Object read(int i) throws SQLException {
        int col = i + 1;
        Object value;
        switch (schema.column(i).type()) {
            case BOOLEAN:
                value = rs.getBoolean(col);
                break;
            case LONG:
                value = rs.getLong(col);
                break;
            case DOUBLE:
                value = rs.getDouble(col);
                break;
            case TIMESTAMP:
                value = readTimestamp(col, sqlTypes[i] == Types.TIMESTAMP_WITH_TIMEZONE);
                break;
            default:
                if (sqlTypes[i] == Types.DECIMAL || sqlTypes[i] == Types.NUMERIC) {
                    BigDecimal d = rs.getBigDecimal(col);
                    value = d == null ? null : d.toPlainString();
                } else {
                    value = rs.getString(col);
                }
        }
        return rs.wasNull() ? null : value;
    }

    private Object readTimestamp(int col, boolean withZone) throws SQLException {
        try {
            if (withZone) {
                OffsetDateTime odt = rs.getObject(col, OffsetDateTime.class);
                return odt == null ? null : odt.toInstant();
            }
            LocalDateTime ldt = rs.getObject(col, LocalDateTime.class);
            return ldt == null ? null : ldt.toInstant(ZoneOffset.UTC);
        } catch (SQLException | RuntimeException unsupported) {
            // Older drivers lack getObject(int, Class) for java.time: fall back to Timestamp,
            // which the driver interprets in the JVM's zone.
            Timestamp ts = rs.getTimestamp(col);
            return ts == null ? null : ts.toInstant();
        }
    }
}
