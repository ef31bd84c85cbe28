package io.ferry.formats.read.internal;

import io.ferry.core.FerryDataException;
import io.ferry.formats.read.BadRow;
import io.ferry.formats.read.BadRowPolicy;
import java.util.ArrayList;
import java.util.List;

/** Applies a {@link BadRowPolicy}: throws at once, or counts and keeps the first locations. */
final class BadRowTracker {
    private final BadRowPolicy policy;
    private final int samples;
    private final long lineOffset;
    private final List<BadRow> rows = new ArrayList<>();
    private long count;

    /** A tracker that adds {@code lineOffset} to every line reported to it. */
    BadRowTracker(BadRowPolicy policy, int samples, long lineOffset) {
        this.policy = policy;
        this.lineOffset = lineOffset;
        this.samples = samples;
    }

    /** Reports a bad row; throws under FAIL. */
    void report(String source, long partLine, String column, String reason) {
        long line = partLine + lineOffset;
        if (policy == BadRowPolicy.FAIL) {
            throw new FerryDataException(source, line, column, reason
                    + "; fix the data, correct the column config, or set badRows(SKIP) to skip such rows");
        }
        count++;
        if (rows.size() < samples) {
            rows.add(BadRow.of(source, line, column, reason));
        }
    }

    long count() {
        return count;
    }

    List<BadRow> rows() {
        return List.copyOf(rows);
    }
}
