package io.ferry.core.template.internal;

import io.ferry.core.FerryConfigException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A partition time format such as {@code %Y%m%d-%H}: the codes {@code %Y} (year, at least four
 * digits), {@code %m} (month 01-12), {@code %d} (day 01-31), {@code %H} (hour 00-23) and
 * {@code %i} (minute 00-59), with any other text copied as is. Immutable. Internal.
 */
public final class TimeFormat {
    /** The codes, for error messages. */
    public static final String SUPPORTED = "%Y (year), %m (month), %d (day), %H (hour), %i (minute)";

    private final String pattern;
    private final List<Object> parts;

    private TimeFormat(String pattern, List<Object> parts) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses a format.
     *
     * @param pattern     the format, without its quotes
     * @param placeholder the whole placeholder, for messages
     * @param option      the option errors name, e.g. {@code path}
     * @throws FerryConfigException (for {@code option}) for a {@code %} code that is not supported
     */
    public static TimeFormat parse(String pattern, String placeholder, String option) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i + 1 == pattern.length()) {
                throw new FerryConfigException(option, "time format '" + pattern + "' in placeholder "
                        + placeholder + " ends with a lone '%'; supported codes are " + SUPPORTED);
            }
            char code = pattern.charAt(++i);
            if ("YmdHi".indexOf(code) < 0) {
                throw new FerryConfigException(option, "unsupported time code '%" + code + "' in placeholder "
                        + placeholder + "; supported codes are " + SUPPORTED);
            }
            if (literal.length() > 0) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(code);
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return new TimeFormat(pattern, parts);
    }

    /** The format as written. */
    public String pattern() {
        return pattern;
    }

    /** Formats a date-time (already in the partition zone). */
    public String format(ZonedDateTime time) {
        StringBuilder sb = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String text) {
                sb.append(text);
                continue;
            }
            switch ((Character) part) {
                case 'Y':
                    int year = time.getYear();
                    sb.append(String.format(Locale.ROOT, year < 0 ? "-%04d" : "%04d", Math.abs(year)));
                    break;
                case 'm':
                    pad2(sb, time.getMonthValue());
                    break;
                case 'd':
                    pad2(sb, time.getDayOfMonth());
                    break;
                case 'H':
                    pad2(sb, time.getHour());
                    break;
                default:
                    pad2(sb, time.getMinute());
                    break;
            }
        }
        return sb.toString();
    }

    private static void pad2(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        sb.append(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeFormat other && other.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
