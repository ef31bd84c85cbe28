package io.ferry.s3.export.internal;

import io.ferry.core.FerryIoException;
import io.ferry.s3.export.ExportedObject;
import io.ferry.s3.export.PreparedObject;
import io.ferry.s3.export.PreparedPart;
import io.ferry.s3.internal.S3Errors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Publishes the staged objects of a two-phase export: completes their multipart uploads, up to
 * {@code maxConcurrency} at once, each with the headers of the export (conditional under
 * CREATE_NEW). Idempotent: a completion that finds its upload gone (NoSuchUpload) or its key taken
 * (412) counts as published when the key holds this object, told by its write id and the multipart
 * ETag computed from the prepared parts ({@link ObjectRequests#confirmed}).
 *
 * <p>All or nothing, as the commit of one export: when one object fails, every object this call
 * may have published is deleted (only if it carries its write id, and under REPLACE only if its
 * key did not exist before: an object that replaced another is kept and named) and every upload is
 * aborted, so nothing of the export stays but what REPLACE overwrote.
 */
final class PreparedPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PreparedPublisher.class);

    private final S3Client s3;
    private final ExportPlan plan;
    private final List<Staged> all;

    PreparedPublisher(S3Client s3, ExportPlan plan, List<PreparedObject> objects) {
        this.s3 = s3;
        this.plan = plan;
        this.all = new ArrayList<>(objects.size());
        for (PreparedObject o : objects) {
            all.add(new Staged(o));
        }
    }

    /** One staged object and what publishing did to it. */
    private static final class Staged {
        final PreparedObject object;
        volatile Boolean existedBefore;
        volatile boolean attempted;
        volatile ExportedObject result;

        Staged(PreparedObject object) {
            this.object = object;
        }

        String key() {
            return object.key();
        }
    }

    /**
     * Publishes every object; returns them in the given order.
     *
     * @throws FerryIoException naming the object that failed, after the rollback
     */
    List<ExportedObject> publish() {
        int concurrency = plan.connection().maxConcurrency();
        try {
            if (plan.replace()) {
                ParallelTasks.forEach(all, concurrency, "ferry-s3-publish", this::checkExisting);
                // new keys first: a failure among them rolls back with nothing replaced
                List<Staged> fresh = new ArrayList<>();
                List<Staged> overwriting = new ArrayList<>();
                for (Staged s : all) {
                    (Boolean.FALSE.equals(s.existedBefore) ? fresh : overwriting).add(s);
                }
                ParallelTasks.forEach(fresh, concurrency, "ferry-s3-publish", this::complete);
                ParallelTasks.forEach(overwriting, concurrency, "ferry-s3-publish", this::complete);
            } else {
                ParallelTasks.forEach(all, concurrency, "ferry-s3-publish", this::complete);
            }
        } catch (RuntimeException e) {
            throw rollBack(e);
        }
        List<ExportedObject> published = new ArrayList<>(all.size());
        for (Staged s : all) {
            published.add(s.result);
        }
        return published;
    }

    private void checkExisting(Staged s) {
        try {
            s.existedBefore = OwnWrites.head(s3, plan.bucket(), s.key()).exists();
        } catch (FerryIoException e) {
            if (e.getCause() instanceof S3Exception x && x.statusCode() == 403) {
                // without s3:GetObject: unknown, so a rollback will not delete it
                s.existedBefore = null;
                return;
            }
            throw e;
        }
    }

    private void complete(Staged s) {
        PreparedObject o = s.object;
        ObjectOptions options = plan.objectOptions().withWriteId(o.writeId());
        ObjectRequests requests = new ObjectRequests(s3, plan.bucket(), options);
        List<CompletedPart> parts = completedParts(o);
        s.attempted = true;
        String eTag = requests.confirmed("complete the multipart upload", o.key(), () -> s3.completeMultipartUpload(
                b -> options.apply(b.bucket(plan.bucket()).key(o.key()).uploadId(o.uploadId())
                        .multipartUpload(m -> m.parts(parts)))).eTag(),
                () -> options.kms() ? null : expectedETag(o));
        s.result = ExportedObject.of(plan.bucket(), o.key(), o.rows(), o.bytes(), eTag, o.parts().size());
    }

    private static List<CompletedPart> completedParts(PreparedObject o) {
        List<CompletedPart> parts = new ArrayList<>(o.parts().size());
        for (PreparedPart p : o.parts()) {
            parts.add(CompletedPart.builder().partNumber(p.number()).eTag(p.eTag())
                    .checksumCRC32(p.checksumCrc32().orElse(null)).build());
        }
        return parts;
    }

    /** The ETag S3 gives the completed upload of {@code o} (without KMS), or null when a part ETag is no MD5. */
    static String expectedETag(PreparedObject o) {
        List<String> eTags = new ArrayList<>(o.parts().size());
        for (PreparedPart p : o.parts()) {
            eTags.add(p.eTag());
        }
        return OwnWrites.multipartETag(eTags);
    }

    /**
     * Deletes what this call may have published and aborts every upload; returns the exception to
     * throw, naming what was replaced or could not be removed. Never throws.
     */
    FerryIoException rollBack(RuntimeException failure) {
        List<String> replaced = Collections.synchronizedList(new ArrayList<>());
        List<String> left = Collections.synchronizedList(new ArrayList<>());
        ParallelTasks.forEach(all, plan.connection().maxConcurrency(), "ferry-s3-rollback", s -> {
            String where = "s3://" + plan.bucket() + "/" + s.key();
            try {
                if (s.attempted) {
                    if (plan.replace() && !Boolean.FALSE.equals(s.existedBefore)) {
                        if (s.result != null) {
                            replaced.add(where);
                        }
                    } else {
                        ObjectOptions options = plan.objectOptions().withWriteId(s.object.writeId());
                        OwnWrites.Remote remote = OwnWrites.head(s3, plan.bucket(), s.key());
                        if (remote.writtenBy(s.object.writeId(), options.kms() ? null : expectedETag(s.object),
                                where)) {
                            OwnWrites.delete(s3, plan.bucket(), s.key());
                        }
                    }
                }
                if (s.result == null) {
                    // a completed upload is not aborted: on S3Mock that would delete the object at its key
                    UploadSweep.abortWithAttempts(s3, plan.bucket(), s.key(), s.object.uploadId());
                }
            } catch (RuntimeException e) {
                LOG.warn("could not check, remove or abort {} after publishing failed: {}", where,
                        S3Errors.describe(e));
                left.add(where);
            }
        });
        StringBuilder m = new StringBuilder(String.valueOf(failure.getMessage()));
        m.append("; publishing was rolled back: the export's other objects were removed and its uploads aborted");
        if (!replaced.isEmpty()) {
            m.append("; replaced ").append(String.join(", ", replaced)).append(" before failing (REPLACE);"
                    + " S3 cannot restore the previous versions: they hold this export's complete new objects");
        }
        if (!left.isEmpty()) {
            m.append("; could not check or remove ").append(String.join(", ", left))
                    .append(": check them and abort their uploads by hand (S3Export.abort or a lifecycle rule)");
        }
        return new FerryIoException(m.toString(), failure, false);
    }
}
