package io.ferry.spark.internal;

import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.PreparedExport;
import io.ferry.s3.export.S3Export;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's side of a write: each task prepares its objects (uploaded, not visible) and sends
 * the {@link PreparedExport} back; {@link #commit} publishes them all at once, {@link #abort}
 * aborts them and sweeps what tasks that never reported left behind.
 */
final class S3BatchWrite implements BatchWrite {
    private static final Logger LOG = LoggerFactory.getLogger(S3BatchWrite.class);

    private final ExportOptions options;
    private final StructType schema;
    private final String queryId;
    private volatile ExportResult result;

    S3BatchWrite(ExportOptions options, StructType schema, String queryId) {
        this.options = options.withNewExportToken();
        this.schema = schema;
        this.queryId = queryId;
    }

    @Override
    public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
        return new S3WriterFactory(options, schema);
    }

    @Override
    public boolean useCommitCoordinator() {
        // only one attempt of each partition may prepare: the coordinator denies the others
        return true;
    }

    @Override
    public void commit(WriterCommitMessage[] messages) {
        List<PreparedExport> prepared = prepared(messages);
        S3Export export = options.builder().build();
        result = export.publish(prepared);
        LOG.info("Spark write {} published {} objects ({} rows) from {} tasks", queryId, result.objects().size(),
                result.rows(), prepared.size());
    }

    @Override
    public void abort(WriterCommitMessage[] messages) {
        List<PreparedExport> prepared = prepared(messages);
        options.builder().build().abort(prepared);
        LOG.info("Spark write {} aborted; {} prepared task outputs removed", queryId, prepared.size());
    }

    /** {@return the published result, once committed} */
    ExportResult result() {
        return result;
    }

    private static List<PreparedExport> prepared(WriterCommitMessage[] messages) {
        List<PreparedExport> out = new ArrayList<>();
        if (messages != null) {
            for (WriterCommitMessage m : messages) {
                if (m instanceof PreparedMessage p) {
                    out.add(p.prepared());
                }
            }
        }
        return out;
    }

    /** A task's prepared export, sent from the executor to the driver. */
    record PreparedMessage(PreparedExport prepared) implements WriterCommitMessage {
    }
}
