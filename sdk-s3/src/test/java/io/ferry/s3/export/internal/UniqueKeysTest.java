package io.ferry.s3.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UniqueKeysTest {
    @ParameterizedTest(name = "{0} + {1} #{2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "a/b/data.csv.gz | .csv.gz  | 1 | a/b/data-1.csv.gz",
        "a/b/data.csv.gz | .csv.gz  | 0 | a/b/data.csv.gz",
        "data.CSV        | .csv     | 2 | data-2.CSV",
        "a/data.parquet  | .parquet | 12| a/data-12.parquet",
        "a/b/data        | .csv     | 1 | a/b/data-1",
        "a/.csv          | .csv     | 1 | a/.csv-1",
        "dump.txt        | ''       | 1 | dump.txt-1",
    })
    void suffixed_insertsBeforeExtension(String key, String ext, int n, String expected) {
        assertThat(UniqueKeys.suffixed(key, ext, n)).isEqualTo(expected);
    }
}
