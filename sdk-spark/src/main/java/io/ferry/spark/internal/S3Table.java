package io.ferry.spark.internal;

import io.ferry.s3.imports.ImportSelection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The table behind {@code format("ferry")}: objects under an S3 prefix. A read plans once (the
 * selection is kept here, so every action on one DataFrame reads the same objects); a write runs
 * a two-phase Ferry export per task.
 */
public final class S3Table implements SupportsRead, SupportsWrite {
    private final StructType schema;
    private final Map<String, String> properties;
    private volatile ImportSelection selection;

    /**
     * @param schema      the schema: given by the user or the writing DataFrame, or guessed
     * @param properties  the source's options
     * @param selection   the read's selection when already planned (guess, incremental helper), or null
     */
    public S3Table(StructType schema, Map<String, String> properties, ImportSelection selection) {
        this.schema = schema;
        this.properties = Map.copyOf(properties);
        this.selection = selection;
    }

    @Override
    public String name() {
        return "ferry";
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ, TableCapability.BATCH_WRITE, TableCapability.TRUNCATE,
                TableCapability.ACCEPT_ANY_SCHEMA);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return () -> new S3Scan(this, ImportOptions.parse(properties));
    }

    @Override
    public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
        return new TruncatingWriteBuilder(info, properties, S3Writes::write);
    }

    /** {@return the read's selection, planned on first use (on the driver)} */
    ImportSelection selection(ImportOptions options) {
        ImportSelection s = selection;
        if (s == null) {
            synchronized (this) {
                s = selection;
                if (s == null) {
                    s = options.builder().build().plan();
                    selection = s;
                }
            }
        }
        return s;
    }

    StructType readSchema() {
        return schema;
    }
}
