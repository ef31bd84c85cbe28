package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import io.ferry.s3.export.ExportedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The commit of an export: publishes its objects, up to {@code concurrency} at once (many
 * partitions mean many small puts), and undoes what it can when one fails.
 *
 * <p>Under {@code REPLACE} every key is checked first (HeadObject), and objects whose key did not
 * exist are published before the ones that overwrite: a failure among the new keys then rolls
 * back completely, with nothing replaced. A rollback deletes only objects that carry this
 * export's write id (so never another writer's object), and never an object that replaced an
 * earlier one: S3 cannot bring the earlier version back, and the new one is complete. Such keys
 * are named in the exception instead.
 */
final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final int MAX_REKEYS = 10;

    /** Picks the first usable key from {@code candidate} with suffix {@code from} or higher. */
    interface KeyChooser {
        String next(String candidate, int from);
    }

    private final S3Client s3;
    private final String bucket;
    private final boolean replace;
    private final int concurrency;
    private final KeyChooser keys;

    Publisher(S3Client s3, String bucket, boolean replace, int concurrency, KeyChooser keys) {
        this.s3 = s3;
        this.bucket = bucket;
        this.replace = replace;
        this.concurrency = concurrency;
        this.keys = keys;
    }

    /**
     * Publishes every object and returns them in the given order.
     *
     * @throws RuntimeException the first failure, after every object under way has finished; the
     *                          caller then calls {@link #rollBack}
     */
    List<ExportedObject> publish(List<OpenObject> all) {
        if (replace) {
            forEach(all, this::checkExisting);
            List<OpenObject> fresh = new ArrayList<>();
            List<OpenObject> overwriting = new ArrayList<>();
            for (OpenObject o : all) {
                (Boolean.FALSE.equals(o.existedBefore) ? fresh : overwriting).add(o);
            }
            forEach(fresh, this::publishOne);
            forEach(overwriting, this::publishOne);
        } else {
            forEach(all, this::publishOne);
        }
        List<ExportedObject> published = new ArrayList<>(all.size());
        for (OpenObject o : all) {
            published.add(o.result);
        }
        return published;
    }

    private void checkExisting(OpenObject o) {
        try {
            o.existedBefore = OwnWrites.head(s3, bucket, o.out.key()).exists();
        } catch (FerryIoException e) {
            if (e.getCause() instanceof S3Exception s && s.statusCode() == 403) {
                // without s3:GetObject: unknown, so a rollback will not delete it
                o.existedBefore = null;
                return;
            }
            throw e;
        }
    }

    private void publishOne(OpenObject o) {
        String eTag = publishWithFreeKey(o);
        o.result = ExportedObject.of(bucket, o.out.key(), o.rows, o.out.bytes(), eTag, o.out.partCount());
    }

    private String publishWithFreeKey(OpenObject o) {
        int attempt = 0;
        while (true) {
            try {
                return o.out.publish();
            } catch (KeyExistsException e) {
                // another writer's object: a single put still has its bytes and moves to the next free key
                if (++attempt > MAX_REKEYS || o.out.partCount() > 0) {
                    throw e;
                }
                String next = keys.next(o.candidateKey, 1);
                LOG.info("s3://{}/{} appeared during the export; writing s3://{}/{} instead", bucket, o.out.key(),
                        bucket, next);
                o.out.rekey(next);
            }
        }
    }

    private void forEach(List<OpenObject> objects, Consumer<OpenObject> task) {
        // a thread pool of its own: publishing a partly filled object uploads its last part on the UploadPool
        ParallelTasks.forEach(objects, concurrency, "ferry-s3-publish", task);
    }

    /**
     * Undoes what a failed commit published and returns the exception to throw: {@code failure}
     * itself when nothing is left, else a {@link FerryIoException} that adds the keys this
     * export replaced and the ones it could not remove. Never throws.
     */
    RuntimeException rollBack(List<OpenObject> objects, RuntimeException failure) {
        List<String> replaced = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (OpenObject o : objects) {
            if (!o.out.publishAttempted()) {
                continue;
            }
            String key = o.out.key();
            String where = "s3://" + bucket + "/" + key;
            boolean mayHaveExisted = replace && !Boolean.FALSE.equals(o.existedBefore);
            try {
                boolean ours;
                try {
                    OwnWrites.Remote remote = OwnWrites.head(s3, bucket, key);
                    // a store that drops user metadata: trust a confirmed publish
                    ours = remote.exists() && (remote.writeId() == null ? o.out.published()
                            : remote.writeId().equals(o.out.writeId()));
                } catch (FerryIoException e) {
                    if (!o.out.published()) {
                        throw e;
                    }
                    ours = true;
                }
                if (!ours) {
                    continue;
                }
                if (mayHaveExisted) {
                    replaced.add(where);
                    continue;
                }
                OwnWrites.delete(s3, bucket, key);
                LOG.debug("deleted {} after the export failed", where);
            } catch (RuntimeException e) {
                LOG.warn("could not check or remove {} after the export failed: {}", where, e.getMessage());
                left.add(where);
            }
        }
        if (replaced.isEmpty() && left.isEmpty()) {
            return failure;
        }
        StringBuilder m = new StringBuilder(String.valueOf(failure.getMessage()));
        if (!replaced.isEmpty()) {
            m.append("; replaced ").append(String.join(", ", replaced)).append(" before failing (REPLACE);"
                    + " S3 cannot restore the previous versions: they hold this export's complete new objects"
                    + " (with bucket versioning the previous versions can be restored)");
        }
        if (!left.isEmpty()) {
            m.append("; could not check or remove ").append(String.join(", ", left))
                    .append(", which this export may have ").append(replace ? "written" : "published")
                    .append(" before failing: check and delete them by hand");
        }
        boolean retryable = failure instanceof FerryIoException io && io.retryable();
        return new FerryIoException(m.toString(), failure, retryable);
    }
}
