package io.ferry.formats.text.internal;

import io.ferry.core.FerryConfigException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Parses timestamp text with a strftime-style format ({@code %Y-%m-%d %H:%M:%S}; {@code %s} epoch
 * seconds, {@code %Q} epoch milliseconds), a java.time pattern, or, without a format, ISO-8601
 * forms. Text without an offset or zone is read in the given zone. Immutable and thread-safe.
 */
public final class TimestampParser {
    /** The strftime format of epoch seconds. */
    public static final String EPOCH_SECONDS = "%s";
    /** The strftime format of epoch milliseconds. */
    public static final String EPOCH_MILLIS = "%Q";

    private static final DateTimeFormatter ISO_FLEXIBLE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
            .optionalStart().appendZoneRegionId().optionalEnd()
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Marks the ISO-8601 parser, whose fast path takes {@code T} or a space, with or without {@code Z}. */
    private static final char ISO_SEPARATOR = '*';

    private final String format;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;
    private final ZoneOffset fixedOffset;
    private final char dateTimeSeparator;

    private TimestampParser(String format, DateTimeFormatter formatter, ZoneId zone) {
        this.format = format;
        this.formatter = formatter;
        this.zone = zone;
        ZoneId normalized = zone.normalized();
        this.fixedOffset = normalized instanceof ZoneOffset offset ? offset : null;
        this.dateTimeSeparator = "%Y-%m-%d %H:%M:%S".equals(format) ? ' '
                : "%Y-%m-%dT%H:%M:%S".equals(format) ? 'T' : format == null ? ISO_SEPARATOR : 0;
    }

    /**
     * A parser of {@code format} (null for ISO-8601 forms) reading zone-less text in {@code zone}.
     *
     * @throws FerryConfigException if the format is invalid
     */
    public static TimestampParser of(String format, ZoneId zone) {
        if (format == null) {
            return new TimestampParser(null, ISO_FLEXIBLE, zone);
        }
        if (format.equals(EPOCH_SECONDS) || format.equals(EPOCH_MILLIS)) {
            return new TimestampParser(format, null, zone);
        }
        return new TimestampParser(format, compile(null, format), zone);
    }

    /**
     * Checks that {@code format} is a usable format for {@code column}.
     *
     * @throws FerryConfigException naming the column and the problem otherwise
     */
    public static void validate(String column, String format) {
        if (!format.equals(EPOCH_SECONDS) && !format.equals(EPOCH_MILLIS)) {
            compile(column, format);
        }
    }

    private static DateTimeFormatter compile(String column, String format) {
        try {
            if (format.indexOf('%') >= 0) {
                return Strftime.toFormatter(format);
            }
            return DateTimeFormatter.ofPattern(format, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw new FerryConfigException("columns.format", "timestamp format '" + format + "'"
                    + (column == null ? "" : " of column '" + column + "'") + " is invalid: " + e.getMessage()
                    + "; use strftime directives such as %Y-%m-%d %H:%M:%S or a java.time pattern such as"
                    + " yyyy-MM-dd HH:mm:ss", e);
        }
    }

    /** The format, or null for ISO-8601 forms. */
    public String format() {
        return format;
    }

    /**
     * Parses {@code text}.
     *
     * @throws BadValueException saying what was expected if the text does not fit the format
     */
    public Instant parse(String text) {
        try {
            if (formatter == null) {
                return parseEpoch(text);
            }
            if (dateTimeSeparator != 0 && text.length() == 19) {
                Instant fast = parseFixed(text, fixedOffset, zone);
                if (fast != null) {
                    return fast;
                }
            }
            if (dateTimeSeparator == ISO_SEPARATOR && text.length() == 20 && text.charAt(19) == 'Z') {
                Instant fast = parseFixed(text, ZoneOffset.UTC, ZoneOffset.UTC);
                if (fast != null) {
                    return fast;
                }
            }
            TemporalAccessor t = formatter.parse(text);
            if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
                return Instant.from(t);
            }
            LocalDate date = t.query(TemporalQueries.localDate());
            if (date == null) {
                throw new BadValueException("'" + text + "' has no date; expected " + describe());
            }
            LocalTime time = t.query(TemporalQueries.localTime());
            ZoneId z = t.query(TemporalQueries.zone());
            return date.atTime(time == null ? LocalTime.MIDNIGHT : time).atZone(z == null ? zone : z).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new BadValueException("'" + text + "' is not a timestamp of the form " + describe());
        }
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss} (the first 19 characters of {@code s}) without a formatter (the
     * common case), read at {@code offset} (null: in {@code zone}); null to let the formatter decide.
     */
    private Instant parseFixed(String s, ZoneOffset offset, ZoneId zone) {
        char separator = s.charAt(10);
        boolean separatorFits = dateTimeSeparator == ISO_SEPARATOR
                ? separator == 'T' || separator == ' ' : separator == dateTimeSeparator;
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || !separatorFits || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
        return offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant();
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private Instant parseEpoch(String text) {
        try {
            BigDecimal v = new BigDecimal(text);
            if (format.equals(EPOCH_MILLIS)) {
                v = v.movePointLeft(3);
            }
            long seconds = v.longValue();
            int nanos = v.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (NumberFormatException e) {
            throw new BadValueException("'" + text + "' is not " + describe());
        }
    }

    private String describe() {
        if (format == null) {
            return "ISO-8601 (2015-03-31 06:12:37, 2015-03-31T06:12:37Z, 2015-03-31)";
        }
        if (format.equals(EPOCH_SECONDS)) {
            return "epoch seconds (%s)";
        }
        if (format.equals(EPOCH_MILLIS)) {
            return "epoch milliseconds (%Q)";
        }
        return "'" + format + "'";
    }

    /** Converts strftime directives to a {@link DateTimeFormatter}. */
    static final class Strftime {
        private Strftime() {
        }

        static DateTimeFormatter toFormatter(String format) {
            DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
            append(b, format);
            // STRICT: February 30 is an error, never silently moved to another day
            return b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        }

        private static void append(DateTimeFormatterBuilder b, String format) {
            int i = 0;
            while (i < format.length()) {
                char c = format.charAt(i++);
                if (c != '%') {
                    b.appendLiteral(c);
                    continue;
                }
                if (i >= format.length()) {
                    throw new IllegalArgumentException("the format ends with a lone %");
                }
                boolean unpadded = false;
                char d = format.charAt(i++);
                if (d == '-' && i < format.length()) {
                    unpadded = true;
                    d = format.charAt(i++);
                }
                int digits = 0;
                while (Character.isDigit(d) && i < format.length()) {
                    digits = digits * 10 + (d - '0');
                    d = format.charAt(i++);
                }
                directive(b, d, unpadded, digits);
            }
        }

        private static void number(DateTimeFormatterBuilder b, ChronoField f, int width, boolean unpadded) {
            if (unpadded) {
                b.appendValue(f, 1, width, SignStyle.NOT_NEGATIVE);
            } else {
                b.appendValue(f, width);
            }
        }

        /** A 1- or 2-digit value that may be padded with a leading space ({@code %e}, {@code %k}, {@code %l}). */
        private static void spacePadded(DateTimeFormatterBuilder b, ChronoField f) {
            b.padNext(2).appendValue(f, 1, 2, SignStyle.NOT_NEGATIVE);
        }

        private static void directive(DateTimeFormatterBuilder b, char d, boolean unpadded, int digits) {
            switch (d) {
                case 'Y' -> b.appendValue(ChronoField.YEAR, 4, 9, SignStyle.NORMAL);
                case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
                case 'm' -> number(b, ChronoField.MONTH_OF_YEAR, 2, unpadded);
                case 'd' -> number(b, ChronoField.DAY_OF_MONTH, 2, unpadded);
                case 'e' -> spacePadded(b, ChronoField.DAY_OF_MONTH);
                case 'j' -> number(b, ChronoField.DAY_OF_YEAR, 3, unpadded);
                case 'H' -> number(b, ChronoField.HOUR_OF_DAY, 2, unpadded);
                case 'k' -> spacePadded(b, ChronoField.HOUR_OF_DAY);
                case 'I' -> number(b, ChronoField.CLOCK_HOUR_OF_AMPM, 2, unpadded);
                case 'l' -> spacePadded(b, ChronoField.CLOCK_HOUR_OF_AMPM);
                case 'M' -> number(b, ChronoField.MINUTE_OF_HOUR, 2, unpadded);
                case 'S' -> number(b, ChronoField.SECOND_OF_MINUTE, 2, unpadded);
                case 'L' -> b.appendFraction(ChronoField.NANO_OF_SECOND, 3, 3, false);
                case 'N' -> b.appendFraction(ChronoField.NANO_OF_SECOND, digits > 0 ? Math.min(digits, 9) : 1,
                        digits > 0 ? Math.min(digits, 9) : 9, false);
                case 'p', 'P' -> b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
                case 'b', 'h' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
                case 'B' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
                case 'a' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.SHORT);
                case 'A' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.FULL);
                case 'z' -> b.optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
                        .optionalStart().appendOffset("+HHMM", "Z").optionalEnd();
                case 'Z' -> b.optionalStart().appendZoneRegionId().optionalEnd()
                        .optionalStart().appendZoneText(TextStyle.SHORT).optionalEnd();
                case 'T' -> append(b, "%H:%M:%S");
                case 'F' -> append(b, "%Y-%m-%d");
                case 'D' -> append(b, "%m/%d/%y");
                case 'R' -> append(b, "%H:%M");
                case '%' -> b.appendLiteral('%');
                case 's', 'Q' -> throw new IllegalArgumentException("%" + d + " (epoch) must be the whole format");
                default -> throw new IllegalArgumentException("unsupported directive %" + d);
            }
        }
    }
}
