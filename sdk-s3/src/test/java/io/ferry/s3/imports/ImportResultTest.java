package io.ferry.s3.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import io.ferry.core.incremental.IncrementalState;
import io.ferry.formats.read.BadRow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportResultTest {
    @Test
    void builder_defaults_anEmptyResult() {
        ImportResult r = ImportResult.builder().build();
        assertThat(r.objects()).isEmpty();
        assertThat(r.rows()).isZero();
        assertThat(r.bytes()).isZero();
        assertThat(r.skippedRows()).isZero();
        assertThat(r.badRows()).isEmpty();
        assertThat(r.skippedArchived()).isEmpty();
        assertThat(r.nextState()).isEmpty();
        assertThat(r.duration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void builder_values_sumsOverObjectsAndToBuilderKeepsThem() {
        ImportResult r = ImportResult.builder()
                .objects(List.of(ImportedObject.of("a", 10, 3, 1, Duration.ofMillis(5)),
                        ImportedObject.of("b", 20, 4, 0, Duration.ofMillis(6))))
                .skippedRows(1)
                .badRows(List.of(BadRow.of("a", 2, "id", "'x' is not a long integer")))
                .skippedArchived(List.of("g"))
                .nextState(IncrementalState.afterPath("b"))
                .duration(Duration.ofMillis(20))
                .build();
        assertThat(r.rows()).isEqualTo(7);
        assertThat(r.bytes()).isEqualTo(30);
        assertThat(r.nextState()).contains(IncrementalState.afterPath("b"));
        assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r.toBuilder().skippedArchived(List.of()).build()).isNotEqualTo(r);
        assertThat(r).hasToString("ImportResult{objects=2, rows=7, bytes=30, skippedRows=1, skippedArchived=1,"
                + " nextState={\"mode\":\"path\",\"last_path\":\"b\"}, duration=20 ms}");
    }

    @Test
    void builder_badValues_throwNamingTheOption() {
        assertThatThrownBy(() -> ImportResult.builder().skippedRows(-1))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("skippedRows must be 0 or more, was -1 (skippedRows)");
        assertThatThrownBy(() -> ImportResult.builder().duration(Duration.ofMillis(-1)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("duration must be zero or more, was PT-0.001S (duration)");
        assertThatThrownBy(() -> ImportResult.builder().objects(null))
                .isInstanceOf(FerryConfigException.class)
                .hasMessageEndingWith("(objects)");
    }
}
