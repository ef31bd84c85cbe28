package io.ferry.core.cron;

import io.ferry.core.FerryConfigException;
import io.ferry.core.cron.internal.CronFields;
import io.ferry.core.cron.internal.CronParser;
import io.ferry.core.cron.internal.ZonedCronSearch;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) with the
 * semantics of Vixie cron, as used by Treasure Data schedules. Immutable and thread-safe.
 *
 * <ul>
 *   <li>Fields: minute 0-59, hour 0-23, day of month 1-31, month 1-12 or {@code jan..dec},
 *       day of week 0-6 or {@code sun..sat} (Sunday = 0, 7 is also Sunday); names in any case.</li>
 *   <li>Each field is {@code *}, a value, a range {@code 2-5}, a step <code>&#42;/5</code> or
 *       {@code 10-40/5}, or a comma list of these such as <code>2,&#42;/5,8-10</code>; a bare
 *       {@code *} cannot be part of a list. A step counts from the start of its range:
 *       <code>&#42;/10</code> in the day of month is 1, 11, 21, 31.</li>
 *   <li>Macros: {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly},
 *       {@code @yearly} and {@code @annually}.</li>
 *   <li>Days: when the day-of-month or the day-of-week field begins with {@code *} both must
 *       match; when both are restricted a day matches if either does.</li>
 *   <li>Daylight saving: when the hour field does not begin with {@code *}, each matching local
 *       time fires once: a local time skipped by a spring-forward gap fires at the first instant
 *       after the gap, a local time repeated by a fall-back overlap fires at its first occurrence.
 *       When the hour field begins with {@code *}, the expression follows real time: no fire for
 *       local times that do not exist, a fire at both instants of a repeated local time.</li>
 * </ul>
 *
 * <pre>{@code
 * CronExpression cron = CronExpression.parse("10 0 * * *");
 * ZonedDateTime next = cron.next(ZonedDateTime.now(ZoneId.of("Asia/Tokyo")));
 * }</pre>
 *
 * <p>Searches jump from field to field, so even a rare expression such as {@code 0 0 29 2 *}
 * answers in microseconds. Expressions that can never fire (such as {@code 0 0 30 2 *}) are
 * rejected by {@link #parse(String)}, so {@link #next} and {@link #previous} always return a time.
 */
public final class CronExpression {
    private final String expression;
    private final CronFields fields;

    private CronExpression(String expression, CronFields fields) {
        this.expression = expression;
        this.fields = fields;
    }

    /**
     * Parses an expression.
     *
     * @param expression five fields separated by white space, or a macro; not null
     * @return the expression
     * @throws FerryConfigException for option {@code cron}, naming the field, the offending token
     *         and its position, e.g. {@code minute: 61 is outside 0-59 (field 1, "61")}
     */
    public static CronExpression parse(String expression) {
        FerryConfigException.requireNonNull(expression, "expression");
        return new CronExpression(expression.trim(), CronParser.parse(expression));
    }

    /**
     * Parses an expression, or returns empty when it is not valid.
     *
     * @param expression the text to parse; null gives empty
     * @return the expression, or empty if the text is null or not a valid expression
     */
    public static Optional<CronExpression> tryParse(String expression) {
        if (expression == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(expression));
        } catch (FerryConfigException e) {
            return Optional.empty();
        }
    }

    /**
     * The first fire time strictly after {@code after}, in the zone of {@code after}.
     *
     * @param after the reference time, not null; its zone decides local times and daylight saving
     * @return the next fire time, never null
     */
    public ZonedDateTime next(ZonedDateTime after) {
        FerryConfigException.requireNonNull(after, "after");
        Instant fire = ZonedCronSearch.next(fields, after.getZone().getRules(), after.toInstant());
        return ZonedDateTime.ofInstant(fire, after.getZone());
    }

    /**
     * The last fire time strictly before {@code before}, in the zone of {@code before}. Consistent
     * with {@link #next}: {@code next(previous(t))} is the first fire time at or after {@code t}.
     *
     * @param before the reference time, not null
     * @return the previous fire time, never null
     */
    public ZonedDateTime previous(ZonedDateTime before) {
        FerryConfigException.requireNonNull(before, "before");
        Instant fire = ZonedCronSearch.previous(fields, before.getZone().getRules(), before.toInstant());
        return ZonedDateTime.ofInstant(fire, before.getZone());
    }

    /**
     * {@return the fire times strictly after {@code after}, in order: an infinite, lazy stream; limit it}
     *
     * <pre>{@code
     * List<ZonedDateTime> five = cron.nextTimes(now).limit(5).collect(Collectors.toList());
     * }</pre>
     *
     * @param after the reference time, not null
     */
    public Stream<ZonedDateTime> nextTimes(ZonedDateTime after) {
        return Stream.iterate(next(after), this::next);
    }

    /**
     * {@return whether the hour field begins with {@code *}, so the expression follows real time across
     * daylight saving changes instead of firing once per local time}
     */
    public boolean followsRealTime() {
        return fields.hourStar();
    }

    /** {@return the expression as written (trimmed)} */
    public String expression() {
        return expression;
    }

    /**
     * Two expressions are equal when they parse to the same fields and wildcard flags
     * ({@code @daily} equals {@code 0 0 * * *}).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression other && other.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** The expression as written. */
    @Override
    public String toString() {
        return expression;
    }
}
