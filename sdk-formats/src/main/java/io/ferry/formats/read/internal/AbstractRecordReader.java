package io.ferry.formats.read.internal;

import io.ferry.core.FerryIoException;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.read.BadRow;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import io.ferry.formats.text.internal.ValueConverter;
import java.io.IOException;
import java.util.List;

/**
 * What every {@link RecordReader} here shares: the config, one converter per column, the bad-row
 * policy, the line of the last record, and a {@link #close()} that closes the input once.
 * Subclasses parse. Single-threaded.
 */
abstract class AbstractRecordReader implements RecordReader {
    final ParserConfig config;
    final String source;
    final ValueConverter[] converters;
    final BadRowTracker bad;
    /** Added to every line this reader reports: the lines before the part of a file it reads. */
    final long lineOffset;
    private long line;
    private boolean closed;

    AbstractRecordReader(ParserConfig config, String source) {
        this(config, source, 0);
    }

    /** A reader of a part of a file that starts after {@code lineOffset} lines. */
    AbstractRecordReader(ParserConfig config, String source, long lineOffset) {
        this.config = config;
        this.lineOffset = lineOffset;
        this.source = source;
        int n = config.columns().size();
        this.converters = new ValueConverter[n];
        for (int i = 0; i < n; i++) {
            converters[i] = ValueConverter.of(config.columns().get(i), config.defaultTimeZone());
        }
        this.bad = new BadRowTracker(config.badRows(), config.badRowSamples(), lineOffset);
    }

    /** The record of {@code values}, remembered as starting at 1-based {@code startLine}. */
    final Record record(long startLine, Object[] values) {
        line = startLine + lineOffset;
        return Record.of(config.schema(), values);
    }

    /** The error for a failed read of the input. */
    final FerryIoException readFailure(IOException e) {
        return new FerryIoException("cannot read " + source + ": " + e.getMessage(), e);
    }

    /** Closes the input; called once, by the first {@link #close()}. */
    abstract void closeInput() throws IOException;

    @Override
    public final Schema schema() {
        return config.schema();
    }

    @Override
    public final long line() {
        return line;
    }

    @Override
    public final long skippedRows() {
        return bad.count();
    }

    @Override
    public final List<BadRow> badRows() {
        return bad.rows();
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            try {
                closeInput();
            } catch (IOException e) {
                throw new FerryIoException("cannot close " + source + ": " + e.getMessage(), e);
            }
        }
    }
}
