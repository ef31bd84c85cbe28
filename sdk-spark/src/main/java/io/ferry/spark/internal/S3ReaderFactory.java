package io.ferry.spark.internal;

import io.ferry.core.record.Record;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import io.ferry.s3.imports.S3Import;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Builds, on each executor, the import of the options and reads one partition's objects. */
final class S3ReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final ImportOptions options;
    /** ParserConfig is not Serializable; its JSON form round-trips exactly. */
    private final String parserJson;
    private final StructType schema;

    S3ReaderFactory(ImportOptions options, ParserConfig parser, StructType schema) {
        this.options = options;
        this.parserJson = parser.toJson();
        this.schema = schema;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        S3Scan.S3InputPartition p = (S3Scan.S3InputPartition) partition;
        S3Import imp = options.builder().build();
        return new Reader(imp.open(p.objects(), ParserConfig.fromJson(parserJson)), new RecordToRow(schema), p.objects().isEmpty() ? "ferry"
                : "s3://" + imp.bucket() + "/" + p.objects().get(0).key());
    }

    private static final class Reader implements PartitionReader<InternalRow> {
        private final RecordReader reader;
        private final RecordToRow rows;
        private final String source;
        private InternalRow current;

        Reader(RecordReader reader, RecordToRow rows, String source) {
            this.reader = reader;
            this.rows = rows;
            this.source = source;
        }

        @Override
        public boolean next() {
            Record r = reader.read();
            current = r == null ? null : rows.convert(r, source);
            return r != null;
        }

        @Override
        public InternalRow get() {
            return current;
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
