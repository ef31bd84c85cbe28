package io.ferry.s3.export;

import io.ferry.core.FerryConfigException;
import io.ferry.s3.export.internal.PreparedExportJson;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What one writer of a two-phase export staged: every object fully uploaded as a multipart
 * upload, nothing visible yet. {@link ExportWriter#prepare()} returns it on a worker; the
 * coordinator gathers the values of every worker and hands them to {@link S3Export#publish} (or
 * {@link S3Export#abort(List)}). It names the bucket, the export token, the writer and, per
 * object, the key, the upload id, the parts (number, ETag, size), rows and bytes.
 *
 * <p>Travels as Java serialization or as JSON ({@link #toJson()}, {@link #fromJson(String)}). It
 * holds no credentials and nothing secret: anyone who can read it can publish or abort the
 * uploads only with credentials of their own. Immutable and thread-safe.
 *
 * <pre>{@code
 * // on a worker
 * PreparedExport p;
 * try (ExportWriter w = export.open("www_access", schema, "part-00003")) {
 *     records.forEach(w::write);
 *     p = w.prepare();
 * }
 * send(p.toJson());
 * // on the coordinator
 * ExportResult r = export.publish(received.stream().map(PreparedExport::fromJson).toList());
 * }</pre>
 */
public final class PreparedExport implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The export token. */
    private final String exportToken;
    /** The writer's id. */
    private final String writerId;
    /** The table name. */
    private final String table;
    /** The bucket. */
    private final String bucket;
    /** The staged objects. */
    private final List<PreparedObject> objects;

    private PreparedExport(Builder b) {
        this.exportToken = b.exportToken;
        this.writerId = b.writerId;
        this.table = b.table;
        this.bucket = b.bucket;
        this.objects = b.objects;
    }

    /** {@return a new builder; export token, writer id, table and bucket are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this value's fields} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.exportToken = exportToken;
        b.writerId = writerId;
        b.table = table;
        b.bucket = bucket;
        b.objects = objects;
        return b;
    }

    /**
     * Reads a value written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the prepared export
     * @throws io.ferry.core.FerryDataException   naming the line and field if the JSON is malformed or
     *                                            a field is missing or of the wrong type
     * @throws FerryConfigException               if a value is impossible (e.g. parts out of order)
     */
    public static PreparedExport fromJson(String json) {
        return PreparedExportJson.read(FerryConfigException.requireNonNull(json, "json"));
    }

    /** {@return this value as one line of JSON, read back by {@link #fromJson(String)}} */
    public String toJson() {
        return PreparedExportJson.write(this);
    }

    /** {@return the token of the export the writer belongs to, see {@link S3Export#exportToken()}} */
    public String exportToken() {
        return exportToken;
    }

    /** {@return the writer's id, as {@code {{WRITER}}} rendered it} */
    public String writerId() {
        return writerId;
    }

    /** {@return the table name the writer was opened with} */
    public String table() {
        return table;
    }

    /** {@return the bucket} */
    public String bucket() {
        return bucket;
    }

    /** {@return the staged objects in the order they were started; unmodifiable; empty when there were no rows} */
    public List<PreparedObject> objects() {
        return objects;
    }

    /** {@return rows staged, over all objects} */
    public long rows() {
        return objects.stream().mapToLong(PreparedObject::rows).sum();
    }

    /** {@return bytes staged, over all objects} */
    public long bytes() {
        return objects.stream().mapToLong(PreparedObject::bytes).sum();
    }

    /**
     * Checks a deserialized value as {@link Builder#build()} checks a new one.
     *
     * @return the checked value
     */
    private Object readResolve() {
        return toBuilder().build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedExport p && p.exportToken.equals(exportToken) && p.writerId.equals(writerId)
                && p.table.equals(table) && p.bucket.equals(bucket) && p.objects.equals(objects);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exportToken, writerId, table, bucket, objects);
    }

    @Override
    public String toString() {
        return "PreparedExport{token=" + exportToken + ", writer=" + writerId + ", s3://" + bucket + ", "
                + objects.size() + " objects, " + rows() + " rows, " + bytes() + " bytes}";
    }

    /** Builds a {@link PreparedExport}. Not thread-safe. */
    public static final class Builder {
        private String exportToken;
        private String writerId;
        private String table;
        private String bucket;
        private List<PreparedObject> objects = List.of();

        private Builder() {
        }

        /**
         * The export token; required.
         *
         * @param exportToken the token of the export, see {@link S3Export#exportToken()}
         * @return this builder
         */
        public Builder exportToken(String exportToken) {
            this.exportToken = FerryConfigException.requireNonNull(exportToken, "exportToken");
            return this;
        }

        /**
         * The writer's id; required.
         *
         * @param writerId the writer's id
         * @return this builder
         */
        public Builder writerId(String writerId) {
            this.writerId = FerryConfigException.requireNonNull(writerId, "writerId");
            return this;
        }

        /**
         * The table name; required.
         *
         * @param table the table name
         * @return this builder
         */
        public Builder table(String table) {
            this.table = FerryConfigException.requireNonNull(table, "table");
            return this;
        }

        /**
         * The bucket; required.
         *
         * @param bucket the bucket
         * @return this builder
         */
        public Builder bucket(String bucket) {
            this.bucket = FerryConfigException.requireNonNull(bucket, "bucket");
            return this;
        }

        /**
         * The staged objects; default none.
         *
         * @param objects the staged objects
         * @return this builder
         */
        public Builder objects(List<PreparedObject> objects) {
            this.objects = List.copyOf(FerryConfigException.requireNonNull(objects, "objects"));
            return this;
        }

        /**
         * Checks the values and builds.
         *
         * @return the prepared export
         * @throws FerryConfigException naming the missing value, or a key staged twice
         */
        public PreparedExport build() {
            for (String[] required : new String[][] {{"exportToken", exportToken}, {"writerId", writerId},
                    {"table", table}, {"bucket", bucket}}) {
                if (required[1] == null) {
                    throw new FerryConfigException(required[0], "a prepared export needs its " + required[0]
                            + ": set " + required[0] + "(...)");
                }
            }
            if (objects.stream().map(PreparedObject::key).distinct().count() != objects.size()) {
                throw new FerryConfigException("objects", "a prepared export of writer " + writerId
                        + " stages one key twice: " + objects);
            }
            return new PreparedExport(this);
        }
    }
}
