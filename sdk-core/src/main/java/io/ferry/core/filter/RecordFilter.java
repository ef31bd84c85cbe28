package io.ferry.core.filter;

import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;

/**
 * Transforms records one at a time, changing their schema: retain, drop or add columns, expand
 * JSON, digest, add a time column. Filters are immutable values, safe to share between threads;
 * make them with {@link Filters} and apply several in order with a {@link FilterChain}.
 *
 * <pre>{@code
 * RecordFilter drop = Filters.drop("password");
 * Schema out = drop.outputSchema(in);   // checks the columns: a missing one is a config error
 * Record row = drop.apply(record);      // a record of schema out
 * }</pre>
 */
public interface RecordFilter {
    /**
     * The schema of the records this filter produces from records of {@code input}; call it when
     * the pipeline is built to check the configuration before the first record.
     *
     * @param input the schema of the records coming into the filter
     * @return the schema of the records the filter produces
     * @throws io.ferry.core.FerryConfigException naming the filter and the column, if the filter
     *                                            names a column that is missing or has the wrong
     *                                            type, or adds one that already exists
     */
    Schema outputSchema(Schema input);

    /**
     * Transforms one record. The result's schema is {@code outputSchema(record.schema())}.
     *
     * @param record the record to transform, bound to a schema that fits the filter
     * @return the transformed record
     * @throws io.ferry.core.FerryConfigException as {@link #outputSchema} for a record of a schema
     *                                            that does not fit
     * @throws io.ferry.core.FerryDataException   if a value cannot be transformed (such as
     *                                            malformed JSON); the line is 0, a
     *                                            {@link FilterChain#wrap wrapped sink} fills it in
     */
    Record apply(Record record);

    /**
     * {@return the filter to use for one run (one import or export)} Filters that capture a value per run,
     * such as the upload time of {@link Filters#addTime(java.time.Clock)}, return a copy holding a
     * fresh value; the others return themselves. {@link FilterChain#wrap} calls it at each
     * {@code open}.
     */
    default RecordFilter forRun() {
        return this;
    }
}
