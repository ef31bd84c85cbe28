package io.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0             | 0 B",
        "1023          | 1023 B",
        "1536          | 1.5 KiB",
        "12582912      | 12.0 MiB",
        "3435973837    | 3.2 GiB",
    })
    void bytes_forPeople(long n, String text) {
        assertThat(Progress.bytes(n)).isEqualTo(text.strip());
    }

    @Test
    void line_showsCountsRateAndElapsedTime() {
        assertThat(Progress.line(3, 12_345, 1536, Duration.ofSeconds(3)))
                .isEqualTo("3 objects, 12,345 rows, 1.5 KiB, 4,115 rows/s, 0:03");
        assertThat(Progress.line(-1, 120, -1, Duration.ofSeconds(61))).isEqualTo("120 rows, 1 rows/s, 1:01");
    }

    @Test
    void lines_printEveryFiveSecondsOnly() {
        Progress p = new Progress(err, Progress.Style.LINES, nanos::get);

        p.update(1, 10, 100);
        advance(4_900);
        p.update(1, 20, 200);
        advance(200);
        p.update(2, 30, 300);
        p.close();

        assertThat(out()).isEqualTo("progress: 2 objects, 30 rows, 300 B, 5 rows/s, 0:05\n");
    }

    @Test
    void bar_redrawsOneLineAndEndsItOnClose() {
        Progress p = new Progress(err, Progress.Style.BAR, nanos::get);

        advance(250);
        p.update(1, 1000, 2048);
        advance(250);
        p.update(1, 2000, 4096);
        p.close();

        assertThat(out()).isEqualTo("\r| 1 objects, 1,000 rows, 2.0 KiB, 4,000 rows/s, 0:00"
                + "\r/ 1 objects, 2,000 rows, 4.0 KiB, 4,000 rows/s, 0:00"
                + "\r- 1 objects, 2,000 rows, 4.0 KiB, 4,000 rows/s, 0:00\n");
    }

    @Test
    void none_printsNothing() {
        Progress p = new Progress(err, Progress.Style.NONE, nanos::get);

        advance(10_000);
        p.update(1, 1, 1);
        p.close();

        assertThat(out()).isEmpty();
    }

    @Test
    void style_quietWins_elseTerminalDecides() {
        CommonOptions quiet = new CommonOptions();
        quiet.quiet = true;
        CommonOptions plain = new CommonOptions();
        Io terminal = new Io(System.in, System.out, err, java.util.Map.of(), true, true);
        Io pipe = new Io(System.in, System.out, err, java.util.Map.of(), false, false);

        assertThat(Progress.style(quiet, terminal)).isEqualTo(Progress.Style.NONE);
        assertThat(Progress.style(plain, terminal)).isEqualTo(Progress.Style.BAR);
        assertThat(Progress.style(plain, pipe)).isEqualTo(Progress.Style.LINES);
    }

    private void advance(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
