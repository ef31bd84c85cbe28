package io.ferry.s3.imports;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.filter.FilterChain;
import io.ferry.core.filter.RecordFilter;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.incremental.ObjectSelector;
import io.ferry.core.sink.RecordSink;
import io.ferry.formats.decode.Decoder;
import io.ferry.formats.guess.GuessResult;
import io.ferry.formats.read.BadRowPolicy;
import io.ferry.formats.read.ParserConfig;
import io.ferry.formats.read.Preview;
import io.ferry.formats.read.RecordReader;
import io.ferry.s3.S3ClientOptionsBuilder;
import io.ferry.s3.S3Connection;
import io.ferry.s3.imports.internal.ImportEngine;
import io.ferry.s3.imports.internal.ImportPlan;
import io.ferry.s3.imports.internal.ImportStart;
import io.ferry.s3.imports.internal.PlannedImport;
import io.ferry.s3.internal.BucketNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports CSV, TSV, JSON Lines and JSON objects from S3 into a {@link RecordSink}: selects keys
 * by prefix, regex, start point or modified time, decodes (gzip, bzip2, zip, zstd, xz), parses
 * with a {@link ParserConfig} (given, or guessed from the first object), applies filters, and returns the state
 * for the next incremental run. Immutable and thread-safe; each call opens its own S3 client
 * unless a client was given.
 *
 * <pre>{@code
 * S3Import imp = S3Import.builder()
 *     .bucket("sample-bucket")
 *     .pathPrefix("logging/")
 *     .pathMatchPattern("\\.gz$")
 *     .startAfter("logging/E231A697YXWD39.2017-04-23-15.b2aede4a.gz")
 *     .incremental(true)
 *     .guess()
 *     .credentials(Credentials.anonymous())
 *     .build();
 * GuessResult g = imp.guess();
 * System.out.println(imp.preview(5).toTable());
 * ImportResult r = imp.run(sink);
 * String next = r.nextState().orElseThrow().toJson();
 * }</pre>
 *
 * <p>Objects are downloaded up to {@link S3Connection#maxConcurrency()} at a time (objects up to
 * 8 MB whole, within {@code maxBufferedBytes}; larger ones stream), while records reach the sink
 * from one thread, object by object in key order. A failed run calls {@code sink.abort()} and
 * throws, so it never returns a new state.
 */
public final class S3Import {
    /** Raw bytes read from the first object for a guess: 1 MB. */
    public static final int GUESS_RAW_BYTES = 1024 * 1024;
    /** Default memory for prefetched objects: 64 MB. */
    public static final long DEFAULT_MAX_BUFFERED_BYTES = 64L * 1024 * 1024;
    /** Default for {@link Builder#readAttempts(int)}: 5 GetObject calls per object. */
    public static final int DEFAULT_READ_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(S3Import.class);

    private final ImportPlan plan;
    private final ImportStart start;
    private final boolean guessParser;
    private final ImportEngine engine;
    private final PlannedImport planned;

    private S3Import(ImportPlan plan, ImportStart start, boolean guessParser) {
        this.plan = plan;
        this.start = start;
        this.guessParser = guessParser;
        this.engine = new ImportEngine(plan);
        this.planned = new PlannedImport(plan, engine);
    }

    /**
     * {@return a new builder; the bucket is required} {@link #guess()} and {@link #preview(int)} work
     * without a parser config; {@link #run(RecordSink)} needs {@code parser(..)} or the builder's
     * {@code guess()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this import's settings} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Guesses the parser config from the first 1 MB of the first selected object.
     *
     * @return the guessed parser config
     * @throws FerryDataException if no object is selected or the sample cannot be guessed
     */
    public GuessResult guess() {
        return engine.guess();
    }

    /**
     * The schema and first {@code rows} records of the selected objects, read with the parser
     * config (guessed first when none was given). Reads only as far as needed.
     *
     * @param rows the number of records to read, at least 1
     * @return the schema and the records read
     * @throws FerryConfigException if {@code rows} is below 1
     */
    public Preview preview(int rows) {
        if (rows < 1) {
            throw new FerryConfigException("rows", "a preview needs at least 1 row, was " + rows);
        }
        return engine.preview(rows);
    }

    /**
     * Imports every selected object into {@code sink}: {@code open(schema)}, the records, then
     * {@code commit()}. On any failure calls {@code sink.abort()} and rethrows. When nothing is
     * selected and the parser is guessed, the sink is not touched (there is no schema).
     *
     * @param sink the sink that receives the records
     * @return what the import read
     * @throws FerryConfigException (option {@code parser}) when the builder got neither
     *                              {@code parser(..)} nor {@code guess()}
     * @throws FerryDataException a bad row under {@code BadRowPolicy.FAIL} (key, line, column),
     *                            an archived object, or no object with {@code failOnNoFiles}
     * @throws io.ferry.core.FerryIoException if S3 fails
     */
    public ImportResult run(RecordSink sink) {
        FerryConfigException.requireNonNull(sink, "sink");
        requireParserOrGuess("run()");
        return engine.run(sink);
    }

    /**
     * Lists and selects once, for a run split over several workers: the selected objects (key,
     * size, ETag, LastModified) in key order, the parser config (guessed here from the first
     * object when the import guesses, so workers never guess), the schema after the filters and
     * the state {@link #run} would return. Reads nothing but the guess sample; changes nothing.
     * Workers then read parts of it with {@link #read} or {@link #open}, and the coordinator
     * stores {@link ImportSelection#nextState()} once every part succeeded.
     *
     * <pre>{@code
     * ImportSelection sel = imp.plan();
     * List<List<SelectedObject>> groups = sel.groups();          // about 128 MB each
     * ImportResult part = imp.read(groups.get(0), sel.parser().orElseThrow(), sink);
     * }</pre>
     *
     * @return the selection
     * @throws FerryConfigException (option {@code parser}) when the builder got neither
     *                              {@code parser(..)} nor {@code guess()}
     * @throws FerryDataException no object with {@code failOnNoFiles}, or a sample that cannot be guessed
     * @throws io.ferry.core.FerryIoException if S3 fails
     */
    public ImportSelection plan() {
        requireParserOrGuess("plan()");
        return planned.plan();
    }

    /**
     * Imports exactly {@code objects}, in the given order, into {@code sink} with {@code parser},
     * the import's decoder, bad-row override and filters; like {@link #run} otherwise
     * ({@code open}, records, {@code commit}; on failure {@code abort} and rethrow). The import's
     * selection options are not applied again, and the result carries no next state: the state
     * belongs to the {@link #plan()} that chose the objects.
     *
     * @param objects the objects to read, e.g. a group of {@link ImportSelection#groups()}
     * @param parser  the parser config, e.g. {@link ImportSelection#parser()}
     * @param sink    the sink that receives the records
     * @return what was read
     * @throws FerryConfigException if an argument is null
     * @throws FerryDataException a bad row under {@code BadRowPolicy.FAIL} (key, line, column)
     * @throws io.ferry.core.FerryIoException if S3 fails
     */
    public ImportResult read(List<SelectedObject> objects, ParserConfig parser, RecordSink sink) {
        FerryConfigException.requireNonNull(objects, "objects");
        FerryConfigException.requireNonNull(parser, "parser");
        FerryConfigException.requireNonNull(sink, "sink");
        return planned.read(objects, parser, sink);
    }

    /**
     * A pull reader of exactly {@code objects}, in the given order, with {@code parser} and the
     * import's decoder, bad-row override and filters: its {@code schema()} is the schema after the
     * filters, {@code read()} returns null after the last record, {@code line()} is the line within
     * the current object, and {@code skippedRows()} / {@code badRows()} count over all objects. The
     * next small objects download in the background, as in {@link #run}. Single-threaded; close it
     * (it owns an S3 client unless the connection has one given).
     *
     * <pre>{@code
     * try (RecordReader reader = imp.open(group, selection.parser().orElseThrow())) {
     *     for (Record r = reader.read(); r != null; r = reader.read()) { ... }
     * }
     * }</pre>
     *
     * @param objects the objects to read
     * @param parser  the parser config, e.g. {@link ImportSelection#parser()}
     * @return the reader; close it
     * @throws FerryConfigException if an argument is null, or a filter does not fit the parser's schema
     */
    public RecordReader open(List<SelectedObject> objects, ParserConfig parser) {
        FerryConfigException.requireNonNull(objects, "objects");
        FerryConfigException.requireNonNull(parser, "parser");
        return planned.open(objects, parser);
    }

    private void requireParserOrGuess(String call) {
        if (plan.parser() == null && !guessParser) {
            throw new FerryConfigException("parser", call + " needs a parser config: give parser(...) on the builder"
                    + " (e.g. with imp.guess().parser(), after reviewing it), or call guess() on the builder to guess"
                    + " it from the first object at each run");
        }
    }

    /** {@return the bucket} */
    public String bucket() {
        return plan.bucket();
    }

    /** {@return the key prefix} */
    public String pathPrefix() {
        return plan.prefix();
    }

    /** {@return the connection options} */
    public S3Connection connection() {
        return plan.connection();
    }

    /** {@return the progress listener; default {@link ImportListener#NONE}} */
    public ImportListener listener() {
        return plan.listener();
    }

    /** {@return whether {@link ImportResult#nextState()} is filled} */
    public boolean incremental() {
        return plan.incremental();
    }

    @Override
    public String toString() {
        return "S3Import{bucket=" + plan.bucket() + ", pathPrefix=" + plan.prefix() + ", incremental="
                + plan.incremental() + ", " + plan.connection() + "}";
    }

    /** Builds an {@link S3Import}. Setters reject bad values at once; {@link #build()} checks combinations. Not thread-safe. */
    public static final class Builder extends S3ClientOptionsBuilder<Builder> {
        private String bucket;
        private String pathPrefix = "";
        private String pathMatchPattern;
        private boolean skipGlacierObjects;
        private boolean incremental;
        private ImportStart start = ImportStart.NONE;
        private Duration settleTime = ObjectSelector.DEFAULT_SETTLE_TIME;
        private boolean failOnNoFiles;
        private ParserConfig parser;
        private boolean guessParser;
        private BadRowPolicy badRows;
        private Decoder decoder = Decoder.AUTO;
        private FilterChain filters = FilterChain.empty();
        private long maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES;
        private int readAttempts = DEFAULT_READ_ATTEMPTS;
        private Clock clock = Clock.systemUTC();
        private ImportListener listener = ImportListener.NONE;

        private Builder() {
            super(Builder.class);
        }

        private Builder(S3Import imp) {
            super(Builder.class, imp.plan.connection());
            ImportPlan p = imp.plan;
            bucket = p.bucket();
            pathPrefix = p.prefix();
            pathMatchPattern = p.selector().pathMatchPattern().map(Pattern::pattern).orElse(null);
            skipGlacierObjects = p.selector().skipArchived();
            incremental = p.incremental();
            start = imp.start;
            settleTime = p.selector().settleTime();
            failOnNoFiles = p.failOnNoFiles();
            parser = p.parser();
            guessParser = imp.guessParser;
            badRows = p.badRows();
            decoder = p.decoder();
            filters = p.filters();
            maxBufferedBytes = p.maxBufferedBytes();
            readAttempts = p.readAttempts();
            clock = p.clock();
            listener = p.listener();
        }

        /**
         * The bucket name (required).
         *
         * @param bucket the bucket name (required)
         * @return this builder
         */
        public Builder bucket(String bucket) {
            this.bucket = BucketNames.check(bucket, "pathPrefix");
            return this;
        }

        /**
         * Only keys starting with this prefix; default all. A leading {@code /} is kept but warned
         * about: on S3 it addresses keys that really start with {@code /}.
         *
         * @param prefix the key prefix
         * @return this builder
         */
        public Builder pathPrefix(String prefix) {
            this.pathPrefix = FerryConfigException.requireNonNull(prefix, "pathPrefix");
            return this;
        }

        /**
         * Only keys in which this Java regex finds a match, e.g. {@code \.csv$|\.csv\.gz$}; null for all.
         *
         * @param regex a Java regular expression, or null
         * @return this builder
         * @throws FerryConfigException if the regex is invalid
         */
        public Builder pathMatchPattern(String regex) {
            ObjectSelector.builder().pathMatchPattern(regex);
            this.pathMatchPattern = regex;
            return this;
        }

        /**
         * Skip GLACIER and DEEP_ARCHIVE objects (reported in the result) instead of failing on them; default false.
         *
         * @param skip whether to skip archived objects
         * @return this builder
         */
        public Builder skipGlacierObjects(boolean skip) {
            this.skipGlacierObjects = skip;
            return this;
        }

        /**
         * Skip keys up to and including this one (TD's {@code last_path}): a start at
         * {@code IncrementalState.afterPath(key)}; path mode only; null clears it. A
         * {@link #state(IncrementalState)} replaces it.
         *
         * @param key the last key to skip, or null
         * @return this builder
         */
        public Builder startAfter(String key) {
            this.start = start.withStartAfter(key);
            return this;
        }

        /**
         * Return the state for the next run in {@link ImportResult#nextState()}; default false.
         *
         * @param incremental whether to return the next state
         * @return this builder
         */
        public Builder incremental(boolean incremental) {
            this.incremental = incremental;
            return this;
        }

        /**
         * Select by LastModified ({@link IncrementalState.Mode#MODIFIED_TIME}) instead of key order
         * ({@link IncrementalState.Mode#PATH}); default false.
         *
         * @param use whether to select by LastModified
         * @return this builder
         */
        public Builder useModifiedTime(boolean use) {
            this.start = start.withSelectBy(use ? IncrementalState.Mode.MODIFIED_TIME : IncrementalState.Mode.PATH);
            return this;
        }

        /**
         * With {@code useModifiedTime(true)}: only objects modified at or after this time, a start at
         * {@code IncrementalState.modifiedSince(time)}; null clears it (the start is then the epoch).
         * A {@link #state(IncrementalState)} replaces it.
         *
         * @param time the earliest LastModified to take, or null
         * @return this builder
         */
        public Builder modifiedAfter(Instant time) {
            this.start = start.withModifiedAfter(time);
            return this;
        }

        /**
         * Start from this state: the one a previous incremental run returned, or a start point such
         * as {@code IncrementalState.afterPath(key)}; null clears it. A state takes precedence over
         * the start options: {@code startAfter} and {@code modifiedAfter} are then ignored, whatever
         * order they were set in. Its mode must match {@code useModifiedTime}.
         *
         * @param state the state to start from, or null
         * @return this builder
         */
        public Builder state(IncrementalState state) {
            this.start = start.withSaved(state);
            return this;
        }

        /**
         * See {@link ObjectSelector.Builder#settleTime}; default 15 minutes; modified-time mode only.
         *
         * @param settleTime how long after its LastModified an object may still appear in a listing
         * @return this builder
         */
        public Builder settleTime(Duration settleTime) {
            ObjectSelector.builder().settleTime(settleTime);
            this.settleTime = settleTime;
            return this;
        }

        /**
         * Fail when no object is selected, instead of importing nothing; default false.
         *
         * @param fail whether to fail when no object is selected
         * @return this builder
         */
        public Builder failOnNoFiles(boolean fail) {
            this.failOnNoFiles = fail;
            return this;
        }

        /**
         * How to parse the objects (e.g. {@code guessResult.parser()}).
         *
         * @param parser how to parse the objects (e.g. {@code guessResult.parser()})
         * @return this builder
         */
        public Builder parser(ParserConfig parser) {
            this.parser = FerryConfigException.requireNonNull(parser, "parser");
            this.guessParser = false;
            return this;
        }

        /**
         * Guess the parser config from the first selected object at each run instead of giving one.
         *
         * @return this builder
         */
        public Builder guess() {
            this.guessParser = true;
            this.parser = null;
            return this;
        }

        /**
         * Overrides the parser's bad-row policy (useful with {@link #guess()}).
         *
         * @param policy the bad-row policy
         * @return this builder
         */
        public Builder badRows(BadRowPolicy policy) {
            this.badRows = FerryConfigException.requireNonNull(policy, "badRows");
            return this;
        }

        /**
         * How objects are decompressed; default {@link Decoder#AUTO}.
         *
         * @param decoder how objects are decompressed
         * @return this builder
         */
        public Builder decoder(Decoder decoder) {
            this.decoder = FerryConfigException.requireNonNull(decoder, "decoder");
            return this;
        }

        /**
         * Filters applied in order to every record before the sink (and to preview rows), e.g.
         * {@code filters(Filters.drop("debug"), Filters.addTime(clock))}; replaces earlier filters.
         * With a given parser, a filter naming a missing column fails {@link #build()}.
         *
         * @param filters the filters, applied in this order
         * @return this builder
         */
        public Builder filters(RecordFilter... filters) {
            return filters(List.of(FerryConfigException.requireNonNull(filters, "filters")));
        }

        /**
         * Same as {@link #filters(RecordFilter...)}.
         *
         * @param filters the filters, applied in this order
         * @return this builder
         */
        public Builder filters(List<? extends RecordFilter> filters) {
            this.filters = FilterChain.of(filters);
            return this;
        }

        /**
         * Memory for objects downloaded ahead; default 64 MB, at least 1 MB.
         *
         * @param bytes memory for objects downloaded ahead
         * @return this builder
         */
        public Builder maxBufferedBytes(long bytes) {
            if (bytes < 1024 * 1024) {
                throw new FerryConfigException("maxBufferedBytes", "must be at least 1 MB (1048576), was " + bytes);
            }
            this.maxBufferedBytes = bytes;
            return this;
        }

        /**
         * The most GetObject calls for one object; default 5, from 1 (never resume) to 100. When a
         * connection breaks in the middle of an object, the import continues it with a ranged GET
         * from the first byte not yet read, pinned to the object's ETag ({@code If-Match}), after
         * a pause of 0.1 s that doubles each time (at most 2 s); the rows continue where they
         * stopped and none is read twice. An object replaced in the meantime (HTTP 412) fails the
         * run at once.
         *
         * @param attempts the most GetObject calls for one object
         * @return this builder
         * @throws FerryConfigException if {@code attempts} is outside 1..100
         */
        public Builder readAttempts(int attempts) {
            if (attempts < 1 || attempts > 100) {
                throw new FerryConfigException("readAttempts", "readAttempts must be between 1 and 100, was "
                        + attempts);
            }
            this.readAttempts = attempts;
            return this;
        }

        /**
         * The clock that dates listings (modified-time mode); default the UTC system clock.
         *
         * @param clock the clock that dates listings (modified-time mode)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = FerryConfigException.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Receives the progress of each {@link S3Import#run}, on the thread that calls it; default
         * {@link ImportListener#NONE}. See {@link ImportListener} for when events come and what a
         * listener that throws does.
         *
         * @param listener the listener, not null
         * @return this builder
         */
        public Builder listener(ImportListener listener) {
            this.listener = FerryConfigException.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Checks the settings and builds.
         *
         * @return the import
         * @throws FerryConfigException naming the option: no bucket, start points that
         *                              do not fit the selection mode, or a filter naming a
         *                              column the given parser does not have
         */
        public S3Import build() {
            BucketNames.validate(bucket, buildConnection());
            if (parser != null) {
                filters.outputSchema(parser.schema());
            }
            if (pathPrefix.startsWith("/")) {
                LOG.warn("pathPrefix '{}' starts with '/': S3 keys rarely do, so this selects keys under '//' in"
                        + " s3://{}; remove the leading '/' unless your keys really start with it", pathPrefix, bucket);
            }
            ObjectSelector selector = ObjectSelector.builder()
                    .prefix(pathPrefix)
                    .pathMatchPattern(pathMatchPattern)
                    .skipArchived(skipGlacierObjects)
                    .settleTime(settleTime)
                    .state(start.state(incremental))
                    .build();
            return new S3Import(new ImportPlan(buildConnection(), bucket, selector, failOnNoFiles, parser, badRows,
                    decoder, filters, maxBufferedBytes, readAttempts, clock, incremental, listener), start, guessParser);
        }
    }
}
