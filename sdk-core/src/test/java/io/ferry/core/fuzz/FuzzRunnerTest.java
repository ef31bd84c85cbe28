package io.ferry.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzz runner itself: what passes, what fails, what a failure shows, and that its inputs repeat. */
class FuzzRunnerTest {
    private static final List<byte[]> SEEDS = Fuzz.utf8(List.of("0 0 * * *", "a,b\n1,2\n"));

    @Test
    void forAll_ferryExceptions_pass_andEveryTryIsChecked() {
        long before = Fuzz.calls();
        List<String> seen = new ArrayList<>();
        Fuzz.forAll(2, r -> Fuzz.mutatedText(SEEDS, r), text -> {
            seen.add(text);
            throw new FerryConfigException("cron", "bad: " + text);
        });
        int batch = Integer.getInteger("ferry.fuzz.batch", 1);
        assertThat(seen).hasSize(Fuzz.TRIES * 2 * batch);
        assertThat(Fuzz.calls() - before).isEqualTo(seen.size());
    }

    @Test
    void forAll_sameSeedAndSalt_drawsTheSameInputs() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Fuzz.forAll(1, r -> Fuzz.mutatedText(SEEDS, r), first::add);
        Fuzz.forAll(1, r -> Fuzz.mutatedText(SEEDS, r), second::add);
        assertThat(second).isEqualTo(first);
        assertThat(first.stream().distinct().count()).isGreaterThan(Fuzz.TRIES / 2);
    }

    @Test
    void forAll_otherException_failsShowingTheInputAsALiteralWithSeedAndTry() {
        assertThatThrownBy(() -> Fuzz.forAll(1, r -> "x\t\"" + r.nextInt(3), text -> {
            if (text.endsWith("2")) {
                throw new IllegalStateException("boom");
            }
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("not a FerryException: java.lang.IllegalStateException: boom\nseed 20261206, salt ")
                .hasMessageContaining(", try ")
                .hasMessageContaining("-Dtest='FuzzRunnerTest#forAll_otherException_failsShowingTheInputAsALiteralWithSeedAndTry'")
                .hasMessageContaining("-Dferry.fuzz.try=")
                .hasMessageEndingWith("input: \"x\\t\\\"2\"")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void show_bytesAndControlCharacters_areEscapedJavaLiterals() {
        assertThat(Fuzz.show(new byte[] {'a', '\n', 0, (byte) 0xff, '"'})).isEqualTo("bytes[5] \"a\\n\\u0000\u00ff\\\"\"");
        assertThat(Fuzz.show("\u0001\\")).isEqualTo("\"\\u0001\\\\\"");
    }
}
