package io.ferry.formats.parquet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvroNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # column names                 | Avro field names
            code,cnt                       | code,cnt
            _x,X9,a_b                      | _x,X9,a_b
            my col                         | my_col
            1st                            | _1st
            ünï                            | _n_
            a-b,a.b,a b                    | a_b,a_b_2,a_b_3
            a-b,a_b                        | a_b_2,a_b
            a_b_2,a-b,a b                  | a_b_2,a_b,a_b_3
            😀                             | _
            x😀y                           | x_y
            9                              | _9
            """)
    void sanitize_followsTheDocumentedRule(String columns, String expected) {
        List<String> names = Arrays.asList(columns.split(","));

        List<String> avro = AvroNames.sanitize(names);

        assertThat(avro).containsExactly(expected.split(","));
        assertThat(avro).allMatch(AvroNames::isValid).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource(delimiter = '|', textBlock = """
            a     | true
            _     | true
            A_9z  | true
            9a    | false
            a b   | false
            é     | false
            a-b   | false
            """)
    void isValid_acceptsOnlyAvroSpecificationNames(String name, boolean valid) {
        assertThat(AvroNames.isValid(name)).isEqualTo(valid);
    }
}
