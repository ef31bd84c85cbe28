package io.ferry.core.record;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import java.sql.ResultSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Factories for {@link RecordSource}s: from rows of {@code Object[]} or {@code Map<String, ?>},
 * and from a JDBC {@link ResultSet}. Conversion is lazy: a row becomes a {@link Record} when the
 * iterator reaches it, and a bad value is reported with its 1-based record number and column.
 *
 * <pre>{@code
 * RecordSource rows = RecordSources.fromArrays(schema, List.of(new Object[] {200L, 4981L}, new Object[] {404L, 12L}));
 * RecordSource query = RecordSources.fromResultSet(statement.executeQuery("SELECT * FROM t"));
 * }</pre>
 */
public final class RecordSources {
    private RecordSources() {
    }

    /**
     * Rows given as arrays of values in schema order.
     *
     * @param schema the schema of every row
     * @param rows the rows, each an array of values in schema order
     * @return the source
     */
    public static RecordSource fromArrays(Schema schema, Iterable<Object[]> rows) {
        FerryConfigException.requireNonNull(rows, "rows");
        return mapped(schema, rows::iterator, (row, n) -> Record.create(schema, row, "record", n));
    }

    /**
     * Rows given as a stream of arrays of values in schema order; iterable once.
     *
     * @param schema the schema of every row
     * @param rows the rows, each an array of values in schema order
     * @return the source, iterable once
     */
    public static RecordSource fromArrays(Schema schema, Stream<Object[]> rows) {
        FerryConfigException.requireNonNull(rows, "rows");
        return fromArrays(schema, once(rows.iterator()));
    }

    /**
     * Rows given as maps of column name to value; see {@link Record#ofMap}.
     *
     * @param schema the schema of every row
     * @param rows the rows, each a map of column name to value
     * @return the source
     */
    public static RecordSource fromMaps(Schema schema, Iterable<? extends Map<String, ?>> rows) {
        FerryConfigException.requireNonNull(rows, "rows");
        return mapped(schema, rows::iterator, (row, n) -> Record.fromMap(schema, row, "record", n));
    }

    /**
     * Rows given as a stream of maps of column name to value; iterable once.
     *
     * @param schema the schema of every row
     * @param rows the rows, each a map of column name to value
     * @return the source, iterable once
     */
    public static RecordSource fromMaps(Schema schema, Stream<? extends Map<String, ?>> rows) {
        FerryConfigException.requireNonNull(rows, "rows");
        return fromMaps(schema, once(rows.iterator()));
    }

    /**
     * Records already built. Each must be bound to {@code schema}.
     *
     * @param schema the schema of every record
     * @param records the records
     * @return the source
     */
    public static RecordSource of(Schema schema, Iterable<Record> records) {
        FerryConfigException.requireNonNull(schema, "schema");
        FerryConfigException.requireNonNull(records, "records");
        return mapped(schema, records::iterator, (r, n) -> {
            if (!r.schema().equals(schema)) {
                throw new FerryDataException("record", n, null,
                        "bound to schema " + r.schema() + ", expected " + schema);
            }
            return r;
        });
    }

    /**
     * The rows of a JDBC result set, with a schema read from its metadata. The source reads
     * forward once and does not close the result set. SQL types map as follows: BOOLEAN/BIT to
     * BOOLEAN; TINYINT..BIGINT and DECIMAL/NUMERIC with scale 0 and precision up to 18 to LONG;
     * REAL/FLOAT/DOUBLE to DOUBLE; TIMESTAMP (read as UTC wall time) and TIMESTAMP WITH TIME ZONE
     * to TIMESTAMP; columns whose type name is JSON or JSONB to JSON; everything else, including
     * other decimals (exact, as plain text), DATE and TIME (ISO text), to STRING via
     * {@code getString}.
     *
     * @param resultSet the result set, positioned before its first row
     * @return the source
     * @throws io.ferry.core.FerryIoException if the metadata cannot be read
     * @throws io.ferry.core.FerryConfigException if two columns have the same label
     */
    public static RecordSource fromResultSet(ResultSet resultSet) {
        return new ResultSetSource(FerryConfigException.requireNonNull(resultSet, "resultSet"));
    }

    private interface RowMapper<T> {
        Record map(T row, long number);
    }

    private static <T> Iterable<T> once(Iterator<T> iterator) {
        boolean[] used = {false};
        return () -> {
            if (used[0]) {
                throw new FerryConfigException("iterator", "this record source reads a stream and can be iterated only"
                        + " once; make a new source for a second pass");
            }
            used[0] = true;
            return iterator;
        };
    }

    private static <T> RecordSource mapped(Schema schema, Iterable<T> rows, RowMapper<T> mapper) {
        FerryConfigException.requireNonNull(schema, "schema");
        return new RecordSource() {
            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public Iterator<Record> iterator() {
                Iterator<T> it = rows.iterator();
                return new Iterator<>() {
                    private long number;

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Record next() {
                        if (!it.hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return mapper.map(it.next(), ++number);
                    }
                };
            }
        };
    }

}
