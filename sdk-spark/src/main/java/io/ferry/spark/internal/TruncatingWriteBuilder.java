package io.ferry.spark.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;

/**
 * The write builder of both Ferry tables: it notes Spark's truncate ({@code mode("overwrite")})
 * and hands the source's options, overlaid with the write's own, to the table's write factory.
 */
final class TruncatingWriteBuilder implements WriteBuilder, SupportsTruncate {
    /** Makes a table's write from its merged options; parse them here, so bad options fail in {@code build()}. */
    interface WriteFactory {
        Write create(Map<String, String> options, boolean overwrite, LogicalWriteInfo info);
    }

    private final LogicalWriteInfo info;
    private final Map<String, String> properties;
    private final WriteFactory factory;
    private boolean overwrite;

    TruncatingWriteBuilder(LogicalWriteInfo info, Map<String, String> properties, WriteFactory factory) {
        this.info = info;
        this.properties = properties;
        this.factory = factory;
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
        return factory.create(options, overwrite, info);
    }
}
