package io.ferry.td.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TdNamesTest {
    @Test
    void temporaryTable_isAValidShortNameNextToItsTarget() {
        String t = TdNames.temporaryTable("events");

        assertThat(t).matches("events_ferry_tmp_[0-9a-f]{12}");
        assertThat(TdNames.check(t, "table", "table")).isEqualTo(t);
    }

    @Test
    void temporaryTable_longTarget_isCutTo63Characters() {
        String t = TdNames.temporaryTable("a".repeat(256));

        assertThat(t).hasSize(63).matches("a{40}_ferry_tmp_[0-9a-f]{12}");
    }

    @Test
    void temporaryTable_andImportIds_differEachTime() {
        assertThat(TdNames.temporaryTable("events")).isNotEqualTo(TdNames.temporaryTable("events"));
        assertThat(TdNames.uniqueImportId()).matches("[0-9a-f]{32}").isNotEqualTo(TdNames.uniqueImportId());
    }
}
