package io.ferry.s3.export;

import io.ferry.core.FerryConfigException;
import io.ferry.core.record.Record;
import io.ferry.core.record.RecordSource;
import io.ferry.core.record.RecordSources;
import io.ferry.core.record.Schema;
import io.ferry.core.template.KeyTemplate;
import io.ferry.formats.Compression;
import io.ferry.formats.FileFormat;
import io.ferry.formats.csv.CsvFormat;
import io.ferry.s3.S3ClientOptionsBuilder;
import io.ferry.s3.S3Connection;
import io.ferry.s3.export.internal.ExportChecks;
import io.ferry.s3.export.internal.ExportPlan;
import io.ferry.s3.export.internal.ExportSession;
import io.ferry.s3.export.internal.ExportTokens;
import io.ferry.s3.export.internal.TwoPhase;
import io.ferry.s3.export.internal.Rotation;
import io.ferry.s3.internal.BucketNames;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Streams records to S3 objects: keys from a template (with partitions), any {@link FileFormat},
 * compression, multipart upload of unknown length with bounded memory, encryption, rotation and
 * a write strategy. Immutable and thread-safe: one export may run many {@code write}/{@code open}
 * calls, each with its own client and upload threads.
 *
 * <pre>{@code
 * S3Export export = S3Export.builder()
 *     .bucket("my-bucket")
 *     .path("exports/{{TABLE}}/dt={{YEAR}}-{{MONTH}}-{{DAY}}/{{UUID}}.{{FORMAT}}")
 *     .format(CsvFormat.csv())
 *     .compression(Compression.GZIP)
 *     .credentials(Credentials.basic(id, secret))
 *     .region("us-east-1")
 *     .build();
 * ExportResult r = export.write("www_access", schema, records);
 * }</pre>
 *
 * <p>Every export is transactional: objects are published only when all rows are written (at
 * {@link ExportWriter#commit()}); a failure aborts every multipart upload and deletes what this
 * export already published, so no partial result stays behind. Publishing is exactly once even
 * when the AWS SDK repeats a request whose answer was lost: each object carries a write id in its
 * metadata by which the export recognises its own write. Under {@link WriteStrategy#REPLACE} an
 * object that already overwrote an older one is kept (S3 cannot restore the older version) and the
 * exception names its key.
 *
 * <p><b>Two-phase export</b> (many writers, one coordinator, see docs/scale-out.md): each worker
 * opens a writer with its own id ({@link #open(String, Schema, String)}), writes, and calls
 * {@link ExportWriter#prepare()}, which uploads its objects without publishing them; the
 * coordinator publishes the prepared values of all writers at once ({@link #publish}) or aborts
 * them ({@link #abort(List)}). Workers and coordinator build the export with the same settings and
 * the same {@link Builder#exportToken export token}.
 *
 * <pre>{@code
 * S3Export export = S3Export.builder().bucket("my-bucket")
 *     .path("exports/{{SYNC_ID}}/part-{{WRITER}}-{{UUID}}.csv.gz").compression(Compression.GZIP)
 *     .manifest("_SUCCESS.json").build();          // on the coordinator; pass export.exportToken() on
 * PreparedExport p;                                // on a worker, built with .exportToken(token)
 * try (ExportWriter w = export.open("www_access", schema, "part-3")) {
 *     records.forEach(w::write);
 *     p = w.prepare();
 * }
 * ExportResult r = export.publish(List.of(p1, p2, p3)); // on the coordinator
 * }</pre>
 */
public final class S3Export {
    /** Default part size in MiB. */
    public static final int DEFAULT_PART_SIZE_MB = 10;
    /** Smallest part size in MiB (S3's minimum). */
    public static final int MIN_PART_SIZE_MB = 5;
    /** Largest configurable part size in MiB. */
    public static final int MAX_PART_SIZE_MB = 5000;
    /** Smallest {@code maxBufferedBytes}: 1 MiB. */
    public static final long MIN_BUFFERED_BYTES = 1L << 20;
    private static final Pattern WRITER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern MANIFEST = Pattern.compile("[^/{}][^{}]*");

    private final S3Connection connection;
    private final String bucket;
    private final KeyTemplate path;
    private final FileFormat format;
    private final Compression compression;
    private final int partSizeMb;
    private final Sse sse;
    private final CannedAcl acl;
    private final WriteStrategy writeStrategy;
    private final long maxRowsPerObject;
    private final long maxBytesPerObject;
    private final Duration rotateInterval;
    // as set; 0 for the default, which maxBufferedBytes() resolves
    private final long maxBufferedBytes;
    private final boolean testWrite;
    private final boolean writeEmptyObjects;
    private final ExportListener listener;
    private final Clock clock;
    private final String exportToken;
    private final String manifest;
    private final ExportPlan plan;

    private S3Export(Builder b, KeyTemplate path, S3Connection connection, Rotation rotation, String exportToken) {
        this.connection = connection;
        this.bucket = b.bucket;
        this.path = path;
        this.format = b.format;
        this.compression = b.compression;
        this.partSizeMb = b.partSizeMb;
        this.sse = b.sse;
        this.acl = b.acl;
        this.writeStrategy = b.writeStrategy;
        this.maxRowsPerObject = b.maxRowsPerObject;
        this.maxBytesPerObject = b.maxBytesPerObject;
        this.rotateInterval = b.rotateInterval;
        this.maxBufferedBytes = b.maxBufferedBytes;
        this.testWrite = b.testWrite;
        this.writeEmptyObjects = b.writeEmptyObjects;
        this.listener = b.listener;
        this.clock = b.clock;
        this.exportToken = exportToken;
        this.manifest = b.manifest;
        this.plan = new ExportPlan(connection, bucket, path, format, compression, (long) partSizeMb << 20, sse, acl,
                writeStrategy, rotation, maxBufferedBytes(), testWrite, writeEmptyObjects, listener, clock);
    }

    /** {@return a new builder; {@code bucket} and {@code path} are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this export's settings} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Exports all records of an iterable (for example a {@link RecordSource}) and publishes the
     * objects. An exception thrown while iterating aborts the export and is rethrown.
     *
     * @param table   the table name, for {@code {{TABLE}}}
     * @param schema  the schema of every record
     * @param records the rows; each bound to {@code schema}
     * @return what the export wrote
     */
    public ExportResult write(String table, Schema schema, Iterable<Record> records) {
        FerryConfigException.requireNonNull(records, "records");
        try (ExportWriter w = open(table, schema)) {
            for (Record r : records) {
                w.write(r);
            }
            return w.commit();
        }
    }

    /**
     * Exports a record source with its own schema; see {@link #write(String, Schema, Iterable)}.
     *
     * @param table the table name, for {@code {{TABLE}}}
     * @param source the records and their schema
     * @return what the export wrote
     */
    public ExportResult write(String table, RecordSource source) {
        FerryConfigException.requireNonNull(source, "source");
        return write(table, source.schema(), source);
    }

    /**
     * Exports the rows of a JDBC result set, read forward once; the schema comes from its
     * metadata (see {@link RecordSources#fromResultSet}). The result set is not closed.
     *
     * @param table the table name, for {@code {{TABLE}}}
     * @param resultSet the result set, positioned before its first row
     * @return what the export wrote
     */
    public ExportResult write(String table, ResultSet resultSet) {
        return write(table, RecordSources.fromResultSet(FerryConfigException.requireNonNull(resultSet, "resultSet")));
    }

    /**
     * Opens a push-style writer. Runs the write probe first when {@link #testWrite()} is on.
     *
     * @param table the table name, for {@code {{TABLE}}}
     * @param schema the schema of every record
     * @return the writer
     * @throws FerryConfigException           if the key template does not fit the schema
     * @throws io.ferry.core.FerryIoException if the probe cannot write under the prefix
     */
    public ExportWriter open(String table, Schema schema) {
        FerryConfigException.requireNonNull(table, "table");
        FerryConfigException.requireNonNull(schema, "schema");
        return new ExportSession(plan, table, schema, null, exportToken);
    }

    /**
     * Opens a writer of a two-phase export: {@code {{WRITER}}} renders {@code writerId} and
     * {@code {{SYNC_ID}}} the {@link #exportToken()}, and the writer normally ends with
     * {@link ExportWriter#prepare()}. Give every writer of the export its own id (a Spark task
     * might use its partition id, e.g. {@code part-00003}); {@code {{UUID}}} is new for every
     * object, so it never repeats across writers either. Runs the write probe first when
     * {@link #testWrite()} is on.
     *
     * @param table    the table name, for {@code {{TABLE}}}
     * @param schema   the schema of every record
     * @param writerId the writer's id: 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
     * @return the writer
     * @throws FerryConfigException (option {@code writerId}) for a malformed id; (option {@code path})
     *                              if the path has neither {@code {{WRITER}}} nor {@code {{UUID}}},
     *                              so that writers would choose the same keys
     */
    public ExportWriter open(String table, Schema schema, String writerId) {
        FerryConfigException.requireNonNull(table, "table");
        FerryConfigException.requireNonNull(schema, "schema");
        FerryConfigException.requireNonNull(writerId, "writerId");
        if (!WRITER_ID.matcher(writerId).matches()) {
            throw new FerryConfigException("writerId", "writerId must be 1 to 64 letters, digits, '.', '_' or '-',"
                    + " was '" + writerId + "'");
        }
        if (!path.hasWriter() && !path.hasUuid()) {
            throw new FerryConfigException("path", "path '" + path.template() + "' has neither {{WRITER}} nor"
                    + " {{UUID}}, so the writers of a two-phase export would choose the same keys; add one, e.g. '"
                    + path.template().substring(0, path.template().lastIndexOf('/') + 1)
                    + "part-{{WRITER}}.{{FORMAT}}'");
        }
        return new ExportSession(plan, table, schema, writerId, exportToken);
    }

    /**
     * Publishes the objects the writers of a two-phase export prepared, completing their uploads
     * in parallel (up to {@code maxConcurrency} at once), then writes the {@link #manifest()} if
     * set. First sweeps the export's prefix: uploads initiated since the export token was made that
     * no prepared value names (a dead or superseded writer's) are aborted. {@link WriteStrategy}
     * applies here: under CREATE_NEW a key that exists by now fails the publish, under REPLACE it
     * is overwritten.
     *
     * <p>Safe to call again: an upload already completed to its object (the store says
     * NoSuchUpload, and the key holds an object with this object's write id and multipart ETag)
     * counts as published, so a second call returns the same objects. If publishing fails, it is
     * rolled back: the objects this call published are deleted (except ones that replaced an
     * existing object under REPLACE, which the exception names) and every upload is aborted.
     *
     * @param prepared what every writer's {@link ExportWriter#prepare()} returned; may be empty
     * @return the published objects, in the order of {@code prepared}; its sync id is the export token
     * @throws FerryConfigException           (option {@code prepared}) if a value belongs to another
     *                                        export token or bucket, or two writers staged one key
     * @throws io.ferry.core.FerryIoException naming the object that failed, after the rollback
     */
    public ExportResult publish(List<PreparedExport> prepared) {
        return TwoPhase.publish(plan, exportToken, manifest, FerryConfigException.requireNonNull(prepared, "prepared"));
    }

    /**
     * Aborts the uploads of a two-phase export (an upload already gone counts as aborted), then
     * sweeps the export's prefix as {@link #sweep()} does. Safe to call again.
     *
     * @param prepared what the writers' {@link ExportWriter#prepare()} returned; may be empty
     * @throws FerryConfigException           (option {@code prepared}) if a value belongs to another
     *                                        export token or bucket
     * @throws io.ferry.core.FerryIoException naming the uploads that could not be aborted, after
     *                                        trying all of them
     */
    public void abort(List<PreparedExport> prepared) {
        TwoPhase.abort(plan, exportToken, FerryConfigException.requireNonNull(prepared, "prepared"));
    }

    /**
     * Aborts the multipart uploads this export's writers left: every upload under the export's
     * prefix (the path up to its first placeholder other than {@code {{SYNC_ID}}}) initiated since
     * the export token was made, less five minutes for clock skew. {@link #publish} and
     * {@link #abort(List)} run it; call it on its own to clean up after a coordinator that died.
     * Call it only when no writer of the export still runs, and give concurrent exports prefixes
     * of their own (e.g. {@code exports/{{SYNC_ID}}/...}): under a shared prefix it aborts the
     * uploads of any export started since.
     *
     * @return the number of uploads aborted
     * @throws io.ferry.core.FerryIoException if the uploads cannot be listed or aborted
     */
    public int sweep() {
        return TwoPhase.sweep(plan, exportToken);
    }

    /** {@return how S3 is reached} */
    public S3Connection connection() {
        return connection;
    }

    /** {@return the bucket} */
    public String bucket() {
        return bucket;
    }

    /** {@return the object key template} */
    public KeyTemplate path() {
        return path;
    }

    /** {@return the file format; default {@link CsvFormat#csv()}} */
    public FileFormat format() {
        return format;
    }

    /** {@return file compression; default {@link Compression#NONE}} */
    public Compression compression() {
        return compression;
    }

    /** {@return the part size in MiB; default {@value #DEFAULT_PART_SIZE_MB}} */
    public int partSizeMb() {
        return partSizeMb;
    }

    /** {@return server-side encryption, if set} */
    public Optional<Sse> sse() {
        return Optional.ofNullable(sse);
    }

    /** {@return the canned ACL, if set} */
    public Optional<CannedAcl> acl() {
        return Optional.ofNullable(acl);
    }

    /** {@return what to do when a key exists; default {@link WriteStrategy#CREATE_NEW}} */
    public WriteStrategy writeStrategy() {
        return writeStrategy;
    }

    /** {@return rows per object before a new one starts; 0 (default) for no limit} */
    public long maxRowsPerObject() {
        return maxRowsPerObject;
    }

    /** {@return bytes per object before a new one starts; 0 (default) for no limit} */
    public long maxBytesPerObject() {
        return maxBytesPerObject;
    }

    /** {@return age of an object before a new one starts, if set} */
    public Optional<Duration> rotateInterval() {
        return Optional.ofNullable(rotateInterval);
    }

    /**
     * {@return the most bytes the open objects of one run hold in their part buffers at once; default a
     * quarter of the JVM's maximum heap, at least twice the part size}
     */
    public long maxBufferedBytes() {
        return maxBufferedBytes > 0 ? maxBufferedBytes
                : Math.max(2L * ((long) partSizeMb << 20), Runtime.getRuntime().maxMemory() / 4);
    }

    /** {@return whether a probe object is written and deleted before the first row; default true} */
    public boolean testWrite() {
        return testWrite;
    }

    /** {@return whether an export without rows still writes its (header-only) object; default false} */
    public boolean writeEmptyObjects() {
        return writeEmptyObjects;
    }

    /** {@return the progress listener; default {@link ExportListener#NONE}} */
    public ExportListener listener() {
        return listener;
    }

    /**
     * {@return the token of this export, shared by the writers and the coordinator of a two-phase
     * export; made by {@link Builder#build()} unless set, e.g. {@code 20261206T150405Z-9f3a1c2b7d04}}
     */
    public String exportToken() {
        return exportToken;
    }

    /** {@return the manifest's name under the export's prefix, written last by {@link #publish}, if set} */
    public Optional<String> manifest() {
        return Optional.ofNullable(manifest);
    }

    /**
     * {@return the clock for {@code {{YEAR}}}..{@code {{MINUTE}}} and {@code rotateInterval}; default UTC system clock}
     */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "S3Export{s3://" + bucket + "/" + path.template() + ", format=" + format + ", compression="
                + compression + ", partSizeMb=" + partSizeMb + ", strategy=" + writeStrategy + ", "
                + connection + "}";
    }

    /** Builds an {@link S3Export}. Setters reject bad values at once; {@link #build()} checks combinations. Not thread-safe. */
    public static final class Builder extends S3ClientOptionsBuilder<Builder> {
        private String bucket;
        private String path;
        private ZoneId partitionZone = ZoneOffset.UTC;
        private FileFormat format = CsvFormat.csv();
        private Compression compression = Compression.NONE;
        private int partSizeMb = DEFAULT_PART_SIZE_MB;
        private Sse sse;
        private CannedAcl acl;
        private WriteStrategy writeStrategy = WriteStrategy.CREATE_NEW;
        private long maxRowsPerObject;
        private long maxBytesPerObject;
        private Duration rotateInterval;
        private boolean testWrite = true;
        private long maxBufferedBytes;
        private boolean writeEmptyObjects;
        private ExportListener listener = ExportListener.NONE;
        private Clock clock = Clock.systemUTC();
        private String exportToken;
        private String manifest;

        private Builder() {
            super(Builder.class);
        }

        private Builder(S3Export e) {
            super(Builder.class, e.connection);
            bucket = e.bucket;
            path = e.path.template();
            partitionZone = e.path.partitionZone();
            format = e.format;
            compression = e.compression;
            partSizeMb = e.partSizeMb;
            sse = e.sse;
            acl = e.acl;
            writeStrategy = e.writeStrategy;
            maxRowsPerObject = e.maxRowsPerObject;
            maxBytesPerObject = e.maxBytesPerObject;
            rotateInterval = e.rotateInterval;
            testWrite = e.testWrite;
            maxBufferedBytes = e.maxBufferedBytes;
            writeEmptyObjects = e.writeEmptyObjects;
            listener = e.listener;
            clock = e.clock;
            exportToken = e.exportToken;
            manifest = e.manifest;
        }

        /**
         * The bucket name (required).
         *
         * @param bucket the bucket name (required)
         * @return this builder
         */
        public Builder bucket(String bucket) {
            this.bucket = BucketNames.check(bucket, "path");
            return this;
        }

        /**
         * The object key template (required), e.g. {@code path/to/file.csv},
         * {@code exports/{{TABLE}}/{{UUID}}.{{FORMAT}}} or {@code invoices/{customer_id}/dump_{4}};
         * see {@link KeyTemplate} for placeholders, partitions and encoding. Parsed at {@link #build()}.
         *
         * @param path the object key template (required)
         * @return this builder
         */
        public Builder path(String path) {
            this.path = FerryConfigException.requireNonNull(path, "path");
            return this;
        }

        /**
         * The zone of {@code {column, '%Y%m%d'}} partition codes; default UTC.
         *
         * @param zone the zone of {@code {column, '%Y%m%d'}} partition codes
         * @return this builder
         */
        public Builder partitionZone(ZoneId zone) {
            this.partitionZone = FerryConfigException.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The file format; default {@link CsvFormat#csv()}.
         *
         * @param format the file format
         * @return this builder
         */
        public Builder format(FileFormat format) {
            this.format = FerryConfigException.requireNonNull(format, "format");
            return this;
        }

        /**
         * File compression; default NONE. Formats with internal compression (Parquet) take NONE only.
         *
         * @param compression file compression
         * @return this builder
         */
        public Builder compression(Compression compression) {
            this.compression = FerryConfigException.requireNonNull(compression, "compression");
            return this;
        }

        /**
         * The multipart part size in MiB, {@value S3Export#MIN_PART_SIZE_MB}..{@value S3Export#MAX_PART_SIZE_MB};
         * default {@value S3Export#DEFAULT_PART_SIZE_MB}. Memory for uploads is about part size x
         * (maxConcurrency + 1) per export, plus a growing buffer per open partition.
         *
         * @param megabytes the multipart part size in MiB
         * @return this builder
         */
        public Builder partSize(int megabytes) {
            if (megabytes < MIN_PART_SIZE_MB || megabytes > MAX_PART_SIZE_MB) {
                throw new FerryConfigException("partSize", "partSize must be between " + MIN_PART_SIZE_MB
                        + " MB and " + MAX_PART_SIZE_MB + " MB, was " + megabytes + " MB");
            }
            this.partSizeMb = megabytes;
            return this;
        }

        /**
         * Server-side encryption; default none (the bucket's default encryption applies).
         *
         * @param sse server-side encryption
         * @return this builder
         */
        public Builder sse(Sse sse) {
            this.sse = FerryConfigException.requireNonNull(sse, "sse");
            return this;
        }

        /**
         * A canned ACL for every object; default none.
         *
         * @param acl a canned ACL for every object
         * @return this builder
         */
        public Builder acl(CannedAcl acl) {
            this.acl = FerryConfigException.requireNonNull(acl, "acl");
            return this;
        }

        /**
         * What to do when a key exists; default {@link WriteStrategy#CREATE_NEW}.
         *
         * @param strategy what to do when a key exists
         * @return this builder
         */
        public Builder writeStrategy(WriteStrategy strategy) {
            this.writeStrategy = FerryConfigException.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * Start a new object after this many rows; 0 (default) for no limit.
         *
         * @param rows the most rows per object, or 0
         * @return this builder
         */
        public Builder maxRowsPerObject(long rows) {
            if (rows < 0) {
                throw new FerryConfigException("maxRowsPerObject", "maxRowsPerObject must be 0 (no limit) or more, was "
                        + rows);
            }
            this.maxRowsPerObject = rows;
            return this;
        }

        /**
         * Start a new object once this many bytes were produced (after compression; formats that
         * buffer, like Parquet, report bytes late); 0 (default) for no limit.
         *
         * @param bytes the most bytes per object, or 0
         * @return this builder
         */
        public Builder maxBytesPerObject(long bytes) {
            if (bytes < 0) {
                throw new FerryConfigException("maxBytesPerObject",
                        "maxBytesPerObject must be 0 (no limit) or more, was " + bytes);
            }
            this.maxBytesPerObject = bytes;
            return this;
        }

        /**
         * Start a new object when the current one is this old (checked at each row).
         *
         * @param interval the longest age of an object
         * @return this builder
         */
        public Builder rotateInterval(Duration interval) {
            FerryConfigException.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new FerryConfigException("rotateInterval", "rotateInterval must be positive, was " + interval);
            }
            this.rotateInterval = interval;
            return this;
        }

        /**
         * The most bytes the open objects of one run may hold in their part buffers at once, across
         * all partitions; default a quarter of the JVM's maximum heap (at least twice the part size).
         * When the buffers reach it, the largest buffer that holds a whole part (5 MiB) is uploaded
         * early; an object holding less is finished early and its partition continues in a new
         * object (keys get {@code -1}, {@code -2} suffixes or a new {@code {{UUID}}}), so memory stays
         * bounded with any number of partitions. Not counted: parts being uploaded (at most
         * maxConcurrency x partSize), the encoders (about 50 KB per open object) and Parquet's row
         * groups (one per open object).
         *
         * @param bytes the most bytes the part buffers of one run may hold at once
         * @return this builder
         * @throws FerryConfigException if below {@value S3Export#MIN_BUFFERED_BYTES} bytes
         */
        public Builder maxBufferedBytes(long bytes) {
            if (bytes < MIN_BUFFERED_BYTES) {
                throw new FerryConfigException("maxBufferedBytes", "maxBufferedBytes must be at least "
                        + MIN_BUFFERED_BYTES + " (1 MiB), was " + bytes);
            }
            this.maxBufferedBytes = bytes;
            return this;
        }

        /**
         * Write and delete a probe object under the prefix before the first row; default true.
         *
         * @param testWrite whether to write the probe object
         * @return this builder
         */
        public Builder testWrite(boolean testWrite) {
            this.testWrite = testWrite;
            return this;
        }

        /**
         * Write the object even when there are no rows (a CSV then holds its header only); default
         * false. Applies to templates without partitions: with partitions there is no key to write.
         *
         * @param writeEmptyObjects whether to write an object without rows
         * @return this builder
         */
        public Builder writeEmptyObjects(boolean writeEmptyObjects) {
            this.writeEmptyObjects = writeEmptyObjects;
            return this;
        }

        /**
         * Receives progress; default none.
         *
         * @param listener the progress listener
         * @return this builder
         */
        public Builder listener(ExportListener listener) {
            this.listener = FerryConfigException.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The clock for time placeholders and rotation; default the UTC system clock (tests pass a fixed one).
         *
         * @param clock the clock for time placeholders and rotation
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = FerryConfigException.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The export token of a two-phase export: set on the workers to the coordinator's
         * {@link S3Export#exportToken()}, so that their prepared values belong to its export and its
         * sweep finds their uploads. Default: a new token at every {@link #build()}.
         *
         * @param exportToken a token made by {@link #build()}, e.g. {@code 20261206T150405Z-9f3a1c2b7d04}
         * @return this builder
         * @throws FerryConfigException (option {@code exportToken}) quoting a malformed token
         */
        public Builder exportToken(String exportToken) {
            this.exportToken = ExportTokens.check(exportToken);
            return this;
        }

        /**
         * Writes a manifest object last when a two-phase export is published, e.g.
         * {@code _SUCCESS.json}: a name under the export's prefix (the path up to its first
         * placeholder other than {@code {{SYNC_ID}}}), holding the export token, the totals and
         * every object's key, rows, bytes and ETag as JSON; readers that find it know the export is
         * complete. Default: none.
         *
         * @param name the manifest's name, relative to the export's prefix
         * @return this builder
         * @throws FerryConfigException (option {@code manifest}) for a blank name, a leading
         *                              {@code /} or braces
         */
        public Builder manifest(String name) {
            FerryConfigException.requireNonNull(name, "manifest");
            if (name.isBlank() || !MANIFEST.matcher(name).matches()) {
                throw new FerryConfigException("manifest", "manifest must be a name relative to the export's"
                        + " prefix without a leading '/' or braces, e.g. '_SUCCESS.json', was '" + name + "'");
            }
            this.manifest = name;
            return this;
        }

        /**
         * Checks the settings and builds.
         *
         * @return the export
         * @throws FerryConfigException naming the option: a missing bucket or path, a bad template,
         *                              compression on a format that compresses itself, anonymous
         *                              credentials, or rotation on a key that cannot vary
         */
        public S3Export build() {
            BucketNames.validate(bucket, buildConnection());
            if (path == null) {
                throw new FerryConfigException("path", "path is required, e.g. exports/{{TABLE}}/{{UUID}}.{{FORMAT}}");
            }
            KeyTemplate template = KeyTemplate.parse(path, partitionZone);
            ExportChecks.compression(format, compression);
            S3Connection c = buildConnection();
            ExportChecks.credentials(c);
            Rotation rotation = Rotation.of(maxRowsPerObject, maxBytesPerObject, rotateInterval);
            ExportChecks.rotation(path, template, rotation);
            return new S3Export(this, template, c, rotation,
                    exportToken != null ? exportToken : ExportTokens.create(Instant.now()));
        }
    }
}
