package io.ferry.core.cron.internal;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Finds matching local date-times by jumping field by field (month, day, hour, minute) over the
 * bit sets, never minute by minute: a search costs a few dozen steps per month it crosses.
 * Pure and thread-safe.
 */
final class LocalCronSearch {
    /** Every satisfiable expression matches within one 400-year Gregorian cycle. */
    private static final int MAX_YEARS = 401;
    private static final int[] MONTH_OFFSETS = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};

    private LocalCronSearch() {
    }

    /** The first matching minute strictly after {@code after}. */
    static LocalDateTime next(CronFields f, LocalDateTime after) {
        LocalDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        int year = t.getYear();
        int month = t.getMonthValue();
        int day = t.getDayOfMonth();
        int hour = t.getHour();
        int minute = t.getMinute();
        int lastYear = year + MAX_YEARS;
        while (year <= lastYear) {
            if ((f.months >>> month & 1) == 0) {
                int m = nextBit(f.months, month + 1);
                if (m < 0) {
                    year++;
                    month = Integer.numberOfTrailingZeros(f.months);
                } else {
                    month = m;
                }
                day = 1;
                hour = 0;
                minute = 0;
                continue;
            }
            int d = nextDay(f, year, month, day);
            if (d < 0) {
                if (++month > 12) {
                    month = 1;
                    year++;
                }
                day = 1;
                hour = 0;
                minute = 0;
                continue;
            }
            if (d != day) {
                day = d;
                hour = 0;
                minute = 0;
            }
            int h = nextBit(f.hours, hour);
            if (h < 0) {
                day++;
                hour = 0;
                minute = 0;
                continue;
            }
            if (h != hour) {
                hour = h;
                minute = 0;
            }
            int mi = nextBit(f.minutes, minute);
            if (mi < 0) {
                hour++;
                minute = 0;
                continue;
            }
            return LocalDateTime.of(year, month, day, hour, mi);
        }
        throw new IllegalStateException("no match within " + MAX_YEARS + " years after " + after);
    }

    /** The last matching minute strictly before {@code before}. */
    static LocalDateTime previous(CronFields f, LocalDateTime before) {
        LocalDateTime t = before.truncatedTo(ChronoUnit.MINUTES);
        if (t.equals(before)) {
            t = t.minusMinutes(1);
        }
        int year = t.getYear();
        int month = t.getMonthValue();
        int day = t.getDayOfMonth();
        int hour = t.getHour();
        int minute = t.getMinute();
        int firstYear = year - MAX_YEARS;
        while (year >= firstYear) {
            if ((f.months >>> month & 1) == 0) {
                int m = previousBit(f.months, month - 1);
                if (m < 1) {
                    year--;
                    month = 31 - Integer.numberOfLeadingZeros(f.months);
                } else {
                    month = m;
                }
                day = 31;
                hour = 23;
                minute = 59;
                continue;
            }
            int length = monthLength(year, month);
            if (day > length) {
                day = length;
                hour = 23;
                minute = 59;
            }
            int d = previousDay(f, year, month, day);
            if (d < 0) {
                if (--month < 1) {
                    month = 12;
                    year--;
                }
                day = 31;
                hour = 23;
                minute = 59;
                continue;
            }
            if (d != day) {
                day = d;
                hour = 23;
                minute = 59;
            }
            int h = previousBit(f.hours, hour);
            if (h < 0) {
                day--;
                hour = 23;
                minute = 59;
                continue;
            }
            if (h != hour) {
                hour = h;
                minute = 59;
            }
            int mi = previousBit(f.minutes, minute);
            if (mi < 0) {
                hour--;
                minute = 59;
                continue;
            }
            return LocalDateTime.of(year, month, day, hour, mi);
        }
        throw new IllegalStateException("no match within " + MAX_YEARS + " years before " + before);
    }

    /** Whether a local date-time is a whole minute that the expression matches. */
    static boolean matches(CronFields f, LocalDateTime t) {
        return t.getSecond() == 0 && t.getNano() == 0
                && (f.minutes >>> t.getMinute() & 1) != 0
                && (f.hours >>> t.getHour() & 1) != 0
                && (f.months >>> t.getMonthValue() & 1) != 0
                && f.dayMatches(t.getDayOfMonth(), t.getDayOfWeek().getValue() % 7);
    }

    private static int nextDay(CronFields f, int year, int month, int from) {
        int length = monthLength(year, month);
        int dow = (dayOfWeek(year, month, 1) + from - 1) % 7;
        for (int d = from; d <= length; d++) {
            if (f.dayMatches(d, dow)) {
                return d;
            }
            dow = dow == 6 ? 0 : dow + 1;
        }
        return -1;
    }

    private static int previousDay(CronFields f, int year, int month, int from) {
        int dow = (dayOfWeek(year, month, 1) + from - 1) % 7;
        for (int d = from; d >= 1; d--) {
            if (f.dayMatches(d, dow)) {
                return d;
            }
            dow = dow == 0 ? 6 : dow - 1;
        }
        return -1;
    }

    /** The lowest set bit at or above {@code from}, or -1. */
    private static int nextBit(long bits, int from) {
        if (from > 63) {
            return -1;
        }
        long m = bits & (-1L << from);
        return m == 0 ? -1 : Long.numberOfTrailingZeros(m);
    }

    /** The highest set bit at or below {@code from}, or -1. */
    private static int previousBit(long bits, int from) {
        if (from < 0) {
            return -1;
        }
        long m = from >= 63 ? bits : bits & ((2L << from) - 1);
        return m == 0 ? -1 : 63 - Long.numberOfLeadingZeros(m);
    }

    static int monthLength(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Day of week with Sunday = 0 (Sakamoto's method, proleptic Gregorian). */
    static int dayOfWeek(int year, int month, int day) {
        int y = month < 3 ? year - 1 : year;
        return Math.floorMod(y + Math.floorDiv(y, 4) - Math.floorDiv(y, 100) + Math.floorDiv(y, 400)
                + MONTH_OFFSETS[month - 1] + day, 7);
    }
}
