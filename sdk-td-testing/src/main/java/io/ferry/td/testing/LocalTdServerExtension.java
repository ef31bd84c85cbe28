package io.ferry.td.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts a {@link LocalTdServer} (127.0.0.1, a free port) before the
 * tests of a class and stops it after them. Register it on a static field; the server is there
 * for {@code @BeforeAll} methods too:
 *
 * <pre>{@code
 * class EventsTest {
 *     @RegisterExtension
 *     static final LocalTdServerExtension TD = new LocalTdServerExtension();
 *
 *     @Test
 *     void writesEvents() {
 *         TD.server().createDatabase("testdb");
 *         TdWriter.builder().endpoint(TD.server().endpoint()).apiKey(LocalTdServer.MASTER_KEY)
 *             .database("testdb").table("events").build().write(schema, records);
 *         assertThat(TD.server().rows("testdb", "events")).hasSize(2);
 *     }
 * }
 * }</pre>
 *
 * <p>Needs {@code junit-jupiter-api} on the class path, which sdk-td-testing declares as
 * {@code provided}: tests have it; code that only uses {@link LocalTdServer} does not need it.
 */
public final class LocalTdServerExtension implements BeforeAllCallback, AfterAllCallback {
    private volatile LocalTdServer server;

    /** An extension whose server starts when the test class starts. */
    public LocalTdServerExtension() {
    }

    /** Starts the server. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (server != null) {
            throw new IllegalStateException("the LocalTdServer of this extension is already running on "
                    + server.endpoint() + "; register one extension per test class");
        }
        server = LocalTdServer.start();
    }

    /** Stops the server; safe when it was never started. */
    @Override
    public void afterAll(ExtensionContext context) {
        LocalTdServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }

    /**
     * {@return the running server}
     *
     * @throws IllegalStateException outside the test class's lifetime, e.g. when the extension is
     *                               registered on an instance field rather than a static one
     */
    public LocalTdServer server() {
        LocalTdServer s = server;
        if (s == null) {
            throw new IllegalStateException("no LocalTdServer is running: register LocalTdServerExtension on a"
                    + " static field with @RegisterExtension, and use server() from the test class's tests");
        }
        return s;
    }
}
