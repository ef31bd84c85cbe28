package io.ferry.formats.parquet.internal;

import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over an {@link OutputStream} the caller already opened, so that
 * Parquet writes straight to it (an S3 upload, a socket, a file) with no temporary file and no
 * Hadoop file system. It can be created once.
 */
final class StreamOutputFile implements OutputFile {
    private final CountingPositionOutputStream stream;
    private boolean created;

    StreamOutputFile(OutputStream out) {
        this.stream = new CountingPositionOutputStream(out);
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        if (created) {
            throw new IllegalStateException("the stream of this Parquet file was already opened");
        }
        created = true;
        return stream;
    }

    /** The stream Parquet writes to; closing it again after Parquet did has no effect. */
    CountingPositionOutputStream stream() {
        return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return "stream";
    }
}
