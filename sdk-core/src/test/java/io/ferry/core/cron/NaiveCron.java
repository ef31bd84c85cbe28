package io.ferry.core.cron;

import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately simple cron matcher for local times, written apart from the library as a test
 * oracle: it expands each field into a set and checks a local time against the sets, with Vixie
 * cron's day rule. It only accepts valid expressions (no error handling).
 */
final class NaiveCron {
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean eitherDayStar;

    NaiveCron(String expression) {
        String[] f = expression.trim().split("\\s+");
        minutes = expand(f[0], 0, 59, List.of(), 0);
        hours = expand(f[1], 0, 23, List.of(), 0);
        daysOfMonth = expand(f[2], 1, 31, List.of(), 0);
        months = expand(f[3], 1, 12, MONTHS, 1);
        daysOfWeek = expand(f[4], 0, 6, DAYS, 0);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
        }
        eitherDayStar = f[2].startsWith("*") || f[4].startsWith("*");
    }

    boolean matches(LocalDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        boolean day = eitherDayStar ? dom && dow : dom || dow;
        return minutes.get(t.getMinute()) && hours.get(t.getHour()) && months.get(t.getMonthValue()) && day;
    }

    private static BitSet expand(String field, int min, int max, List<String> names, int base) {
        BitSet set = new BitSet();
        for (String part : field.split(",")) {
            String[] rangeAndStep = part.split("/");
            int step = rangeAndStep.length == 2 ? Integer.parseInt(rangeAndStep[1]) : 1;
            int from;
            int to;
            if (rangeAndStep[0].equals("*")) {
                from = min;
                to = max;
            } else if (rangeAndStep[0].contains("-")) {
                String[] ends = rangeAndStep[0].split("-");
                from = number(ends[0], names, base);
                to = number(ends[1], names, base);
            } else {
                from = number(rangeAndStep[0], names, base);
                to = from;
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String s, List<String> names, int base) {
        int i = names.indexOf(s.toLowerCase(Locale.ROOT));
        return i >= 0 ? i + base : Integer.parseInt(s);
    }
}
