package io.ferry.formats.text.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoubleTextTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.0                    | 0.0",
        "-0.0                   | -0.0",
        "1.0                    | 1.0",
        "123.456                | 123.456",
        "1.0E7                  | 10000000.0",
        "12345678.9             | 12345678.9",
        "1.0E10                 | 10000000000.0",
        "-1.2345E10             | -12345000000.0",
        "1.23456789012E8        | 123456789.012",
        "9.99E20                | 999000000000000000000.0",
        "1.0E21                 | 1.0E21",
        "1.7976931348623157E308 | 1.7976931348623157E308",
        "0.001                  | 0.001",
        "1.0E-4                 | 0.0001",
        "-2.5E-7                | -0.00000025",
        "1.0E-7                 | 0.0000001",
        "9.9E-8                 | 9.9E-8",
        "4.9E-324               | 4.9E-324",
        "NaN                    | NaN",
        "Infinity               | Infinity",
        "-Infinity              | -Infinity"
    })
    void format_plainForOrdinaryMagnitudes(double value, String expected) {
        assertThat(DoubleText.format(value)).isEqualTo(expected);
    }

    @Test
    void format_randomValues_parseBackToTheSameDouble() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong())
                    : random.nextDouble() * Math.pow(10, random.nextInt(60) - 30);
            String text = DoubleText.format(d);
            assertThat(Double.valueOf(text)).as(text).isEqualTo(Double.valueOf(d));
        }
    }

    @Test
    void format_randomValues_noMoreDigitsThanTheJdk() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong())
                    : random.nextDouble() * Math.pow(10, random.nextInt(60) - 30);
            if (DoubleText.isNonFinite(d)) {
                continue;
            }
            String text = DoubleText.format(d);
            assertThat(new java.math.BigDecimal(text).stripTrailingZeros().precision()).as(text)
                    .isLessThanOrEqualTo(new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().precision());
        }
    }

    @Test
    void format_valuesJava17WritesWithDigitsTooMany_areTheShortest() {
        // Java 17's Double.toString: 2.82879384806159008E17, 9.999999999999999E22, 8.409999999999999E21
        assertThat(DoubleText.format(2.82879384806159E17)).isEqualTo("282879384806159000.0");
        assertThat(DoubleText.format(1.0E23)).isEqualTo("1.0E23");
        assertThat(DoubleText.format(8.41E21)).isEqualTo("8.41E21");
    }
}
