package io.ferry.core.incremental;

import io.ferry.core.FerryConfigException;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an object listing (an S3 ListObjectsV2 entry, a file in a directory): key, size,
 * last-modified time and storage class. Immutable.
 */
public final class ListedObject {
    /** The storage class of objects that report none. */
    public static final String STANDARD = "STANDARD";

    private final String key;
    private final long size;
    private final Instant lastModified;
    private final String storageClass;

    private ListedObject(String key, long size, Instant lastModified, String storageClass) {
        this.key = key;
        this.size = size;
        this.lastModified = lastModified;
        this.storageClass = storageClass;
    }

    /**
     * @param key          the object key; not null
     * @param size         the size in bytes, 0 or more
     * @param lastModified the last-modified time; not null
     * @param storageClass the storage class, or null for {@link #STANDARD}
     * @return the listed object
     */
    public static ListedObject of(String key, long size, Instant lastModified, String storageClass) {
        FerryConfigException.requireNonNull(key, "key");
        FerryConfigException.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new FerryConfigException("size", "size must be 0 or more, was " + size);
        }
        return new ListedObject(key, size, lastModified, storageClass == null ? STANDARD : storageClass);
    }

    /** {@return the object key} */
    public String key() {
        return key;
    }

    /** {@return the size in bytes} */
    public long size() {
        return size;
    }

    /** {@return the last-modified time} */
    public Instant lastModified() {
        return lastModified;
    }

    /** {@return the storage class, e.g. {@code STANDARD}, {@code GLACIER}, {@code DEEP_ARCHIVE}} */
    public String storageClass() {
        return storageClass;
    }

    /** {@return whether the object is archived (GLACIER or DEEP_ARCHIVE) and cannot be read without a restore} */
    public boolean archived() {
        return storageClass.equals("GLACIER") || storageClass.equals("DEEP_ARCHIVE");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListedObject x && x.key.equals(key) && x.size == size && x.lastModified.equals(lastModified)
                && x.storageClass.equals(storageClass);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, size, lastModified, storageClass);
    }

    @Override
    public String toString() {
        return key + " (" + size + " bytes, " + lastModified + ", " + storageClass + ")";
    }
}
