package io.ferry.s3.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.core.incremental.IncrementalState.Mode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImportStartTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void state_startOptions_becomeTheOneStartState() {
        assertThat(ImportStart.NONE.state(false)).isNull();
        assertThat(ImportStart.NONE.state(true)).isEqualTo(IncrementalState.afterPath(""));
        assertThat(ImportStart.NONE.withStartAfter("k").state(false)).isEqualTo(IncrementalState.afterPath("k"));
        assertThat(ImportStart.NONE.withStartAfter("k").withStartAfter(null).state(false)).isNull();
        assertThat(ImportStart.NONE.withSelectBy(Mode.MODIFIED_TIME).state(false))
                .isEqualTo(IncrementalState.modifiedSince(Instant.EPOCH));
        assertThat(ImportStart.NONE.withSelectBy(Mode.MODIFIED_TIME).withModifiedAfter(T).state(true))
                .isEqualTo(IncrementalState.modifiedSince(T));
    }

    @Test
    void state_savedState_replacesTheStartOptionsInAnyOrder() {
        IncrementalState saved = IncrementalState.afterPath("s");
        assertThat(ImportStart.NONE.withStartAfter("k").withSaved(saved).state(true)).isSameAs(saved);
        assertThat(ImportStart.NONE.withSaved(saved).withStartAfter("k").withModifiedAfter(T).state(false))
                .isSameAs(saved);
        assertThat(ImportStart.NONE.withSaved(saved).withModifiedAfter(T).withSaved(null).withModifiedAfter(null)
                .state(false)).isNull();
    }

    @Test
    void state_contradictions_throwNamingTheOption() {
        assertThatThrownBy(() -> ImportStart.NONE.withSelectBy(Mode.MODIFIED_TIME)
                .withSaved(IncrementalState.afterPath("k")).state(true))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the state is in PATH mode but the import selects by modified time;"
                        + " set useModifiedTime(false) or start without the state (state)");
        assertThatThrownBy(() -> ImportStart.NONE.withSaved(IncrementalState.modifiedSince(T)).state(true))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the state is in MODIFIED_TIME mode but the import selects by path;"
                        + " set useModifiedTime(true) or start without the state (state)");
        assertThatThrownBy(() -> ImportStart.NONE.withModifiedAfter(T).state(false))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("modifiedAfter needs useModifiedTime(true) (modifiedAfter)");
        assertThatThrownBy(() -> ImportStart.NONE.withSelectBy(Mode.MODIFIED_TIME).withStartAfter("k").state(false))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("startAfter selects by key; with useModifiedTime(true) use modifiedAfter instead (startAfter)");
    }
}
