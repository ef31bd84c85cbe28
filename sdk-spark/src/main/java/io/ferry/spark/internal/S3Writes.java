package io.ferry.spark.internal;

import java.util.Map;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.types.StructType;

/**
 * The write of {@code format("ferry")}. Spark's {@code mode("append")} writes with
 * {@code CREATE_NEW}; {@code mode("overwrite")} (a truncate to Spark) writes with {@code REPLACE}:
 * objects at the same keys are replaced, other objects under the prefix stay (docs/spark.md).
 */
final class S3Writes {
    private S3Writes() {
    }

    static Write write(Map<String, String> options, boolean overwrite, LogicalWriteInfo info) {
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
