package io.ferry.s3.export.internal;

import io.ferry.core.FerryConfigException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Export tokens of two-phase exports, such as {@code 20261206T150405Z-9f3a1c2b7d04}: the UTC
 * second the export was set up and 12 random hex digits. The time bounds the upload sweep (an
 * upload initiated before the export existed is never the export's); the random part keeps
 * exports apart. Also renders the export's prefix, where its manifest goes and its sweep looks.
 * Stateless.
 */
public final class ExportTokens {
    private static final Pattern TOKEN = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{12}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SYNC_ID = "{{SYNC_ID}}";

    private ExportTokens() {
    }

    /** A new token for an export set up at {@code now}. */
    public static String create(Instant now) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return TIME.format(now.truncatedTo(ChronoUnit.SECONDS)) + "-" + HexFormat.of().formatHex(random);
    }

    /**
     * Checks a token given by the user.
     *
     * @throws FerryConfigException (option {@code exportToken}) quoting the bad value
     */
    public static String check(String token) {
        FerryConfigException.requireNonNull(token, "exportToken");
        if (!TOKEN.matcher(token).matches()) {
            throw new FerryConfigException("exportToken", "exportToken must look like 20261206T150405Z-9f3a1c2b7d04"
                    + " (UTC time, '-', 12 hex digits), was '" + token + "'; pass on the token of the export"
                    + " built on the coordinator (S3Export.exportToken())");
        }
        return token;
    }

    /** When the export of {@code token} was set up. */
    static Instant createdAt(String token) {
        return TIME.parse(token.substring(0, 16), Instant::from);
    }

    /**
     * The folder under which the export of {@code token} writes: the template's text up to its
     * first placeholder other than {@code {{SYNC_ID}}} (which two-phase writers render as the
     * token), cut after the last {@code /}. E.g. {@code out/{{SYNC_ID}}/part-{{WRITER}}.csv} gives
     * {@code out/<token>/}.
     */
    static String prefix(String template, String token) {
        StringBuilder fixed = new StringBuilder();
        int at = 0;
        while (true) {
            int brace = template.indexOf('{', at);
            if (brace < 0) {
                fixed.append(template, at, template.length());
                break;
            }
            fixed.append(template, at, brace);
            if (!template.startsWith(SYNC_ID, brace)) {
                break;
            }
            fixed.append(token);
            at = brace + SYNC_ID.length();
        }
        return fixed.substring(0, fixed.lastIndexOf("/") + 1);
    }
}
