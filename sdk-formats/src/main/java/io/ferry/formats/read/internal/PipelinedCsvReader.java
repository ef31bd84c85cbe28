package io.ferry.formats.read.internal;

import io.ferry.core.FerryException;
import io.ferry.core.FerryIoException;
import io.ferry.core.internal.DaemonThreads;
import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.formats.read.BadRow;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.RecordReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads delimited text in a pipeline: one thread (the splitter) reads the stream, which
 * decompresses it, and cuts it into chunks at record starts found by a {@link CsvRecordSplitter};
 * worker threads decode and parse the chunks; the caller's thread takes the records in file
 * order. Records, lines, bad rows and errors are those of the serial {@link CsvRecordReader}:
 * each chunk is parsed by one, told how many lines came before it. Where the splitter cannot
 * follow the data (a syntax error in the middle, a record longer than eight chunks), the rest of
 * the file is read serially on the caller's thread.
 *
 * <p>Memory is bounded by {@code chunksInFlight} chunks (read, being parsed, or parsed and
 * waiting), each about {@code chunkBytes} bytes plus its records. {@link #read()} and the other
 * reader methods are for one thread; {@link #close()} stops the threads and closes the stream.
 */
public final class PipelinedCsvReader implements RecordReader {
    /** The default size of a chunk: 1 MiB. */
    public static final int DEFAULT_CHUNK_BYTES = 1 << 20;
    private static final ParsedChunk END = ParsedChunk.failed(null);
    private static final AtomicInteger READERS = new AtomicInteger();

    private final ParserConfig config;
    private final ParserConfig continued;
    private final String source;
    private final InputStream in;
    private final int chunkBytes;
    private final long maxPending;
    private final Semaphore permits;
    private final BlockingQueue<Future<ParsedChunk>> queue = new LinkedBlockingQueue<>();
    private final ExecutorService workers;
    private final Thread splitter;
    private volatile boolean closed;

    private ParsedChunk current;
    private int index;
    private RecordReader rest;
    private boolean ended;
    /** The error that ended the data; thrown again by every later read. */
    private RuntimeException broken;
    private long line;
    private long skippedDone;
    private final List<BadRow> badDone = new ArrayList<>();

    private PipelinedCsvReader(ParserConfig config, String source, InputStream in, int threads, int chunkBytes,
                               int chunksInFlight) {
        this.config = config;
        this.continued = config.skipHeaderLines() == 0 ? config : config.toBuilder().skipHeaderLines(0).build();
        this.source = source;
        this.in = in;
        this.chunkBytes = chunkBytes;
        this.maxPending = 8L * chunkBytes;
        this.permits = new Semaphore(chunksInFlight);
        int id = READERS.incrementAndGet();
        this.workers = Executors.newFixedThreadPool(threads, DaemonThreads.factory("ferry-csv-parse-" + id));
        this.splitter = DaemonThreads.thread(this::split, "ferry-csv-split-" + id);
        splitter.start();
    }

    /**
     * A reader of {@code in} under {@code config}: pipelined with {@code threads} parsing threads
     * if the config allows it ({@link CsvRecordSplitter#supports}) and {@code threads >= 1}, else
     * the serial reader of {@link ParserConfig#newReader}. The reader owns the stream.
     *
     * @param config  the parser config
     * @param source  names the data in errors and bad rows
     * @param in      the data, already decompressed
     * @param threads the parsing threads; 0 for the serial reader
     * @return the reader
     */
    public static RecordReader open(ParserConfig config, String source, InputStream in, int threads) {
        return open(config, source, in, threads, DEFAULT_CHUNK_BYTES, 2 * threads + 2);
    }

    /** Same, with the chunk size and the most chunks in memory at once (at least 2). */
    static RecordReader open(ParserConfig config, String source, InputStream in, int threads, int chunkBytes,
                             int chunksInFlight) {
        if (threads < 1 || !CsvRecordSplitter.supports(config)) {
            return config.newReader(source, in);
        }
        return new PipelinedCsvReader(config, source, in, threads, chunkBytes, Math.max(2, chunksInFlight));
    }

    /** Whether {@code config} can be read in a pipeline; if not, {@link #open} returns the serial reader. */
    public static boolean supports(ParserConfig config) {
        return CsvRecordSplitter.supports(config);
    }

    // ---- the splitter thread ----

    private void split() {
        CsvRecordSplitter machine = new CsvRecordSplitter(config);
        byte[] buf = null;
        int len = 0;
        long startLine = 1;
        boolean first = true;
        try {
            permits.acquire();
            // at least the byte order mark before the first scan
            buf = new byte[Math.max(chunkBytes, 4)];
            int scanFrom = 0;
            while (!closed) {
                if (len == buf.length) {
                    if (buf.length >= maxPending) {
                        // no record start in eight chunks: a huge record, or an unclosed quote
                        serialRest(buf, 0, len, startLine, first);
                        return;
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.readNBytes(buf, len, buf.length - len);
                boolean eof = len + n < buf.length;
                len += n;
                if (first && scanFrom == 0 && startsWithByteOrderMark(buf, len)) {
                    scanFrom = 3;
                }
                if (!machine.scan(buf, scanFrom, len)) {
                    int cut = machine.boundary();
                    if (cut > 0) {
                        submit(buf, cut, startLine, first);
                        serialRest(buf, cut, len, machine.boundaryLine(), false);
                    } else {
                        serialRest(buf, 0, len, startLine, first);
                    }
                    return;
                }
                scanFrom = len;
                if (eof) {
                    if (len > 0) {
                        submit(buf, len, startLine, first);
                    }
                    queue.add(CompletableFuture.completedFuture(END));
                    return;
                }
                int cut = machine.boundary();
                if (cut > 0) {
                    permits.acquire();
                    int remaining = len - cut;
                    byte[] next = new byte[Math.max(chunkBytes, 2 * remaining)];
                    System.arraycopy(buf, cut, next, 0, remaining);
                    submit(buf, cut, startLine, first);
                    startLine = machine.boundaryLine();
                    first = false;
                    machine.forgetBoundary();
                    buf = next;
                    len = remaining;
                    scanFrom = remaining;
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (IOException e) {
            failWith(new FerryIoException("cannot read " + source + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            failWith(e instanceof FerryException ? e : new FerryIoException("cannot read " + source + ": " + e, e));
        }
    }

    private boolean startsWithByteOrderMark(byte[] b, int len) {
        return config.charset().equals(StandardCharsets.UTF_8) && len >= 3
                && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private void submit(byte[] bytes, int length, long startLine, boolean first) {
        ParserConfig c = first ? config : continued;
        queue.add(workers.submit(() -> ParsedChunk.parse(c, source, bytes, length, startLine - 1)));
    }

    /** Hands {@code bytes[from..len)} and the rest of the stream to a serial reader. */
    private void serialRest(byte[] bytes, int from, int len, long startLine, boolean first) {
        InputStream restIn = new SequenceInputStream(new ByteArrayInputStream(bytes, from, len - from), in);
        queue.add(CompletableFuture.completedFuture(ParsedChunk.serialRest(
                new CsvRecordReader(first ? config : continued, source, restIn, startLine - 1))));
    }

    private void failWith(RuntimeException e) {
        if (!closed) {
            queue.add(CompletableFuture.completedFuture(ParsedChunk.failed(e)));
        }
    }

    // ---- the caller's thread ----

    @Override
    public Record read() {
        if (closed) {
            throw new FerryIoException("the reader of " + source + " is closed; open a new one to read again", null);
        }
        if (broken != null) {
            throw broken;
        }
        while (true) {
            if (rest != null) {
                Record r = rest.read();
                if (r != null) {
                    line = rest.line();
                }
                return r;
            }
            if (current != null) {
                if (index < current.count()) {
                    line = current.lines()[index];
                    return current.records()[index++];
                }
                finishCurrent();
                continue;
            }
            if (ended) {
                return null;
            }
            current = take();
            index = 0;
            if (current == END) {
                current = null;
                ended = true;
            } else if (current.rest() != null) {
                rest = current.rest();
                current = null;
            }
        }
    }

    /** Counts the bad rows of the chunk just read, frees its memory, and throws the error that ended it. */
    private void finishCurrent() {
        ParsedChunk done = current;
        current = null;
        skippedDone += done.skipped();
        addSamples(done.badRows(), done.badRows().size());
        permits.release();
        if (done.failure() != null) {
            broken = done.failure();
            throw broken;
        }
    }

    private void addSamples(List<BadRow> rows, int n) {
        for (int i = 0; i < n && badDone.size() < config.badRowSamples(); i++) {
            badDone.add(rows.get(i));
        }
    }

    private ParsedChunk take() {
        try {
            return queue.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryIoException("interrupted while reading " + source, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error err) {
                throw err;
            }
            throw new FerryIoException("cannot parse " + source + ": " + cause, cause);
        }
    }

    @Override
    public Schema schema() {
        return config.schema();
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public long skippedRows() {
        long n = skippedDone;
        if (current != null && index > 0) {
            n += current.skippedBefore()[index - 1];
        }
        return rest != null ? n + rest.skippedRows() : n;
    }

    @Override
    public List<BadRow> badRows() {
        List<BadRow> all = new ArrayList<>(badDone);
        if (current != null && index > 0) {
            int before = current.skippedBefore()[index - 1];
            for (int i = 0; i < before && i < current.badRows().size(); i++) {
                all.add(current.badRows().get(i));
            }
        }
        if (rest != null) {
            all.addAll(rest.badRows());
        }
        return List.copyOf(all.subList(0, Math.min(all.size(), config.badRowSamples())));
    }

    /** Stops the threads and closes the stream; safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        splitter.interrupt();
        workers.shutdownNow();
        try {
            splitter.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (rest != null) {
                rest.close();
            }
            in.close();
        } catch (IOException e) {
            throw new FerryIoException("cannot close " + source + ": " + e.getMessage(), e);
        }
    }
}
