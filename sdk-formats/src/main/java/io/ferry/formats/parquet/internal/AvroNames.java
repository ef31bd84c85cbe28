package io.ferry.formats.parquet.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns column names into valid, unique Avro field names ({@code [A-Za-z_][A-Za-z0-9_]*}).
 *
 * <p>The rule: a name that is already valid stays as it is. In any other name, every character
 * outside {@code A-Z a-z 0-9 _} becomes {@code _} (a character outside the BMP, such as an emoji,
 * becomes one {@code _}), and a leading digit gets a {@code _} in front. If the result equals a
 * name already taken, {@code _2}, {@code _3}, ... is appended until it is unique. Valid names are
 * reserved first, so they never change because of an earlier invalid one.
 */
final class AvroNames {
    private AvroNames() {
    }

    /** The Avro field name of each column name, in the same order. */
    static List<String> sanitize(List<String> names) {
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            if (isValid(name)) {
                taken.add(name);
            }
        }
        List<String> result = new ArrayList<>(names.size());
        for (String name : names) {
            if (isValid(name)) {
                result.add(name);
                continue;
            }
            String base = replaceInvalid(name);
            String candidate = base;
            for (int n = 2; !taken.add(candidate); n++) {
                candidate = base + "_" + n;
            }
            result.add(candidate);
        }
        return result;
    }

    /** Whether {@code name} is a valid Avro name as the Avro specification defines it. */
    static boolean isValid(String name) {
        if (name.isEmpty() || !isStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String replaceInvalid(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 1);
        name.codePoints().forEach(cp -> sb.append(cp < 128 && isPart((char) cp) ? (char) cp : '_'));
        if (sb.length() == 0 || !isStart(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    private static boolean isStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isPart(char c) {
        return isStart(c) || (c >= '0' && c <= '9');
    }
}
