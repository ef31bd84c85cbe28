package io.ferry.core.testing;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.slf4j.event.Level;

/**
 * Sends java.util.logging records (Tomcat inside S3Mock, the JDK's HTTP server) to the test log
 * of {@link CapturingLoggerFactory} instead of the console. Installed by the build as the
 * {@code java.util.logging.config.class} of every test JVM; INFO and up are kept.
 */
public final class JulToTestLog extends Handler {
    private final SimpleFormatter formatter = new SimpleFormatter();

    /** Called by {@link LogManager} when it reads its configuration: replaces the console handler. */
    public JulToTestLog() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(java.util.logging.Level.INFO);
        root.addHandler(this);
    }

    @Override
    public void publish(LogRecord r) {
        if (!isLoggable(r)) {
            return;
        }
        int v = r.getLevel().intValue();
        Level level = v >= java.util.logging.Level.SEVERE.intValue() ? Level.ERROR
                : v >= java.util.logging.Level.WARNING.intValue() ? Level.WARN : Level.INFO;
        CapturingLoggerFactory.record(level, r.getLoggerName() == null ? "jul" : r.getLoggerName(),
                formatter.formatMessage(r), r.getThrown());
    }

    @Override
    public void flush() {
        // every line is flushed as it is written
    }

    @Override
    public void close() {
        // nothing held
    }
}
