package io.ferry.core.cron.internal;

/**
 * The five parsed fields of a cron expression as bit sets, plus the flags that Vixie cron keeps
 * for fields written with a leading {@code *}. Immutable.
 *
 * <p>Bit {@code n} of a set is on when value {@code n} matches: minutes 0-59, hours 0-23, days
 * of month 1-31, months 1-12, days of week 0-6 (Sunday = 0; 7 is folded into 0 by the parser).
 */
public final class CronFields {
    final long minutes;
    final int hours;
    final int daysOfMonth;
    final int months;
    final int daysOfWeek;
    final boolean domStar;
    final boolean dowStar;
    final boolean hourStar;

    CronFields(long minutes, int hours, int daysOfMonth, int months, int daysOfWeek,
            boolean domStar, boolean dowStar, boolean hourStar) {
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.domStar = domStar;
        this.dowStar = dowStar;
        this.hourStar = hourStar;
    }

    /**
     * Whether the hour field begins with {@code *}: such a job follows real time across daylight
     * saving changes, a job with a fixed hour fires once per local time (Vixie cron's rule).
     */
    public boolean hourStar() {
        return hourStar;
    }

    /**
     * Vixie cron's day rule: when either day field begins with {@code *} both must match,
     * otherwise a day matches when either does.
     *
     * @param day       day of month, 1-31
     * @param dayOfWeek day of week, 0-6 with Sunday = 0
     */
    boolean dayMatches(int day, int dayOfWeek) {
        boolean dom = (daysOfMonth >>> day & 1) != 0;
        boolean dow = (daysOfWeek >>> dayOfWeek & 1) != 0;
        return domStar || dowStar ? dom && dow : dom || dow;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CronFields f)) {
            return false;
        }
        return minutes == f.minutes && hours == f.hours && daysOfMonth == f.daysOfMonth
                && months == f.months && daysOfWeek == f.daysOfWeek && domStar == f.domStar
                && dowStar == f.dowStar && hourStar == f.hourStar;
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(minutes);
        h = h * 31 + hours;
        h = h * 31 + daysOfMonth;
        h = h * 31 + months;
        h = h * 31 + daysOfWeek;
        return h * 8 + (domStar ? 4 : 0) + (dowStar ? 2 : 0) + (hourStar ? 1 : 0);
    }
}
