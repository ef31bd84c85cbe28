package io.ferry.spark.internal;

import io.ferry.core.FerryDataException;
import io.ferry.formats.read.ParserConfig;
import io.ferry.s3.imports.ImportSelection;
import io.ferry.s3.imports.ObjectGroups;
import io.ferry.s3.imports.SelectedObject;
import java.util.List;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/**
 * A read of the table's selection: the objects bin-packed into input partitions of about
 * {@code max_partition_bytes} (a compressed object is never split), each read on an executor
 * with the planned parser.
 */
final class S3Scan implements Scan, Batch {
    private final S3Table table;
    private final ImportOptions options;

    S3Scan(S3Table table, ImportOptions options) {
        this.table = table;
        this.options = options;
    }

    @Override
    public StructType readSchema() {
        return table.readSchema();
    }

    @Override
    public String description() {
        return "ferry " + options;
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        ImportSelection selection = table.selection(options);
        List<List<SelectedObject>> groups = selection.groups(options.partitionBytes(), ObjectGroups.DEFAULT_OPEN_COST_BYTES);
        InputPartition[] out = new InputPartition[groups.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new S3InputPartition(groups.get(i));
        }
        return out;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        ImportSelection selection = table.selection(options);
        ParserConfig parser = selection.parser().orElseThrow(() -> new FerryDataException("s3://"
                + selection.bucket(), 0, null, "the plan has no parser config"));
        return new S3ReaderFactory(options, parser, table.readSchema());
    }

    /** One input partition: a group of whole objects. */
    record S3InputPartition(List<SelectedObject> objects) implements InputPartition {
    }
}
