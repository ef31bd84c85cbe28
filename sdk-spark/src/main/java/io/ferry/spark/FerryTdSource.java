package io.ferry.spark;

import io.ferry.core.FerryConfigException;
import io.ferry.spark.internal.TdTable;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Spark data source {@code "ferry-td"}: writes a DataFrame into a Treasure Data table. The driver
 * stages the write (for REPLACE, a temporary table), every task uploads its rows in msgpack.gz
 * chunks with {@code import_with_id} ids made from (partition, chunk number), and the driver
 * publishes (REPLACE and REPLACE_ON_NEW_DATA swap the temporary table in) or aborts.
 *
 * <pre>{@code
 * df.write().format("ferry-td").mode("overwrite")             // overwrite: REPLACE, append: APPEND
 *     .option("database", "analytics").option("table", "daily_events")
 *     .option("apikey", apiKey)                                // or TD_API_KEY on every executor
 *     .save();
 * }</pre>
 *
 * <p>Write only: reading Treasure Data tables is not part of Ferry. docs/spark.md lists the
 * options and what APPEND can promise across tasks.
 */
public final class FerryTdSource implements TableProvider, DataSourceRegister {
    /** The short name for {@code format(..)}. */
    public static final String SHORT_NAME = "ferry-td";

    /** Created by Spark's service loader. */
    public FerryTdSource() {
    }

    /**
     * {@inheritDoc}
     *
     * @return {@value #SHORT_NAME}
     */
    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    /**
     * Not supported: {@code ferry-td} only writes.
     *
     * @param options the options
     * @return never
     * @throws FerryConfigException always
     */
    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        throw new FerryConfigException("format", "format(\"ferry-td\") only writes: use df.write().format(\"ferry-td\")");
    }

    /**
     * The table for the writing DataFrame's schema.
     *
     * @param schema       the DataFrame's schema
     * @param partitioning ignored
     * @param properties   the options
     * @return the table
     */
    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new TdTable(schema, properties);
    }

    /**
     * {@inheritDoc}
     *
     * @return true: the writing DataFrame brings its schema
     */
    @Override
    public boolean supportsExternalMetadata() {
        return true;
    }
}
