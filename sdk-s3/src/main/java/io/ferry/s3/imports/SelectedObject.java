package io.ferry.s3.imports;

import io.ferry.core.FerryConfigException;
import io.ferry.formats.decode.Decoder;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One object an {@link S3Import#plan()} selected: key, size, ETag and LastModified as listed, and
 * the codec its key's suffix names. Immutable and {@link Serializable}, so a planner can hand it
 * to the worker that reads it ({@link S3Import#read}, {@link S3Import#open}).
 */
public final class SelectedObject implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The object key. */
    private final String key;
    /** The size in bytes. */
    private final long size;
    /** The ETag as listed, or null. */
    private final String eTag;
    /** The LastModified time. */
    private final Instant lastModified;
    /** The codec the key's suffix names. */
    private final Decoder codec;

    private SelectedObject(String key, long size, String eTag, Instant lastModified) {
        this.key = key;
        this.size = size;
        this.eTag = eTag;
        this.lastModified = lastModified;
        this.codec = Decoder.fromFileName(key);
    }

    /**
     * A selected object; the codec is taken from the key's suffix.
     *
     * @param key          the object key, not null
     * @param size         the size in bytes, 0 or more
     * @param eTag         the ETag as listed (quotes included), or null when unknown
     * @param lastModified the LastModified time, not null
     * @return the object
     * @throws FerryConfigException if the key or time is null, or the size is negative
     */
    public static SelectedObject of(String key, long size, String eTag, Instant lastModified) {
        FerryConfigException.requireNonNull(key, "key");
        FerryConfigException.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new FerryConfigException("size", "size must be 0 or more, was " + size + " for key '" + key + "'");
        }
        return new SelectedObject(key, size, eTag, lastModified);
    }

    /** {@return the object key} */
    public String key() {
        return key;
    }

    /** {@return the size in bytes, as stored (compressed when the object is)} */
    public long size() {
        return size;
    }

    /** {@return the ETag as listed, quotes included; null when the listing gave none} */
    public String eTag() {
        return eTag;
    }

    /** {@return the LastModified time as listed} */
    public Instant lastModified() {
        return lastModified;
    }

    /**
     * {@return the codec the key's suffix names ({@code .gz}, {@code .bz2}, {@code .zip},
     * {@code .zst}, {@code .xz}), or {@link Decoder#NONE}} The import's decoder still decides how
     * the bytes are read ({@link Decoder#AUTO} looks at the magic bytes first).
     */
    public Decoder codec() {
        return codec;
    }

    /** {@return whether the key names a compressed object ({@link #codec()} is not NONE)} */
    public boolean compressed() {
        return codec != Decoder.NONE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelectedObject x && x.key.equals(key) && x.size == size && Objects.equals(x.eTag, eTag)
                && x.lastModified.equals(lastModified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, size, eTag, lastModified);
    }

    @Override
    public String toString() {
        return key + " (" + size + " bytes, " + lastModified + ", " + codec + ")";
    }
}
