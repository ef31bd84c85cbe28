package io.ferry.s3.export.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartSizesTest {
    private static final long MIB = 1L << 20;

    @ParameterizedTest(name = "part {0} of base {1} MiB is {2} MiB")
    @CsvSource({
        "1,     10, 10",
        "2000,  10, 10",
        "2001,  10, 20",
        "2500,  10, 20",
        "2501,  10, 40",
        "10000, 10, 5120",
        "1,     5,  5",
        "2001,  5000, 5120",
        "10000, 5,  5120",
        "4500,  5,  160",
    })
    void sizeOfPart_followsSchedule(int part, long baseMib, long expectedMib) {
        assertThat(PartSizes.sizeOfPart(part, baseMib * MIB)).isEqualTo(expectedMib * MIB);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 10, 64, 100, 1000, 5000})
    void maxObjectSize_anyAllowedBase_reachesFiveTebibytes(long baseMib) {
        assertThat(PartSizes.maxObjectSize(baseMib * MIB)).isEqualTo(PartSizes.MAX_OBJECT_SIZE);
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 10, 5000})
    void sizeOfPart_neverShrinksNorExceedsFiveGibibytes(long baseMib) {
        long previous = 0;
        for (int p = 1; p <= PartSizes.MAX_PARTS; p++) {
            long size = PartSizes.sizeOfPart(p, baseMib * MIB);
            assertThat(size).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(PartSizes.MAX_PART_SIZE);
            previous = size;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10_001})
    void sizeOfPart_partNumberOutOfRange_throws(int part) {
        assertThatThrownBy(() -> PartSizes.sizeOfPart(part, 10 * MIB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("part number must be 1..10000, was " + part);
    }
}
