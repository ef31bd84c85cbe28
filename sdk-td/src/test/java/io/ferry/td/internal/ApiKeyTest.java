package io.ferry.td.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private static final String SECRET = "1/secretsecretsecret";

    @Test
    void toString_printsMask() {
        assertThat(ApiKey.of(SECRET, "apiKey")).hasToString("****");
    }

    @Test
    void authorization_isTd1Header_stripped() {
        assertThat(ApiKey.of("  " + SECRET + "\n", "apiKey").authorization()).isEqualTo("TD1 " + SECRET);
    }

    @Test
    void redact_replacesEveryOccurrence() {
        assertThat(ApiKey.of(SECRET, "apiKey").redact("key " + SECRET + " is bad: " + SECRET))
                .isEqualTo("key **** is bad: ****");
    }

    @Test
    void of_blank_throwsNamingTheOption() {
        assertThatThrownBy(() -> ApiKey.of("  ", "apiKey"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the API key is empty; give the key shown in TD Console > My Settings > API Keys (apiKey)");
    }

    @Test
    void of_lineBreakInside_throwsWithoutTheKey() {
        assertThatThrownBy(() -> ApiKey.of("1/abc\ndef", "apiKey"))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage("the API key **** contains control characters (a pasted line break?); give the key on one"
                        + " line (apiKey)");
    }
}
