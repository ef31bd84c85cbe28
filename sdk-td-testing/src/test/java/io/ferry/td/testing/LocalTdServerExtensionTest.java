package io.ferry.td.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The extension's lifecycle, driven by hand (JUnit drives it in the other test classes of sdk-td and here). */
class LocalTdServerExtensionTest {
    @Test
    void server_beforeTheClassStarts_throwsSayingHowToRegisterIt() {
        LocalTdServerExtension extension = new LocalTdServerExtension();

        assertThatThrownBy(extension::server)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no LocalTdServer is running: register LocalTdServerExtension on a static field with"
                        + " @RegisterExtension, and use server() from the test class's tests");
    }

    @Test
    void beforeAll_startsOnLoopback_afterAll_stopsIt_andIsSafeTwice() throws IOException {
        LocalTdServerExtension extension = new LocalTdServerExtension();

        extension.beforeAll(null);
        URI uri = extension.server().uri();
        extension.server().createDatabase("ext_db");
        boolean answeredWhileRunning = accepts(uri);
        Object databases = extension.server().databases();
        extension.afterAll(null);
        extension.afterAll(null);

        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isPositive();
        assertThat(answeredWhileRunning).isTrue();
        assertThat(databases).asString().contains("ext_db");
        assertThat(accepts(uri)).as("the port is closed after the class").isFalse();
        assertThatThrownBy(extension::server).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void beforeAll_twice_throwsRatherThanLeakingAServer() {
        LocalTdServerExtension extension = new LocalTdServerExtension();
        extension.beforeAll(null);
        try {
            assertThatThrownBy(() -> extension.beforeAll(null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the LocalTdServer of this extension is already running on "
                            + extension.server().endpoint() + "; register one extension per test class");
        } finally {
            extension.afterAll(null);
        }
    }

    private static boolean accepts(URI uri) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
