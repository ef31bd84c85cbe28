package io.ferry.s3.imports.internal;

import io.ferry.core.incremental.ListedObject;
import io.ferry.core.record.Record;
import io.ferry.core.sink.RecordSink;
import io.ferry.formats.decode.DecodedInput;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.read.BadRow;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import io.ferry.formats.read.internal.PipelinedCsvReader;
import io.ferry.s3.imports.ImportListener;
import io.ferry.s3.imports.ImportProgress;
import io.ferry.s3.imports.ImportedObject;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.Abortable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads selected objects in key order, decodes and parses each, and writes the records to a
 * sink that is already open. Small objects download ahead through an {@link ObjectFetcher}; a
 * large CSV or TSV object is downloaded, decompressed and cut into chunks on one thread and parsed
 * on others by a {@link PipelinedCsvReader}, another large one downloaded and decompressed ahead
 * by a {@link ReadAheadInputStream}. The sink stays on the calling thread, so records reach it in
 * key order and, within an object, in file order. The {@link ImportListener} is called on that
 * thread too.
 */
public final class ImportRun {
    /** Objects up to this size are prefetched whole; larger ones stream. */
    public static final long SMALL_OBJECT_LIMIT = 8L * 1024 * 1024;
    /** Rows between two progress events within an object. */
    static final int PROGRESS_EVERY_ROWS = 10_000;
    /** Threads that parse the chunks of one large CSV or TSV object: one per core. */
    private static final int PARSE_THREADS = Runtime.getRuntime().availableProcessors();

    private final S3Client client;
    private final ImportPlan plan;
    private final ParserConfig parser;
    private final ImportListener listener;
    private final long startNanos;
    private final List<ImportedObject> imported = new ArrayList<>();
    private final List<BadRow> badRows = new ArrayList<>();
    private long skippedRows;
    private long rows;
    private long bytes;
    private int selectedObjects;
    private long selectedBytes;

    /**
     * A run of {@code plan} with {@code parser} (the plan's, or the one guessed for this call); a
     * broken download is resumed with up to the plan's {@code readAttempts} GetObject calls per object.
     *
     * @param listener   receives the run's events ({@link ImportListener#NONE} for a preview)
     * @param startNanos when the call started ({@link System#nanoTime()}), for the progress' elapsed time
     */
    public ImportRun(S3Client client, ImportPlan plan, ParserConfig parser, ImportListener listener,
                     long startNanos) {
        this.client = client;
        this.plan = plan;
        this.parser = parser;
        this.listener = listener;
        this.startNanos = startNanos;
    }

    /**
     * Reads {@code objects} into {@code sink}, stopping after {@code limit} records when
     * {@code limit > 0}.
     */
    public void read(List<ListedObject> objects, RecordSink sink, long limit) {
        selectedObjects = objects.size();
        selectedBytes = objects.stream().mapToLong(ListedObject::size).sum();
        listener.progress(progress());
        try (ObjectFetcher fetcher = new ObjectFetcher(client, plan.bucket(), objects, plan.concurrency(),
                plan.maxBufferedBytes(), SMALL_OBJECT_LIMIT, plan.readAttempts())) {
            for (int i = 0; i < objects.size(); i++) {
                ListedObject o = objects.get(i);
                long start = System.nanoTime();
                long before = rows;
                long skippedBefore = skippedRows;
                listener.objectStarted(plan.bucket(), o.key());
                InputStream raw = fetcher.open(i);
                try (DecodedInput input = DecodedInput.open(plan.decoder(), o.key(), raw)) {
                    // a large object streams: let a second thread download and decompress ahead of parsing
                    // (and, for CSV and TSV, cut the text into chunks that other threads parse)
                    boolean readAhead = o.size() > Math.min(SMALL_OBJECT_LIMIT, plan.maxBufferedBytes())
                            && input.decoder() != Decoder.ZIP;
                    while (!(limit > 0 && rows >= limit) && input.nextPart()) {
                        readPart(open(input.partName(), input.part(), readAhead, i), raw, sink, limit);
                    }
                } catch (RuntimeException e) {
                    abort(raw);
                    throw e;
                }
                fetcher.release(i);
                ImportedObject done = ImportedObject.of(o.key(), o.size(), rows - before, skippedRows - skippedBefore,
                        Duration.ofNanos(System.nanoTime() - start));
                imported.add(done);
                bytes += o.size();
                listener.objectImported(done);
                listener.progress(progress());
                if (limit > 0 && rows >= limit) {
                    return;
                }
            }
        }
    }

    /** Drops a half-read download instead of letting close() read the rest of it. */
    private static void abort(InputStream raw) {
        if (raw instanceof Abortable a) {
            a.abort();
        }
    }

    /** The reader of one part; a large one is read ahead on other threads. */
    private RecordReader open(String name, InputStream part, boolean readAhead, int index) {
        if (!readAhead) {
            return parser.newReader(name, part);
        }
        if (PipelinedCsvReader.supports(parser)) {
            return PipelinedCsvReader.open(parser, name, part, PARSE_THREADS);
        }
        return parser.newReader(name, new ReadAheadInputStream(part, 256 * 1024, 8, Integer.toString(index)));
    }

    private void readPart(RecordReader opened, InputStream raw, RecordSink sink, long limit) {
        try (RecordReader reader = opened) {
            try {
                for (Record r = reader.read(); r != null; r = reader.read()) {
                    sink.write(r);
                    rows++;
                    if (rows % PROGRESS_EVERY_ROWS == 0) {
                        listener.progress(progress());
                    }
                    if (limit > 0 && rows >= limit) {
                        // before close(), which would otherwise read the rest of the download
                        abort(raw);
                        break;
                    }
                }
            } catch (RuntimeException e) {
                abort(raw);
                throw e;
            }
            skippedRows += reader.skippedRows();
            for (BadRow b : reader.badRows()) {
                if (badRows.size() < parser.badRowSamples()) {
                    badRows.add(b);
                }
            }
        }
    }

    private ImportProgress progress() {
        return ImportProgress.of(imported.size(), selectedObjects, rows, bytes, selectedBytes,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** The objects read so far, in order. */
    public List<ImportedObject> imported() {
        return List.copyOf(imported);
    }

    /** Bad rows skipped so far. */
    public long skippedRows() {
        return skippedRows;
    }

    /** The first bad rows skipped. */
    public List<BadRow> badRows() {
        return List.copyOf(badRows);
    }
}
