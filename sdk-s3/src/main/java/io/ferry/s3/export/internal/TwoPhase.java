package io.ferry.s3.export.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryIoException;
import io.ferry.s3.export.ExportResult;
import io.ferry.s3.export.ExportedObject;
import io.ferry.s3.export.PreparedExport;
import io.ferry.s3.export.PreparedObject;
import io.ferry.s3.internal.S3ClientLease;
import io.ferry.s3.internal.S3Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The coordinator's side of a two-phase export: checks the prepared values of every writer,
 * publishes them ({@link PreparedPublisher}) and writes the manifest, or aborts them; both sweep
 * the uploads of writers that died before they prepared. The sweep looks under the export's prefix
 * ({@link ExportTokens#prefix}) for uploads initiated since the export token was made (less the
 * clock skew) that no prepared value names. Stateless; each call leases its own client.
 */
public final class TwoPhase {
    private static final Logger LOG = LoggerFactory.getLogger(TwoPhase.class);

    private TwoPhase() {
    }

    /**
     * Publishes every object of {@code prepared}, then writes the manifest if {@code manifest} is
     * not null.
     *
     * @throws FerryConfigException if a prepared value belongs to another export or bucket, or two
     *                              writers staged the same key
     * @throws FerryIoException     naming the object that failed, after rolling back
     */
    public static ExportResult publish(ExportPlan plan, String token, String manifest,
                                       List<PreparedExport> prepared) {
        long start = System.nanoTime();
        List<PreparedObject> objects = check(plan, token, prepared, true);
        try (S3ClientLease lease = S3ClientLease.open(plan.connection())) {
            S3Client s3 = lease.client();
            Set<String> keep = new HashSet<>();
            for (PreparedObject o : objects) {
                keep.add(o.uploadId());
            }
            // before completing: on some stores (S3Mock) aborting an upload disturbs others of its key
            sweepQuietly(s3, plan, token, keep);
            PreparedPublisher publisher = new PreparedPublisher(s3, plan, objects);
            List<ExportedObject> published = publisher.publish();
            if (manifest != null) {
                String key = ExportTokens.prefix(plan.path().template(), token) + manifest;
                try {
                    ExportManifest.write(s3, plan, key, token, published);
                } catch (RuntimeException e) {
                    deleteQuietly(s3, plan, key);
                    throw publisher.rollBack(e);
                }
            }
            for (ExportedObject done : published) {
                plan.listener().objectWritten(done);
            }
            return ExportResult.builder().syncId(token).objects(published)
                    .duration(Duration.ofNanos(System.nanoTime() - start)).build();
        }
    }

    /**
     * Aborts every upload of {@code prepared} (one already gone counts as aborted) and sweeps.
     *
     * @throws FerryIoException naming the uploads that could not be aborted, after trying all
     */
    public static void abort(ExportPlan plan, String token, List<PreparedExport> prepared) {
        List<PreparedObject> objects = check(plan, token, prepared, false);
        try (S3ClientLease lease = S3ClientLease.open(plan.connection())) {
            S3Client s3 = lease.client();
            List<String> failed = Collections.synchronizedList(new ArrayList<>());
            ParallelTasks.forEach(objects, plan.connection().maxConcurrency(), "ferry-s3-abort", o -> {
                try {
                    UploadSweep.abortWithAttempts(s3, plan.bucket(), o.key(), o.uploadId());
                } catch (RuntimeException e) {
                    failed.add("s3://" + plan.bucket() + "/" + o.key() + " (upload " + o.uploadId() + "): "
                            + S3Errors.describe(e));
                }
            });
            sweepQuietly(s3, plan, token, Set.of());
            if (!failed.isEmpty()) {
                throw new FerryIoException("cannot abort " + failed.size() + " of " + objects.size()
                        + " staged uploads: " + String.join("; ", failed) + "; call abort again, or let a bucket"
                        + " lifecycle rule for incomplete multipart uploads remove them", null, true);
            }
        }
    }

    /**
     * Aborts every upload under the export's prefix initiated since {@code token} was made.
     *
     * @throws FerryIoException if the uploads cannot be listed or aborted
     */
    public static int sweep(ExportPlan plan, String token) {
        try (S3ClientLease lease = S3ClientLease.open(plan.connection())) {
            return UploadSweep.sweepExport(lease.client(), plan.bucket(), ExportTokens.prefix(plan.path().template(),
                    token), Set.of(), ExportTokens.createdAt(token).minus(UploadSweep.CLOCK_SKEW));
        }
    }

    private static void sweepQuietly(S3Client s3, ExportPlan plan, String token, Set<String> keep) {
        String prefix = ExportTokens.prefix(plan.path().template(), token);
        try {
            UploadSweep.sweepExport(s3, plan.bucket(), prefix, keep,
                    ExportTokens.createdAt(token).minus(UploadSweep.CLOCK_SKEW));
        } catch (RuntimeException e) {
            LOG.warn("could not sweep the uploads of export {} under s3://{}/{}: {}; a bucket lifecycle rule for"
                    + " incomplete multipart uploads removes any left", token, plan.bucket(), prefix, e.getMessage());
        }
    }

    private static List<PreparedObject> check(ExportPlan plan, String token, List<PreparedExport> prepared,
                                              boolean uniqueKeys) {
        FerryConfigException.requireNonNull(prepared, "prepared");
        List<PreparedObject> objects = new ArrayList<>();
        Map<String, String> writerOfKey = new HashMap<>();
        for (PreparedExport p : prepared) {
            FerryConfigException.requireNonNull(p, "prepared");
            if (!p.exportToken().equals(token)) {
                throw new FerryConfigException("prepared", "the prepared export of writer '" + p.writerId()
                        + "' belongs to export " + p.exportToken() + ", not to this export (" + token
                        + "); use the export built with exportToken(\"" + p.exportToken() + "\")");
            }
            if (!p.bucket().equals(plan.bucket())) {
                throw new FerryConfigException("prepared", "the prepared export of writer '" + p.writerId()
                        + "' staged its objects in bucket " + p.bucket() + ", not in " + plan.bucket());
            }
            for (PreparedObject o : p.objects()) {
                String other = writerOfKey.putIfAbsent(o.key(), p.writerId());
                if (other != null && uniqueKeys) {
                    throw new FerryConfigException("prepared", "writers '" + other + "' and '" + p.writerId()
                            + "' both staged s3://" + p.bucket() + "/" + o.key() + "; give each writer its own"
                            + " id and put {{WRITER}} or {{UUID}} in the path");
                }
                objects.add(o);
            }
        }
        return objects;
    }

    private static void deleteQuietly(S3Client s3, ExportPlan plan, String key) {
        try {
            // the put may have landed and only its answer been lost
            OwnWrites.delete(s3, plan.bucket(), key);
        } catch (RuntimeException e) {
            LOG.warn("could not remove the manifest s3://{}/{} after writing it failed: {}; delete it by hand",
                    plan.bucket(), key, e.getMessage());
        }
    }
}
