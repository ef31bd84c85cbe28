package io.ferry.core.cron.internal;

import io.ferry.core.FerryConfigException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the five-field cron syntax and the {@code @} macros into {@link CronFields}. Stateless
 * and thread-safe. Every error is a {@link FerryConfigException} for option {@code cron} that
 * names the field, the offending token and the field's position.
 */
public final class CronParser {
    /** The option name used in error messages. */
    public static final String OPTION = "cron";

    private static final Map<String, String> MACROS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *",
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");

    private static final List<String> MONTH_NAMES = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAY_NAMES = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    /** Longest length of each month in any year (February 29 exists in leap years). */
    private static final int[] MAX_MONTH_LENGTH = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private CronParser() {
    }

    /** The field kinds, in the order they appear in an expression. */
    private enum Field {
        MINUTE("minute", 0, 59, List.of()),
        HOUR("hour", 0, 23, List.of()),
        DAY_OF_MONTH("day of month", 1, 31, List.of()),
        MONTH("month", 1, 12, MONTH_NAMES),
        DAY_OF_WEEK("day of week", 0, 7, DAY_NAMES);

        final String label;
        final int min;
        final int max;
        final List<String> names;

        Field(String label, int min, int max, List<String> names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }

        /** The values {@code *} stands for: Sunday is 0 only, 7 is an accepted alias. */
        int starMax() {
            return this == DAY_OF_WEEK ? 6 : max;
        }

        int nameBase() {
            return this == MONTH ? 1 : 0;
        }
    }

    /**
     * Parses an expression.
     *
     * @param expression five fields separated by white space, or a macro such as {@code @daily}
     * @return the parsed fields
     * @throws FerryConfigException naming the field, token and position of the first error
     */
    public static CronFields parse(String expression) {
        String text = expression.trim();
        if (text.isEmpty()) {
            throw error("the cron expression is empty; write five fields such as \"0 0 * * *\" or a macro such as @daily");
        }
        if (text.startsWith("@")) {
            String fields = MACROS.get(text.toLowerCase(Locale.ROOT));
            if (fields == null) {
                throw error("unknown macro \"" + text + "\"; use @hourly, @daily, @weekly, @monthly, @yearly or @annually");
            }
            return parseFields(fields, expression);
        }
        return parseFields(text, expression);
    }

    private static CronFields parseFields(String text, String expression) {
        String[] parts = text.split("\\s+");
        if (parts.length != 5) {
            throw error("expected 5 fields (minute hour day-of-month month day-of-week) separated by spaces, found "
                    + parts.length + " in \"" + expression + "\"; seconds and years are not supported");
        }
        Field[] fields = Field.values();
        long[] bits = new long[5];
        for (int i = 0; i < 5; i++) {
            bits[i] = parseField(fields[i], i + 1, parts[i], expression);
        }
        long dow = bits[4];
        if ((dow >>> 7 & 1) != 0) {
            dow = (dow | 1) & 0x7f;
        }
        boolean domStar = parts[2].startsWith("*");
        boolean dowStar = parts[4].startsWith("*");
        if (!domStar && dowStar) {
            requireSomeDayExists(bits[2], bits[3], parts[2], parts[3], expression);
        }
        return new CronFields(bits[0], (int) bits[1], (int) bits[2], (int) bits[3], (int) dow,
                domStar, dowStar, parts[1].startsWith("*"));
    }

    /** With the day of week unrestricted, only the day of month decides: some month must have that day. */
    private static void requireSomeDayExists(long days, long months, String dayText, String monthText, String expression) {
        for (int m = 1; m <= 12; m++) {
            if ((months >>> m & 1) != 0 && Long.numberOfTrailingZeros(days) <= MAX_MONTH_LENGTH[m]) {
                return;
            }
        }
        throw error("day of month: no day in \"" + dayText + "\" exists in month \"" + monthText
                + "\" (fields 3 and 4) in \"" + expression + "\"; the expression would never fire");
    }

    private static long parseField(Field field, int position, String text, String expression) {
        String[] elements = text.split(",", -1);
        long bits = 0;
        for (String element : elements) {
            if (element.isEmpty()) {
                throw fieldError(field, "empty list element; separate values with single commas", position, text, expression);
            }
            if (element.equals("*") && elements.length > 1) {
                throw fieldError(field, "a bare * cannot be part of a list; write * alone", position, element, expression);
            }
            bits |= parseElement(field, position, element, expression);
        }
        return bits;
    }

    private static long parseElement(Field field, int position, String element, String expression) {
        int slash = element.indexOf('/');
        String range = slash < 0 ? element : element.substring(0, slash);
        int step = 1;
        if (slash >= 0) {
            String stepText = element.substring(slash + 1);
            if (!isDigits(stepText)) {
                throw fieldError(field, "step \"" + stepText + "\" is not a positive number", position, element, expression);
            }
            step = stepText.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(stepText);
            if (step == 0) {
                throw fieldError(field, "step must be at least 1, was 0", position, element, expression);
            }
        }
        int low;
        int high;
        if (range.equals("*")) {
            low = field.min;
            high = field.starMax();
        } else {
            int dash = range.indexOf('-');
            if (dash < 0) {
                if (slash >= 0 && range.isEmpty()) {
                    throw fieldError(field, "a step needs a range or * before /: write *" + element, position,
                            element, expression);
                }
                if (slash >= 0) {
                    throw fieldError(field, "a step needs a range or *: write " + range + "-" + field.starMax()
                            + element.substring(slash) + " or *" + element.substring(slash), position, element, expression);
                }
                low = value(field, position, range, element, expression);
                high = low;
            } else {
                low = value(field, position, range.substring(0, dash), element, expression);
                high = value(field, position, range.substring(dash + 1), element, expression);
                if (low > high) {
                    throw fieldError(field, "range " + range + " is reversed; write the smaller value first",
                            position, element, expression);
                }
            }
        }
        long bits = 0;
        for (long v = low; v <= high; v += step) {
            bits |= 1L << v;
        }
        return bits;
    }

    private static int value(Field field, int position, String token, String element, String expression) {
        if (isDigits(token)) {
            long v = token.length() > 9 ? Long.MAX_VALUE : Long.parseLong(token);
            if (v < field.min || v > field.max) {
                throw fieldError(field, token + " is outside " + field.min + "-" + field.max, position, element, expression);
            }
            return (int) v;
        }
        int index = field.names.indexOf(token.toLowerCase(Locale.ROOT));
        if (index >= 0) {
            return index + field.nameBase();
        }
        if (token.isEmpty()) {
            throw fieldError(field, "a range needs a value on both sides of -", position, element, expression);
        }
        String allowed = field.names.isEmpty()
                ? "use a number " + field.min + "-" + field.max
                : "use a number " + field.min + "-" + field.max + " or one of " + String.join(", ", field.names);
        throw fieldError(field, "\"" + token + "\" is not a valid value; " + allowed, position, element, expression);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static FerryConfigException fieldError(Field field, String problem, int position, String token, String expression) {
        return error(field.label + ": " + problem + " (field " + position + ", \"" + token + "\") in \"" + expression + "\"");
    }

    private static FerryConfigException error(String message) {
        return new FerryConfigException(OPTION, message);
    }
}
