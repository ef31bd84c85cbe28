package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import io.ferry.s3.internal.S3Errors;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Gives each object of one run its own key: a rendered key, or the first of its suffixed
 * alternatives ({@link UniqueKeys}) that the run has not used and, when keys must be new, that a
 * HEAD does not find in the bucket. Thread-safe: the {@link Publisher} asks for keys from its
 * threads.
 */
final class KeyAllocator implements Publisher.KeyChooser {
    private static final Logger LOG = LoggerFactory.getLogger(KeyAllocator.class);
    private static final int MAX_SUFFIX = 10_000;

    private final S3Client s3;
    private final String bucket;
    private final String extension;
    private final boolean mustBeNew;
    private final Set<String> used = new HashSet<>();

    /**
     * @param extension the known extension with its leading dot ({@code .csv.gz}), before which suffixes go
     * @param mustBeNew whether a key that exists in the bucket is skipped (CREATE_NEW)
     */
    KeyAllocator(S3Client s3, String bucket, String extension, boolean mustBeNew) {
        this.s3 = s3;
        this.bucket = bucket;
        this.extension = extension;
        this.mustBeNew = mustBeNew;
    }

    /**
     * The first key from {@code candidate} with suffix {@code from} or higher that this run has
     * not used and, under CREATE_NEW, that does not exist in the bucket.
     */
    @Override
    public synchronized String next(String candidate, int from) {
        for (int n = from; n <= MAX_SUFFIX; n++) {
            String key = UniqueKeys.suffixed(candidate, extension, n);
            if (used.contains(key)) {
                continue;
            }
            if (mustBeNew && exists(key)) {
                continue;
            }
            used.add(key);
            return key;
        }
        throw new FerryIoException("s3://" + bucket + "/" + candidate + " and its " + MAX_SUFFIX
                + " suffixed alternatives all exist; choose another path or use WriteStrategy.REPLACE", null);
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                // without s3:GetObject a HEAD says 403 for any key: rely on the conditional write
                LOG.debug("cannot check whether s3://{}/{} exists (403); the write stays conditional", bucket, key);
                return false;
            }
            throw S3Errors.cannot("check whether", bucket, key + " exists", e);
        } catch (SdkException | UncheckedIOException e) {
            throw S3Errors.cannot("check whether", bucket, key + " exists", e);
        }
    }
}
