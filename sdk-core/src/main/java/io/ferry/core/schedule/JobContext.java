package io.ferry.core.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * What a running job knows about its run, and its persistent state. An incremental import keeps
 * its position between runs here as a JSON string. Used by one run on one thread.
 *
 * <pre>{@code
 * ScheduledJob job = ctx -> {
 *     S3Import.Builder run = imp.toBuilder();          // imp: an incremental S3Import
 *     ctx.loadState().map(IncrementalState::fromJson).ifPresent(run::state);
 *     ImportResult r = run.build().run(sink);
 *     r.nextState().ifPresent(s -> ctx.saveState(s.toJson()));
 *     return JobReport.ofRecords(r.rows());
 * };
 * }</pre>
 */
public interface JobContext {
    /** {@return the job's name} */
    String jobName();

    /** {@return what started the run} */
    JobTrigger trigger();

    /** {@return the fire time (cron time plus delay) of a scheduled run; empty for a manual run} */
    Optional<Instant> scheduledTime();

    /**
     * When the run started, by the scheduler's clock.
     *
     * @return when the run started
     */
    Instant startTime();

    /** {@return the state this job saved last, from the scheduler's {@link StateStore}; empty at first} */
    Optional<String> loadState();

    /**
     * Saves the job's state (a JSON string, opaque to the scheduler) for the next run.
     *
     * @param state not null
     */
    void saveState(String state);
}
