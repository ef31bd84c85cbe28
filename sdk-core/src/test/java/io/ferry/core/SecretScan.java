package io.ferry.core;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: remembers every log line (and every failing test's exception) in which a secret
 * registered with {@link Secrets} appears. {@link SecretScanExtension} fails the test that
 * produced one. The lines kept are already redacted, so reporting them leaks nothing.
 * Thread-safe.
 */
public final class SecretScan {
    private static final List<String> HITS = new ArrayList<>();

    private SecretScan() {
    }

    /** Records {@code text} (a log line with its stack trace, or an exception) if it holds a registered secret. */
    public static void check(String where, String text) {
        if (Secrets.holdsRegistered(text)) {
            synchronized (HITS) {
                HITS.add(where + ": " + Secrets.redact(text));
            }
        }
    }

    /** Whether the throwable's messages, causes or stack trace text hold a registered secret. */
    public static boolean holdsSecret(Throwable t) {
        return Secrets.holdsRegistered(trace(t));
    }

    /** The printed stack trace of {@code t}. */
    public static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /** How many hits were recorded so far. */
    public static int mark() {
        synchronized (HITS) {
            return HITS.size();
        }
    }

    /** The hits recorded after {@code mark}, redacted. */
    public static List<String> since(int mark) {
        synchronized (HITS) {
            return List.copyOf(HITS.subList(Math.min(mark, HITS.size()), HITS.size()));
        }
    }

    /** Forgets the hits after {@code mark}: for the scan's own test, which leaks on purpose. */
    public static void forget(int mark) {
        synchronized (HITS) {
            HITS.subList(Math.min(mark, HITS.size()), HITS.size()).clear();
        }
    }
}
