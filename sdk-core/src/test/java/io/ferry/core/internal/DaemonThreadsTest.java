package io.ferry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
    @Test
    void factory_makesDaemonThreadsNumberedFromOne() {
        ThreadFactory f = DaemonThreads.factory("ferry-test");
        Thread first = f.newThread(() -> { });
        Thread second = f.newThread(() -> { });
        assertThat(first.getName()).isEqualTo("ferry-test-1");
        assertThat(second.getName()).isEqualTo("ferry-test-2");
        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
        assertThat(DaemonThreads.factory("ferry-test").newThread(() -> { }).getName())
                .as("each factory counts on its own").isEqualTo("ferry-test-1");
    }

    @Test
    void thread_isAnUnstartedDaemonRunningTheTask() throws InterruptedException {
        AtomicBoolean ran = new AtomicBoolean();
        Thread t = DaemonThreads.thread(() -> ran.set(true), "ferry-one");
        assertThat(t.getName()).isEqualTo("ferry-one");
        assertThat(t.isDaemon()).isTrue();
        assertThat(t.getState()).isEqualTo(Thread.State.NEW);
        t.start();
        t.join(10_000);
        assertThat(ran).isTrue();
    }
}
