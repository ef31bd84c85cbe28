package io.ferry.spark;

import io.ferry.core.FerryConfigException;
import io.ferry.s3.imports.ImportSelection;
import io.ferry.spark.internal.ImportOptions;
import io.ferry.spark.internal.PlanRegistry;
import io.ferry.spark.internal.S3Table;
import io.ferry.spark.internal.SparkTypes;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Spark data source {@code "ferry"}: writes a DataFrame to S3 with Ferry's export (each task
 * prepares its objects, the driver publishes them all at once) and reads S3 objects with Ferry's
 * import (the driver lists, selects and guesses once; executors read groups of whole objects).
 *
 * <pre>{@code
 * df.write().format("ferry").mode("append")
 *     .option("bucket", "my-bucket").option("path", "exports/{{TABLE}}/{{WRITER}}.{{FORMAT}}")
 *     .option("format", "csv").option("compression", "gz")
 *     .save();
 * Dataset<Row> logs = spark.read().format("ferry")
 *     .option("bucket", "my-bucket").option("path_prefix", "logs/2026-12-")
 *     .load();
 * }</pre>
 *
 * <p>The write options are the keys of Treasure Data's S3 v2 result JSON (as
 * {@code S3ExportConfig.fromTdResult} reads them) plus a few of Ferry's; the read options are the
 * S3 import settings of a TD {@code load.yml}. docs/spark.md lists both and the type mapping.
 * Spark creates instances through {@code META-INF/services}; users name the short name only.
 */
public final class FerrySource implements TableProvider, DataSourceRegister {
    /** The short name for {@code format(..)}. */
    public static final String SHORT_NAME = "ferry";

    private Map<String, String> plannedFor;
    private ImportSelection planned;

    /** Created by Spark's service loader. */
    public FerrySource() {
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
     * Plans the read on the driver (list, select, guess the parser from a sample when the options
     * give none) and returns the schema of what it found; the plan is kept for the table Spark asks
     * for next.
     *
     * @param options the read options
     * @return the schema, by the type mapping of docs/spark.md
     */
    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        Map<String, String> given = options.asCaseSensitiveMap();
        ImportSelection selection = PlanRegistry.lookup(given)
                .orElseGet(() -> ImportOptions.parse(given).builder().build().plan());
        plannedFor = Map.copyOf(given);
        planned = selection;
        return SparkTypes.toSpark(selection.schema().orElseThrow(() -> new FerryConfigException("schema",
                "no object selected under s3://" + selection.bucket() + "/ to guess the columns from; give the"
                        + " schema with spark.read().schema(\"id bigint, name string\") or a parser option")));
    }

    /**
     * The table for the given schema (the user's, the writing DataFrame's, or the inferred one).
     *
     * @param schema       the schema
     * @param partitioning ignored: key templates decide where rows go
     * @param properties   the options
     * @return the table
     */
    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        boolean inferred = planned != null && properties.equals(plannedFor);
        ImportSelection selection = inferred ? planned : PlanRegistry.lookup(properties).orElse(null);
        return new S3Table(schema, properties, selection);
    }

    /**
     * {@inheritDoc}
     *
     * @return true: a read may give its schema, and a write brings the DataFrame's
     */
    @Override
    public boolean supportsExternalMetadata() {
        return true;
    }
}
