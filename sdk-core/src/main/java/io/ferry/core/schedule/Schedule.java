package io.ferry.core.schedule;

import io.ferry.core.FerryConfigException;
import io.ferry.core.cron.CronExpression;
import io.ferry.core.cron.CronZones;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a job runs: a cron expression evaluated in a time zone, plus a delay; or on demand only.
 * A run fires at each cron time plus the delay (Treasure Data's "delay execution"). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Schedule daily = Schedule.builder().cron("10 0 * * *").zone("Asia/Tokyo").delay(Duration.ofMinutes(5)).build();
 * Schedule manual = Schedule.onDemand();
 * }</pre>
 */
public final class Schedule {
    private static final Schedule ON_DEMAND = new Schedule(null, CronZones.DEFAULT, Duration.ZERO);

    private final CronExpression cron;
    private final ZoneId zone;
    private final Duration delay;

    private Schedule(CronExpression cron, ZoneId zone, Duration delay) {
        this.cron = cron;
        this.zone = zone;
        this.delay = delay;
    }

    private Schedule(Builder b) {
        this(b.cron, b.zone, b.delay);
    }

    /** {@return a schedule that never fires by itself; run the job with {@link CronScheduler#runNow(String)}} */
    public static Schedule onDemand() {
        return ON_DEMAND;
    }

    /**
     * {@return a cron schedule in UTC without delay}
     *
     * @param expression a cron expression, see {@link CronExpression}
     * @throws FerryConfigException if the expression is invalid
     */
    public static Schedule cron(String expression) {
        return builder().cron(expression).build();
    }

    /** {@return a new builder: on demand, UTC, no delay until set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this schedule's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cron = cron;
        b.zone = zone;
        b.delay = delay;
        return b;
    }

    /** {@return the cron expression; empty for an on-demand schedule} */
    public Optional<CronExpression> cron() {
        return Optional.ofNullable(cron);
    }

    /** {@return whether the schedule never fires by itself} */
    public boolean isOnDemand() {
        return cron == null;
    }

    /** {@return the zone the cron expression is evaluated in; UTC by default} */
    public ZoneId zone() {
        return zone;
    }

    /** {@return the delay added to every cron time; zero by default} */
    public Duration delay() {
        return delay;
    }

    /**
     * {@return the first fire time strictly after {@code after}: a cron time plus the delay, in the
     * schedule's zone; empty for an on-demand schedule}
     *
     * @param after the reference instant, not null
     */
    public Optional<ZonedDateTime> nextRun(Instant after) {
        FerryConfigException.requireNonNull(after, "after");
        if (cron == null) {
            return Optional.empty();
        }
        ZonedDateTime cronTime = cron.next(after.minus(delay).atZone(zone));
        return Optional.of(cronTime.plus(delay));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Schedule s)) {
            return false;
        }
        return Objects.equals(cron, s.cron) && zone.equals(s.zone) && delay.equals(s.delay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cron, zone, delay);
    }

    /** For example {@code 10 0 * * * Asia/Tokyo delay PT5M}, or {@code on demand}. */
    @Override
    public String toString() {
        return cron == null ? "on demand" : cron + " " + zone + (delay.isZero() ? "" : " delay " + delay);
    }

    /** Builds a {@link Schedule}. Not thread-safe. */
    public static final class Builder {
        private CronExpression cron;
        private ZoneId zone = CronZones.DEFAULT;
        private Duration delay = Duration.ZERO;

        private Builder() {
        }

        /**
         * The cron expression.
         *
         * @param expression the cron expression
         * @return this builder
         * @throws FerryConfigException if it is invalid (option {@code cron})
         */
        public Builder cron(String expression) {
            this.cron = CronExpression.parse(FerryConfigException.requireNonNull(expression, "expression"));
            return this;
        }

        /**
         * The cron expression, already parsed.
         *
         * @param expression the cron expression, already parsed
         * @return this builder
         */
        public Builder cron(CronExpression expression) {
            this.cron = FerryConfigException.requireNonNull(expression, "expression");
            return this;
        }

        /**
         * Makes the schedule on demand: clears the cron expression.
         *
         * @return this builder
         */
        public Builder onDemand() {
            this.cron = null;
            return this;
        }

        /**
         * The time zone, an IANA id such as {@code Asia/Tokyo}; default UTC.
         *
         * @param zoneId the time zone, an IANA id such as {@code Asia/Tokyo}
         * @return this builder
         * @throws FerryConfigException for abbreviations such as {@code PST} (option {@code zone})
         */
        public Builder zone(String zoneId) {
            this.zone = CronZones.parse(zoneId);
            return this;
        }

        /**
         * The time zone; must be an IANA region or UTC, see {@link CronZones#check(ZoneId)}.
         *
         * @param zoneId the time zone
         * @return this builder
         * @throws FerryConfigException otherwise (option {@code zone})
         */
        public Builder zone(ZoneId zoneId) {
            this.zone = CronZones.check(zoneId);
            return this;
        }

        /**
         * The delay added to each cron time; default zero.
         *
         * @param delay the delay added to each cron time
         * @return this builder
         * @throws FerryConfigException if negative (option {@code delay})
         */
        public Builder delay(Duration delay) {
            FerryConfigException.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new FerryConfigException("delay", "delay must be zero or positive, was " + delay);
            }
            this.delay = delay;
            return this;
        }

        /** {@return the schedule} */
        public Schedule build() {
            if (cron == null && delay.isZero() && zone.equals(CronZones.DEFAULT)) {
                return ON_DEMAND;
            }
            return new Schedule(this);
        }
    }
}
