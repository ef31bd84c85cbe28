package io.ferry.spark.internal;

import io.ferry.s3.export.ExportWriter;
import io.ferry.s3.export.S3Export;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;

/**
 * Runs on each executor: one Ferry export per task, with the writer id
 * {@code <partition>-<task id>} (unique per attempt: Spark's task ids never repeat in an
 * application), so retried and speculative attempts never choose the same key.
 */
final class S3WriterFactory implements DataWriterFactory {
    private static final long serialVersionUID = 1L;

    private final ExportOptions options;
    private final StructType schema;

    S3WriterFactory(ExportOptions options, StructType schema) {
        this.options = options;
        this.schema = schema;
    }

    @Override
    public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
        return new TaskWriter(options, schema, String.format("%05d-%d", partitionId, taskId));
    }

    static final class TaskWriter implements DataWriter<InternalRow> {
        private final RowToRecord rows;
        private final ExportWriter writer;

        TaskWriter(ExportOptions options, StructType schema, String writerId) {
            this.rows = new RowToRecord(schema);
            S3Export export = options.builder().build();
            this.writer = export.open(options.table(), rows.schema(), writerId);
        }

        @Override
        public void write(InternalRow row) {
            writer.write(rows.convert(row));
        }

        @Override
        public WriterCommitMessage commit() {
            return new S3BatchWrite.PreparedMessage(writer.prepare());
        }

        @Override
        public void abort() {
            writer.abort();
        }

        @Override
        public void close() {
            // after prepare() close releases the writer and keeps the uploads; otherwise it aborts
            writer.close();
        }
    }
}
