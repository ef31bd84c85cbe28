package io.ferry.core.schedule;

/**
 * The work a scheduled entry does: an export, an import, a table write, as a lambda. The
 * scheduler never runs one job twice at the same time, so an implementation need not guard
 * against overlapping itself.
 *
 * <pre>{@code
 * ScheduledJob job = ctx -> JobReport.ofRecords(export.write("www_access", source).rows());
 * }</pre>
 *
 * <p>Here {@code export} is an {@code S3Export} and {@code source} a {@code RecordSource}.
 */
@FunctionalInterface
public interface ScheduledJob {
    /**
     * Runs once.
     *
     * @param context the run's name, times and state store access
     * @return what the run did; null counts as {@link JobReport#none()}
     * @throws RuntimeException to fail the run; the message goes into the history
     */
    JobReport run(JobContext context);
}
