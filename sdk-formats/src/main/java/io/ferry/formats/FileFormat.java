package io.ferry.formats;

import io.ferry.core.record.Schema;
import java.io.OutputStream;

/**
 * A file format: knows its file extension and content type and opens a {@link FormatWriter}
 * over an {@link OutputStream}. Implementations are immutable and safe to share.
 *
 * <pre>{@code
 * FileFormat csv = CsvFormat.csv();
 * try (FormatWriter w = csv.newWriter(schema, out)) {
 *     w.write(record);
 * }
 * }</pre>
 */
public interface FileFormat {
    /** {@return the file extension without a dot, e.g. {@code csv}, {@code tsv}, {@code jsonl}, {@code parquet}} */
    String extension();

    /** {@return the MIME type of a file of this format, e.g. {@code text/csv}} */
    String contentType();

    /**
     * {@return whether file-level {@link Compression} may wrap this format's output} Formats with their
     * own internal compression (Parquet) say no.
     */
    default boolean supportsFileCompression() {
        return true;
    }

    /**
     * Opens a writer that encodes records of {@code schema} onto {@code out}. The writer owns
     * {@code out} from then on: closing the writer finishes the file and closes the stream.
     *
     * @param schema the schema of every record
     * @param out the stream the file is written to
     * @return the writer
     */
    FormatWriter newWriter(Schema schema, OutputStream out);
}
