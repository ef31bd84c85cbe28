package io.ferry.td.internal;

import io.ferry.core.FerryConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/** Treasure Data's rules for database and table names, and the names of temporary tables. */
public final class TdNames {
    /** Shortest name the API accepts. */
    public static final int MIN_LENGTH = 3;
    /** Longest name the API accepts. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern NAME = Pattern.compile("^[a-z0-9_]+$");
    private static final int TEMP_PREFIX_MAX = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TdNames() {
    }

    /**
     * Checks a database or table name.
     *
     * @param kind   {@code database} or {@code table}, used in the message
     * @param option the option to name in the error
     * @return the name
     * @throws FerryConfigException if it is not 3 to 256 characters of a-z, 0-9 and _
     */
    public static String check(String name, String kind, String option) {
        FerryConfigException.requireNonNull(name, option);
        if (name.length() < MIN_LENGTH || name.length() > MAX_LENGTH) {
            throw new FerryConfigException(option, "a " + kind + " name must be " + MIN_LENGTH + " to "
                    + MAX_LENGTH + " characters, was " + name.length() + " ('" + name + "')");
        }
        if (!NAME.matcher(name).matches()) {
            throw new FerryConfigException(option, "a " + kind + " name may hold only lower-case letters a-z, digits"
                    + " and '_', was '" + name + "'" + hint(name));
        }
        return name;
    }

    private static String hint(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('-', '_');
        return NAME.matcher(lower).matches() ? "; did you mean '" + lower + "'?" : "";
    }

    /**
     * A fresh name for the temporary table of a replace: the start of the target's name, then
     * {@code _ferry_tmp_} and 12 random hex digits (no hyphens, at most 63 characters), so it
     * sorts next to its target and cannot collide with a concurrent writer.
     */
    public static String temporaryTable(String target) {
        String prefix = target.length() > TEMP_PREFIX_MAX ? target.substring(0, TEMP_PREFIX_MAX) : target;
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        StringBuilder sb = new StringBuilder(prefix).append("_ferry_tmp_");
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    /**
     * The {@code import_with_id} id of chunk {@code chunk} of task partition {@code partition} in
     * the staged write with id prefix {@code prefix}: 32 hex digits of a SHA-256 over the three, so
     * every attempt of a partition sends the same ids and no two chunks of a write share one.
     */
    public static String stagedImportId(String prefix, int partition, int chunk) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest((prefix + "/" + partition + "/" + chunk)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        return hex(digest, 16);
    }

    private static String hex(byte[] bytes, int length) {
        StringBuilder sb = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    /** A fresh {@code import_with_id} id: 32 random hex digits. */
    public static String uniqueImportId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder sb = new StringBuilder(32);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
