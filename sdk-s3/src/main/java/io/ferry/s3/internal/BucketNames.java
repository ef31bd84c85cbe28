package io.ferry.s3.internal;

import io.ferry.core.FerryConfigException;
import java.util.Objects;

/** Checks the bucket option of the S3 builders; one rule and one message for export and import. */
public final class BucketNames {
    private BucketNames() {
    }

    /**
     * The trimmed bucket name.
     *
     * @param bucket       the name given by the user; not null
     * @param folderOption the option that takes folders instead ({@code path}, {@code pathPrefix}),
     *                     named in the message
     * @throws FerryConfigException if the name is blank or contains {@code /}
     */
    public static String check(String bucket, String folderOption) {
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.isBlank() || bucket.contains("/")) {
            throw new FerryConfigException("bucket", "the bucket must be a bare bucket name without '/', was '"
                    + bucket + "'; put folders into " + folderOption);
        }
        return bucket.trim();
    }

    /**
     * Fails when no bucket was set.
     *
     * @throws FerryConfigException if {@code bucket} is null
     */
    public static void require(String bucket) {
        if (bucket == null) {
            throw new FerryConfigException("bucket", "bucket is required");
        }
    }
}
