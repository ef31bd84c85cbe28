package io.ferry.core.testing;

import org.slf4j.event.Level;

/**
 * Where the figures of fault and fuzz suites go: always into the test log, and onto the console
 * only in an on-demand run (one that sets {@code ferry.faults.runs}, sets {@code ferry.fuzz.tries}
 * to other than the build's 300, or asks for console output with {@code ferry.test.console}), so
 * that {@code mvn verify} prints only Maven's summary.
 */
public final class TestReport {
    private static final boolean ON_DEMAND = System.getProperty("ferry.faults.runs") != null
            || Fuzz.TRIES != 300 || !System.getProperty("ferry.test.console", "").isBlank();

    private TestReport() {
    }

    /** Reports one line of figures from {@code suite}. */
    public static void line(String suite, String text) {
        CapturingLoggerFactory.record(Level.INFO, "test.report." + suite, text, null);
        if (ON_DEMAND) {
            System.out.println(suite + ": " + text);
        }
    }
}
