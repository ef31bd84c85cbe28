package io.ferry.formats.sink;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.sink.RecordSink;
import io.ferry.formats.Compression;
import io.ferry.formats.FileFormat;
import io.ferry.formats.FormatWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A {@link RecordSink} that encodes records with any {@link FileFormat} (and optional file
 * {@link Compression}) onto an output stream or a local file: S3 to a local file, or S3 to S3
 * in another format. Single-threaded.
 *
 * <p>{@link #toFile} is all-or-nothing: it writes a temporary file beside the target and moves it
 * into place on {@link #commit()}; {@link #abort()} deletes it. {@link #toStream} owns the stream:
 * commit finishes the file and closes it, abort closes it and leaves the partial output to the
 * caller.
 *
 * <pre>{@code
 * imp.run(FormatSink.toFile(CsvFormat.csv(), Compression.GZIP, Path.of("out.csv.gz")));
 * }</pre>
 */
public final class FormatSink implements RecordSink {
    private final FileFormat format;
    private final Compression compression;
    private final OutputStream stream;
    private final Path target;
    private Path temp;
    private FormatWriter writer;
    private OutputStream out;
    private boolean finished;

    private FormatSink(FileFormat format, Compression compression, OutputStream stream, Path target) {
        this.format = FerryConfigException.requireNonNull(format, "format");
        this.compression = FerryConfigException.requireNonNull(compression, "compression");
        this.stream = stream;
        this.target = target;
        if (compression != Compression.NONE && !format.supportsFileCompression()) {
            throw new io.ferry.core.FerryConfigException("compression", "the " + format.extension()
                    + " format compresses internally; use Compression.NONE");
        }
    }

    /**
     * A sink writing {@code format}, compressed with {@code compression}, onto {@code out}, which it closes.
     *
     * @param format the file format
     * @param compression the compression
     * @param out the stream written to
     * @return the sink
     */
    public static FormatSink toStream(FileFormat format, Compression compression, OutputStream out) {
        return new FormatSink(format, compression, FerryConfigException.requireNonNull(out, "out"), null);
    }

    /**
     * A sink that publishes {@code file} atomically on commit.
     *
     * @param format the file format
     * @param compression the compression
     * @param file the file published on commit
     * @return the sink
     */
    public static FormatSink toFile(FileFormat format, Compression compression, Path file) {
        return new FormatSink(format, compression, null, FerryConfigException.requireNonNull(file, "file"));
    }

    @Override
    public void open(Schema schema) {
        if (writer != null || finished) {
            throw new FerryConfigException("open", "the sink was already opened; use a new sink");
        }
        try {
            OutputStream raw = stream;
            if (target != null) {
                Path dir = target.toAbsolutePath().getParent();
                temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
                raw = Files.newOutputStream(temp);
            }
            out = compression.wrap(raw);
            writer = format.newWriter(schema, out);
        } catch (IOException e) {
            throw new FerryIoException("cannot create a file beside " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Record record) {
        if (writer == null || finished) {
            throw new FerryConfigException("write", "write() needs an open sink; call open(schema) first");
        }
        writer.write(record);
    }

    /** {@return the number of records written so far} */
    public long rowCount() {
        return writer == null ? 0 : writer.rowCount();
    }

    @Override
    public void commit() {
        if (writer == null || finished) {
            throw new FerryConfigException("commit", "commit() needs an open sink; call open(schema) first");
        }
        finished = true;
        writer.close();
        if (target != null) {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new FerryIoException("cannot move " + temp + " to " + target + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (out != null) {
                out.close();
            } else if (stream != null) {
                stream.close();
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // abort runs after another failure; that one is what the caller needs to see
        }
    }
}
