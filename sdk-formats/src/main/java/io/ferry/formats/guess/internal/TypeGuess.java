package io.ferry.formats.guess.internal;

import io.ferry.core.record.ColumnType;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.text.internal.BadValueException;
import io.ferry.formats.text.internal.TimestampParser;
import io.ferry.formats.text.internal.ValueConverter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Infers a column's type from sample values. Integers with leading zeros ({@code 007}, zip
 * codes) stay strings; integers in a column named like a time ({@code time}, {@code created_at},
 * {@code updatedTime}) that fall in the epoch seconds or milliseconds range of 2000-2100 become
 * timestamps ({@code %s}, {@code %Q}); ISO-8601 date-times ({@code T} or space, any fraction or
 * none, {@code Z}, an offset or none) get no format, so every ISO-8601 form reads later, also
 * {@code Instant.toString()}'s, which drops a zero fraction; other text timestamps get the first
 * format that reads them all.
 */
public final class TypeGuess {
    private static final Pattern LONG = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9]+");
    private static final Pattern DOUBLE = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?"
                    + " ?([Zz]|[-+][0-9]{2}(:?[0-9]{2})?)?");
    private static final TimestampParser ISO = TimestampParser.of(null, ZoneOffset.UTC);
    private static final long SECONDS_2000 = 946_684_800L;
    private static final long SECONDS_2100 = 4_102_444_800L;

    /** Candidate formats of timestamps that are not ISO-8601 date-times, most specific first. */
    static final List<String> TIMESTAMP_FORMATS = List.of(
            "%Y-%m-%d %H:%M:%S %Z",
            "%Y/%m/%d %H:%M:%S",
            "%Y/%m/%d %H:%M:%S %z",
            "%d/%b/%Y:%H:%M:%S %z",
            "%Y-%m-%d",
            "%Y/%m/%d");

    private TypeGuess() {
    }

    /** The column config for {@code name} given its non-null sample values (none: string). */
    public static ColumnConfig guess(String name, List<String> values) {
        if (values.isEmpty()) {
            return ColumnConfig.of(name, ColumnType.STRING);
        }
        if (all(values, v -> LONG.matcher(v).matches() && fitsLong(v))) {
            String epoch = epochFormat(name, values);
            return epoch != null ? ColumnConfig.timestamp(name, epoch) : ColumnConfig.of(name, ColumnType.LONG);
        }
        if (values.stream().anyMatch(v -> LEADING_ZERO.matcher(v).matches())) {
            return ColumnConfig.of(name, ColumnType.STRING);
        }
        if (all(values, v -> DOUBLE.matcher(v).matches())) {
            return ColumnConfig.of(name, ColumnType.DOUBLE);
        }
        if (all(values, v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
            return ColumnConfig.of(name, ColumnType.BOOLEAN);
        }
        if (all(values, v -> ISO_DATE_TIME.matcher(v).matches() && parses(ISO, v))) {
            return ColumnConfig.of(name, ColumnType.TIMESTAMP);
        }
        String format = timestampFormat(values);
        if (format != null) {
            return ColumnConfig.timestamp(name, format);
        }
        if (all(values, TypeGuess::isJsonStructure)) {
            return ColumnConfig.of(name, ColumnType.JSON);
        }
        return ColumnConfig.of(name, ColumnType.STRING);
    }

    /** Whether {@code name} reads like a time column. */
    static boolean timeLikeName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("time") || n.equals("timestamp") || n.equals("ts") || n.equals("epoch")
                || n.endsWith("_at") || n.endsWith("_time") || n.endsWith("_ts") || n.endsWith("_timestamp")
                || n.endsWith("_epoch") || n.endsWith("-at") || n.endsWith("-time")
                || name.endsWith("At") || name.endsWith("Time") || name.endsWith("Timestamp");
    }

    private static String epochFormat(String name, List<String> values) {
        if (!timeLikeName(name)) {
            return null;
        }
        if (all(values, v -> inRange(v, SECONDS_2000, SECONDS_2100))) {
            return TimestampParser.EPOCH_SECONDS;
        }
        if (all(values, v -> inRange(v, SECONDS_2000 * 1000, SECONDS_2100 * 1000))) {
            return TimestampParser.EPOCH_MILLIS;
        }
        return null;
    }

    private static boolean inRange(String v, long min, long max) {
        long x = Long.parseLong(v);
        return x >= min && x < max;
    }

    private static boolean fitsLong(String v) {
        try {
            Long.parseLong(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String timestampFormat(List<String> values) {
        // an empty string (a JSON "") is never a timestamp
        String first = values.get(0);
        if (first.isEmpty() || !Character.isDigit(first.charAt(0))) {
            return null;
        }
        for (String f : TIMESTAMP_FORMATS) {
            TimestampParser p = TimestampParser.of(f, ZoneOffset.UTC);
            if (all(values, v -> parses(p, v))) {
                return f;
            }
        }
        return null;
    }

    private static boolean parses(TimestampParser p, String v) {
        try {
            p.parse(v);
            return true;
        } catch (BadValueException e) {
            return false;
        }
    }

    private static boolean isJsonStructure(String v) {
        if (v.isEmpty() || (v.charAt(0) != '{' && v.charAt(0) != '[')) {
            return false;
        }
        try {
            ValueConverter.checkJson(v);
            return true;
        } catch (BadValueException e) {
            return false;
        }
    }

    private static boolean all(List<String> values, java.util.function.Predicate<String> p) {
        for (String v : values) {
            if (!p.test(v)) {
                return false;
            }
        }
        return true;
    }
}
