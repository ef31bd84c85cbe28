package io.ferry.s3.export;

import io.ferry.core.FerryConfigException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One object a writer staged but did not publish: a multipart upload whose parts are all
 * uploaded, waiting for {@link S3Export#publish}. Holds the key, the upload id, the write id the
 * object carries in its metadata (by which a repeated publish recognises it), its rows, bytes and
 * parts. Part of a {@link PreparedExport}. Immutable.
 */
public final class PreparedObject implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The object key. */
    private final String key;
    /** The multipart upload id. */
    private final String uploadId;
    /** The write id in the metadata. */
    private final String writeId;
    /** Rows in the object. */
    private final long rows;
    /** Bytes in the object. */
    private final long bytes;
    /** The uploaded parts. */
    private final List<PreparedPart> parts;

    private PreparedObject(Builder b) {
        this.key = b.key;
        this.uploadId = b.uploadId;
        this.writeId = b.writeId;
        this.rows = b.rows;
        this.bytes = b.bytes;
        this.parts = b.parts;
    }

    /** {@return a new builder; key, upload id, write id and at least one part are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this object's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.key = key;
        b.uploadId = uploadId;
        b.writeId = writeId;
        b.rows = rows;
        b.bytes = bytes;
        b.parts = parts;
        return b;
    }

    /** {@return the object key it is published at} */
    public String key() {
        return key;
    }

    /** {@return the id of its multipart upload} */
    public String uploadId() {
        return uploadId;
    }

    /** {@return the write id the object carries in its metadata ({@code x-amz-meta-ferry-write-id})} */
    public String writeId() {
        return writeId;
    }

    /** {@return the rows in the object} */
    public long rows() {
        return rows;
    }

    /** {@return the object's size in bytes (after compression), the sum of its parts' sizes} */
    public long bytes() {
        return bytes;
    }

    /** {@return the uploaded parts in part-number order; unmodifiable, never empty} */
    public List<PreparedPart> parts() {
        return parts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedObject p && p.key.equals(key) && p.uploadId.equals(uploadId)
                && p.writeId.equals(writeId) && p.rows == rows && p.bytes == bytes && p.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, uploadId, writeId, rows, bytes, parts);
    }

    @Override
    public String toString() {
        return key + " (" + rows + " rows, " + bytes + " bytes, " + parts.size() + " parts)";
    }

    /** Builds a {@link PreparedObject}. Not thread-safe. */
    public static final class Builder {
        private String key;
        private String uploadId;
        private String writeId;
        private long rows;
        private long bytes;
        private List<PreparedPart> parts = List.of();

        private Builder() {
        }

        /**
         * The object key; required.
         *
         * @param key the object key
         * @return this builder
         */
        public Builder key(String key) {
            this.key = FerryConfigException.requireNonNull(key, "key");
            return this;
        }

        /**
         * The multipart upload's id; required.
         *
         * @param uploadId the upload id
         * @return this builder
         */
        public Builder uploadId(String uploadId) {
            this.uploadId = FerryConfigException.requireNonNull(uploadId, "uploadId");
            return this;
        }

        /**
         * The write id in the object's metadata; required.
         *
         * @param writeId the write id
         * @return this builder
         */
        public Builder writeId(String writeId) {
            this.writeId = FerryConfigException.requireNonNull(writeId, "writeId");
            return this;
        }

        /**
         * The rows in the object, zero or more; default 0.
         *
         * @param rows the rows
         * @return this builder
         * @throws FerryConfigException (option {@code rows}) if negative
         */
        public Builder rows(long rows) {
            if (rows < 0) {
                throw new FerryConfigException("rows", "rows must be zero or more, was " + rows);
            }
            this.rows = rows;
            return this;
        }

        /**
         * The object's size in bytes, zero or more; default 0; must equal the sum of the parts' sizes.
         *
         * @param bytes the size in bytes
         * @return this builder
         * @throws FerryConfigException (option {@code bytes}) if negative
         */
        public Builder bytes(long bytes) {
            if (bytes < 0) {
                throw new FerryConfigException("bytes", "bytes must be zero or more, was " + bytes);
            }
            this.bytes = bytes;
            return this;
        }

        /**
         * The uploaded parts; required, at least one, numbered 1, 2, ... in order.
         *
         * @param parts the parts
         * @return this builder
         */
        public Builder parts(List<PreparedPart> parts) {
            this.parts = List.copyOf(FerryConfigException.requireNonNull(parts, "parts"));
            return this;
        }

        /**
         * Checks the values and builds.
         *
         * @return the prepared object
         * @throws FerryConfigException naming the value: a missing key, upload id or write id, no
         *                              parts, parts out of order, or a size that is not their sum
         */
        public PreparedObject build() {
            if (key == null || uploadId == null || writeId == null) {
                throw new FerryConfigException(key == null ? "key" : uploadId == null ? "uploadId" : "writeId",
                        "a prepared object needs its key, upload id and write id; " + (key == null ? "key"
                                : uploadId == null ? "uploadId" : "writeId") + " is missing");
            }
            if (parts.isEmpty()) {
                throw new FerryConfigException("parts", "prepared object " + key + " has no parts; a staged"
                        + " upload has at least one");
            }
            long sum = 0;
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).number() != i + 1) {
                    throw new FerryConfigException("parts", "prepared object " + key + ": part " + (i + 1)
                            + " is numbered " + parts.get(i).number() + "; parts must be numbered 1, 2, ... in order");
                }
                sum += parts.get(i).size();
            }
            if (sum != bytes) {
                throw new FerryConfigException("bytes", "prepared object " + key + " has " + bytes
                        + " bytes but its parts hold " + sum);
            }
            return new PreparedObject(this);
        }
    }
}
