package io.ferry.core.cron;

import io.ferry.core.FerryConfigException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Time zones for schedules: IANA region ids only ({@code Asia/Tokyo}, {@code America/Los_Angeles})
 * and {@code UTC}. Abbreviations such as {@code PST} or {@code CST} are ambiguous and carry no
 * daylight saving rules, so they are rejected with a suggestion. Stateless and thread-safe.
 *
 * <pre>{@code
 * ZoneId tokyo = CronZones.parse("Asia/Tokyo");
 * CronZones.parse("PST"); // FerryConfigException: ... use "America/Los_Angeles" ...
 * }</pre>
 */
public final class CronZones {
    /** The option name used in error messages. */
    public static final String OPTION = "zone";

    /** The zone used when none is given. */
    public static final ZoneId DEFAULT = ZoneId.of("UTC");

    private static final Map<String, String> SUGGESTIONS = Map.ofEntries(
            Map.entry("PST", "America/Los_Angeles"), Map.entry("PDT", "America/Los_Angeles"),
            Map.entry("MST", "America/Denver or America/Phoenix"), Map.entry("MDT", "America/Denver"),
            Map.entry("CST", "America/Chicago or Asia/Shanghai"), Map.entry("CDT", "America/Chicago"),
            Map.entry("EST", "America/New_York"), Map.entry("EDT", "America/New_York"),
            Map.entry("AKST", "America/Anchorage"), Map.entry("AKDT", "America/Anchorage"),
            Map.entry("HST", "Pacific/Honolulu"), Map.entry("GMT", "UTC or Europe/London"),
            Map.entry("BST", "Europe/London"), Map.entry("WET", "Europe/Lisbon"),
            Map.entry("CET", "Europe/Paris or Europe/Berlin"), Map.entry("CEST", "Europe/Paris or Europe/Berlin"),
            Map.entry("EET", "Europe/Athens"), Map.entry("EEST", "Europe/Athens"),
            Map.entry("IST", "Asia/Kolkata"), Map.entry("JST", "Asia/Tokyo"), Map.entry("KST", "Asia/Seoul"),
            Map.entry("AEST", "Australia/Sydney"), Map.entry("AEDT", "Australia/Sydney"),
            Map.entry("AWST", "Australia/Perth"), Map.entry("NZST", "Pacific/Auckland"),
            Map.entry("NZDT", "Pacific/Auckland"));

    private CronZones() {
    }

    /**
     * Parses an IANA zone id.
     *
     * @param id an IANA region id such as {@code Europe/London}, or {@code UTC}; not null
     * @return the zone
     * @throws FerryConfigException for option {@code zone} when the id is an abbreviation, an
     *         offset or unknown; the message suggests an IANA id
     */
    public static ZoneId parse(String id) {
        FerryConfigException.requireNonNull(id, "id");
        String text = id.trim();
        if (text.equalsIgnoreCase("UTC")) {
            return DEFAULT;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        String suggestion = SUGGESTIONS.get(upper);
        if (suggestion == null && ZoneId.SHORT_IDS.containsKey(upper) && ZoneId.SHORT_IDS.get(upper).contains("/")) {
            suggestion = ZoneId.SHORT_IDS.get(upper);
        }
        if (suggestion != null) {
            throw new FerryConfigException(OPTION, "time zone \"" + text + "\" is an abbreviation, which is ambiguous and"
                    + " ignores daylight saving; use an IANA id such as " + suggestion);
        }
        if (!text.contains("/")) {
            throw new FerryConfigException(OPTION, "time zone \"" + text + "\" is not an IANA region id; use a"
                    + " region such as Asia/Tokyo or America/Los_Angeles, or UTC (Etc/GMT-9 for a fixed UTC+9)");
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            String match = ZoneId.getAvailableZoneIds().stream()
                    .filter(z -> z.equalsIgnoreCase(text)).findFirst().orElse(null);
            String hint = match != null ? "did you mean " + match + "?" : "see ZoneId.getAvailableZoneIds() for the list";
            throw new FerryConfigException(OPTION, "unknown time zone \"" + text + "\"; " + hint, e);
        }
    }

    /**
     * Checks a zone given as a {@link ZoneId}: the same rules as {@link #parse(String)};
     * {@link ZoneOffset#UTC} is accepted as {@code UTC}.
     *
     * @param zone the zone, not null
     * @return the zone, with {@code Z} normalised to {@code UTC}
     * @throws FerryConfigException for option {@code zone} when it is not an IANA region or UTC
     */
    public static ZoneId check(ZoneId zone) {
        FerryConfigException.requireNonNull(zone, "zone");
        return zone.equals(ZoneOffset.UTC) ? DEFAULT : parse(zone.getId());
    }
}
