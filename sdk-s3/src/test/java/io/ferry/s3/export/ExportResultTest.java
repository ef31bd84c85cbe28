package io.ferry.s3.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportResultTest {
    private static final ExportedObject A = ExportedObject.of("b", "k/a.csv", 10, 100, "\"e1\"", 0);
    private static final ExportedObject B = ExportedObject.of("b", "k/b.csv", 5, 40, "\"e2\"", 3);

    @Test
    void builder_sumsRowsAndBytesOverObjects() {
        ExportResult r = ExportResult.builder().syncId("s1").objects(List.of(A, B)).duration(Duration.ofMillis(7))
                .build();

        assertThat(r.rows()).isEqualTo(15);
        assertThat(r.bytes()).isEqualTo(140);
        assertThat(r.objectCount()).isEqualTo(2);
        assertThat(r).hasToString("ExportResult{2 objects, 15 rows, 140 bytes, 7 ms}");
    }

    @Test
    void toBuilder_roundTripsEveryValue() {
        ExportResult r = ExportResult.builder().syncId("s1").objects(List.of(A)).duration(Duration.ofSeconds(2))
                .build();

        assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r.toBuilder().syncId("s2").build()).isNotEqualTo(r);
        assertThat(r.toBuilder().objects(List.of(A, B)).build()).isNotEqualTo(r);
        assertThat(r.toBuilder().duration(Duration.ZERO).build()).isNotEqualTo(r);
    }

    @Test
    void build_withoutSyncId_namesTheOption() {
        assertThatThrownBy(() -> ExportResult.builder().build()).isInstanceOf(FerryConfigException.class)
                .hasMessage("syncId is required: set syncId(...) (syncId)");
    }

    @Test
    void duration_negative_isRefused() {
        assertThatThrownBy(() -> ExportResult.builder().duration(Duration.ofMillis(-1)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("duration must be zero or more, was PT-0.001S (duration)");
    }

    @Test
    @SuppressWarnings("removal")
    void elapsed_deprecated_isTheDuration() {
        ExportResult r = ExportResult.builder().syncId("s1").elapsed(Duration.ofSeconds(3)).build();

        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(3));
        assertThat(r).isEqualTo(ExportResult.builder().syncId("s1").duration(Duration.ofSeconds(3)).build());
        assertThatThrownBy(() -> ExportResult.builder().elapsed(Duration.ofMillis(-1)))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("duration must be zero or more, was PT-0.001S (duration)");
    }
}
