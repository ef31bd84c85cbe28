package io.ferry.s3.export;

import io.ferry.core.FerryConfigException;
import java.util.Objects;

/** One object an export wrote: where, how many rows and bytes, and its ETag. Immutable. */
public final class ExportedObject {
    private final String bucket;
    private final String key;
    private final long rows;
    private final long bytes;
    private final String eTag;
    private final int parts;

    private ExportedObject(String bucket, String key, long rows, long bytes, String eTag, int parts) {
        this.bucket = bucket;
        this.key = key;
        this.rows = rows;
        this.bytes = bytes;
        this.eTag = eTag;
        this.parts = parts;
    }

    /**
     * @param bucket the bucket
     * @param key the object key
     * @param rows the number of rows in the object
     * @param bytes the object's size in bytes
     * @param eTag the object's ETag
     * @param parts the number of multipart parts, 0 for a single PutObject
     * @return the exported object
     */
    public static ExportedObject of(String bucket, String key, long rows, long bytes, String eTag, int parts) {
        return new ExportedObject(FerryConfigException.requireNonNull(bucket, "bucket"), FerryConfigException.requireNonNull(key, "key"),
                rows, bytes, FerryConfigException.requireNonNull(eTag, "eTag"), parts);
    }

    /** {@return the bucket} */
    public String bucket() {
        return bucket;
    }

    /** {@return the object key} */
    public String key() {
        return key;
    }

    /**
     * {@code s3://bucket/key}.
     *
     * @return the object's {@code s3://bucket/key} URI
     */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    /** {@return rows written to the object} */
    public long rows() {
        return rows;
    }

    /** {@return the object's size in bytes (after compression)} */
    public long bytes() {
        return bytes;
    }

    /** {@return the ETag S3 returned, with its quotes as S3 sends them} */
    public String eTag() {
        return eTag;
    }

    /** {@return multipart parts uploaded, 0 when the object went as one PutObject} */
    public int parts() {
        return parts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportedObject x && x.bucket.equals(bucket) && x.key.equals(key) && x.rows == rows
                && x.bytes == bytes && x.eTag.equals(eTag) && x.parts == parts;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, key, rows, bytes, eTag, parts);
    }

    @Override
    public String toString() {
        return uri() + " (" + rows + " rows, " + bytes + " bytes, ETag " + eTag + ")";
    }
}
