package io.ferry.formats.read.internal;

import io.ferry.core.record.Record;
import io.ferry.formats.read.BadRow;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The records of one chunk of a delimited file, parsed on a worker thread, with what the serial
 * reader would have reported around them: for each record its line and the bad rows skipped
 * before it, the chunk's bad-row samples, and the error that ended the chunk, if any. Or, for the
 * end of a pipeline: a serial reader of the rest of the file ({@link #rest}), or the error of the
 * input. Immutable once made.
 *
 * @param records       the records, {@code count} of them used
 * @param lines         the 1-based line of each record in the whole file
 * @param skippedBefore the bad rows of this chunk skipped before each record
 * @param count         how many records
 * @param skipped       the bad rows skipped in the whole chunk
 * @param badRows       the first bad rows of the chunk (at most the config's samples)
 * @param failure       thrown after the records, or null
 * @param rest          a reader of the rest of the file, read on the consumer's thread, or null
 */
record ParsedChunk(Record[] records, long[] lines, int[] skippedBefore, int count, long skipped,
                   List<BadRow> badRows, RuntimeException failure, RecordReader rest) {
    private static final Record[] NONE = new Record[0];

    /** A chunk that holds only {@code failure}. */
    static ParsedChunk failed(RuntimeException failure) {
        return new ParsedChunk(NONE, new long[0], new int[0], 0, 0, List.of(), failure, null);
    }

    /** A chunk that hands the rest of the file to {@code rest}. */
    static ParsedChunk serialRest(RecordReader rest) {
        return new ParsedChunk(NONE, new long[0], new int[0], 0, 0, List.of(), null, rest);
    }

    /**
     * Parses {@code bytes[0..length)}, which start a record after {@code lineOffset} lines of the
     * file, under {@code config} (whose header lines are skipped only if this is the first chunk).
     */
    static ParsedChunk parse(ParserConfig config, String source, byte[] bytes, int length, long lineOffset) {
        int capacity = Math.max(16, length / 48);
        Record[] records = new Record[capacity];
        long[] lines = new long[capacity];
        int[] skippedBefore = new int[capacity];
        int n = 0;
        RuntimeException failure = null;
        CsvRecordReader reader = new CsvRecordReader(config, source, new ByteArrayInputStream(bytes, 0, length),
                lineOffset);
        try {
            for (Record r = reader.read(); r != null; r = reader.read()) {
                if (n == records.length) {
                    records = Arrays.copyOf(records, n * 2);
                    lines = Arrays.copyOf(lines, n * 2);
                    skippedBefore = Arrays.copyOf(skippedBefore, n * 2);
                }
                records[n] = r;
                lines[n] = reader.line();
                skippedBefore[n++] = (int) reader.skippedRows();
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            reader.close();
        }
        return new ParsedChunk(records, lines, skippedBefore, n, reader.skippedRows(), reader.badRows(), failure,
                null);
    }
}
