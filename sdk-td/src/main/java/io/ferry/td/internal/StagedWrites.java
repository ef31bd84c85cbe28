package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import io.ferry.td.TdStagedPart;
import io.ferry.td.TdStagedWrite;
import io.ferry.td.TdWriteMode;
import io.ferry.td.TdWriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of a staged write, over {@link TargetTables}: {@link #stage} creates
 * the table the tasks upload into, {@link #publish} swaps it in (replace modes) once every task
 * finished, {@link #abort} deletes it. Stateless; the staged write carries what they share.
 */
public final class StagedWrites {
    private static final Logger LOG = LoggerFactory.getLogger(StagedWrites.class);

    private StagedWrites() {
    }

    /**
     * Creates the upload table: the target (and the database when allowed) for APPEND, a fresh
     * temporary table for the replace modes.
     *
     * @return the temporary table, or null for APPEND
     */
    public static String stage(TdApiClient api, TdWritePlan plan) {
        TargetTables tables = new TargetTables(api, plan);
        try {
            tables.prepare();
            return plan.mode() == TdWriteMode.APPEND ? null : tables.uploadDestination();
        } catch (RuntimeException e) {
            throw TdWriteSession.exposed(tables.cleanUpAfter(e));
        }
    }

    /**
     * Publishes what the tasks uploaded: nothing to do for APPEND (the rows are in); swap and
     * delete for the replace modes, except a REPLACE_ON_NEW_DATA without rows, which deletes the
     * temporary table and leaves the target untouched. A failure deletes the temporary table.
     *
     * @param parts one per task partition; the same part given twice counts once
     * @throws FerryConfigException (option {@code parts}) if two parts of one partition disagree;
     *                              nothing was changed then
     */
    public static TdWriteResult publish(TdApiClient api, TdWritePlan plan, TdStagedWrite staged,
                                        List<TdStagedPart> parts) {
        Map<Integer, TdStagedPart> byPartition = new TreeMap<>();
        for (TdStagedPart p : parts) {
            FerryConfigException.requireNonNull(p, "parts");
            TdStagedPart earlier = byPartition.putIfAbsent(p.partition(), p);
            if (earlier != null && !earlier.equals(p)) {
                throw new FerryConfigException("parts", "two parts of partition " + p.partition() + " differ: "
                        + earlier + " and " + p + "; give publish the part of the one attempt that succeeded");
            }
        }
        long rows = byPartition.values().stream().mapToLong(TdStagedPart::rows).sum();
        TargetTables tables = TargetTables.staged(api, plan, staged.stagingTable());
        boolean published;
        try {
            published = tables.publish(rows);
            if (!published && staged.stagingTable() != null) {
                tables.abort();
            }
        } catch (RuntimeException e) {
            throw TdWriteSession.exposed(tables.cleanUpAfter(e));
        }
        if (staged.stagingTable() == null) {
            tables.imported(plan.table());
        }
        LOG.info("published {} rows from {} tasks into {}.{} ({})", rows, byPartition.size(), plan.database(),
                plan.table(), plan.mode().uriValue());
        return TdWriteResult.builder().database(plan.database()).table(plan.table()).mode(plan.mode()).rows(rows)
                .chunks(byPartition.values().stream().mapToInt(TdStagedPart::chunks).sum())
                .bytes(byPartition.values().stream().mapToLong(TdStagedPart::bytes).sum())
                .uncompressedBytes(byPartition.values().stream().mapToLong(TdStagedPart::uncompressedBytes).sum())
                .tablesTouched(tables.touched()).published(published)
                .duration(elapsed(staged.stagedAt(), plan.clock().instant())).build();
    }

    private static Duration elapsed(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Deletes the temporary table of a replace; APPEND's rows cannot be taken back. Never throws. */
    public static void abort(TdApiClient api, TdWritePlan plan, TdStagedWrite staged) {
        if (staged.stagingTable() == null) {
            LOG.warn("aborted APPEND into {}.{}: the chunks the tasks already imported stay in the table",
                    plan.database(), plan.table());
            return;
        }
        TargetTables.staged(api, plan, staged.stagingTable()).abort();
    }
}
