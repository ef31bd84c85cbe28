package io.ferry.core;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Fails every test during which a registered secret (a secret key, session token or TD API key
 * that a test gave to Ferry) appeared in a log line, and every failing test whose exception
 * holds one. Registered for every test class of the library modules through JUnit's extension
 * auto-detection ({@code META-INF/services} in sdk-core's test-jar, enabled in the parent POM's
 * Surefire configuration); the log lines come from {@link io.ferry.core.testing.CapturingLoggerFactory}.
 */
public final class SecretScanExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SecretScanExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("mark", SecretScan.mark());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("mark", SecretScan.mark());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failOnHits(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnHits(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (SecretScan.holdsSecret(throwable)) {
            // no cause: printing it would print the secret
            throw new AssertionError("the exception of this test holds a registered secret (redacted here): "
                    + Secrets.redact(SecretScan.trace(throwable)));
        }
        throw throwable;
    }

    private static void failOnHits(ExtensionContext context) {
        Integer mark = context.getStore(NS).remove("mark", Integer.class);
        List<String> hits = SecretScan.since(mark == null ? 0 : mark);
        if (!hits.isEmpty()) {
            SecretScan.forget(mark == null ? 0 : mark);
            throw new AssertionError("a registered secret appeared in " + hits.size() + " log line(s) (redacted"
                    + " here):\n" + String.join("\n", hits));
        }
    }
}
