package io.ferry.s3.export.internal;

import io.ferry.core.record.Record;
import io.ferry.core.record.Schema;
import io.ferry.core.template.BoundKeyTemplate;
import io.ferry.core.template.KeyContext;
import io.ferry.core.template.PartitionKey;
import io.ferry.formats.FormatWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Which object of a run a record goes to: the open object of its partition, a new one when the
 * partition has none or its object reached a rotation limit, and early finishes when the part
 * buffers exceed the run's budget. Objects it retires are sealed (all parts uploaded) but wait
 * for the commit. Single-threaded, on the writer's thread.
 */
final class ObjectRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectRouter.class);

    private final ExportPlan plan;
    private final Schema schema;
    private final BoundKeyTemplate keys;
    private final KeyContext run;
    private final KeyAllocator keyAllocator;
    private final S3Client s3;
    private final ObjectOptions options;
    private final UploadPool pool;
    private final BufferLedger ledger;
    private final MultipartObjectOutput.PartListener partListener;

    private final Map<PartitionKey, OpenObject> open = new LinkedHashMap<>();
    private final List<OpenObject> retired = new ArrayList<>();
    private final List<OpenObject> started = new ArrayList<>();
    private int earlyFinished;

    ObjectRouter(ExportPlan plan, Schema schema, BoundKeyTemplate keys, KeyContext run, KeyAllocator keyAllocator,
                 S3Client s3, ObjectOptions options, UploadPool pool, BufferLedger ledger,
                 MultipartObjectOutput.PartListener partListener) {
        this.plan = plan;
        this.schema = schema;
        this.keys = keys;
        this.run = run;
        this.keyAllocator = keyAllocator;
        this.s3 = s3;
        this.options = options;
        this.pool = pool;
        this.ledger = ledger;
        this.partListener = partListener;
    }

    /**
     * The object that the record with index {@code row} goes to, rotating its partition's object
     * first when that reached a limit.
     */
    OpenObject route(Record record, long row) {
        PartitionKey partition = keys.partitionOf(record, row);
        OpenObject o = open.get(partition);
        if (o != null && plan.rotation().enabled()
                && plan.rotation().shouldRotate(o.rows, o.out.bytes(), o.startedAt, plan.clock().instant())) {
            retire(partition, o);
            o = null;
        }
        return o != null ? o : start(partition);
    }

    /** Starts a new object for {@code partition}, with a key of its own. */
    OpenObject start(PartitionKey partition) {
        Instant now = plan.clock().instant();
        String candidate = keys.render(partition, run.toBuilder().uuid(UUID.randomUUID()).startedAt(now).build());
        String key = keyAllocator.next(candidate, 0);
        MultipartObjectOutput out = new MultipartObjectOutput(s3, plan.bucket(), key,
                options.withWriteId(OwnWrites.writeId(run, started.size() + 1)),
                plan.partSize(), pool, partListener, ledger);
        FormatWriter writer = plan.format().newWriter(schema, plan.compression().wrap(out));
        OpenObject o = new OpenObject(out, writer, now, candidate);
        open.put(partition, o);
        started.add(o);
        plan.listener().objectStarted(plan.bucket(), key);
        return o;
    }

    private void retire(PartitionKey partition, OpenObject o) {
        open.remove(partition);
        retired.add(o);
        o.closeWriter();
        o.out.seal();
    }

    /**
     * Brings the open objects' buffers back under the budget, largest first: a buffer that holds
     * a whole part (S3's minimum) goes to the upload pool early; a smaller one cannot be a part
     * that more data follows, so its object is finished now and the partition continues in a new
     * object (published at commit like the rest).
     */
    void relieveMemory() {
        while (ledger.over()) {
            PartitionKey largest = null;
            long most = 0;
            for (Map.Entry<PartitionKey, OpenObject> e : open.entrySet()) {
                long held = e.getValue().out.bufferedBytes();
                if (held > most) {
                    most = held;
                    largest = e.getKey();
                }
            }
            if (largest == null) {
                return;
            }
            OpenObject o = open.get(largest);
            if (o.out.pendingBytes() >= PartSizes.MIN_PART_SIZE) {
                o.out.flushPart();
            } else {
                if (earlyFinished == 0) {
                    LOG.info("the open objects' buffers reached maxBufferedBytes ({} bytes): finishing the largest"
                            + " objects early, their partitions continue in new objects; raise maxBufferedBytes for"
                            + " fewer, larger objects", ledger.budget());
                }
                open.remove(largest);
                retired.add(o);
                o.closeWriter();
                o.out.finishEarly();
                earlyFinished++;
            }
        }
    }

    /** The objects to publish, retired ones first, after closing the encoders of the open ones. */
    List<OpenObject> closeAll() {
        List<OpenObject> all = current();
        for (OpenObject o : open.values()) {
            o.closeWriter();
        }
        return all;
    }

    /** Every object retired or open, and forgets them. */
    List<OpenObject> takeAll() {
        List<OpenObject> all = current();
        open.clear();
        retired.clear();
        return all;
    }

    private List<OpenObject> current() {
        List<OpenObject> all = new ArrayList<>(retired);
        all.addAll(open.values());
        return all;
    }

    /** Every object this run started, in order, including ones already aborted or published. */
    List<OpenObject> started() {
        return started;
    }

    /** Bytes written to the retired and open objects. */
    long bytes() {
        long bytes = 0;
        for (OpenObject o : retired) {
            bytes += o.out.bytes();
        }
        for (OpenObject o : open.values()) {
            bytes += o.out.bytes();
        }
        return bytes;
    }
}
