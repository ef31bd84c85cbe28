package io.ferry.spark.internal;

import io.ferry.core.record.Schema;
import io.ferry.td.TdStagedPart;
import io.ferry.td.TdStagedTask;
import io.ferry.td.TdStagedWrite;
import io.ferry.td.TdWriteResult;
import io.ferry.td.TdWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table behind {@code format("ferry-td")}: a Treasure Data table written through a staged
 * write. The driver stages (REPLACE: a temporary table), tasks upload chunks with ids from
 * (partition, chunk number), the driver publishes (REPLACE: swaps the temporary table in) or
 * aborts (drops it).
 */
public final class TdTable implements SupportsWrite {
    private static final Logger LOG = LoggerFactory.getLogger(TdTable.class);

    private final StructType schema;
    private final Map<String, String> properties;

    /**
     * @param schema     the writing DataFrame's schema
     * @param properties the source's options
     */
    public TdTable(StructType schema, Map<String, String> properties) {
        this.schema = schema;
        this.properties = Map.copyOf(properties);
    }

    @Override
    public String name() {
        return "ferry-td";
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_WRITE, TableCapability.TRUNCATE, TableCapability.ACCEPT_ANY_SCHEMA);
    }

    @Override
    public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
        return new TruncatingWriteBuilder(info, properties, TdTable::write);
    }

    /** The write: options parsed now; the temporary table is staged when Spark asks for the batch. */
    private static Write write(Map<String, String> options, boolean overwrite, LogicalWriteInfo info) {
        TdOptions parsed = TdOptions.parse(options, overwrite);
        StructType sparkSchema = info.schema();
        Schema ferry = SparkTypes.toFerry(sparkSchema);
        return new Write() {
            @Override
            public BatchWrite toBatch() {
                return new TdBatch(parsed, sparkSchema, parsed.builder().build().stage(ferry), info.queryId());
            }

            @Override
            public String description() {
                return "ferry-td " + parsed;
            }
        };
    }

    /** The driver's side: stage once, publish or abort with every task's part. */
    private static final class TdBatch implements BatchWrite {
        private final TdOptions options;
        private final StructType schema;
        private final TdStagedWrite staged;
        private final String queryId;

        TdBatch(TdOptions options, StructType schema, TdStagedWrite staged, String queryId) {
            this.options = options;
            this.schema = schema;
            this.staged = staged;
            this.queryId = queryId;
        }

        @Override
        public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
            return new TdWriterFactory(options, schema, staged);
        }

        @Override
        public void commit(WriterCommitMessage[] messages) {
            List<TdStagedPart> parts = new ArrayList<>();
            for (WriterCommitMessage m : messages) {
                if (m instanceof PartMessage p) {
                    parts.add(p.part());
                }
            }
            TdWriteResult r = options.builder().build().publish(staged, parts);
            LOG.info("Spark write {} published {} rows from {} tasks into {}.{} ({})", queryId, r.rows(), parts.size(),
                    staged.database(), staged.table(), staged.mode());
        }

        @Override
        public void abort(WriterCommitMessage[] messages) {
            options.builder().build().abort(staged);
            LOG.info("Spark write {} into {}.{} aborted", queryId, staged.database(), staged.table());
        }
    }

    /** A task's part, sent from the executor to the driver. */
    record PartMessage(TdStagedPart part) implements WriterCommitMessage {
    }

    private static final class TdWriterFactory implements DataWriterFactory {
        private static final long serialVersionUID = 1L;
        private final TdOptions options;
        private final StructType schema;
        private final TdStagedWrite staged;

        TdWriterFactory(TdOptions options, StructType schema, TdStagedWrite staged) {
            this.options = options;
            this.schema = schema;
            this.staged = staged;
        }

        @Override
        public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
            RowToRecord rows = new RowToRecord(schema);
            TdStagedTask task = options.builder().build().openTask(staged, partitionId);
            return new DataWriter<>() {
                @Override
                public void write(InternalRow row) {
                    task.write(rows.convert(row));
                }

                @Override
                public WriterCommitMessage commit() {
                    return new PartMessage(task.finish());
                }

                @Override
                public void abort() {
                    task.abort();
                }

                @Override
                public void close() {
                    task.close();
                }
            };
        }
    }
}
