package io.ferry.core.record;

/**
 * Records of one schema, as an exporter reads them. Obtain one from {@link RecordSources}.
 *
 * <p>A source backed by a stream or a JDBC {@link java.sql.ResultSet} can be iterated once;
 * one backed by an {@link Iterable} as often as that iterable allows.
 */
public interface RecordSource extends Iterable<Record> {
    /** {@return the schema every record of this source is bound to} */
    Schema schema();
}
