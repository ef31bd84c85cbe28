package io.ferry.formats.text.internal;

import io.ferry.core.FerryConfigException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns TIMESTAMP values into text with a {@link DateTimeFormatter} pattern in a zone. The
 * default, {@value #DEFAULT_PATTERN} in UTC, has a hand-written fast path (the JDK formatter
 * costs several hundred nanoseconds per value, more than the rest of a CSV row). Immutable.
 */
public final class TimestampText {
    /** The default pattern of Ferry's text formats: millisecond precision, no zone suffix. */
    public static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";
    /** The default zone: UTC. */
    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;

    private static final long SECONDS_PER_DAY = 86_400L;
    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468L;
    private static final int DAYS_PER_ERA = 146_097;
    /** The length of every text of the default pattern for years 1..9999: 23. */
    public static final int DEFAULT_LENGTH = 23;

    private static final TimestampText DEFAULTS = of(DEFAULT_PATTERN, DEFAULT_ZONE, "timestampPattern");

    private final String pattern;
    private final ZoneId zone;
    private final DateTimeFormatter formatter;
    private final boolean fast;

    private TimestampText(String pattern, ZoneId zone) {
        this.pattern = pattern;
        this.zone = zone;
        this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(zone);
        this.fast = pattern.equals(DEFAULT_PATTERN) && zone.normalized().equals(ZoneOffset.UTC);
    }

    /**
     * A formatter for {@code pattern} in {@code zone}.
     *
     * @param option the builder option to name in errors, e.g. {@code timestampPattern}
     * @throws FerryConfigException if the pattern is not a valid {@link DateTimeFormatter} pattern
     *                              or cannot format an instant (it asks for a field an instant
     *                              in a zone does not have)
     */
    public static TimestampText of(String pattern, ZoneId zone, String option) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(zone, "zone");
        try {
            TimestampText text = new TimestampText(pattern, zone);
            text.formatter.format(Instant.EPOCH);
            return text;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new FerryConfigException(option, "'" + pattern + "' is not a usable java.time.format."
                    + "DateTimeFormatter pattern: " + e.getMessage()
                    + "; use letters such as yyyy-MM-dd HH:mm:ss.SSS or yyyy-MM-dd'T'HH:mm:ss.SSSxxx", e);
        }
    }

    /** The default pattern in the default zone, as the text formats start with. */
    public static TimestampText defaults() {
        return DEFAULTS;
    }

    /**
     * This zone with another pattern, for a builder's {@code timestampPattern} option.
     *
     * @throws FerryConfigException naming {@code timestampPattern} if the pattern is not usable
     */
    public TimestampText withPattern(String pattern) {
        return of(pattern, zone, "timestampPattern");
    }

    /**
     * This pattern in another zone, for a builder's {@code timestampZone} option.
     *
     * @throws FerryConfigException naming {@code timestampZone} if the pattern cannot format in it
     */
    public TimestampText withZone(ZoneId zone) {
        return of(pattern, Objects.requireNonNull(zone, "zone"), "timestampZone");
    }

    /** The pattern. */
    public String pattern() {
        return pattern;
    }

    /** The zone the instant is shown in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Whether this is the default pattern in UTC: every text it makes (years 1..9999) is 23
     * characters of digits and {@code - :.} only.
     */
    public boolean isDefault() {
        return fast;
    }

    /** The text of {@code instant}. */
    public String format(Instant instant) {
        if (fast) {
            char[] c = new char[DEFAULT_LENGTH];
            if (formatDefault(instant, c)) {
                return new String(c);
            }
        }
        return formatter.format(instant);
    }

    /**
     * Writes the text of the default pattern in UTC into {@code c[0..23)} without java.time's
     * formatter, for writers that copy it on without a String in between; only digits and
     * {@code - :.}. Returns false, writing nothing, for years outside 1..9999 ({@code yyyy} is
     * the year of era: the formatter handles BC years and long years).
     *
     * @param c at least {@link #DEFAULT_LENGTH} chars
     */
    public static boolean formatDefault(Instant instant, char[] c) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);

        // Civil date from a day count (H. Hinnant's algorithm; eras of 400 years from 0000-03-01).
        long z = days + DAYS_0000_03_01_TO_EPOCH;
        long era = Math.floorDiv(z, DAYS_PER_ERA);
        int dayOfEra = (int) (z - era * DAYS_PER_ERA);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthIndex = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            return false;
        }

        int y = (int) year;
        c[0] = digit(y / 1000);
        c[1] = digit(y / 100 % 10);
        c[2] = digit(y / 10 % 10);
        c[3] = digit(y % 10);
        c[4] = '-';
        two(c, 5, month);
        c[7] = '-';
        two(c, 8, day);
        c[10] = ' ';
        two(c, 11, secondOfDay / 3600);
        c[13] = ':';
        two(c, 14, secondOfDay / 60 % 60);
        c[16] = ':';
        two(c, 17, secondOfDay % 60);
        c[19] = '.';
        int millis = instant.getNano() / 1_000_000;
        c[20] = digit(millis / 100);
        c[21] = digit(millis / 10 % 10);
        c[22] = digit(millis % 10);
        return true;
    }

    private static void two(char[] c, int at, int value) {
        c[at] = digit(value / 10);
        c[at + 1] = digit(value % 10);
    }

    private static char digit(int d) {
        return (char) ('0' + d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimestampText other && other.pattern.equals(pattern)
                && other.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode() * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return pattern + " in " + zone;
    }
}
