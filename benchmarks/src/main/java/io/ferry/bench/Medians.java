package io.ferry.bench;

import java.util.Arrays;

/** Medians of timed rounds. */
final class Medians {
    private Medians() {
    }

    /** The median of {@code values}. */
    static double of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
