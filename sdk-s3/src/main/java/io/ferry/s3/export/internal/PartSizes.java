package io.ferry.s3.export.internal;

/**
 * The size of each part of a multipart upload, as a pure function of the part number and the
 * configured part size. S3 allows at most {@value #MAX_PARTS} parts of at most 5 GiB each, and
 * parts may differ in size. Parts 1..{@value #BASE_PARTS} use the configured size; after that the
 * size doubles every {@value #PARTS_PER_STEP} parts, up to 5 GiB. With the smallest allowed base
 * (5 MiB) the 10,000 parts hold more than S3's 5 TiB object limit, so an export never fails on the
 * part count; with the 10 MiB default the first 20 GiB go in 10 MiB parts.
 */
public final class PartSizes {
    /** S3's smallest part (all parts but the last): 5 MiB. */
    public static final long MIN_PART_SIZE = 5L << 20;
    /** S3's largest part: 5 GiB. */
    public static final long MAX_PART_SIZE = 5L << 30;
    /** S3's largest object: 5 TiB. */
    public static final long MAX_OBJECT_SIZE = 5L << 40;
    /** S3's largest part number. */
    public static final int MAX_PARTS = 10_000;
    /** Parts that keep the configured size. */
    static final int BASE_PARTS = 2_000;
    /** After {@link #BASE_PARTS}, the size doubles every this many parts. */
    static final int PARTS_PER_STEP = 500;

    private PartSizes() {
    }

    /**
     * The size of part {@code partNumber} (1-based) for a configured size of {@code baseSize}
     * bytes; the last part of an object may be smaller.
     *
     * @throws IllegalArgumentException if the part number is outside 1..10,000 or the base size
     *                                  outside 5 MiB..5 GiB
     */
    public static long sizeOfPart(int partNumber, long baseSize) {
        if (partNumber < 1 || partNumber > MAX_PARTS) {
            throw new IllegalArgumentException("part number must be 1.." + MAX_PARTS + ", was " + partNumber);
        }
        if (baseSize < MIN_PART_SIZE || baseSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("part size must be 5 MiB..5 GiB, was " + baseSize);
        }
        if (partNumber <= BASE_PARTS) {
            return baseSize;
        }
        // at most 16 doublings of at most 5 GiB: no overflow
        int doublings = (partNumber - BASE_PARTS - 1) / PARTS_PER_STEP + 1;
        return Math.min(MAX_PART_SIZE, baseSize << doublings);
    }

    /** The largest object that {@value #MAX_PARTS} parts of this schedule can hold, capped at 5 TiB. */
    public static long maxObjectSize(long baseSize) {
        long total = 0;
        for (int p = 1; p <= MAX_PARTS && total < MAX_OBJECT_SIZE; p++) {
            total += sizeOfPart(p, baseSize);
        }
        return Math.min(total, MAX_OBJECT_SIZE);
    }
}
