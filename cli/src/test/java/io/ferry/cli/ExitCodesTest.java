package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.core.FerryConfigException;
import io.ferry.core.FerryDataException;
import io.ferry.core.FerryException;
import io.ferry.core.FerryIoException;
import io.ferry.core.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    @Test
    void of_mapsEachKindOfFailure() {
        assertThat(ExitCodes.of(new FerryConfigException("bucket", "bucket is required"))).isEqualTo(3);
        assertThat(ExitCodes.of(new FerryDataException("a.csv", 3, "id", "not a number"))).isEqualTo(4);
        assertThat(ExitCodes.of(new FerryIoException("S3 failed", new IOException("reset")))).isEqualTo(5);
        assertThat(ExitCodes.of(new FerryException("other"))).isEqualTo(1);
        assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(1);
    }

    @Test
    void report_masksRegisteredSecret_andHidesTheStackTraceUnlessVerbose() {
        String secret = "exitcodes-test-secret-4d2f9a";
        Secrets.register(secret);
        FerryIoException e = new FerryIoException("upload refused for key " + secret, new IOException("403"));

        String quiet = report(e, false);
        String verbose = report(e, true);

        assertThat(quiet).isEqualTo("ferry: upload refused for key ****\n");
        assertThat(verbose).startsWith("ferry: upload refused for key ****\n").contains("\tat ").doesNotContain(secret);
    }

    @Test
    void report_unexpectedException_namesItsClassAndPointsToVerbose() {
        assertThat(report(new IllegalStateException("boom"), false))
                .isEqualTo("ferry: IllegalStateException: boom\nferry: run with --verbose for the stack trace\n");
    }

    @Test
    void run_registersSecretEnvironmentValues() {
        String key = "1/envsecretvalue-77aa";
        Runs.run(Map.of("TD_API_KEY", key), "", false, "--version");

        assertThat(Secrets.redact("key=" + key + " end")).isEqualTo("key=**** end");
    }

    private static String report(Exception e, boolean verbose) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(System.in, System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, false);
        int code = Ferry.report(e, verbose, io);
        assertThat(code).isEqualTo(ExitCodes.of(e));
        return err.toString(StandardCharsets.UTF_8);
    }
}
