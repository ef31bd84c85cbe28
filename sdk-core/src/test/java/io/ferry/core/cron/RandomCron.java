package io.ferry.core.cron;

import java.util.Random;

/** Seeded random cron expressions in the syntax both implementations accept. */
final class RandomCron {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};
    private static final String[] DAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

    private RandomCron() {
    }

    /**
     * A random expression. The day fields never hold a step over {@code *} such as
     * <code>&#42;/2</code>, and {@code sun} never starts or ends a range: on those two points
     * cron-utils deliberately differs (see {@link CronUtilsDifferencesTest}).
     */
    static String expression(Random r) {
        return field(r, 0, 59, null, true) + " " + field(r, 0, 23, null, true) + " " + field(r, 1, 31, null, false)
                + " " + field(r, 1, 12, MONTHS, true) + " " + field(r, 0, 6, DAYS, false);
    }

    private static String field(Random r, int min, int max, String[] names, boolean starSteps) {
        int kind = r.nextInt(10);
        if (kind < 3) {
            return "*";
        }
        if (kind == 3 && starSteps) {
            return "*/" + (1 + r.nextInt(Math.max(1, (max - min) / 2)));
        }
        int elements = 1 + r.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < elements; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(element(r, min, max, names));
        }
        return sb.toString();
    }

    private static String element(Random r, int min, int max, String[] names) {
        int a = min + r.nextInt(max - min + 1);
        switch (r.nextInt(4)) {
            case 0:
            case 1:
                return value(r, a, min, names);
            case 2: {
                int b = a + r.nextInt(max - a + 1);
                return rangeValue(r, a, min, names) + "-" + rangeValue(r, b, min, names);
            }
            default: {
                int b = a + r.nextInt(max - a + 1);
                return a + "-" + b + "/" + (1 + r.nextInt(Math.max(1, (max - min) / 3)));
            }
        }
    }

    private static String rangeValue(Random r, int v, int min, String[] names) {
        return v == 0 ? "0" : value(r, v, min, names);
    }

    private static String value(Random r, int v, int min, String[] names) {
        return names != null && r.nextInt(3) == 0 ? names[v - min] : Integer.toString(v);
    }
}
