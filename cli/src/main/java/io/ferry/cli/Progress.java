package io.ferry.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work on stderr: on a terminal one line redrawn in place (objects, rows, bytes,
 * rate, elapsed time), elsewhere a plain line every few seconds, so logs of cron jobs stay short.
 * Thread-safe: listeners may report from a writer thread.
 */
final class Progress implements AutoCloseable {
    /** How progress is shown. */
    enum Style {
        /** One line redrawn with a carriage return (stderr is a terminal). */
        BAR,
        /** A full line now and then (stderr is a file or a pipe). */
        LINES,
        /** Nothing ({@code --quiet}). */
        NONE
    }

    private static final long BAR_INTERVAL_NANOS = 200_000_000L;
    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
    private static final char[] SPINNER = {'|', '/', '-', '\\'};

    private final PrintStream err;
    private final Style style;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastPrint;
    private int frame;
    private int lastWidth;
    private long objects = -1;
    private long rows;
    private long bytes = -1;
    private boolean printed;

    Progress(PrintStream err, Style style, LongSupplier nanoTime) {
        this.err = err;
        this.style = style;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastPrint = start;
    }

    /** The style for these options and streams. */
    static Style style(CommonOptions common, Io io) {
        if (common.quiet) {
            return Style.NONE;
        }
        return io.errIsTerminal() ? Style.BAR : Style.LINES;
    }

    /** Records the totals so far (each only grows) and prints when it is time to. */
    synchronized void update(long objects, long rows, long bytes) {
        this.objects = Math.max(this.objects, objects);
        this.rows = Math.max(this.rows, rows);
        this.bytes = Math.max(this.bytes, bytes);
        if (style == Style.NONE) {
            return;
        }
        long now = nanoTime.getAsLong();
        long interval = style == Style.BAR ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
        if (now - lastPrint >= interval) {
            lastPrint = now;
            print(now);
        }
    }

    /** Ends the bar's line (after a last redraw); a no-op for the other styles. */
    @Override
    public synchronized void close() {
        if (style == Style.BAR && printed) {
            print(nanoTime.getAsLong());
            err.print('\n');
            err.flush();
        }
    }

    private void print(long now) {
        String line = line(objects, rows, bytes, Duration.ofNanos(now - start));
        if (style == Style.BAR) {
            String text = SPINNER[frame++ % SPINNER.length] + " " + line;
            // pad over the longer line drawn before
            err.print('\r' + text + " ".repeat(Math.max(0, lastWidth - text.length())));
            lastWidth = text.length();
        } else {
            err.println("progress: " + line);
        }
        err.flush();
        printed = true;
    }

    /**
     * One progress line: {@code 3 objects, 12,345 rows, 1.2 MiB, 4,115 rows/s, 0:03}. A negative
     * count of objects or bytes means "not known" and is left out.
     */
    static String line(long objects, long rows, long bytes, Duration elapsed) {
        long millis = Math.max(1, elapsed.toMillis());
        long rate = rows * 1000 / millis;
        long seconds = elapsed.toSeconds();
        StringBuilder sb = new StringBuilder();
        if (objects >= 0) {
            sb.append(String.format(Locale.ROOT, "%,d objects, ", objects));
        }
        sb.append(String.format(Locale.ROOT, "%,d rows, ", rows));
        if (bytes >= 0) {
            sb.append(bytes(bytes)).append(", ");
        }
        return sb.append(String.format(Locale.ROOT, "%,d rows/s, %d:%02d", rate, seconds / 60, seconds % 60))
                .toString();
    }

    /** A byte count for people: {@code 512 B}, {@code 1.5 KiB}, {@code 12.0 MiB}, {@code 3.2 GiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
