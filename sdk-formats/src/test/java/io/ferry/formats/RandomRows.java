package io.ferry.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random strings made of the characters that break delimited text. */
final class RandomRows {
    private static final String[] PIECES = {
        ",", ";", "|", "\t", "\"", "'", "\\", "\r", "\n", "\r\n", " ", "a", "Z", "0", "-", "N", "\\N", "NULL",
        "é", "日本", "😀", "\u2028", "=", "#", "{", "}"
    };

    private final Random random;

    RandomRows(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A string of 0 to 12 pieces; null with probability 1/8; never equal to {@code avoid}. */
    String stringOrNull(String avoid) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        String s;
        do {
            int n = random.nextInt(13);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            s = sb.toString();
        } while (s.equals(avoid));
        return s;
    }

    List<Object[]> stringRows(int count, int columns, String avoid) {
        List<Object[]> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            Object[] row = new Object[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = stringOrNull(avoid);
            }
            rows.add(row);
        }
        return rows;
    }
}
