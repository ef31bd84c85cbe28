package io.ferry.core.cron.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns matching local times into instants under a zone's rules, with Vixie cron's daylight
 * saving rule. Pure and thread-safe.
 *
 * <p>Fixed-hour expressions (hour field not starting with {@code *}) map every matching local
 * time to exactly one instant: a local time in a gap fires at the end of the gap (the transition
 * instant), a local time in an overlap fires at its first occurrence. This mapping is
 * non-decreasing in local time, so a search walks local candidates and drops those that do not
 * land after (or before) the reference instant.
 *
 * <p>Hour-wildcard expressions follow real time: an instant fires when its local wall time
 * matches. Between two transitions local time is a shifted copy of the instant line, so the
 * search runs segment by segment.
 */
public final class ZonedCronSearch {
    private ZonedCronSearch() {
    }

    /** The first fire instant strictly after {@code after}. */
    public static Instant next(CronFields f, ZoneRules rules, Instant after) {
        if (rules.isFixedOffset()) {
            ZoneOffset offset = rules.getOffset(after);
            return LocalCronSearch.next(f, local(after, offset)).toInstant(offset);
        }
        return f.hourStar() ? nextRealTime(f, rules, after) : nextFixedHour(f, rules, after);
    }

    /** The last fire instant strictly before {@code before}. */
    public static Instant previous(CronFields f, ZoneRules rules, Instant before) {
        if (rules.isFixedOffset()) {
            ZoneOffset offset = rules.getOffset(before);
            return LocalCronSearch.previous(f, local(before, offset)).toInstant(offset);
        }
        return f.hourStar() ? previousRealTime(f, rules, before) : previousFixedHour(f, rules, before);
    }

    private static Instant nextFixedHour(CronFields f, ZoneRules rules, Instant after) {
        ZoneOffset offset = rules.getOffset(after);
        LocalDateTime from = local(after, offset);
        List<ZoneOffset> valid = rules.getValidOffsets(from);
        if (valid.size() == 2 && offset.equals(valid.get(1))) {
            // second pass of an overlap: every local time of the overlap already fired in the first pass
            from = rules.getTransition(from).getDateTimeBefore().minusNanos(1);
        }
        while (true) {
            LocalDateTime candidate = LocalCronSearch.next(f, from);
            Instant fire = fixedHourInstant(rules, candidate);
            if (fire.isAfter(after)) {
                return fire;
            }
            from = candidate;
        }
    }

    private static Instant previousFixedHour(CronFields f, ZoneRules rules, Instant before) {
        ZoneOffset offset = rules.getOffset(before);
        LocalDateTime from = local(before, offset);
        List<ZoneOffset> valid = rules.getValidOffsets(from);
        if (valid.size() == 2 && offset.equals(valid.get(1))) {
            // second pass of an overlap: the whole overlap's first pass lies before this instant
            from = rules.getTransition(from).getDateTimeBefore();
        }
        while (true) {
            LocalDateTime candidate = LocalCronSearch.previous(f, from);
            Instant fire = fixedHourInstant(rules, candidate);
            if (fire.isBefore(before)) {
                return fire;
            }
            ZoneOffsetTransition gap = rules.getTransition(candidate);
            // a gap's local times all fire at its end; skip the rest of the gap at once
            from = gap != null && gap.isGap() ? gap.getDateTimeBefore() : candidate;
        }
    }

    /** Where a fixed-hour job fires for a local time: gap -> end of the gap, overlap -> first occurrence. */
    private static Instant fixedHourInstant(ZoneRules rules, LocalDateTime local) {
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(valid.get(0));
    }

    private static Instant nextRealTime(CronFields f, ZoneRules rules, Instant after) {
        Instant cursor = after;
        while (true) {
            ZoneOffset offset = rules.getOffset(cursor);
            ZoneOffsetTransition transition = rules.nextTransition(cursor);
            Instant fire = LocalCronSearch.next(f, local(cursor, offset)).toInstant(offset);
            if (transition == null || fire.isBefore(transition.getInstant())) {
                return fire;
            }
            if (LocalCronSearch.matches(f, transition.getDateTimeAfter())) {
                return transition.getInstant();
            }
            cursor = transition.getInstant();
        }
    }

    private static Instant previousRealTime(CronFields f, ZoneRules rules, Instant before) {
        Instant cursor = before;
        while (true) {
            ZoneOffset offset = rules.getOffset(cursor.minusNanos(1));
            ZoneOffsetTransition transition = rules.previousTransition(cursor);
            Instant fire = LocalCronSearch.previous(f, local(cursor, offset)).toInstant(offset);
            if (transition == null || !fire.isBefore(transition.getInstant())) {
                return fire;
            }
            cursor = transition.getInstant();
        }
    }

    private static LocalDateTime local(Instant instant, ZoneOffset offset) {
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offset);
    }
}
