package io.ferry.s3.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WriteProbeTest {
    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "exports/{{TABLE}}/dt={{YEAR}}/{{UUID}}.csv | exports/",
        "a/b/data.csv                               | a/b/",
        "data.csv                                   | ''",
        "{{TABLE}}/x.csv                            | ''",
        "invoices/{customer_id}/dump_{4}.csv        | invoices/",
        "a/b/pre_{{UUID}}                           | a/b/",
    })
    void prefixOf_isTheFixedFolderPart(String template, String prefix) {
        assertThat(WriteProbe.prefixOf(template)).isEqualTo(prefix);
    }
}
