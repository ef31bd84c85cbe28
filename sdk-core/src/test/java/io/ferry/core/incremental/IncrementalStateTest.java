package io.ferry.core.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** States saved by users between runs: the JSON earlier versions wrote reads back to the same state. */
class IncrementalStateTest {
    private static final Instant T = Instant.parse("2019-06-03T10:30:19.806Z");

    static Stream<Arguments> savedStates() {
        return Stream.of(
                Arguments.of("""
                        {"mode":"path","last_path":"logging/E231A697YXWD39.2017-04-23-16.d12f42f9.gz"}""",
                        IncrementalState.afterPath("logging/E231A697YXWD39.2017-04-23-16.d12f42f9.gz")),
                Arguments.of("""
                        {"mode":"path","last_path":"logs/a \\"b\\"\\\\c/caf\u00e9 \uD83D\uDE00.csv"}""",
                        IncrementalState.afterPath("logs/a \"b\"\\c/caf\u00e9 \uD83D\uDE00.csv")),
                Arguments.of("""
                        {"mode":"path","last_path":""}""",
                        IncrementalState.afterPath("")),
                Arguments.of("""
                        {"mode":"modified_time","last_modified_time":"1970-01-01T00:00:00Z","seen":[]}""",
                        IncrementalState.modifiedSince(Instant.EPOCH)),
                Arguments.of("""
                        {"mode":"modified_time","last_modified_time":"2019-06-03T10:30:19.806Z","seen":[\
                        {"key":"Z","last_modified":"2019-06-03T10:30:19.806Z"},\
                        {"key":"a","last_modified":"2019-06-03T10:31:00Z"},\
                        {"key":"a\uFFFD","last_modified":"2019-06-03T10:30:19.806Z"},\
                        {"key":"a\uD83D\uDE00","last_modified":"2019-06-03T10:30:20Z"}]}""",
                        IncrementalState.modifiedSince(T, Map.of("a\uD83D\uDE00", T.plusMillis(194), "a\uFFFD", T,
                                "a", Instant.parse("2019-06-03T10:31:00Z"), "Z", T))));
    }

    @ParameterizedTest
    @MethodSource("savedStates")
    void fromJson_writtenByEarlierVersions_readsTheSameStateAndWritesTheSameJson(String json,
                                                                                 IncrementalState expected) {
        IncrementalState read = IncrementalState.fromJson(json);
        assertThat(read).isEqualTo(expected);
        assertThat(read.mode()).isEqualTo(expected.mode());
        assertThat(read.lastPath()).isEqualTo(expected.lastPath());
        assertThat(read.modifiedCursor()).isEqualTo(expected.modifiedCursor());
        assertThat(read.seen()).containsExactlyEntriesOf(expected.seen());
        assertThat(read.toJson()).isEqualTo(json);
        assertThat(read).hasToString(json);
    }

    @Test
    void factories_makeTheTwoKindsOfState() {
        IncrementalState path = IncrementalState.afterPath("k/1");
        IncrementalState time = IncrementalState.modifiedSince(T, Map.of("k", T, "old", T.minusSeconds(1)));
        assertThat(path).isInstanceOfSatisfying(PathCursor.class, p -> assertThat(p.key()).isEqualTo("k/1"));
        assertThat(time).isInstanceOfSatisfying(ModifiedTimeCursor.class, m -> {
            assertThat(m.cursor()).isEqualTo(T);
            assertThat(m.seen()).containsExactly(Map.entry("k", T));
        });
        assertThat(path.mode()).isEqualTo(IncrementalState.Mode.PATH);
        assertThat(time.mode()).isEqualTo(IncrementalState.Mode.MODIFIED_TIME);
        assertThat(path.modifiedCursor()).isEmpty();
        assertThat(path.seen()).isEmpty();
        assertThat(time.lastPath()).isEmpty();
        assertThat(path).isNotEqualTo(IncrementalState.afterPath("k/2")).isNotEqualTo(time);
        assertThat(time).isNotEqualTo(IncrementalState.modifiedSince(T));
    }

    @Test
    void admits_pathCursorByKeyOrderAndModifiedTimeCursorByTimeAndSeenVersion() {
        IncrementalState path = IncrementalState.afterPath("k/1");
        assertThat(path.admits(ListedObject.of("k/2", 1, T, null))).isTrue();
        assertThat(path.admits(ListedObject.of("k/1", 1, T, null))).isFalse();
        IncrementalState time = IncrementalState.modifiedSince(T, Map.of("k", T));
        assertThat(time.admits(ListedObject.of("j", 1, T, null))).isTrue();
        assertThat(time.admits(ListedObject.of("k", 1, T, null))).isFalse();
        assertThat(time.admits(ListedObject.of("k", 1, T.plusSeconds(1), null))).isTrue();
        assertThat(time.admits(ListedObject.of("j", 1, T.minusMillis(1), null))).isFalse();
    }

    @ParameterizedTest
    @MethodSource("savedStates")
    void fromJson_keysInAnotherOrder_readsTheSameState(String json, IncrementalState expected) {
        String reordered = expected.mode() == IncrementalState.Mode.PATH
                ? json.replaceFirst("^\\{(\"mode\":\"path\"),(.*)}$", "{$2,$1}")
                : json.replaceFirst("^\\{(\"mode\":\"modified_time\"),(\"last_modified_time\":\"[^\"]*\"),(.*)}$",
                        "{$3,$2,$1}");
        assertThat(reordered).isNotEqualTo(json);
        assertThat(IncrementalState.fromJson(reordered)).isEqualTo(expected);
    }
}
