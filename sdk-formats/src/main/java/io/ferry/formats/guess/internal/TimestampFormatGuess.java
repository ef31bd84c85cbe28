package io.ferry.formats.guess.internal;

import io.ferry.formats.text.internal.BadValueException;
import io.ferry.formats.text.internal.TimestampParser;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers the strftime format of date and time text that is not ISO-8601 (ISO-8601 text needs no
 * format): the format is built from the shape of the first value (date order and separators,
 * time, fraction, AM/PM, zone) and kept when it reads every value. Dates of digits only
 * ({@code 20150127}) are a separate rule, {@link #digitsFormat}, because they also read as longs.
 */
final class TimestampFormatGuess {
    private static final String TIME = "(?:(?<sep>[ T_])(?<h>\\d{1,2}):(?<mi>\\d{2})"
            + "(?::(?<s>\\d{2})(?:(?<fd>[.,])(?<f>\\d{1,9}))?)?(?<ampm> ?[AaPp][Mm])?)?";
    private static final String ZONE = "(?:(?<zs> ?)(?:(?<off>Z|[-+]\\d{2}:?\\d{2})|(?<abbr>[A-Z]{2,5})))?";
    private static final Pattern YMD = Pattern.compile(
            "(?<y>\\d{4})(?<d>[-/.])(?<m>\\d{1,2})\\k<d>(?<dd>\\d{1,2})" + TIME + ZONE);
    private static final Pattern XXY = Pattern.compile(
            "(?<a>\\d{1,2})(?<d>[-/.])(?<b>\\d{1,2})\\k<d>(?<y>\\d{4})" + TIME + ZONE);
    private static final Pattern COMPACT = Pattern.compile("\\d{8}(?<t>T?)\\d{6}" + ZONE.replace("zs> ?", "zs>"));
    private static final Pattern DIGITS = Pattern.compile("\\d{8}|\\d{14}");
    private static final Pattern MONTH_NAME = Pattern.compile("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b");
    private static final Pattern ID_NAME = Pattern.compile("(?i:id|.*[ _-]id)|.*[a-z0-9](Id|ID)");

    /** Formats with month or weekday names, most specific first: Apache logs, RFC 2822, asctime. */
    private static final List<String> NAMED = List.of(
            "%d/%b/%Y:%H:%M:%S %z",
            "%a, %d %b %Y %H:%M:%S %z", "%a, %d %b %Y %H:%M:%S %Z",
            "%a, %d %b %Y %H:%M %z", "%a, %d %b %Y %H:%M %Z",
            "%d %b %Y %H:%M:%S %z", "%d %b %Y %H:%M:%S %Z", "%d %b %Y %H:%M:%S",
            "%a, %d %b %Y", "%d %b %Y",
            "%a %b %e %H:%M:%S %Y", "%b %d %Y", "%b %d, %Y");

    /** Years a date of 8 digits may have when only its shape, not its column name, says it is a date. */
    static final int PLAUSIBLE_FROM = 1900;
    static final int PLAUSIBLE_TO = 2100;

    private TimestampFormatGuess() {
    }

    /** The candidate formats for the shape of {@code value}, most likely first; empty if it has none. */
    static List<String> candidates(String value) {
        List<String> out = new ArrayList<>();
        Matcher m = YMD.matcher(value);
        if (m.matches()) {
            String d = m.group("d");
            for (boolean pad : pads(m.group("m"), m.group("dd"))) {
                out.addAll(withRest("%Y" + d + num('m', pad) + d + num('d', pad), m));
            }
            return out;
        }
        m = XXY.matcher(value);
        if (m.matches()) {
            String d = m.group("d");
            int a = Integer.parseInt(m.group("a"));
            int b = Integer.parseInt(m.group("b"));
            for (boolean pad : pads(m.group("a"), m.group("b"))) {
                String mdy = num('m', pad) + d + num('d', pad) + d + "%Y";
                String dmy = num('d', pad) + d + num('m', pad) + d + "%Y";
                // month first unless the first number cannot be a month, as Embulk's guess does
                if (a <= 12) {
                    out.addAll(withRest(mdy, m));
                }
                if (b <= 12) {
                    out.addAll(withRest(dmy, m));
                }
            }
            return out;
        }
        m = COMPACT.matcher(value);
        if (m.matches()) {
            out.add("%Y%m%d" + m.group("t") + "%H%M%S" + zone(m));
            return out;
        }
        if (MONTH_NAME.matcher(value).find()) {
            out.addAll(NAMED);
        }
        return out;
    }

    /** The first candidate of the first value that reads every value, or null. */
    static String format(List<String> values) {
        for (String f : candidates(values.get(0))) {
            if (firstUnreadable(f, values) == null) {
                return f;
            }
        }
        return null;
    }

    /** The first value {@code format} does not read, or null if it reads them all. */
    static String firstUnreadable(String format, List<String> values) {
        TimestampParser p = TimestampParser.of(format, ZoneOffset.UTC);
        for (String v : values) {
            try {
                p.parse(v);
            } catch (BadValueException e) {
                return v;
            }
        }
        return null;
    }

    /**
     * {@code %Y%m%d} (or {@code %Y%m%d%H%M%S}) when every value is a valid date of that many
     * digits and the column is a date by its name (date, day, dt, time in it) or by its values
     * (all in {@link #PLAUSIBLE_FROM}..{@link #PLAUSIBLE_TO}); a column named like an id never is.
     *
     * @return the format, or null with the reason in {@code why[0]} and the value in {@code why[1]}
     *         when a date was possible by shape but ruled out
     */
    static String digitsFormat(String name, List<String> values, String[] why) {
        String first = values.get(0);
        if (!DIGITS.matcher(first).matches()) {
            return null;
        }
        String format = first.length() == 8 ? "%Y%m%d" : "%Y%m%d%H%M%S";
        if (ID_NAME.matcher(name).matches()) {
            why[0] = "the column is named like an id";
            why[1] = first;
            return null;
        }
        boolean named = dateLikeName(name);
        TimestampParser p = TimestampParser.of(format, ZoneOffset.UTC);
        for (String v : values) {
            if (v.length() != first.length()) {
                why[0] = "not " + first.length() + " digits like the values before it";
                why[1] = v;
                return null;
            }
            try {
                p.parse(v);
            } catch (BadValueException e) {
                why[0] = "not a valid date";
                why[1] = v;
                return null;
            }
            int year = Integer.parseInt(v.substring(0, 4));
            if (!named && (year < PLAUSIBLE_FROM || year > PLAUSIBLE_TO)) {
                why[0] = "year " + year + " is outside " + PLAUSIBLE_FROM + ".." + PLAUSIBLE_TO
                        + " and the column is not named like a date";
                why[1] = v;
                return null;
            }
        }
        return format;
    }

    /** Whether {@code name} has a word date, day, dt or time in it ({@code order_date}, {@code dt}, {@code birthDay}). */
    static boolean dateLikeName(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        for (String word : spaced.split("[^a-z0-9]+")) {
            if (word.equals("dt") || word.equals("ymd") || word.equals("yyyymmdd") || word.contains("date")
                    || word.contains("day") || word.contains("time")) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] pads(String a, String b) {
        return a.length() == 2 && b.length() == 2 ? new boolean[] {true, false} : new boolean[] {false};
    }

    private static String num(char directive, boolean pad) {
        return pad ? "%" + directive : "%-" + directive;
    }

    private static List<String> withRest(String date, Matcher m) {
        if (m.group("h") == null) {
            return List.of(date + zone(m));
        }
        boolean ampm = m.group("ampm") != null;
        String hour = ampm ? "I" : "H";
        List<String> out = new ArrayList<>();
        for (boolean pad : m.group("h").length() == 2 ? new boolean[] {true, false} : new boolean[] {false}) {
            StringBuilder f = new StringBuilder(date).append(m.group("sep")).append(num(hour.charAt(0), pad))
                    .append(":%M");
            if (m.group("s") != null) {
                f.append(":%S");
            }
            if (m.group("f") != null) {
                f.append(m.group("fd")).append("%N");
            }
            if (ampm) {
                f.append(m.group("ampm").startsWith(" ") ? " %p" : "%p");
            }
            out.add(f.append(zone(m)).toString());
        }
        return out;
    }

    private static String zone(Matcher m) {
        if (m.group("off") != null) {
            return m.group("zs") + "%z";
        }
        if (m.group("abbr") != null) {
            return m.group("zs") + "%Z";
        }
        return "";
    }
}
