package io.ferry.formats.guess.internal;

import io.ferry.core.record.ColumnType;
import io.ferry.formats.guess.ColumnGuess;
import io.ferry.formats.read.ColumnConfig;
import io.ferry.formats.text.internal.BadValueException;
import io.ferry.formats.text.internal.TimestampParser;
import io.ferry.formats.text.internal.ValueConverter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Infers a column's type from sample values, trying long, double, boolean, timestamp and JSON in
 * turn and falling back to string; each type tried and rejected is reported with the first value
 * that ruled it out. Integers with leading zeros ({@code 007}, zip codes) stay strings; integers in
 * a column named like a time ({@code time}, {@code created_at}, {@code updatedTime}) that fall in
 * the epoch seconds or milliseconds range of 2000-2100 become timestamps ({@code %s}, {@code %Q});
 * 8- and 14-digit dates ({@code 20150127}) become {@code %Y%m%d} timestamps by the rules of
 * {@link TimestampFormatGuess#digitsFormat}; ISO-8601 date-times ({@code T} or space, any fraction
 * or none, {@code Z}, an offset or none) get no format, so every ISO-8601 form reads later, also
 * {@code Instant.toString()}'s, which drops a zero fraction; other date and time text gets the
 * format its shape implies, if that format reads every value.
 */
public final class TypeGuess {
    private static final Pattern LONG = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9]+");
    private static final Pattern DOUBLE = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?"
                    + " ?([Zz]|[-+][0-9]{2}(:?[0-9]{2})?)?");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "on", "off");
    private static final TimestampParser ISO = TimestampParser.of(null, ZoneOffset.UTC);
    private static final long SECONDS_2000 = 946_684_800L;
    private static final long SECONDS_2100 = 4_102_444_800L;

    private TypeGuess() {
    }

    /** A column's config and the report of how it was chosen. */
    public record Typed(ColumnConfig config, ColumnGuess report) {
    }

    /** The column config for {@code name} given its non-null sample values (none: string). */
    public static ColumnConfig guess(String name, List<String> values) {
        return explain(name, values).config();
    }

    /** The column config for {@code name} given its non-null sample values, with the types rejected. */
    public static Typed explain(String name, List<String> values) {
        ColumnGuess.Builder report = ColumnGuess.builder().name(name).values(values.size());
        if (values.isEmpty()) {
            return typed(ColumnConfig.of(name, ColumnType.STRING), report);
        }
        String notLong = first(values, v -> !LONG.matcher(v).matches() || !fitsLong(v));
        if (notLong == null) {
            return integers(name, values, report);
        }
        boolean leadingZero = LEADING_ZERO.matcher(notLong).matches();
        String reason = leadingZero ? "a leading zero: codes and zip codes stay text"
                : LONG.matcher(notLong).matches() ? "too large for a long" : "not an integer";
        report.reject("long", notLong, reason);
        String zero = leadingZero ? notLong : first(values, v -> LEADING_ZERO.matcher(v).matches());
        if (zero != null) {
            report.reject("double", zero, "a leading zero: codes and zip codes stay text");
            return typed(ColumnConfig.of(name, ColumnType.STRING), report);
        }
        String notDouble = first(values, v -> !DOUBLE.matcher(v).matches());
        if (notDouble == null) {
            return typed(ColumnConfig.of(name, ColumnType.DOUBLE), report);
        }
        report.reject("double", notDouble, "not a number");
        String notBoolean = first(values, v -> !BOOLEANS.contains(v.toLowerCase(Locale.ROOT)));
        if (notBoolean == null) {
            return typed(ColumnConfig.of(name, ColumnType.BOOLEAN), report);
        }
        report.reject("boolean", notBoolean, "not true/false, yes/no or on/off");
        if (ISO_DATE_TIME.matcher(values.get(0)).matches()) {
            String notIso = first(values, v -> !ISO_DATE_TIME.matcher(v).matches() || !parses(ISO, v));
            if (notIso == null) {
                return typed(ColumnConfig.of(name, ColumnType.TIMESTAMP), report);
            }
            report.reject("timestamp", notIso, "not an ISO-8601 date-time like the values before it");
        } else {
            List<String> formats = TimestampFormatGuess.candidates(values.get(0));
            String format = TimestampFormatGuess.format(values);
            if (format != null) {
                return typed(ColumnConfig.timestamp(name, format), report);
            }
            if (formats.isEmpty()) {
                report.reject("timestamp", values.get(0), "not shaped like a date or a time");
            } else {
                report.reject("timestamp '" + formats.get(0) + "'",
                        TimestampFormatGuess.firstUnreadable(formats.get(0), values), "does not read with that format");
            }
        }
        String notJson = first(values, v -> !isJsonStructure(v));
        if (notJson == null) {
            return typed(ColumnConfig.of(name, ColumnType.JSON), report);
        }
        report.reject("json", notJson, "not a JSON object or array");
        return typed(ColumnConfig.of(name, ColumnType.STRING), report);
    }

    /** A column whose values are all longs: epoch or digit-date timestamps, else long. */
    private static Typed integers(String name, List<String> values, ColumnGuess.Builder report) {
        if (timeLikeName(name)) {
            if (all(values, v -> inRange(v, SECONDS_2000, SECONDS_2100))) {
                return typed(ColumnConfig.timestamp(name, TimestampParser.EPOCH_SECONDS), report);
            }
            if (all(values, v -> inRange(v, SECONDS_2000 * 1000, SECONDS_2100 * 1000))) {
                return typed(ColumnConfig.timestamp(name, TimestampParser.EPOCH_MILLIS), report);
            }
        }
        String[] why = new String[2];
        String digits = TimestampFormatGuess.digitsFormat(name, values, why);
        if (digits != null) {
            return typed(ColumnConfig.timestamp(name, digits), report);
        }
        if (why[0] != null) {
            report.reject("timestamp '" + (values.get(0).length() == 8 ? "%Y%m%d" : "%Y%m%d%H%M%S") + "'",
                    why[1], why[0]);
        } else if (timeLikeName(name)) {
            String out = first(values, v -> !inRange(v, SECONDS_2000, SECONDS_2100));
            report.reject("timestamp '%s'", out, "outside the epoch seconds and milliseconds of 2000-2100");
        }
        return typed(ColumnConfig.of(name, ColumnType.LONG), report);
    }

    private static Typed typed(ColumnConfig config, ColumnGuess.Builder report) {
        String chosen = ColumnConfig.typeName(config.type()) + config.format().map(f -> " '" + f + "'").orElse("");
        return new Typed(config, report.chosen(chosen).build());
    }

    /** Whether {@code name} reads like a time column. */
    static boolean timeLikeName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("time") || n.equals("timestamp") || n.equals("ts") || n.equals("epoch")
                || n.endsWith("_at") || n.endsWith("_time") || n.endsWith("_ts") || n.endsWith("_timestamp")
                || n.endsWith("_epoch") || n.endsWith("-at") || n.endsWith("-time")
                || name.endsWith("At") || name.endsWith("Time") || name.endsWith("Timestamp");
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

    private static boolean all(List<String> values, Predicate<String> p) {
        return first(values, p.negate()) == null;
    }

    /** The first value that {@code p} accepts, or null. */
    private static String first(List<String> values, Predicate<String> p) {
        for (String v : values) {
            if (p.test(v)) {
                return v;
            }
        }
        return null;
    }
}
