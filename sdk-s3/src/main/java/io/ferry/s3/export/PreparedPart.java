package io.ferry.s3.export;

import io.ferry.core.FerryConfigException;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * One uploaded part of a staged multipart upload: its number, the ETag the store gave it, its
 * size, and its CRC32 checksum when the upload asked for one (CompleteMultipartUpload must repeat
 * it). Part of a {@link PreparedObject}. Immutable.
 */
public final class PreparedPart implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The part number. */
    private final int number;
    /** The part's ETag. */
    private final String eTag;
    /** The part's size in bytes. */
    private final long size;
    /** The part's CRC32, or null. */
    private final String checksumCrc32;

    private PreparedPart(Builder b) {
        this.number = b.number;
        this.eTag = b.eTag;
        this.size = b.size;
        this.checksumCrc32 = b.checksumCrc32;
    }

    /** {@return a new builder; {@code number}, {@code eTag} and {@code size} are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this part's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.number = number;
        b.eTag = eTag;
        b.size = size;
        b.checksumCrc32 = checksumCrc32;
        return b;
    }

    /** {@return the part number, 1 to 10,000} */
    public int number() {
        return number;
    }

    /** {@return the ETag the store returned for the part, with its quotes as sent} */
    public String eTag() {
        return eTag;
    }

    /** {@return the part's size in bytes} */
    public long size() {
        return size;
    }

    /** {@return the part's base64 CRC32 checksum, if the upload asked for checksums} */
    public Optional<String> checksumCrc32() {
        return Optional.ofNullable(checksumCrc32);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedPart p && p.number == number && p.eTag.equals(eTag) && p.size == size
                && Objects.equals(p.checksumCrc32, checksumCrc32);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, eTag, size, checksumCrc32);
    }

    @Override
    public String toString() {
        return "part " + number + " (" + size + " bytes, ETag " + eTag + ")";
    }

    /** Builds a {@link PreparedPart}. Not thread-safe. */
    public static final class Builder {
        private int number;
        private String eTag;
        private long size = -1;
        private String checksumCrc32;

        private Builder() {
        }

        /**
         * The part number, 1 to 10,000; required.
         *
         * @param number the part number
         * @return this builder
         * @throws FerryConfigException (option {@code number}) if outside 1..10,000
         */
        public Builder number(int number) {
            if (number < 1 || number > 10_000) {
                throw new FerryConfigException("number", "a part number must be between 1 and 10000, was " + number);
            }
            this.number = number;
            return this;
        }

        /**
         * The ETag the store returned for the part; required.
         *
         * @param eTag the part's ETag
         * @return this builder
         */
        public Builder eTag(String eTag) {
            this.eTag = FerryConfigException.requireNonNull(eTag, "eTag");
            return this;
        }

        /**
         * The part's size in bytes, zero or more; required.
         *
         * @param size the part's size in bytes
         * @return this builder
         * @throws FerryConfigException (option {@code size}) if negative
         */
        public Builder size(long size) {
            if (size < 0) {
                throw new FerryConfigException("size", "a part size must be zero or more, was " + size);
            }
            this.size = size;
            return this;
        }

        /**
         * The part's base64 CRC32 checksum as the store returned it; null (the default) for none.
         *
         * @param checksumCrc32 the checksum, or null
         * @return this builder
         */
        public Builder checksumCrc32(String checksumCrc32) {
            this.checksumCrc32 = checksumCrc32;
            return this;
        }

        /**
         * Builds the part.
         *
         * @return the part
         * @throws FerryConfigException naming the missing value
         */
        public PreparedPart build() {
            if (number == 0) {
                throw new FerryConfigException("number", "a prepared part needs its number: set number(...)");
            }
            if (eTag == null) {
                throw new FerryConfigException("eTag", "part " + number + " needs its ETag: set eTag(...)");
            }
            if (size < 0) {
                throw new FerryConfigException("size", "part " + number + " needs its size: set size(...)");
            }
            return new PreparedPart(this);
        }
    }
}
