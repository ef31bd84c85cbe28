package io.ferry.core.testing;

import io.ferry.core.SecretScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Test-run logging: every line (DEBUG and up for {@code io.ferry}, INFO and up for the rest) is
 * checked by {@link SecretScan}, kept in a small in-memory window for tests that assert on logs
 * ({@link #mark()}, {@link #linesSince(long)}), and appended to {@code target/ferry-test.log} (the
 * system property {@code ferry.test.log} overrides it). Nothing reaches the console, so the WARN and
 * ERROR lines of tests that inject faults on purpose keep the build output quiet; set
 * {@code -Dferry.test.console=WARN} (or ERROR, INFO) to see lines of that level and up as well.
 */
public final class CapturingLoggerFactory implements ILoggerFactory {
    private static final int WINDOW = 10_000;
    private static final Deque<String> RECENT = new ArrayDeque<>();
    private static long written;
    private static Writer file;
    private static final Level CONSOLE = consoleLevel();

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, CapturingLogger::new);
    }

    /** The number of lines logged so far in this JVM. */
    public static synchronized long mark() {
        return written;
    }

    /** The lines logged after {@code mark} (at most the last 10,000), each {@code LEVEL logger - message}. */
    public static synchronized List<String> linesSince(long mark) {
        long skip = Math.max(0, RECENT.size() - (written - mark));
        List<String> lines = new ArrayList<>();
        long i = 0;
        for (String line : RECENT) {
            if (i++ >= skip) {
                lines.add(line);
            }
        }
        return lines;
    }

    static void record(Level level, String logger, String message, Throwable t) {
        String line = level + " " + logger + " - " + message + (t == null ? "" : "\n" + SecretScan.trace(t));
        SecretScan.check("log " + logger, line);
        synchronized (CapturingLoggerFactory.class) {
            written++;
            RECENT.addLast(line);
            if (RECENT.size() > WINDOW) {
                RECENT.removeFirst();
            }
            try {
                if (file == null) {
                    Path path = Path.of(System.getProperty("ferry.test.log", "target/ferry-test.log"));
                    Files.createDirectories(path.toAbsolutePath().getParent());
                    file = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                file.write(LocalTime.now() + " [" + Thread.currentThread().getName() + "] " + line + "\n");
                file.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the test log", e);
            }
        }
        if (CONSOLE != null && level.toInt() >= CONSOLE.toInt()) {
            System.err.println(line);
        }
    }

    private static Level consoleLevel() {
        String name = System.getProperty("ferry.test.console", "");
        return name.isBlank() ? null : Level.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** A logger that hands every enabled call to {@link #record}. */
    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final boolean debug;

        CapturingLogger(String name) {
            this.name = name;
            this.debug = name.startsWith("io.ferry");
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return debug;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                                   Throwable throwable) {
            record(level, name, MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable);
        }
    }
}
