package io.ferry.spark.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's {@code mode("append")} writes with {@code CREATE_NEW}; {@code mode("overwrite")} (a
 * truncate to Spark) writes with {@code REPLACE}: objects at the same keys are replaced, other
 * objects under the prefix stay (docs/spark.md).
 */
final class S3WriteBuilder implements WriteBuilder, SupportsTruncate {
    private final LogicalWriteInfo info;
    private final Map<String, String> properties;
    private boolean overwrite;

    S3WriteBuilder(LogicalWriteInfo info, Map<String, String> properties) {
        this.info = info;
        this.properties = properties;
    }

    @Override
    public WriteBuilder truncate() {
        overwrite = true;
        return this;
    }

    @Override
    public Write build() {
        Map<String, String> options = new HashMap<>(properties);
        options.putAll(info.options().asCaseSensitiveMap());
        ExportOptions parsed = ExportOptions.parse(options, overwrite);
        StructType schema = info.schema();
        SparkTypes.toFerry(schema);
        return new Write() {
            @Override
            public BatchWrite toBatch() {
                return new S3BatchWrite(parsed, schema, info.queryId());
            }

            @Override
            public String description() {
                return "ferry export " + parsed;
            }
        };
    }
}
