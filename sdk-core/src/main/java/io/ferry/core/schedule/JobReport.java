package io.ferry.core.schedule;

import io.ferry.core.FerryConfigException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a run reports back: a record count, a free-form detail, both or neither. Immutable.
 *
 * <pre>{@code
 * return JobReport.of(10_000, "s3://bucket/daily/2026-11-25.csv.gz");
 * }</pre>
 */
public final class JobReport {
    private static final JobReport NONE = new JobReport(-1, null);

    private final long records;
    private final String detail;

    private JobReport(long records, String detail) {
        this.records = records;
        this.detail = detail;
    }

    /** {@return a report with nothing to say} */
    public static JobReport none() {
        return NONE;
    }

    /**
     * A report of the records the run moved.
     *
     * @param records the number of records the run moved
     * @return the report
     * @throws FerryConfigException if negative
     */
    public static JobReport ofRecords(long records) {
        return new JobReport(checkRecords(records), null);
    }

    /**
     * A report with a custom detail, such as the objects written; not null.
     *
     * @param detail the detail text
     * @return the report
     */
    public static JobReport ofDetail(String detail) {
        return new JobReport(-1, FerryConfigException.requireNonNull(detail, "detail"));
    }

    /**
     * A report of both a record count and a detail.
     *
     * @param records the number of records the run moved
     * @param detail the detail text
     * @return the report
     */
    public static JobReport of(long records, String detail) {
        return new JobReport(checkRecords(records), FerryConfigException.requireNonNull(detail, "detail"));
    }

    private static long checkRecords(long records) {
        if (records < 0) {
            throw new FerryConfigException("records", "a record count must be zero or more, was " + records);
        }
        return records;
    }

    /** {@return the number of records, if reported} */
    public OptionalLong records() {
        return records < 0 ? OptionalLong.empty() : OptionalLong.of(records);
    }

    /** {@return the custom detail, if reported} */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobReport other && other.records == records
                && Objects.equals(other.detail, detail);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(records) * 31 + Objects.hashCode(detail);
    }

    @Override
    public String toString() {
        return "JobReport{records=" + (records < 0 ? "-" : records) + ", detail=" + detail + "}";
    }
}
